"""The presenter screen: a second window for the projector or a shared video window.

It is read from the back of a room, so it shows few words and very large numerals, white
on near-black. It is public, so it is built from a PresenterFeed source and nothing else:
no notes can reach it. One QTimer asks the source again a few times a second; the time
shown always comes from the feed, never from counting ticks.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6 import QtGui
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPalette, QScreen
from PySide6.QtWidgets import QLabel, QWidget

from facilitator.live.timer import Phase
from ui.presenter.feed import PresenterFeed

BACKGROUND = "#0b0c0c"
WHITE = "#ffffff"
YELLOW = "#ffdd00"
GREY = "#b1b4b6"
PHASE_COLOURS: dict[Phase, str] = {
    Phase.WAITING: WHITE,
    Phase.RUNNING: WHITE,
    Phase.AMBER: "#f47738",
    Phase.OVERRUN: "#d4351c",
}
SANS = ["Arial", "Liberation Sans", "Helvetica", "DejaVu Sans"]
MONO = ["DejaVu Sans Mono", "Consolas", "Menlo", "Liberation Mono"]
# Where each line sits, as shares of the window's height: (top, height, text size).
ROWS = {
    "headline": (0.03, 0.14, 0.11),
    "who": (0.17, 0.09, 0.07),
    "countdown": (0.26, 0.50, 0.46),
    "paused": (0.76, 0.11, 0.09),
    "next": (0.87, 0.10, 0.055),
}
# With no countdown (before and after the day) the words move to the middle.
QUIET_ROWS = {**ROWS, "headline": (0.30, 0.16, 0.11), "who": (0.47, 0.10, 0.07)}
MESSAGE_SIZE = 0.11
REFRESH_MS = 250


class PresenterScreen(QWidget):
    """The public screen. `source` returns what to show now; `monotonic` times messages."""

    def __init__(
        self,
        source: Callable[[], PresenterFeed],
        *,
        monotonic: Callable[[], float] = time.monotonic,
        interval_ms: int = REFRESH_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        # Opening it must not take the keyboard from the console; a click gives it focus.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self._source = source
        self._monotonic = monotonic
        self._feed: PresenterFeed | None = None
        self._message_until: float | None = None
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.setAccessibleName("Presenter screen")

        self.headline = self._label("Stage", bold=True)
        self.who = self._label("Who")
        self.countdown = self._label("Time left", bold=True, font=_countdown_font())
        self.paused = self._label("Paused", bold=True, colour=YELLOW)
        self.next_line = self._label("Next", colour=GREY)
        self._lines = {
            "headline": self.headline,
            "who": self.who,
            "countdown": self.countdown,
            "paused": self.paused,
            "next": self.next_line,
        }

        self.banner = QLabel(self)
        self.banner.setAccessibleName("Message")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)
        self.banner.setFont(QFont(SANS))
        self.banner.setStyleSheet(f"background-color: {YELLOW}; color: {BACKGROUND};")
        self.banner.hide()

        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.refresh)
        self.destroyed.connect(self._timer.stop)
        self.resize(1280, 720)
        self.refresh()

    # what is shown ----------------------------------------------------------------------

    @property
    def message(self) -> str:
        return "" if self.banner.isHidden() else self.banner.text()

    def refresh(self) -> None:
        if self._message_until is not None and self._monotonic() >= self._message_until:
            self.clear_message()
        feed = self._source()
        if feed == self._feed:
            return
        self._feed = feed
        self.setWindowTitle(f"Presenter screen – {feed.title}".removesuffix(" – "))
        self.headline.setText(feed.headline)
        self.who.setText(feed.who)
        self.countdown.setText(feed.countdown)
        over = feed.phase is Phase.OVERRUN
        self.countdown.setAccessibleName("Time over" if over else "Time left")
        self.countdown.setProperty("phase", feed.phase.value)
        self._colour(self.countdown, PHASE_COLOURS[feed.phase])
        self._colour(self.who, YELLOW if feed.listening else WHITE)
        self.paused.setText("Paused" if feed.paused else "")
        self.next_line.setText(feed.next_line)
        self._lay_out()

    def show_message(self, text: str, seconds: float = 10.0) -> None:
        """A large yellow banner over the screen until `seconds` have passed."""
        self.banner.setText(text)
        self._message_until = self._monotonic() + seconds
        self._place_banner()
        self.banner.show()
        self.banner.raise_()

    def clear_message(self) -> None:
        self._message_until = None
        self.banner.hide()
        self.banner.clear()

    # where it is shown ------------------------------------------------------------------

    def show_on(self, screen: QScreen, full_screen: bool = True) -> None:
        """Shows the window on `screen`, filling it (the projector) or as a window to share."""
        if self.isFullScreen():
            self.showNormal()
        self.setScreen(screen)
        area = screen.availableGeometry()
        if full_screen:
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.resize(area.width() * 2 // 3, area.height() * 2 // 3)
            self.move(area.center() - self.rect().center())
            self.showNormal()
        self.raise_()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    # events -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        elif event.key() == Qt.Key.Key_F11:
            self.toggle_full_screen()
        else:
            super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QtGui.QMouseEvent) -> None:
        self.toggle_full_screen()

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self._timer.start()

    def hideEvent(self, event: QtGui.QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self._timer.stop()
        super().closeEvent(event)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()
        self._place_banner()

    # helpers ----------------------------------------------------------------------------

    def _label(
        self, name: str, *, bold: bool = False, colour: str = WHITE, font: QFont | None = None
    ) -> QLabel:
        label = QLabel(self)
        label.setAccessibleName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        chosen = font or QFont(SANS)
        chosen.setBold(bold)
        label.setFont(chosen)
        self._colour(label, colour)
        return label

    @staticmethod
    def _colour(label: QLabel, colour: str) -> None:
        if label.property("colour") != colour:
            label.setProperty("colour", colour)
            label.setStyleSheet(f"color: {colour};")

    def _lay_out(self) -> None:
        """Places each line by the window's height; its text is smaller if it would not fit."""
        height, width = max(self.height(), 100), max(self.width(), 100)
        rows = ROWS if self.countdown.text() else QUIET_ROWS
        for key, label in self._lines.items():
            top, tall, size = rows[key]
            # The countdown is measured as if every digit were a 0, so it keeps one size.
            sample = "".join("0" if c.isdigit() else c for c in label.text()) or "Paused"
            if key == "countdown":
                sample = sample.rjust(5, "0")
            font = label.font()
            font.setPixelSize(max(8, int(height * size)))
            wide = QFontMetrics(font).horizontalAdvance(sample)
            if wide > width * 0.94:
                font.setPixelSize(max(8, int(font.pixelSize() * width * 0.94 / wide)))
            label.setFont(font)
            label.setGeometry(0, int(height * top), width, int(height * tall))

    def _place_banner(self) -> None:
        width, height = self.width(), self.height()
        font = self.banner.font()
        font.setPixelSize(max(10, int(height * MESSAGE_SIZE)))
        font.setBold(True)
        self.banner.setFont(font)
        pad = int(height * 0.04)
        self.banner.setContentsMargins(pad, pad, pad, pad)
        self.banner.setGeometry(int(width * 0.03), int(height * 0.17), int(width * 0.94), pad * 17)


def _countdown_font() -> QFont:
    """A bold face whose digits are all one width, so the numerals never jitter."""
    font = QFont(SANS)
    font.setFeature(QFont.Tag("tnum"), 1)
    font.setBold(True)
    metrics = QFontMetrics(font)
    if len({metrics.horizontalAdvance(d) for d in "0123456789"}) == 1:
        return font
    mono = QFont(MONO)
    mono.setStyleHint(QFont.StyleHint.Monospace)
    return mono


def screen_names() -> list[str]:
    """Names for a menu of screens, in the order of QGuiApplication.screens()."""
    return [
        f"{i + 1}: {s.name()} ({s.size().width()}×{s.size().height()})"
        for i, s in enumerate(QGuiApplication.screens())
    ]
