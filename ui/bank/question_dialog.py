"""Typing a question of one's own: the words, its follow-ups, and whether it is a 0–10 scale."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from question_bank import Question
from ui.bank.edit_commands import scale_or_none


class QuestionDialog(QDialog):
    def __init__(self, question: Question | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit question" if question else "New question")
        self.setMinimumWidth(560)
        self._original = question
        self.text_edit = QPlainTextEdit(question.text if question else "")
        self.text_edit.setAccessibleName("Question")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setFixedHeight(80)
        self.follow_ups_edit = QPlainTextEdit("\n".join(question.follow_ups) if question else "")
        self.follow_ups_edit.setAccessibleName("Follow-up questions, one per line")
        self.follow_ups_edit.setTabChangesFocus(True)
        self.scale_check = QCheckBox("Asks for an answer on a scale from &0 to 10")
        self.low_edit = QLineEdit(question.scale.low if question and question.scale else "")
        self.low_edit.setAccessibleName("What 0 means")
        self.high_edit = QLineEdit(question.scale.high if question and question.scale else "")
        self.high_edit.setAccessibleName("What 10 means")
        self.scale_check.setChecked(bool(question and question.scale))
        self.error_label = QLabel()
        self.error_label.setObjectName("errorMessage")
        self.error_label.hide()

        form = QFormLayout()
        form.addRow("&Question", self.text_edit)
        form.addRow("&Follow-ups\n(one per line)", self.follow_ups_edit)
        form.addRow("", self.scale_check)
        form.addRow("0 &means", self.low_edit)
        form.addRow("10 m&eans", self.high_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.scale_check.toggled.connect(self._update_scale)
        self._update_scale()

    def _update_scale(self) -> None:
        for edit in (self.low_edit, self.high_edit):
            edit.setEnabled(self.scale_check.isChecked())

    def words(self) -> Question:
        follow_ups = tuple(
            line.strip() for line in self.follow_ups_edit.toPlainText().splitlines() if line.strip()
        )
        base = self._original or Question(id="new", theme_id="new", text="")
        scale = scale_or_none(
            self.scale_check.isChecked(), self.low_edit.text(), self.high_edit.text()
        )
        if scale is not None and base.scale is not None:  # asked by the same follow-up as before
            asked_by = base.scale.follow_up if base.scale.follow_up <= len(follow_ups) else 0
            scale = replace(scale, follow_up=asked_by)
        return Question(
            id=base.id,
            theme_id=base.theme_id,
            text=" ".join(self.text_edit.toPlainText().split()),
            follow_ups=follow_ups,
            scale=scale,
            note=base.note,
            origin=base.origin,
            hidden=base.hidden,
            alternatives=base.alternatives,
        )

    def accept(self) -> None:
        if not self.words().text:
            self.error_label.setText("Type the question first.")
            self.error_label.show()
            self.text_edit.setFocus()
            return
        super().accept()
