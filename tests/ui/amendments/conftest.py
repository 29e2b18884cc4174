"""A real exported session note, sent for amendment, and spies on the round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from facilitator.amendments.round_trip import AmendedFile
from facilitator.common.clock import FakeClock
from facilitator.demo import create_demo_day
from facilitator.records.exporting import DayRecord, RecordExports
from facilitator.workspace import Workspace


@pytest.fixture
def clock() -> FakeClock:
    """A week after the demo day, as when a director sends the note back."""
    return FakeClock(dt.datetime(2027, 1, 26, 9, 0, tzinfo=dt.UTC))


@pytest.fixture
def day_id(workspace: Workspace) -> int:
    return create_demo_day(workspace.planner, workspace.notebook)


@pytest.fixture
def ashvale(workspace: Workspace, day_id: int) -> DayRecord:
    return RecordExports(workspace).day_records(day_id)[0]


@pytest.fixture
def sent(workspace: Workspace, ashvale: DayRecord, tmp_path: Path) -> Path:
    """Ashvale's note exported by Balcony as version 1 and marked as sent."""
    path = tmp_path / "Ashvale session note.docx"
    RecordExports(workspace).export(ashvale, path)
    workspace.records.mark_sent(ashvale.key)
    return path


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def warn(*args: object, **_: object) -> QMessageBox.StandardButton:
        said.append(str(args[2]))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warn)
    return said


@pytest.fixture
def applied(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """What the dialog's caller asked the round trip for (the real one still does it)."""
    calls: list[tuple[Any, ...]] = []
    trip = workspace.round_trip
    real_apply, real_problems = trip.apply, trip.problems

    def apply(amended: AmendedFile, choice: Any, **kw: Any) -> Any:
        calls.append(("apply", choice, tuple(kw.get("changes") or ())))
        return real_apply(amended, choice, **kw)

    def problems(amended: AmendedFile, **kw: Any) -> list[str]:
        calls.append(("problems", None, tuple(kw.get("changes") or ())))
        return real_problems(amended, **kw)

    monkeypatch.setattr(trip, "apply", apply)
    monkeypatch.setattr(trip, "problems", problems)
    return calls
