"""The schedule import checks its file off the UI thread, behind a cancellable progress
dialog, and writes all or nothing."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from facilitator.schedule.importing import MAX_ROWS, check_schedule_file
from facilitator.workspace import Workspace
from ui.schedule import import_dialog
from ui.schedule.import_dialog import ImportReport, ScheduleImporter

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
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = write_schedule(tmp_path / "days.csv", MAX_ROWS)

    def slow_check(*args: Any) -> Any:
        # A fast machine checks 1,000 rows between two ticks of the UI thread: each row
        # takes a little longer here, so the test sees the thread stay free, not a race.
        progress = args[4]

        def slowly(done: int, total: int) -> None:
            time.sleep(0.0005)
            progress(done, total)

        return check_schedule_file(*args[:4], slowly, *args[5:])

    monkeypatch.setattr(import_dialog, "check_schedule_file", slow_check)
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
    assert importer.steps[-1] == (MAX_ROWS, MAX_ROWS)
    assert len(importer.steps) > 2  # the bar moves as the rows are read, not in one jump
    assert [done for done, _ in importer.steps] == sorted({d for d, _ in importer.steps})
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


def test_a_clash_with_a_stored_day_blocks_the_import_in_the_app(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    first = write_schedule(tmp_path / "first.csv", 1)  # A0, B0, C0 on 01/09/2022
    assert ScheduleImporter(workspace.planner).import_file(first, "2022-2023").ok  # type: ignore[union-attr]
    clash = tmp_path / "clash.csv"
    clash.write_text(f"{HEADER}\n1,01/09/2022,A0,X,Y,Virtual\n", encoding="utf-8")

    result = ScheduleImporter(workspace.planner).import_file(clash, "Another cycle")

    assert result is not None
    assert [str(e) for e in result.errors] == [
        "Row 2: A0 is also in day id 1 (the 2022-2023 cycle) on 01/09/2022: an authority "
        "cannot be at two days on one date."
    ]
    assert len(workspace.planner.list_days()) == 1
    report = ImportReport(result)
    qtbot.addWidget(report)
    assert report.details.toPlainText().startswith("clash.csv: Row 2: A0 is also in day id 1")


def test_notices_are_listed_under_their_own_heading_and_the_import_goes_on(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    rows = [
        "1,16/01/2023,Wokingham,East Sussex,Surrey,Virtual",
        "2,24/01/2023,Kent,Medway,Surrey,Virtual",
        "3,31/01/2022,Slough,Reading,Oxfordshire,Virtual",
    ]
    path = tmp_path / "notices.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")

    result = ScheduleImporter(workspace.planner).import_file(path, "SE DCS peer challenge")

    assert result is not None
    assert result.ok, result.errors
    assert len(workspace.planner.list_days()) == 3
    report = ImportReport(result)
    qtbot.addWidget(report)
    text = report.details.toPlainText()
    assert "Notices: imported anyway, but worth checking" in text
    assert "• Row 3: Surrey takes part twice in the SE DCS peer challenge cycle" in text
    assert "• Row 4: 31/01/2022 is about 11 months from the middle of" in text
    assert "are on the South East list but in none of the days" in text
    assert "with 6 notices to check" in result.summary
