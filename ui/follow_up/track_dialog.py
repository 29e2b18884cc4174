"""Track an action: choose one of the actions agreed on the cycle's days that nothing follows up
yet, say who sees it through (the action's own owner to start with) and when it is due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from facilitator.follow_up.service import FollowUps
from facilitator.follow_up.views import FollowUpView
from ui.common.views import guidance, pydate, selected_row, table
from ui.follow_up.choice_models import ActionsModel
from ui.follow_up.dialogs import FollowUpDialog, date_edit
from ui.follow_up.sources import ActionRow

NONE_LEFT = (
    "Every action agreed on these days is tracked already, or none was agreed. Actions are "
    "added on the day, in each session's reflection and actions."
)
FOUR_WEEKS = dt.timedelta(weeks=4)


class TrackActionDialog(FollowUpDialog):
    def __init__(
        self,
        follow_ups: FollowUps,
        actions: Sequence[ActionRow],
        where: str,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Track an action", "&Track action", parent)
        self.follow_ups = follow_ups
        self.tracked: FollowUpView | None = None
        self.setMinimumSize(760, 460)
        self.resize(900, 520)

        intro = QLabel(
            f"Actions agreed on {where} that nothing follows up yet. Choose one, then say "
            "who sees it through and when it is due."
        )
        intro.setWordWrap(True)
        self.model = ActionsModel(actions, self)
        self.table = table(self.model, "Actions not yet tracked", stretch=2)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.empty_label = guidance(NONE_LEFT)
        self.owner = QLineEdit()
        self.owner.setAccessibleName("Owner")
        self.owner.setPlaceholderText("Who sees it through, e.g. the head of service")
        self.due = date_edit(today + FOUR_WEEKS, "Due date")

        form = QFormLayout()
        form.addRow("&Owner:", self.owner)
        form.addRow("&Due by:", self.due)
        self.lay_out_choice(intro, self.empty_label, self.table, form)
        self._chosen()
        self.table.setFocus()

    def chosen(self) -> ActionRow | None:
        row = selected_row(self.table)
        return self.model.row_at(row) if row is not None else None

    def choose(self, action_id: int) -> None:
        for row, action in enumerate(self.model.rows()):
            if action.id == action_id:
                self.table.selectRow(row)

    def _chosen(self) -> None:
        action = self.chosen()
        self.owner.setText(action.owner if action else "")
        self.ok_button.setEnabled(action is not None)

    def submit(self) -> None:
        action = self.chosen()
        if action is None:
            return
        owner = self.owner.text()
        self.tracked = self.follow_ups.track_action(
            action.id, pydate(self.due.date()), owner if owner != action.owner else None
        )
