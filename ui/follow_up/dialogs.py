"""The follow-up dialogs' common ground, and the smallest of them: a new due date.

Each dialog hands what was chosen to `submit` when OK is pressed. If the follow-up service
refuses, its message is shown naming the problem and the dialog stays open with everything
as typed, to be put right or cancelled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.follow_up.views import FollowUpView
from ui.common.dialog_buttons import DIALOG_STYLE, plain_buttons
from ui.common.views import pydate, qdate
from ui.follow_up.commands import FOLLOW_UP_ERRORS
from ui.follow_up.models import due_text, what_text


class FollowUpDialog(QDialog):
    """A dialog whose OK calls `submit` and closes only if the service accepts."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setStyleSheet(DIALOG_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        plain_buttons(self.buttons, default=self.ok_button)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def lay_out_choice(
        self, intro: QWidget, empty: QWidget, table: QTableView, form: QLayout
    ) -> None:
        """The intro, the table to choose from (or, with no rows, why there are none), the
        form and the buttons; the first row chosen and the table in focus."""
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(empty)
        layout.addWidget(table, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        has_rows = table.model().rowCount() > 0
        empty.setVisible(not has_rows)
        table.setVisible(has_rows)
        if has_rows:
            table.selectRow(0)

    def submit(self) -> None:
        """Makes the change; raises one of FOLLOW_UP_ERRORS when it is refused."""
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.submit()
        except FOLLOW_UP_ERRORS as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        super().accept()


def date_edit(day: dt.date, name: str) -> QDateEdit:
    edit = QDateEdit(qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMMM yyyy")
    edit.setAccessibleName(name)
    edit.setMinimumWidth(180)
    return edit


class DueDateDialog(FollowUpDialog):
    """A new due date for one follow-up; `move(date)` makes the change."""

    def __init__(
        self,
        view: FollowUpView,
        today: dt.date,
        move: Callable[[dt.date], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Change the due date", "&Change date", parent)
        self._move = move
        self.setMinimumWidth(520)
        about = QLabel(
            f"<p><b>{escape(view.kind.label)}:</b> {escape(what_text(view))}</p>"
            f"<p>Due now: {escape(due_text(view))}</p>"
        )
        about.setWordWrap(True)
        self.date = date_edit(view.due_on or today, "New due date")
        form = QFormLayout()
        form.addRow("&New due date:", self.date)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def chosen_date(self) -> dt.date:
        return pydate(self.date.date())

    def submit(self) -> None:
        self._move(self.chosen_date())
