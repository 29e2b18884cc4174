"""F1: every key of a window, read from its own commands, so the sheet never goes stale."""

from __future__ import annotations

from importlib.resources.readers import MultiplexedPath
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from facilitator.demo import create_demo_day
from facilitator.workspace import Workspace
from ui import app
from ui.common.shortcut_sheet import ShortcutSheet
from ui.console.window import ConsoleWindow
from ui.home.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[3]


def open_sheet(qtbot: QtBot, window: QWidget) -> ShortcutSheet:
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # for its shortcuts
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    sheets = [s for s in window.findChildren(ShortcutSheet) if s.isVisible()]
    assert len(sheets) == 1
    return sheets[0]


def demo_console(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> ConsoleWindow:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    console = ConsoleWindow(workspace, workspace.conductor, day_id, settings)
    qtbot.addWidget(console)
    return console


def test_f1_in_the_home_window_lists_its_menus_keys(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = MainWindow(workspace, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()

    sheet = open_sheet(qtbot, window)

    rows = sheet.shown_rows()
    assert ("Ctrl+N", "New day", "File") in rows
    assert ("Ctrl+Shift+R", "Run this day", "Day") in rows
    assert ("F1", "Keyboard shortcuts", "Help") in rows
    assert ("Ctrl+B", "Go to the question bank", "Question bank") in rows
    qtbot.keyClicks(sheet.search, "records")
    assert sheet.shown_rows() == [("Ctrl+Shift+C", "Records", "Day")]

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)  # again: still one
    assert [s for s in window.findChildren(ShortcutSheet) if s.isVisible()] == [sheet]


def test_f1_in_the_console_lists_the_run_and_the_typing_keys(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    console = demo_console(qtbot, workspace, tmp_path)
    console.show()

    rows = open_sheet(qtbot, console).shown_rows()

    assert ("F5", "Start / next stage", "Day") in rows
    assert ("F7", "Next questioner", "Capture") in rows
    assert ("F9", "Presenter screen", "View") in rows
    assert ("Enter", "Save the bullet and start the next", "Capture line") in rows
    # Keys that belong to a list, not a menu, are there too.
    assert any(where == "Elsewhere in the window" for _, _, where in rows)
    console.close()


def test_the_icon_is_found_in_the_bundle_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """In the bundle `resources` comes back as a MultiplexedPath, which joins one name at a
    time: the icon was missing and the bundled app failed to start."""
    monkeypatch.setattr(app, "files", lambda _: MultiplexedPath(str(ROOT / "resources")))

    assert not app.app_icon().isNull()
    assert "QMainWindow" in app.style_sheet()
    assert QApplication.instance() is not None


def test_the_consoles_run_buttons_say_their_keys(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    console = demo_console(qtbot, workspace, tmp_path)

    assert console.start_button.toolTip() == "Start / next stage (F5)"
    assert console.back_button.toolTip() == "Back a stage (Shift+F5)"
    assert console.pause_button.toolTip() == "Pause / resume (F6)"
    assert console.skip_button.toolTip() == "Skip the break (Ctrl+Shift+K)"
    console.close()
