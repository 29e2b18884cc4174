"""A data file opened read-only (another Balcony window has it): the console shows the day
but takes no bullets, and says why on the line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from facilitator.demo import create_demo_day
from facilitator.workspace import Workspace
from ui.console.window import ConsoleWindow


def test_a_read_only_console_takes_no_bullets_and_says_why(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    writer = Workspace.open(path)
    day_id = create_demo_day(writer.planner, writer.notebook, writer.outcome_route)
    writer.close()
    reader = Workspace.open(path, read_only=True)
    try:
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        console = ConsoleWindow(reader, reader.conductor, day_id, settings)
        qtbot.addWidget(console)
        console.show()
        before = [n.text for s in console.state.stages for n in reader.notebook.for_stage(s.id)]

        qtbot.keyClicks(console.capture.line, "Typed into a read-only day")
        qtbot.keyClick(console.capture.line, Qt.Key.Key_Return)

        assert console.capture.line.text() == ""
        assert "read-only" in console.capture.line.placeholderText()
        after = [n.text for s in console.state.stages for n in reader.notebook.for_stage(s.id)]
        assert after == before
        console.close()
    finally:
        reader.close()
