"""The report's lines changed one at a time: each change made in the data file and then put on
the window's undo stack, or refused with the reason in a message box (nothing pushed)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.common.vocabulary import FindingSection
from facilitator.reviews.findings import FindingView, ReviewFindings
from ui.scheme.report_commands import (
    FINDING_ERRORS,
    AddFinding,
    DeleteFinding,
    EditFinding,
    MoveFinding,
)


class LineSteps:
    """Adds, edits, deletes and moves lines; each returns what changed, or None if refused."""

    def __init__(
        self,
        findings: ReviewFindings,
        undo: QUndoStack,
        say: Callable[[str], None],
        problem: Callable[[str, str], None],
    ) -> None:
        self.findings, self.undo, self._say, self._problem = findings, undo, say, problem

    def add(self, review_id: int, section: FindingSection, text: str) -> FindingView | None:
        try:
            line = self.findings.add(review_id, section, text)
        except FINDING_ERRORS as exc:
            self._problem("Add a line", str(exc))
            return None
        self.undo.push(AddFinding(self.findings, line, self._say))
        return line

    def edit(self, before: FindingView | None, finding_id: int, text: str) -> bool:
        """`before` is None where the line is not shown: then the edit is not undoable."""
        try:
            after = self.findings.edit(finding_id, text)
        except FINDING_ERRORS as exc:
            self._problem("Edit a line", str(exc))
            return False
        if before is not None:
            self.undo.push(EditFinding(self.findings, before, after, self._say))
        return True

    def delete(self, line: FindingView, tracked: bool, parent: QWidget) -> FindingView | None:
        if tracked:  # undo brings back the words but not the tracking, so ask first
            answer = QMessageBox.question(
                parent,
                "Delete a tracked recommendation?",
                f"“{line.text}” is tracked. Deleting it ends its tracking too, and undo brings "
                "back the words only. Delete it?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        try:
            gone = self.findings.delete(line.id)
        except FINDING_ERRORS as exc:
            self._problem("Delete a line", str(exc))
            return None
        self.undo.push(DeleteFinding(self.findings, gone, self._say))
        return gone

    def move(self, line: FindingView, to: int) -> bool:
        try:
            self.findings.move(line.id, to)
        except FINDING_ERRORS as exc:
            self._problem("Move a line", str(exc))
            return False
        self.undo.push(MoveFinding(self.findings, line, to, self._say))
        return True
