"""The scheme window's Follow-up tab: every follow-up of the days and reviews, what is done
about it, and a cycle's topical peer challenge invitations.

Open ones are listed by due date (done and dropped ones too when asked); a cycle can be chosen.
Marking done, dropping, reopening and moving a due date are steps on the window's undo stack;
tracking an action and agreeing support are made in their dialogs. The tab's keys work while it
is shown. The window tells it of each change (`refresh`); `choose(id)` shows one follow-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.common.vocabulary import FollowUpStatus
from facilitator.follow_up.views import FollowUpView
from facilitator.workspace import Workspace
from ui.common.views import action_button, guidance, selected_row, table
from ui.follow_up import sources
from ui.follow_up.commands import FOLLOW_UP_ERRORS, Tracked, mark, move_due, short_what
from ui.follow_up.dialogs import DueDateDialog
from ui.follow_up.invitations import InvitationsView
from ui.follow_up.models import FollowUpsModel
from ui.follow_up.support_dialog import AgreeSupportDialog
from ui.follow_up.track_dialog import TrackActionDialog

EVERY = "All follow-ups"
NO_CYCLE = "Reviews, and days in no cycle"
NONE_YET = (
    "Nothing is followed up yet. Track an action agreed on a day (Ctrl+Shift+A), agree support "
    "for an ask or offer (Ctrl+Shift+G), or plan a PCTR's follow-up from the Reviews tab."
)
NONE_OPEN = "Nothing here is open. Tick “Show done and dropped” to see the rest."


class FollowUpTab(QWidget):
    def __init__(
        self,
        workspace: Workspace,
        undo_stack: QUndoStack,
        say: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.follow_ups = workspace.follow_ups
        self.undo_stack = undo_stack
        self.say = say
        self._shown = False

        self.mark_done_action = self._action("Mark &done", ["Ctrl+D"], self.mark_done)
        self.drop_action = self._action("Dro&p…", ["Ctrl+Shift+D"], self.drop)
        self.reopen_action = self._action("Re&open", ["Ctrl+Shift+O"], self.reopen)
        self.due_action = self._action("Chan&ge due date…", ["F2"], self.change_due)
        self.track_action = self._action("&Track an action…", ["Ctrl+Shift+A"], self.track)
        self.agree_action = self._action("&Agree support…", ["Ctrl+Shift+G"], self.agree)
        self.menu = QMenu("F&ollow-up", self)
        self.menu.addActions([self.track_action, self.agree_action])
        self.menu.addSeparator()
        self.menu.addActions(
            [self.mark_done_action, self.drop_action, self.reopen_action, self.due_action]
        )

        self.cycle_combo = QComboBox()
        self.cycle_combo.setAccessibleName("Cycle")
        self.cycle_combo.setMinimumContentsLength(24)
        self.cycle_combo.currentIndexChanged.connect(lambda *_: self.refresh())
        cycle_label = QLabel("C&ycle:")
        cycle_label.setBuddy(self.cycle_combo)
        self.show_closed = QCheckBox("S&how done and dropped")
        self.show_closed.toggled.connect(lambda *_: self.refresh())
        self.count_label = QLabel()
        self.count_label.setObjectName("secondaryText")

        self.model = FollowUpsModel(self)
        self.table = table(self.model, "Follow-ups", stretch=1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions(self.menu.actions())
        self.empty_label = guidance(NONE_YET)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAccessibleName("The chosen follow-up")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.invitations = InvitationsView(self.follow_ups)

        buttons = [
            (self.track_action, "Track an action agreed on a day"),
            (self.agree_action, "Agree support for an ask or offer"),
            (self.mark_done_action, "Mark the chosen follow-up done today"),
            (self.drop_action, "Drop the chosen follow-up"),
            (self.reopen_action, "Reopen the chosen follow-up"),
            (self.due_action, "Change the chosen follow-up's due date"),
        ]
        self.buttons = [action_button(action, name) for action, name in buttons]
        self.buttons[0].setObjectName("primaryButton")

        top = QHBoxLayout()
        top.addWidget(cycle_label)
        top.addWidget(self.cycle_combo)
        top.addSpacing(12)
        top.addWidget(self.show_closed)
        top.addWidget(self.count_label, 1)
        for button in self.buttons[:2]:
            top.addWidget(button)
        row = QHBoxLayout()
        row.addWidget(self.details, 1)
        for button in self.buttons[2:]:
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.invitations)
        order = [self.cycle_combo, self.show_closed, *self.buttons[:2], self.table]
        order += [*self.buttons[2:], self.invitations.table]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)
        self.refresh()

    def _action(self, text: str, keys: list[str], slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda *_: slot())
        self.addAction(action)
        return action

    # shown or not -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._shown = True
        self.refresh()  # days, actions and answers may have changed elsewhere meanwhile

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._shown = False
        self.update_actions()

    # what is shown ------------------------------------------------------------------------

    def cycle(self) -> str | None:
        """The cycle chosen: None for every follow-up, "" for those of no cycle."""
        value = self.cycle_combo.currentData()
        return value if isinstance(value, str) else None

    def choose_cycle(self, cycle: str | None) -> None:
        index = self.cycle_combo.findData(cycle) if cycle is not None else 0
        self.cycle_combo.setCurrentIndex(max(index, 0))

    def _fill_cycles(self) -> None:
        chosen = self.cycle()
        combo = self.cycle_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(EVERY, None)
        for name in sources.cycles(self.workspace):
            combo.addItem(name, name)
        combo.addItem(NO_CYCLE, "")
        index = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def refresh(self) -> None:
        """Reads the follow-ups again, keeping the same one chosen."""
        chosen = self.selected()
        self._fill_cycles()
        cycle = self.cycle()
        every = self.follow_ups.list()
        shown = [
            v
            for v in every
            if (self.show_closed.isChecked() or v.is_open)
            and (cycle is None or v.cycle_name == cycle)
        ]
        self.model.set_follow_ups(shown, self.follow_ups.today())
        count = len(shown)
        self.empty_label.setText(NONE_YET if not every else NONE_OPEN)
        self.empty_label.setVisible(not shown and (not every or not self.show_closed.isChecked()))
        self.count_label.setText(f"{count} follow-up{'s' * (count != 1)} shown")
        row = self.model.row_of(chosen.id) if chosen else None
        if row is None and count:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._chosen()
        self.invitations.show_cycle(cycle)

    def selected(self) -> FollowUpView | None:
        row = selected_row(self.table)
        return self.model.view_at(row) if row is not None else None

    def choose(self, follow_up_id: int) -> None:
        """Shows that follow-up chosen, whatever the cycle and its status."""
        row = self.model.row_of(follow_up_id)
        if row is None:
            self.choose_cycle(None)
            self.show_closed.setChecked(True)
            row = self.model.row_of(follow_up_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.setFocus()

    def _chosen(self) -> None:
        view = self.selected()
        if view is None:
            self.details.setText("")
        else:
            note = f" Note: {view.note}" if view.note else ""
            self.details.setText(view.description(self.follow_ups.today()) + "." + note)
        self.update_actions()

    def update_actions(self) -> None:
        view = self.selected() if self._shown else None
        is_open = view is not None and view.is_open
        self.mark_done_action.setEnabled(is_open)
        self.drop_action.setEnabled(is_open)
        self.due_action.setEnabled(is_open)
        self.reopen_action.setEnabled(view is not None and not view.is_open)
        self.track_action.setEnabled(self._shown)
        self.agree_action.setEnabled(self._shown)

    def _where(self) -> str:
        cycle = self.cycle()
        if cycle is None:
            return "every day"
        return f"the days of {cycle}" if cycle else "the days in no cycle"

    # what the facilitator does ------------------------------------------------------------

    def _set_status(self, status: FollowUpStatus, title: str) -> None:
        view = self.selected()
        if view is None:
            return
        try:
            step = mark(self.follow_ups, view, status, self.say)
        except FOLLOW_UP_ERRORS as exc:
            QMessageBox.warning(self, title, str(exc))
            return
        self.undo_stack.push(step)
        self.say(f"{step.text()}: done. Undo with Ctrl+Z.")

    def mark_done(self) -> None:
        self._set_status(FollowUpStatus.DONE, "Mark done")

    def reopen(self) -> None:
        self._set_status(FollowUpStatus.OPEN, "Reopen")

    def drop(self) -> None:
        view = self.selected()
        if view is None:
            return
        answer = QMessageBox.question(
            self,
            "Drop this follow-up?",
            f"Drop “{short_what(view)}” ({view.kind.label.lower()})? It will no longer be "
            "due; it is kept with the done and dropped ones and can be reopened. You can undo "
            "this.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._set_status(FollowUpStatus.DROPPED, "Drop")

    def change_due(self) -> None:
        view = self.selected()
        if view is None:
            return

        def move(day: dt.date) -> None:
            self.undo_stack.push(move_due(self.follow_ups, view, day, self.say))

        dialog = DueDateDialog(view, self.follow_ups.today(), move, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.say(f"{self.undo_stack.undoText()}: done.")

    def track(self) -> None:
        actions = sources.untracked_actions(self.workspace, self.cycle())
        dialog = TrackActionDialog(
            self.follow_ups, actions, self._where(), self.follow_ups.today(), self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.tracked is not None:
            self._made(dialog.tracked, "Track")

    def agree(self) -> None:
        exchanges = sources.exchanges(self.workspace, self.cycle())
        dialog = AgreeSupportDialog(
            self.follow_ups, exchanges, self._where(), self.follow_ups.today(), self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.agreed is not None:
            self._made(dialog.agreed, "Agree support for")

    def _made(self, view: FollowUpView, step: str) -> None:
        self.undo_stack.push(Tracked(self.follow_ups, view, step, self.say))
        self.refresh()
        self.choose(view.id)
        self.say(f"{self.undo_stack.undoText()}: done (Ctrl+Z takes it back).")
