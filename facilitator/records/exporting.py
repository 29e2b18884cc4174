"""Exporting the record: each document built from the stored day and kept as a version.

Joins the documents (facilitator.word) to the versions (RecordBook): the book decides the
version number and status, the builders write the words, and every session note passes the
confidentiality check on the way out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.planning.day_sessions import SessionInfo, presenting_sessions
from facilitator.records.collect import agreed_status_line, draft_status_line
from facilitator.records.keys import RecordKey
from facilitator.records.tables import RecordStatus
from facilitator.records.versions import VersionView

if TYPE_CHECKING:
    from facilitator.workspace import Workspace

DEFAULT_MARKING = "OFFICIAL-SENSITIVE"


@dataclass(frozen=True)
class DayRecord:
    """One document of a day's record, as the records list shows it."""

    key: RecordKey
    title: str
    file_stem: str
    session: SessionInfo | None


class RecordExports:
    def __init__(
        self,
        workspace: Workspace,
        *,
        marking: str | None = DEFAULT_MARKING,
        template: Path | None = None,
    ) -> None:
        self.workspace = workspace
        self.marking = marking
        self.template = template

    def day_records(self, day_id: int) -> list[DayRecord]:
        plan = self.workspace.planner.day_plan(day_id)
        date = plan.summary.date.isoformat()
        records = [
            DayRecord(
                RecordKey.session_note(day_id, info.session_id, info.authority_id),
                f"Session note: {info.authority_name}",
                f"{date} {info.authority_name} session note",
                info,
            )
            for info in presenting_sessions(self.workspace.db, day_id)
        ]
        records.append(
            DayRecord(RecordKey.day_summary(day_id), "Day summary", f"{date} day summary", None)
        )
        return records

    def export(self, record: DayRecord, path: Path, *, overwrite: bool = False) -> VersionView:
        key = record.key
        if record.session is not None:
            session_id = record.session.session_id
            return self.workspace.records.export(
                key,
                lambda status, version: self._session_note(key, session_id, status, version),
                path,
                overwrite=overwrite,
            )
        assert key.day_id is not None
        day_id = key.day_id
        return self.workspace.records.export(
            key,
            lambda status, version: self._day_summary(day_id, status, version),
            path,
            overwrite=overwrite,
        )

    def export_cycle_report(
        self, cycle_name: str, path: Path, *, overwrite: bool = False
    ) -> VersionView:
        from facilitator.word.cycle_report import cycle_report_bytes

        def build(status: RecordStatus, version: int) -> bytes:
            return cycle_report_bytes(
                self.workspace,
                cycle_name,
                marking=self.marking,
                template=self.template,
                generated_at=self._now(),
                version=version,
                status=status.label,
            )

        return self.workspace.records.export(
            RecordKey.cycle_report(cycle_name), build, path, overwrite=overwrite
        )

    def export_day(self, day_id: int, folder: Path, *, overwrite: bool = False) -> list[Path]:
        """Every record of the day into `folder`: a note per presenting authority and the
        day summary, each at its current status. Stops at the first file it cannot write."""
        written = []
        for record in self.day_records(day_id):
            path = Path(folder) / f"{record.file_stem}.docx"
            self.export(record, path, overwrite=overwrite)
            written.append(path)
        return written

    def _session_note(
        self, key: RecordKey, session_id: int, status: RecordStatus, version: int
    ) -> bytes:
        from facilitator.word.session_note import session_note_bytes

        state = self.workspace.records.status(key)
        if status is RecordStatus.AGREED:
            agreed_on = state.agreed_on or self._now().date()
            return session_note_bytes(
                self.workspace,
                session_id,
                status_line=agreed_status_line(agreed_on),
                draft_version=None,
                agreed_on=agreed_on,
                version=version,
                marking=self.marking,
                template=self.template,
                generated_at=self._now(),
            )
        return session_note_bytes(
            self.workspace,
            session_id,
            status_line=draft_status_line(version, state.sent_on),
            draft_version=version,
            agreed_on=None,
            marking=self.marking,
            template=self.template,
            generated_at=self._now(),
        )

    def _day_summary(self, day_id: int, status: RecordStatus, version: int) -> bytes:
        from facilitator.word.day_summary import day_summary_bytes

        return day_summary_bytes(
            self.workspace,
            day_id,
            marking=self.marking,
            template=self.template,
            generated_at=self._now(),
            version=version,
            status=status.label,
        )

    def _now(self) -> dt.datetime:
        return self.workspace.clock.wall_now().astimezone()
