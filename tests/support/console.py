"""The console as the UI tests open it: the demo triad, a fake clock, settings in tmp, and keys
sent to whatever has the focus, as a facilitator's keyboard would send them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.demo import create_demo_day
from facilitator.live.conductor import Conductor
from facilitator.workspace import Workspace
from ui.console.window import ConsoleWindow


def open_console(
    qtbot: QtBot,
    workspace: Workspace,
    clock: FakeClock,
    tmp_path: Path,
    size: tuple[int, int] | None = None,
) -> ConsoleWindow:
    """The demo day's console, shown and active; `size` for a window of that size exactly."""
    day_id = create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = ConsoleWindow(workspace, Conductor(workspace.db, clock), day_id, settings)
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def key(
    qtbot: QtBot,
    console: ConsoleWindow,
    k: Qt.Key,
    mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.keyClick(QApplication.focusWidget() or console, k, mod)
