"""What is due or overdue, for the home window's front page.

`DuePanel(follow_ups)` lists every open follow-up overdue or due within two weeks, overdue
first, and shows each change the follow-up service announces until the panel is closed (or
destroyed). Ctrl+D marks the chosen one done today, a step on `undo_stack` (the home window's,
whose own Undo takes it back); without one, the panel keeps its own stack and its own Ctrl+Z.
Enter, a double click or "Open follow-up" asks for the scheme window's Follow-up tab
(`open_requested`, with the chosen follow-up's id, 0 when none is chosen). Call `refresh()`
when the date turns: what is overdue is counted from the follow-up service's today.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from facilitator.common.vocabulary import FollowUpStatus
from facilitator.follow_up.service import FollowUps
from facilitator.follow_up.views import DueItem
from ui.common.bridge import listen
from ui.common.views import action_button, guidance, heading, selected_row, table
from ui.follow_up.commands import FOLLOW_UP_ERRORS, mark
from ui.follow_up.models import DueModel

NOTHING_DUE = "Nothing is due in the next two weeks."
NAME = "Due and overdue"


class DuePanel(QWidget):
    open_requested = Signal(int)  # the chosen follow-up's id, or 0: show the Follow-up tab

    def __init__(
        self,
        follow_ups: FollowUps,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.follow_ups = follow_ups
        self.setAccessibleName(NAME)
        self.setMinimumSize(420, 220)
        self.own_undo = undo_stack is None
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)

        self.title = heading(NAME)
        self.count_label = QLabel()
        self.count_label.setObjectName("secondaryText")
        self.empty_label = guidance(NOTHING_DUE)
        self.model = DueModel(self)
        self.table = table(self.model, "Follow-ups due or overdue", stretch=2)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self.table.activated.connect(lambda *_: self.request_open())

        self.mark_done_action = self._action("Mark &done", ["Ctrl+D"], self.mark_done)
        self.open_action = self._action("&Open follow-up…", [], self.request_open)
        if self.own_undo:
            self.undo_action = self._action("&Undo", ["Ctrl+Z"], self.undo_stack.undo)
            self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
            self.undo_action.setEnabled(False)
        self.done_button = action_button(self.mark_done_action, "Mark the chosen follow-up done")
        self.open_button = action_button(
            self.open_action, "Open the regional scheme window at its Follow-up tab"
        )

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.count_label, 1, Qt.AlignmentFlag.AlignBottom)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setTabOrder(self.table, self.done_button)
        self.setTabOrder(self.done_button, self.open_button)

        self._listener: QObject | None = None
        self._listen()
        self.refresh()

    def _action(self, text: str, keys: list[str], slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        # Only while the panel has the focus: the window it is docked in has keys of its own.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda *_: slot())
        self.addAction(action)
        return action

    # listening ----------------------------------------------------------------------------

    def _listen(self) -> None:
        self._listener = QObject(self)
        listen(self._listener, self.follow_ups.changed, lambda _id: self.refresh())

    @property
    def listening(self) -> bool:
        return self._listener is not None

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        # The listener goes now, not whenever the panel itself is freed.
        if self._listener is not None:
            self._listener.setParent(None)
            self._listener.deleteLater()
            self._listener = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._listener is None:  # shown again after closing: catch up, and listen again
            self._listen()
            self.refresh()

    # what is shown ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reads the due list again as of today, keeping the same follow-up chosen."""
        chosen = self.selected()
        self.model.set_items(self.follow_ups.due())
        count = self.model.rowCount()
        overdue = sum(1 for row in range(count) if self.model.item_at(row).overdue)
        self.empty_label.setVisible(count == 0)
        self.table.setVisible(count > 0)
        self.count_label.setText(_counted(count, overdue))
        row = self.model.row_of(chosen.follow_up.id) if chosen else None
        if row is None and count:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self.update_actions()

    def selected(self) -> DueItem | None:
        row = selected_row(self.table)
        return self.model.item_at(row) if row is not None else None

    def update_actions(self) -> None:
        self.mark_done_action.setEnabled(self.selected() is not None)

    # what the facilitator does ------------------------------------------------------------

    def mark_done(self) -> None:
        """Marks the chosen follow-up done today: a step on the undo stack."""
        chosen = self.selected()
        if chosen is None:
            return
        try:
            step = mark(self.follow_ups, chosen.follow_up, FollowUpStatus.DONE, self._report)
        except FOLLOW_UP_ERRORS as exc:
            QMessageBox.warning(self, "Mark done", str(exc))
            return
        self.undo_stack.push(step)

    def request_open(self) -> None:
        chosen = self.selected()
        self.open_requested.emit(chosen.follow_up.id if chosen else 0)

    def _report(self, text: str) -> None:
        QMessageBox.warning(self, "Undo", text)


def _counted(count: int, overdue: int) -> str:
    """ "3 follow-ups, 1 overdue"."""
    if not count:
        return ""
    words = f"{count} follow-up{'s' * (count != 1)}"
    return f"{words}, {overdue} overdue" if overdue else words
