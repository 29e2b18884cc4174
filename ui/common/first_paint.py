"""Doing something once a widget is on screen, not before: what can wait, waits for the paint."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
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


# What a person does with keys and mouse; a window not yet able to act drops them.
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.Shortcut,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.ContextMenu,
    }
)


class HoldInput(QObject):
    """Drops keys and clicks on `window` (and every shortcut) until `release`: painted before
    its data file is open, the window cannot act on them yet, and a press in that moment would
    find nothing to act on. The moment is a few milliseconds; then the opening's own wait
    queues input, to be acted on once the file is open."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        application = QCoreApplication.instance()
        if application is not None:
            application.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _INPUT:
            return False
        if event.type() is QEvent.Type.Shortcut:
            return True  # the only window there is yet
        return isinstance(watched, QWidget) and watched.window() is self._window

    def release(self) -> None:
        application = QCoreApplication.instance()
        if application is not None:
            application.removeEventFilter(self)
