"""The home window's list of what is due or overdue, docked beside the days."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

if TYPE_CHECKING:
    from facilitator.follow_up.service import FollowUps
    from ui.follow_up.due_panel import DuePanel

# What is overdue is counted from today: a laptop left open overnight must see the date turn.
REFRESH_MS = 15 * 60 * 1000
# The dock's title, and the due panel's: written here, not imported from it, so the home
# window's first paint loads none of the panel's code.
NAME = "Due and overdue"


def dock_due_list(window: QMainWindow) -> QDockWidget:
    """The dock at the foot of `window` (View ▸ Due and overdue hides it), which shows that
    the list is being read until `fill_due_list` gives it the list."""
    waiting = QLabel("Reading what is due…")
    waiting.setObjectName("secondaryText")
    waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
    waiting.setMinimumHeight(150)
    dock = QDockWidget(NAME, window)
    dock.setObjectName("dueDock")
    dock.setWidget(waiting)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.resizeDocks([dock], [230], Qt.Orientation.Vertical)
    return dock


def fill_due_list(dock: QDockWidget, follow_ups: FollowUps, undo_stack: QUndoStack) -> DuePanel:
    """The due list in `dock`, its Ctrl+D a step on the window's own undo stack, read again
    every quarter of an hour."""
    from ui.follow_up.due_panel import DuePanel

    panel = DuePanel(follow_ups, dock.parentWidget(), undo_stack=undo_stack)
    panel.setMinimumHeight(150)  # a few rows: the day's overview keeps the room
    panel.title.hide()  # the dock's own title says it
    placeholder = dock.widget()
    dock.setWidget(panel)
    if placeholder is not None:
        placeholder.deleteLater()
    timer = QTimer(panel)
    timer.setInterval(REFRESH_MS)
    timer.timeout.connect(panel.refresh)
    timer.start()
    return panel
