"""A short first tour of the home window on the demo day: a few steps, each pointing at one
part of the window, skippable at any step (Esc) and never shown by itself twice."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPaintEvent, QPen, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from ui.home.day_overview import DayOverview

SEEN_KEY = "tour/seen"
# The focus colour of the house style (resources/style.qss): what the eye is drawn to.
OUTLINE = "#ffdd00"


@dataclass(frozen=True)
class TourStep:
    title: str
    text: str
    target: Callable[[], QWidget]  # what the step points at, found when it is shown


class Outline(QWidget):
    """A yellow frame drawn over `target`, which lets every click through."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window_shown = window
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.hide()

    def surround(self, target: QWidget) -> None:
        corner = target.mapTo(self.window_shown, QPoint(0, 0))
        self.setGeometry(corner.x() - 4, corner.y() - 4, target.width() + 8, target.height() + 8)
        self.show()
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(QPen(Qt.GlobalColor.black, 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.setPen(QPen(QColor(OUTLINE), 4))
        painter.drawRect(self.rect().adjusted(3, 3, -3, -3))


class Tour(QDialog):
    """Steps through `steps` beside `window`: Next (Enter), Back, Skip the tour (Esc)."""

    def __init__(self, window: QWidget, steps: Sequence[TourStep]) -> None:
        super().__init__(window)
        self.setWindowTitle("A tour of the demo day")
        self.setModal(False)
        self.steps = list(steps)
        self.index = 0
        self.outline = Outline(window)
        self.counter = QLabel()
        self.counter.setObjectName("secondaryText")
        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.setFixedWidth(440)  # a steady width: only the height follows the words
        self.back_button = QPushButton("Back")
        self.back_button.clicked.connect(self.back)
        self.skip_button = QPushButton("Skip the tour")
        self.skip_button.setToolTip("Esc. Help ▸ Tour of the demo day shows it again.")
        self.skip_button.clicked.connect(self.reject)
        self.next_button = QPushButton("Next")
        self.next_button.setObjectName("primaryButton")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.forward)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counter)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Right), self, self.forward)
        QShortcut(QKeySequence(Qt.Key.Key_Left), self, self.back)
        self.finished.connect(lambda _result: self.outline.deleteLater())
        window.installEventFilter(self)
        self._show_step()

    def forward(self) -> None:
        if self.index == len(self.steps) - 1:
            self.accept()
            return
        self.index += 1
        self._show_step()

    def back(self) -> None:
        if self.index > 0:
            self.index -= 1
            self._show_step()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The window moved or changed size: the outline follows what it points at.
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move) and self.isVisible():
            self.outline.surround(self.steps[self.index].target())
        return False

    def _show_step(self) -> None:
        step = self.steps[self.index]
        last = self.index == len(self.steps) - 1
        self.counter.setText(f"Step {self.index + 1} of {len(self.steps)}")
        self.heading.setText(step.title)
        self.body.setText(step.text)
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setText("Finish" if last else "Next")
        target = step.target()
        self.outline.surround(target)
        self.adjustSize()
        self._place_beside(target)

    def _place_beside(self, target: QWidget) -> None:
        """Just below what the step points at, or above it when the screen ends first; never
        over it."""
        window = self.outline.window_shown
        top_left = window.mapToGlobal(QPoint(0, 0))
        below = target.mapToGlobal(QPoint(0, target.height() + 12))
        above = target.mapToGlobal(QPoint(0, -self.height() - 12))
        bottom = top_left.y() + window.height()
        y = below.y() if below.y() + self.height() <= bottom else max(top_left.y(), above.y())
        right = top_left.x() + window.width() - self.width()
        self.move(max(top_left.x(), min(below.x(), right)), y)


def offer_once(settings: QSettings, start: Callable[[], object]) -> bool:
    """Starts the tour unless it has been offered before; it is offered once only."""
    if settings.value(SEEN_KEY, False, type=bool):
        return False
    settings.setValue(SEEN_KEY, True)
    start()
    return True


def home_steps(
    window: QMainWindow, days: QWidget, overview: DayOverview, due: QWidget
) -> list[TourStep]:
    """The home window's parts, in the order a facilitator meets them; those hidden are left
    out (the due list can be closed)."""
    steps = [
        TourStep(
            "The days",
            "Every day in this data file, one row each; choose a cycle above the list to see "
            "only its days. Double-click a day, or press Ctrl+E, to plan it.",
            lambda: days,
        ),
        TourStep(
            "Plan this day",
            "Its details; the authorities in presenting order with their DCS and teams; who "
            "is lead reviewer for whom; and the agenda, with its finish time (Ctrl+E).",
            lambda: overview.plan_button,
        ),
        TourStep(
            "Run this day",
            "Opens the console. F5 starts the day and moves to the next stage, F7 passes the "
            "questioning on, and what you type is saved within a second (Ctrl+Shift+R).",
            lambda: overview.run_button,
        ),
        TourStep(
            "The records",
            "After the day: each session's note and the day summary in Word, sent to each "
            "director and taken back in when they return it amended (Ctrl+Shift+C).",
            lambda: overview.records_button,
        ),
        TourStep(
            "Due and overdue",
            "Actions and agreed support from earlier days, as their dates come round.",
            lambda: due,
        ),
        TourStep(
            "Every command has a key",
            "The menus give each command's key; F1 lists them all. This tour is under Help "
            "if you want it again.",
            lambda: window.menuBar(),
        ),
    ]
    return [step for step in steps if step.target().isVisible()]
