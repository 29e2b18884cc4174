"""The schedule import checks its file off the UI thread, behind a cancellable progress
dialog, and writes all or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from facilitator.schedule.importing import MAX_ROWS
from facilitator.workspace import Workspace
from ui.schedule.import_dialog import ScheduleImporter

HEADER = "Triad,Date,LA1,LA2,LA3,F to F/ Virtual"


def write_schedule(path: Path, rows: int) -> Path:
    start = dt.date(2022, 9, 1)
    lines = [HEADER] + [
        f"{i + 1},{start + dt.timedelta(days=i % 360):%d/%m/%Y},A{i},B{i},C{i},Virtual"
        for i in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class RecordingImporter(ScheduleImporter):
    """Keeps every step the progress dialog is given."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.steps: list[tuple[int, int]] = []

    def _progressed(self, done: int, total: int) -> None:
        self.steps.append((done, total))
        super()._progressed(done, total)


def test_checking_shows_progress_and_leaves_the_ui_thread_free(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    file = write_schedule(tmp_path / "days.csv", MAX_ROWS)
    importer = RecordingImporter(workspace.planner)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(1)
    # Runs on the UI thread: it only fires while that thread is free to handle events.
    timer.timeout.connect(lambda: ticks.append(importer.progress.value()))
    timer.start()
    checked = importer.check(file, "2022-2023")
    timer.stop()
    assert checked is not None
    assert not hasattr(checked, "errors"), checked
    assert len(ticks) > 1
    assert importer.steps[0] == (0, MAX_ROWS)
    assert importer.steps[-1] == (MAX_ROWS, MAX_ROWS)
    assert len(importer.steps) > 10  # the bar moves row by row, not in one jump
    assert importer.progress.value() == MAX_ROWS
    assert workspace.planner.list_days() == []  # checking writes nothing


def test_cancelling_the_check_writes_nothing(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    file = write_schedule(tmp_path / "days.csv", 200)
    importer = ScheduleImporter(workspace.planner)
    # What the Cancel button (or closing the dialog) sends.
    QTimer.singleShot(0, importer.progress.canceled.emit)
    assert importer.import_file(file, "2022-2023") is None
    assert workspace.planner.list_days() == []


def test_a_sound_file_is_imported_after_the_check(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    file = write_schedule(tmp_path / "days.csv", 3)
    result = ScheduleImporter(workspace.planner).import_file(file, "2022-2023")
    assert result is not None
    assert result.ok, result.errors
    assert len(workspace.planner.list_days()) == 3
