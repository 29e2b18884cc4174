"""The hypotheses the team tests, one a line: typed in a box that saves them when the focus
leaves it (or on Ctrl+S), each save a step on the window's undo stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent, QUndoStack
from PySide6.QtWidgets import QPlainTextEdit

from facilitator.reviews.findings import ReviewFindings
from ui.scheme.report_commands import FINDING_ERRORS, SetHypotheses


class HypothesesBox(QPlainTextEdit):
    """The hypotheses, one a line; `left` when the focus goes elsewhere (they are saved)."""

    left = Signal()

    def __init__(
        self,
        findings: ReviewFindings,
        undo: QUndoStack,
        say: Callable[[str], None],
        problem: Callable[[str, str], None],
    ) -> None:
        super().__init__()
        self.findings, self.undo_stack = findings, undo
        self._say, self._problem = say, problem
        self.setAccessibleName("Hypotheses, one a line")
        self.setPlaceholderText("The hypotheses the team tests, one a line")
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def show_saved(self, review_id: int | None) -> None:
        """Shows what is saved, unless words are typed and not saved yet (kept, not lost)."""
        if review_id is None:
            self.setPlainText("")
        elif not self.document().isModified():
            self.setPlainText("\n".join(self.findings.hypotheses(review_id)))

    def save(self, review_id: int) -> None:
        if not self.document().isModified():
            return
        before = self.findings.hypotheses(review_id)
        typed = self.toPlainText()
        if tuple(x.strip() for x in typed.splitlines() if x.strip()) == before:
            self.document().setModified(False)  # only spaces or blank lines changed: no step
            return
        try:
            after = self.findings.set_hypotheses(review_id, typed)
        except FINDING_ERRORS as exc:
            self._problem("Hypotheses", str(exc))
            return
        self.document().setModified(False)
        self.undo_stack.push(
            SetHypotheses(self.findings, review_id, "\n".join(before), "\n".join(after), self._say)
        )
        self._say(f"Hypotheses saved ({len(after)}).")
