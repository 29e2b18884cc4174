"""The home window's way into the regional scheme, and what is due on its front page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from facilitator.workspace import Workspace
from ui.home.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(workspace, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_ctrl_shift_s_opens_the_scheme_window_once(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )

    first = window.scheme
    assert first is not None
    assert first.isVisible()
    assert first.windowTitle() == "Regional scheme — Balcony"
    window.menus.scheme.trigger()
    assert window.scheme is first  # brought forward, not a second copy
    first.close()
    window.menus.scheme.trigger()
    assert window.scheme is not None
    assert window.scheme is not first
    window.scheme.close()
