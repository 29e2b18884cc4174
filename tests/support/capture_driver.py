"""Types bullets into a real console, announcing each one once it is on screen.

Run by tests/test_crash_safety.py, which kills this process with SIGKILL mid-typing and
then checks that every announced bullet survived. Not a test module itself.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from facilitator.demo import create_demo_day
from facilitator.workspace import Workspace
from ui.app import ensure_application
from ui.console.window import ConsoleWindow


def open_day_console(data: Path, settings_path: Path) -> tuple[QApplication, ConsoleWindow]:
    """The first day of `data` (the demo triad if it has none) running in a shown console."""
    app = ensure_application()
    workspace = Workspace.open(data)
    days = workspace.planner.list_days()
    day_id = (
        days[0].id
        if days
        else create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route)
    )
    if workspace.conductor.state(day_id).current is None:
        workspace.conductor.start_day(day_id)
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    console = ConsoleWindow(workspace, workspace.conductor, day_id, settings)
    console.show()
    return app, console


def main(data: Path, settings_path: Path) -> None:
    app, console = open_day_console(data, settings_path)
    counter = itertools.count(1)

    def type_one() -> None:
        text = f"Bullet number {next(counter)}: a strong front door"
        console.capture.line.setFocus()
        QTest.keyClicks(console.capture.line, text)
        QTest.keyClick(console.capture.line, Qt.Key.Key_Return)
        shown = [
            console.notes_model.data(console.notes_model.index(r))
            for r in range(console.notes_model.rowCount())
        ]
        if text in shown:
            print(f"CONFIRMED {text}", flush=True)
        QTimer.singleShot(5, type_one)

    QTimer.singleShot(50, type_one)
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
