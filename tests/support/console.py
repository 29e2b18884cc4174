"""The console as the UI tests open it: the demo triad, a fake clock, settings in tmp, and keys
sent to whatever has the focus, as a facilitator's keyboard would send them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QListView, QWidget
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


CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def key(
    qtbot: QtBot,
    console: ConsoleWindow,
    k: Qt.Key,
    mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.keyClick(QApplication.focusWidget() or console, k, mod)


def press(
    qtbot: QtBot, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key to whatever has the focus, as a facilitator's keyboard would send it."""
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the keyboard focus"
    qtbot.keyClick(focus, k, mod)


def pick_when_asked(label_start: str) -> list[str]:
    """Answers the next chooser the console opens by choosing the entry starting with
    `label_start` in its list and pressing Enter; the list returned says what was seen."""
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            seen.append("no chooser")
            return
        seen.append(dialog.windowTitle())
        view = dialog.findChild(QListView)
        model = view.model() if view is not None else None
        rows = [model.index(r, 0) for r in range(model.rowCount())] if model else []
        row = next((i for i in rows if str(i.data()).startswith(label_start)), None)
        if view is None or row is None:
            seen.append(f"no entry starting {label_start!r}")
        else:
            view.setFocus()
            view.setCurrentIndex(row)
            QTest.keyClick(view, Qt.Key.Key_Return)
        if dialog.isVisible():  # Enter should have picked it; never leave the test hanging
            seen.append("the chooser stayed open")
            dialog.reject()

    QTimer.singleShot(0, answer)
    return seen


def answered(qtbot: QtBot, window: QWidget, seen: list[str]) -> None:
    """Waits for the chooser to be answered and `window` (the console, or a dialog the
    chooser was over) to have the keyboard again."""
    qtbot.waitUntil(lambda: bool(seen) and QApplication.activeWindow() is window)
