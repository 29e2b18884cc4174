"""The presenter screen a console opens, on the screen the facilitator picks."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from facilitator.live.conductor import Conductor
from ui.presenter.feed import feed
from ui.presenter.screen import PresenterScreen, screen_names


class PresenterLink:
    """At most one presenter screen for the day, reading only its run state: never notes or
    anything captured."""

    def __init__(self, parent: QWidget, conductor: Conductor, day_id: int, title: str) -> None:
        self.parent, self.conductor, self.day_id, self.title = parent, conductor, day_id, title
        self.screen: PresenterScreen | None = None

    def open(self, screen_index: int | None = None) -> PresenterScreen:
        conductor, day_id, title = self.conductor, self.day_id, self.title
        screen = PresenterScreen(lambda: feed(conductor.state(day_id), title))
        screens = QGuiApplication.screens()
        if screen_index is None:
            screen_index = 0
            if len(screens) > 1:
                names = screen_names()
                primary = QGuiApplication.primaryScreen()
                others = [i for i, s in enumerate(screens) if s is not primary]
                chosen, ok = QInputDialog.getItem(
                    self.parent, "Presenter screen", "Show it on:", names, others[0], False
                )
                screen_index = names.index(chosen) if ok else others[0]
        # Full screen on a projector; a window of its own to share on a single-screen call.
        target = screens[min(screen_index, len(screens) - 1)]
        screen.show_on(target, full_screen=len(screens) > 1)
        self.screen = screen
        return screen

    def toggle(self) -> None:
        if self.screen is not None and self.screen.isVisible():
            self.screen.close()
            self.screen = None
        else:
            self.open()

    def flash(self) -> bool:
        """Asks for a message and flashes it; False when no screen is showing to flash it on."""
        screen = self.screen
        if screen is None or not screen.isVisible():
            return False
        text, ok = QInputDialog.getText(
            self.parent,
            "Message for the room",
            "Show on the presenter screen:",
            text="5 minutes left",
        )
        if ok and text.strip():
            screen.show_message(text.strip())
        return True

    def close(self) -> None:
        if self.screen is not None:
            self.screen.close()
