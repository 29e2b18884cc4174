"""An agreed report is locked: a change that shows only in one of its tables must not be
re-printed under the agreed number as if nothing had changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from facilitator.common.vocabulary import ExchangeKind
from facilitator.demo import DEMO_CYCLE, create_demo_day
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.records.exporting import RecordExports
from facilitator.records.keys import RecordKey
from facilitator.records.versions import RecordLockedError
from facilitator.storage.record_tables import RecordStatus
from facilitator.workspace import Workspace


def test_an_agreed_cycle_report_whose_table_changed_is_refused(
    workspace: Workspace, tmp_path: Path
) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route)
    exports = RecordExports(workspace)
    key = RecordKey.cycle_report(DEMO_CYCLE)
    exports.export_cycle_report(DEMO_CYCLE, tmp_path / "v1.docx")
    workspace.records.mark_sent(key)
    workspace.records.agree(key, dt.date(2027, 3, 12))
    agreed = exports.export_cycle_report(DEMO_CYCLE, tmp_path / "agreed.docx")
    assert (agreed.version, agreed.status) == (1, RecordStatus.AGREED)

    # The cycle report lists asks and offers in a table only.
    session = presenting_sessions(workspace.db, day_id)[1]
    workspace.exchanges.add(
        session.session_id, ExchangeKind.OFFER, session.authority_id, "Our kinship care hub."
    )

    with pytest.raises(RecordLockedError, match="cycle report was agreed on 12 March 2027"):
        exports.export_cycle_report(DEMO_CYCLE, tmp_path / "changed.docx")
    assert not (tmp_path / "changed.docx").exists()
