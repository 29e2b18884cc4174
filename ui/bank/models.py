"""Item models for the question bank panel: themes down the side, matching questions."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from question_bank import CYCLE_YEARS, Bank, Question, SearchHit, Span, Theme, for_cycle

Index = QModelIndex | QPersistentModelIndex
QUESTION_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
THEME_ID_ROLE = Qt.ItemDataRole.UserRole + 3
MARK = "background-color:#ffdd00;color:#0b0c0c;font-weight:bold"


class ThemesModel(QAbstractListModel):
    """'All themes' first, then each theme, marked when it is a focus risk or touched."""

    def __init__(self) -> None:
        super().__init__()
        self._themes: list[Theme] = []
        self._focus: set[str] = set()
        self._asked_counts: dict[str, int] = {}

    def set_bank(self, bank: Bank) -> None:
        self.beginResetModel()
        self._themes = list(bank.themes)
        self.endResetModel()

    def set_marks(self, focus: set[str], asked_counts: dict[str, int]) -> None:
        self._focus, self._asked_counts = focus, asked_counts
        if self._themes:
            self.dataChanged.emit(self.index(0), self.index(len(self._themes)))

    def theme_at(self, row: int) -> Theme | None:
        return self._themes[row - 1] if 0 < row <= len(self._themes) else None

    def row_of(self, theme_id: str | None) -> int:
        for row, theme in enumerate(self._themes, start=1):
            if theme.id == theme_id:
                return row
        return 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._themes) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        theme = self.theme_at(index.row())
        if role == THEME_ID_ROLE:
            return theme.id if theme else None
        if role == Qt.ItemDataRole.DisplayRole:
            if theme is None:
                return "All themes"
            star = "★ " if theme.id in self._focus else ""
            asked = self._asked_counts.get(theme.id, 0)
            count = f"  ({asked} asked)" if asked else ""
            return f"{star}{theme.title}{count}"
        if role == Qt.ItemDataRole.ToolTipRole and theme is not None:
            parts = [theme.title]
            if theme.id in self._focus:
                parts.append("A focus risk for this session")
            if not self._asked_counts.get(theme.id) and theme.section == "signatures":
                parts.append("No question asked yet")
            return "\n".join(parts)
        if role == Qt.ItemDataRole.FontRole and theme is not None and theme.id in self._focus:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None


class QuestionsModel(QAbstractListModel):
    """Search hits, rendered as HTML with the matched words marked."""

    def __init__(self) -> None:
        super().__init__()
        self._hits: list[SearchHit] = []
        self._asked_by: dict[str, list[str]] = {}
        self._focus: set[str] = set()
        self._answers: dict[str, list[str]] = {}
        self._cycle: str | None = None  # the day's cycle, for "{cycle_years}" in the words

    def set_cycle(self, cycle_name: str | None) -> None:
        self._cycle = cycle_name
        if self._hits:
            self.dataChanged.emit(self.index(0), self.index(len(self._hits) - 1))

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = hits
        self.endResetModel()

    def set_marks(
        self, asked_by: dict[str, list[str]], focus: set[str], answers: dict[str, list[str]]
    ) -> None:
        self._asked_by, self._focus, self._answers = asked_by, focus, answers
        if self._hits:
            self.dataChanged.emit(self.index(0), self.index(len(self._hits) - 1))

    def question_at(self, row: int) -> Question | None:
        return self._hits[row].question if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        question = hit.question
        if role == QUESTION_ROLE:
            return question
        if role == Qt.ItemDataRole.DisplayRole:
            return for_cycle(question.text, self._cycle)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._plain(question)
        if role == HTML_ROLE:
            return self._html(hit)
        return None

    def _badges(self, question: Question) -> list[str]:
        badges = []
        if question.id in self._focus:
            badges.append("★ Focus")
        if question.scale is not None:
            answers = self._answers.get(question.id)
            badges.append("0–10 scale" + (f": {', '.join(answers)}" if answers else ""))
        asked = self._asked_by.get(question.id)
        if asked:
            badges.append("✓ Asked by " + ", ".join(asked))
        return badges

    def _plain(self, question: Question) -> str:
        return " ".join(
            [
                for_cycle(question.text, self._cycle),
                *(f"Or: {alternative}" for alternative in question.alternatives),
                *question.follow_ups,
                *self._badges(question),
            ]
        )

    def _html(self, hit: SearchHit) -> str:
        question = hit.question
        asked = question.id in self._asked_by
        colour = "#505a5f" if asked else "#0b0c0c"
        if CYCLE_YEARS in question.text:  # filled in, so the marks would no longer fit
            lead = escape(for_cycle(question.text, self._cycle))
        else:
            lead = _marked(question.text, hit.text_spans)
        parts = [f'<div style="color:{colour}">{lead}</div>']
        parts += [
            f'<div style="color:{colour}">Or: {escape(alternative)}</div>'
            for alternative in question.alternatives
        ]
        scale = question.scale
        scale_line = (
            '<div style="color:#505a5f;margin-left:18px">'
            f"0 = {escape(scale.low)} · 10 = {escape(scale.high)}</div>"
            if scale is not None
            else ""
        )
        if scale is not None and not 0 < scale.follow_up <= len(question.follow_ups):
            parts.append(scale_line)
        for number, follow_up in enumerate(question.follow_ups):
            spans = hit.follow_up_spans[number] if number < len(hit.follow_up_spans) else ()
            parts.append(
                f'<div style="color:#505a5f;margin-left:18px">– {_marked(follow_up, spans)}</div>'
            )
            if scale is not None and scale.follow_up == number + 1:
                parts.append(scale_line)
        badges = self._badges(question)
        if badges:
            parts.append(
                '<div style="color:#00703c;font-weight:bold">' + " · ".join(badges) + "</div>"
            )
        return "".join(parts)


def _marked(text: str, spans: tuple[Span, ...]) -> str:
    """Escapes the text and wraps each matched span; spans come sorted and apart."""
    out: list[str] = []
    cursor = 0
    for start, end in sorted(spans):
        if start < cursor:
            continue
        out.append(escape(text[cursor:start]))
        out.append(f'<span style="{MARK}">{escape(text[start:end])}</span>')
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)
