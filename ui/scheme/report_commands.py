"""The lines of a review's report changed as steps the coordinator can undo, and the dialog
that tracks a recommendation to an owner by a date.

As with the team's steps (commands.py), each change is made before its command is pushed, so
a refusal is told at once and nothing lands on the undo stack; the first redo (Qt's, on push)
does nothing. A deleted line is put back where it was (ReviewFindings.restore), possibly with
a new id: the command keeps the one now stored. If the findings refuse a later undo or redo,
the reason is told and the step is dropped from the stack.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.reviews.findings import FindingError, FindingView, ReviewFindings
from facilitator.storage.errors import DataFileError
from ui.common.dialog_buttons import DIALOG_STYLE, plain_buttons

# What a change to the report may be refused with, each worded for the coordinator.
FINDING_ERRORS = (FindingError, LookupError, DataFileError)


class _ReportChange(QUndoCommand):
    def __init__(self, text: str, findings: ReviewFindings, report: Callable[[str], None]) -> None:
        super().__init__(text)
        self.findings = findings
        self._report = report
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._step(self.do)

    def undo(self) -> None:
        self._step(self.undo_it)

    def _step(self, step: Callable[[], None]) -> None:
        try:
            step()
        except FINDING_ERRORS as exc:
            self._report(f"“{self.text()}” cannot be undone or redone now: {exc}")
            self.setObsolete(True)

    def do(self) -> None:
        raise NotImplementedError

    def undo_it(self) -> None:
        raise NotImplementedError


def _quoted(text: str, limit: int = 40) -> str:
    short = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return f"“{short}”"


class AddFinding(_ReportChange):
    """A line added at the end of its section (already done when pushed)."""

    def __init__(
        self, findings: ReviewFindings, line: FindingView, report: Callable[[str], None]
    ) -> None:
        super().__init__(f"Add {_quoted(line.text)}", findings, report)
        self.line = line

    def do(self) -> None:
        self.line = self.findings.restore(self.line)

    def undo_it(self) -> None:
        self.line = self.findings.delete(self.line.id)


class DeleteFinding(AddFinding):
    """A line deleted (already done when pushed); undo puts it back at its place."""

    def __init__(
        self, findings: ReviewFindings, line: FindingView, report: Callable[[str], None]
    ) -> None:
        super().__init__(findings, line, report)
        self.setText(f"Delete {_quoted(line.text)}")

    def do(self) -> None:
        super().undo_it()

    def undo_it(self) -> None:
        super().do()


class EditFinding(_ReportChange):
    """A line's words changed (already done when pushed)."""

    def __init__(
        self,
        findings: ReviewFindings,
        before: FindingView,
        after: FindingView,
        report: Callable[[str], None],
    ) -> None:
        super().__init__(f"Edit {_quoted(before.text)}", findings, report)
        self.finding_id, self.before, self.after = after.id, before.text, after.text

    def do(self) -> None:
        self.findings.edit(self.finding_id, self.after)

    def undo_it(self) -> None:
        self.findings.edit(self.finding_id, self.before)


class MoveFinding(_ReportChange):
    """A line moved within its section (already done when pushed)."""

    def __init__(
        self,
        findings: ReviewFindings,
        line: FindingView,
        to: int,
        report: Callable[[str], None],
    ) -> None:
        super().__init__(f"Move {_quoted(line.text)}", findings, report)
        self.finding_id, self.before, self.to = line.id, line.position, to

    def do(self) -> None:
        self.findings.move(self.finding_id, self.to)

    def undo_it(self) -> None:
        self.findings.move(self.finding_id, self.before)


class SetHypotheses(_ReportChange):
    """The review's hypotheses replaced (already done when pushed)."""

    def __init__(
        self,
        findings: ReviewFindings,
        review_id: int,
        before: str,
        after: str,
        report: Callable[[str], None],
    ) -> None:
        super().__init__("Change the hypotheses", findings, report)
        self.review_id, self.before, self.after = review_id, before, after

    def do(self) -> None:
        self.findings.set_hypotheses(self.review_id, self.after)

    def undo_it(self) -> None:
        self.findings.set_hypotheses(self.review_id, self.before)


class TrackDialog(QDialog):
    """Who owns a recommendation and by when it is due. `attempt(owner, due_on)` tracks it
    and returns None, or the reason it cannot (shown here, the dialog staying open)."""

    def __init__(
        self,
        recommendation: str,
        suggested: dt.date,
        attempt: Callable[[str, dt.date], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._attempt = attempt
        self.setWindowTitle("Track a recommendation")
        self.setStyleSheet(DIALOG_STYLE)
        what = QLabel(recommendation)
        what.setWordWrap(True)
        what.setAccessibleName("The recommendation")
        self.owner_edit = QLineEdit()
        self.owner_edit.setAccessibleName("Owner")
        self.owner_edit.setPlaceholderText("Who sees it through, e.g. Head of Service")
        self.due_edit = QDateEdit(QDate(suggested.year, suggested.month, suggested.day))
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("d MMMM yyyy")
        self.due_edit.setAccessibleName("Due by")
        self.error_label = QLabel()
        self.error_label.setObjectName("errorMessage")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow("&Owner", self.owner_edit)
        form.addRow("&Due by", self.due_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Track")
        plain_buttons(buttons, default=ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def due_on(self) -> dt.date:
        chosen = self.due_edit.date()
        return dt.date(chosen.year(), chosen.month(), chosen.day())

    def accept(self) -> None:
        problem = self._attempt(self.owner_edit.text(), self.due_on())
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        super().accept()
