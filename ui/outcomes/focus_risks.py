"""The presentation's page of the Outcomes panel: the session's focus risks, one list
whichever way each was given (typed as `r:`, added here, or pinned from the bank)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QVBoxLayout, QWidget

from facilitator.capture.focus_risks import Focus, focus_words
from facilitator.capture.question_use import QuestionLog
from question_bank import Bank, BankService
from ui.common.bridge import listen
from ui.outcomes.common import OrderedList, label
from ui.outcomes.models import OrderedModel

EMPTY = (
    "No focus risks yet. Type r: and the risk in the presentation, add one here, "
    "or pin a theme or question from the question bank (Ctrl+P)."
)


def describe(focus: Focus, bank: Bank | None) -> tuple[str, str]:
    """(the words, where they came from) for one focus risk."""
    lead, words = focus_words(focus, bank)
    return f"{lead}{words}", "" if focus.text else "pinned from the bank"


class FocusRisksPart(QWidget):
    """The focus risks the presenting DCS asked the group to explore, in their order."""

    def __init__(self, questions: QuestionLog, bank: BankService, undo: QUndoStack) -> None:
        super().__init__()
        self.questions, self.bank = questions, bank
        self.session_id: int | None = None
        self._bank: Bank | None = None
        self.items = OrderedList(
            "focus risk",
            OrderedModel(lambda focus: describe(focus, self._bank), numbered=False),
            undo,
            questions.focus_risks,
            self._add,
            placeholder="A focus risk in the DCS’s own words, then Enter",
            empty=EMPTY,
        )
        self.items.view.setAccessibleName("Focus risks of the session")
        self.view = self.items.view
        layout = QVBoxLayout(self)
        layout.addWidget(label("Focus risks", "sectionHeading"))
        layout.addWidget(self.items)
        listen(self, questions.changed, self._changed)

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self._changed(session_id)

    def _add(self, text: str) -> Any:
        if self.session_id is None:
            raise ValueError("Choose a session first.")
        return self.questions.focus_risks.add(self.session_id, text)

    def _changed(self, session_id: int | None) -> None:
        if session_id != self.session_id:
            return
        rows = self.questions.focus(session_id) if session_id else []
        self._bank = self.bank.bank() if any(not f.text for f in rows) else None
        self.items.set_rows(rows)
