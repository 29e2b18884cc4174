"""Doing something once a widget is on screen, not before: what can wait, waits for the paint."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A window that is never painted (hidden at once, or on a screen that does not draw) must
# still get on with it.
LONGEST_WAIT_MS = 500


class AfterFirstPaint(QObject):
    """Calls `then` once, as soon as `widget` has first been painted and the paint is on the
    screen, or after LONGEST_WAIT_MS, whichever comes first."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(LONGEST_WAIT_MS, self, self._go)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            watched.removeEventFilter(self)
            # Queued: the rest of the window is painted and put on screen first.
            QTimer.singleShot(0, self, self._go)
        return False

    def _go(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()
