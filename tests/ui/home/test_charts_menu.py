"""Day ▸ Charts… (Ctrl+Shift+H) opens the selected day's charts, one window per day."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.workspace import Workspace
from ui.home.main_window import MainWindow


def test_ctrl_shift_h_opens_the_selected_days_charts_once(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = MainWindow(workspace, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.menus.demo.trigger()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    day_id = window.selected_day_id()
    assert day_id is not None
    assert window.menus.charts.isEnabled()

    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_H, keys)
    charts = window.charts[day_id]
    assert charts.isVisible()
    assert charts.day_id == day_id
    assert "Triad on Monday 18 January 2027" in charts.windowTitle()

    window.menus.charts.trigger()  # again: the same window, brought forward
    assert window.charts == {day_id: charts}
