"""The report panel's keys: how its actions are made with their shortcuts, and the filter that
lets the list of lines keep its own keys where the window gives the same keys elsewhere."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

Context = Qt.ShortcutContext


def shortcut_action(
    owner: QObject,
    text: str,
    keys: str,
    slot: Callable[[], object],
    on: QWidget,
    context: Context,
) -> QAction:
    """An action owned by `owner` and reached from `on`: `keys` work only within `context`, so
    the same key can mean one thing in the list and another elsewhere in the window."""
    action = QAction(text, owner)
    if keys:
        action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(context)
    action.triggered.connect(lambda *_: slot())
    on.addAction(action)
    return action


class ListKeys(QObject):
    """The list's own keys (Delete, F2, Ctrl+Up/Down) act on the list even where the window
    gives the same key to something else (Delete takes someone off the team)."""

    def __init__(self, view: QWidget, actions: Sequence[QAction]) -> None:
        super().__init__(view)
        self._view, self._actions = view, tuple(actions)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            for action in self._actions:
                if action.shortcut() != pressed:
                    continue
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # claimed here, so no window-wide shortcut takes the key
                    return True
                if event.type() == QEvent.Type.KeyPress:
                    action.trigger()  # nothing, if it is disabled: Ctrl+Up at the top stays
                    return True
        return super().eventFilter(watched, event)
