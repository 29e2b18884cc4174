"""The first tour of the demo day: offered once, by itself, when the demo day is first opened;
step by step with the part it names outlined; skippable; again from the Help menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.workspace import Workspace
from ui.home.main_window import MainWindow
from ui.home.tour import Tour


def shown_tours(window: MainWindow) -> list[Tour]:
    return [t for t in window.findChildren(Tour) if t.isVisible()]


def home(qtbot: QtBot, workspace: Workspace, settings: QSettings) -> MainWindow:
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_opening_the_demo_day_the_first_time_starts_the_tour_once(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = home(qtbot, workspace, settings)

    qtbot.mouseClick(window.empty_state.demo_button, Qt.MouseButton.LeftButton)

    [tour] = shown_tours(window)
    assert tour.counter.text() == "Step 1 of 6"
    assert tour.heading.text() == "The days"
    outline = tour.outline.geometry()
    days = window.days_view
    assert outline.contains(days.mapTo(window, days.rect().center()))
    assert not tour.back_button.isEnabled()

    qtbot.mouseClick(tour.next_button, Qt.MouseButton.LeftButton)
    assert tour.heading.text() == "Plan this day"
    button = window.overview.plan_button
    assert tour.outline.geometry().contains(button.mapTo(window, button.rect().center()))
    qtbot.mouseClick(tour.back_button, Qt.MouseButton.LeftButton)
    assert tour.heading.text() == "The days"

    qtbot.keyClick(tour, Qt.Key.Key_Escape)  # skipped
    assert shown_tours(window) == []

    window.menus.demo.trigger()  # the demo day again: no tour by itself
    assert shown_tours(window) == []
    assert settings.value("tour/seen", type=bool)


def test_the_help_menu_shows_the_tour_again_to_its_end(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("tour/seen", True)
    window = home(qtbot, workspace, settings)

    window.menus.tour.trigger()  # with no days yet: opens the demo day, then the tour

    assert window.days_model.rowCount() == 1
    [tour] = shown_tours(window)
    for _ in range(5):
        qtbot.mouseClick(tour.next_button, Qt.MouseButton.LeftButton)
    assert tour.counter.text() == "Step 6 of 6"
    assert tour.next_button.text() == "Finish"
    qtbot.mouseClick(tour.next_button, Qt.MouseButton.LeftButton)
    assert shown_tours(window) == []
    QApplication.processEvents()
