"""Opening the presenter screen from the console, on the screen the facilitator picks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from ui.presenter.feed import feed
from ui.presenter.screen import PresenterScreen, screen_names

if TYPE_CHECKING:
    from ui.console.window import ConsoleWindow


def open_presenter(console: ConsoleWindow, screen_index: int | None = None) -> PresenterScreen:
    """The screen reads only the run state of the day: never notes or anything captured."""
    conductor, day_id, title = console.conductor, console.day_id, console.day_title
    screen = PresenterScreen(lambda: feed(conductor.state(day_id), title))
    screens = QGuiApplication.screens()
    if screen_index is None:
        screen_index = 0
        if len(screens) > 1:
            names = screen_names()
            primary = QGuiApplication.primaryScreen()
            others = [i for i, s in enumerate(screens) if s is not primary]
            chosen, ok = QInputDialog.getItem(
                console, "Presenter screen", "Show it on:", names, others[0], False
            )
            screen_index = names.index(chosen) if ok else others[0]
    # Full screen on a projector; a window of its own to share on a single-screen call.
    target = screens[min(screen_index, len(screens) - 1)]
    screen.show_on(target, full_screen=len(screens) > 1)
    return screen


def toggle_presenter(console: ConsoleWindow) -> QWidget | None:
    if console.presenter is not None and console.presenter.isVisible():
        console.presenter.close()
        return None
    return open_presenter(console)


def ask_and_flash(console: ConsoleWindow) -> None:
    presenter = console.presenter
    if not isinstance(presenter, PresenterScreen) or not presenter.isVisible():
        console.statusBar().showMessage("Open the presenter screen first (F9).", 5000)
        return
    text, ok = QInputDialog.getText(
        console, "Message for the room", "Show on the presenter screen:", text="5 minutes left"
    )
    if ok and text.strip():
        presenter.show_message(text.strip())
