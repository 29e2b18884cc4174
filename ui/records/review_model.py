"""The review's list: a session note as it will read, a row per heading and per line."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from facilitator.capture.introductions import PersonOfDay
from facilitator.capture.notes import NoteView
from facilitator.records.review import ReviewLine, SessionReview
from facilitator.word.record_content import NONE_RECORDED
from facilitator.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
CHECK_BACKGROUND = QColor("#fff7bf")  # pale yellow; the words "Check:" carry the meaning


class NoteReviewModel(QAbstractListModel):
    """The note as rows: each section's heading, then its lines (or "None recorded.")."""

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notebook = workspace.notebook
        self.names: dict[int, str] = {}
        self.people: tuple[PersonOfDay, ...] = ()
        self.draft_id: int | None = None  # nothing is being typed here
        self.rows: list[tuple[str, ReviewLine | None]] = []  # (heading, None) or ("", line)
        self._notes: dict[int, NoteView] = {}

    def set_review(self, review: SessionReview, notes: list[NoteView]) -> None:
        self.beginResetModel()
        self._notes = {n.id: n for n in notes}
        self.rows = []
        for section in review.sections:
            self.rows.append((section.heading, None))
            if not section.lines:
                self.rows.append(("", ReviewLine(NONE_RECORDED)))
            self.rows += [("", line) for line in section.lines]
        self.endResetModel()

    def line_at(self, row: int) -> ReviewLine | None:
        return self.rows[row][1] if 0 <= row < len(self.rows) else None

    def note_at(self, row: int) -> NoteView | None:
        line = self.line_at(row)
        note_id = line.note_id if line else None
        return self._notes.get(note_id) if note_id is not None else None

    def row_of(self, source: str) -> int:
        return next(
            (i for i, (_, line) in enumerate(self.rows) if line and line.source == source), -1
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        line = self.line_at(index.row())
        if line is None or not line.source:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        heading, line = self.rows[index.row()]
        if line is None:
            if role in (Role.DisplayRole, Role.AccessibleTextRole):
                return heading
            if role == Role.FontRole:
                font = QFont()
                font.setBold(True)
                font.setPointSizeF(font.pointSizeF() * 1.1)
                return font
            return None
        checks = [f"Check: {flag.message}" for flag in line.flags]
        if role in (Role.DisplayRole, Role.AccessibleTextRole):
            indent = "      " * (line.level - 1)
            return "\n".join([f"{indent}•  {line.text}", *(f"{indent}     ⚠ {c}" for c in checks)])
        if role == Role.BackgroundRole and line.flags:
            return QBrush(CHECK_BACKGROUND)
        if role == Role.ForegroundRole and line.text == NONE_RECORDED and not line.source:
            return QBrush(QColor("#505a5f"))
        return None
