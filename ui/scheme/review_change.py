"""Changing a review's dates and key lines of enquiry as the plan firms up: a dialog that
keeps what was typed when the change is refused, and a step Ctrl+Z takes back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.reviews.service import ReviewInputError, Reviews, ReviewView
from ui.common.dialog_buttons import plain_buttons

Report = Callable[[str], None]


class ReviewChangeDialog(QDialog):
    """Asks for the review's dates and lines of enquiry, prefilled; OK saves them through
    `reviews`, or shows why not and stays open. `changed` holds the review as saved."""

    def __init__(self, reviews: Reviews, review: ReviewView, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.reviews, self.before = reviews, review
        self.changed: ReviewView | None = None
        self.setWindowTitle(f"Change the {review.kind} of {review.host}")
        self.dates = QLineEdit(review.draft.dates.words)
        self.dates.setAccessibleName("Dates")
        self.dates.setPlaceholderText("10-12 Aug 2015, June 2016, Autumn 2015 or TBC")
        self.kloe = QPlainTextEdit(review.draft.kloe)
        self.kloe.setAccessibleName(review.draft.enquiry_title)
        self.kloe.setTabChangesFocus(True)
        self.problem = QLabel()
        self.problem.setObjectName("errorText")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout()
        form.addRow("&Dates:", self.dates)
        form.addRow(f"&{review.draft.enquiry_title}:", self.kloe)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        plain_buttons(buttons, default=buttons.button(QDialogButtonBox.StandardButton.Save))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(560, 260)

    def save(self) -> None:
        dates, kloe = self.dates.text(), self.kloe.toPlainText()
        draft = self.before.draft
        try:
            self.changed = self.reviews.change(
                self.before.id,
                dates=dates if dates.strip() != draft.dates.words else None,
                kloe=kloe if kloe != draft.kloe else None,
            )
        except ReviewInputError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return
        self.accept()


class ReviewChanged(QUndoCommand):
    """A review's dates or lines of enquiry changed (already saved when pushed)."""

    def __init__(
        self, reviews: Reviews, before: ReviewView, after: ReviewView, report: Report
    ) -> None:
        super().__init__(f"Change the {before.kind} of {before.host}")
        self._reviews, self._before, self._after, self._report = reviews, before, after, report
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._put(self._after)

    def undo(self) -> None:
        self._put(self._before)

    def _put(self, review: ReviewView) -> None:
        try:
            self._reviews.change(review.id, dates=review.draft.dates.words, kloe=review.draft.kloe)
        except ReviewInputError as exc:  # a team named since, say
            self._report(f"“{self.text()}” cannot be undone or redone now: {exc}")
            self.setObsolete(True)
