"""The plenary: the room's answers to the four questions that close the day.

Workstream priorities go to the annual summit as a prioritised list: they are numbered
1..n and the room re-ranks them with Alt+Up / Alt+Down (or by dragging).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QComboBox, QFormLayout, QToolBox, QVBoxLayout, QWidget

from facilitator.capture.plenary import PLENARY_QUESTIONS, Plenary, PlenaryItemView
from facilitator.common.vocabulary import PlenaryQuestion
from ui.common.bridge import listen
from ui.outcomes.common import OrderedList, label
from ui.outcomes.models import OrderedModel

NOUNS = {
    PlenaryQuestion.KEY_LEARNING: "learning point",
    PlenaryQuestion.PRIORITIES: "priority",
    PlenaryQuestion.PROBLEM_SOLVING: "problem-solving topic",
    PlenaryQuestion.NETWORKING: "networking group",
}
PLACEHOLDERS = {
    PlenaryQuestion.KEY_LEARNING: "What will they take back? Type it, then Enter",
    PlenaryQuestion.PRIORITIES: "A workstream for next year, then Enter",
    PlenaryQuestion.PROBLEM_SOLVING: "A topic for a problem-solving group, then Enter",
    PlenaryQuestion.NETWORKING: "A new regional networking group, then Enter",
}
HINTS = {
    PlenaryQuestion.KEY_LEARNING: "Go round the room: what will each person take back?",
    PlenaryQuestion.PRIORITIES: (
        "1 is the top priority. Rank with Alt+Up and Alt+Down, or drag a row."
    ),
    PlenaryQuestion.PROBLEM_SOLVING: "Topics for multilateral problem-solving groups.",
    PlenaryQuestion.NETWORKING: "Suggestions for new regional networking groups.",
}


class PlenaryPart(QWidget):
    def __init__(
        self, plenary: Plenary, undo: QUndoStack, day_id: int, short: dict[int, str]
    ) -> None:
        super().__init__()
        self.plenary, self.day_id, self.short = plenary, day_id, short
        self.who = QComboBox()
        self.who.setAccessibleName("Authority the answer comes from (optional)")
        self.who.addItem("Nobody in particular", None)
        for authority_id, name in short.items():
            self.who.addItem(name, authority_id)
        self.toolbox = QToolBox()
        self.toolbox.setObjectName("plenaryQuestions")
        self.lists: dict[PlenaryQuestion, OrderedList] = {}
        for question in PLENARY_QUESTIONS:
            section = self._section(question, undo)
            self.toolbox.addItem(section, question.label)
        form = QFormLayout()
        form.addRow("Answers &from", self.who)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.toolbox, 1)
        for number, question in enumerate(PLENARY_QUESTIONS, start=1):
            show = QAction(f"Plenary: {question.label}", self)
            show.setShortcut(QKeySequence(f"Alt+{number}"))
            show.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            show.triggered.connect(lambda *_, q=question: self.open(q))
            self.addAction(show)
        self.toolbox.currentChanged.connect(lambda *_: self._focus_line())
        listen(self, plenary.changed, self._changed)
        self._changed(day_id)

    def _section(self, question: PlenaryQuestion, undo: QUndoStack) -> QWidget:
        def describe(item: PlenaryItemView) -> tuple[str, str]:
            return item.text, self.short.get(item.authority_id or 0, "")

        def add(text: str) -> Any:
            return self.plenary.add(
                self.day_id, question, text, authority_id=self.who.currentData()
            )

        ranked = question is PlenaryQuestion.PRIORITIES
        self.lists[question] = OrderedList(
            NOUNS[question],
            OrderedModel(describe, numbered=ranked),
            undo,
            self.plenary,
            add,
            placeholder=PLACEHOLDERS[question],
            empty="Nothing yet.",
        )
        self.lists[question].view.setAccessibleName(question.label)
        section = QWidget()
        layout = QVBoxLayout(section)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(label(HINTS[question]))
        layout.addWidget(self.lists[question], 1)
        return section

    def current_question(self) -> PlenaryQuestion:
        return PLENARY_QUESTIONS[max(0, self.toolbox.currentIndex())]

    def open(self, question: PlenaryQuestion) -> None:
        self.toolbox.setCurrentIndex(PLENARY_QUESTIONS.index(question))
        self._focus_line()

    def _focus_line(self) -> None:
        if self.isVisible():
            self.lists[self.current_question()].line.setFocus()

    def _changed(self, day_id: int) -> None:
        if day_id != self.day_id:
            return
        items = self.plenary.for_day(day_id)
        for number, question in enumerate(PLENARY_QUESTIONS):
            rows = [i for i in items if i.question is question]
            self.lists[question].set_rows(rows)
            count = f"  ({len(rows)})" if rows else ""
            self.toolbox.setItemText(number, f"{number + 1}. {question.label}{count}")
