"""Before an import is written: what it adds, and a choice for each question that differs."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from question_bank import Choice, ImportPlan, Question


def _words(question: Question) -> str:
    lines = [f"<b>{escape(question.text)}</b>"]
    lines += [f"Or: {escape(a)}" for a in question.alternatives]
    lines += [f"– {escape(f)}" for f in question.follow_ups]
    if question.scale:
        lines.append(f"0 = {escape(question.scale.low)} · 10 = {escape(question.scale.high)}")
    return "<br>".join(lines)


class ImportDialog(QDialog):
    def __init__(self, plan: ImportPlan, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle("Import questions")
        self.setMinimumSize(640, 420)
        summary = QLabel(
            f"<p><b>{escape(file_name)}</b> holds {len(plan.incoming.all_questions())} "
            f"questions.</p><p>New themes: {len(plan.new_themes)} · New questions: "
            f"{len(plan.new_questions)} · Already in your bank: {len(plan.identical)} · "
            f"Worded differently: {len(plan.conflicts)}</p>"
        )
        summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        self.groups: dict[str, QButtonGroup] = {}
        if plan.conflicts:
            intro = QLabel("For each question worded differently, choose which words to keep:")
            intro.setWordWrap(True)
            layout.addWidget(intro)
            holder = QWidget()
            column = QVBoxLayout(holder)
            for conflict in plan.conflicts:
                box = QGroupBox(conflict.question_id)
                inner = QVBoxLayout(box)
                mine = QRadioButton("Keep mine")
                theirs = QRadioButton("Take theirs")
                mine.setChecked(True)
                group = QButtonGroup(box)
                group.addButton(mine, 0)
                group.addButton(theirs, 1)
                self.groups[conflict.question_id] = group
                for button, question in ((mine, conflict.mine), (theirs, conflict.theirs)):
                    text = QLabel(_words(question))
                    text.setWordWrap(True)
                    text.setContentsMargins(24, 0, 0, 6)
                    inner.addWidget(button)
                    inner.addWidget(text)
                column.addWidget(box)
            column.addStretch()
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(holder)
            layout.addWidget(scroll, 1)
        else:
            layout.addStretch()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Import")
        ok.setEnabled(not plan.changes_nothing)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choices(self) -> dict[str, Choice]:
        return {
            question_id: "theirs" if group.checkedId() == 1 else "mine"
            for question_id, group in self.groups.items()
        }
