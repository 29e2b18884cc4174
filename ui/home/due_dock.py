"""The home window's list of what is due or overdue, docked beside the days."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow

from facilitator.follow_up.service import FollowUps
from ui.follow_up.due_panel import NAME, DuePanel

# What is overdue is counted from today: a laptop left open overnight must see the date turn.
REFRESH_MS = 15 * 60 * 1000


def dock_due_list(
    window: QMainWindow, follow_ups: FollowUps, undo_stack: QUndoStack
) -> tuple[DuePanel, QDockWidget]:
    """The due list as a dock at the foot of `window` (View ▸ Due and overdue hides it), its
    Ctrl+D a step on the window's own undo stack, read again every quarter of an hour."""
    panel = DuePanel(follow_ups, window, undo_stack=undo_stack)
    panel.setMinimumHeight(150)  # a few rows: the day's overview keeps the room
    panel.title.hide()  # the dock's own title says it
    dock = QDockWidget(NAME, window)
    dock.setObjectName("dueDock")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.resizeDocks([dock], [230], Qt.Orientation.Vertical)
    timer = QTimer(panel)
    timer.setInterval(REFRESH_MS)
    timer.timeout.connect(panel.refresh)
    timer.start()
    return panel, dock
