"""The reviews as tables: the regional plan's reviews, one review's team, and who in the pool
may join it in a role (yes first, then no with every reason)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from facilitator.pool.people import ChallengerView
from facilitator.reviews.service import MemberView, Reviews, ReviewView
from ui.planning.day_models import Index
from ui.scheme.headers import LeftHeaders
from ui.scheme.texts import short_kind

SORT_ROLE = Qt.ItemDataRole.UserRole + 2
GREEN = QColor("#00703c")
RED = QColor("#d4351c")
SECONDARY = QColor("#505a5f")
TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class ReviewsModel(LeftHeaders):
    """Every review, in the order they were stored, with the size of its team."""

    headers = ("Kind", "Authority", "Dates", "Leads", "Team")

    def __init__(self, reviews: Reviews, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reviews = reviews
        self._rows: list[tuple[ReviewView, int]] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = [(r, len(self._reviews.members(r.id))) for r in self._reviews.list()]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def review_at(self, row: int) -> ReviewView:
        return self._rows[row][0]

    def row_of(self, review_id: int) -> int | None:
        return next((n for n, (r, _) in enumerate(self._rows) if r.id == review_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        review, team = self._rows[index.row()]
        column = index.column()
        if role in TEXT_ROLES:
            draft = review.draft
            leads = draft.lead_words or ", ".join(str(p) for p in draft.leads) or "–"
            return (short_kind(review), draft.host, draft.dates.words, leads, str(team))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(review.kind) if column == 0 else self.data(index)
        if role == Qt.ItemDataRole.FontRole and column == 1:
            return _bold()
        return None


@dataclass(frozen=True)
class TeamRow:
    member: MemberView
    person: ChallengerView


class TeamModel(LeftHeaders):
    """One review's team, in the order they joined it."""

    headers = ("Name", "Authority", "Role")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TeamRow] = []

    def set_team(self, rows: list[TeamRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def row_at(self, row: int) -> TeamRow:
        return self._rows[row]

    def rows(self) -> tuple[TeamRow, ...]:
        return tuple(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (*TEXT_ROLES, Qt.ItemDataRole.ToolTipRole):
            return (row.person.name, row.person.authority, row.member.role.value)[index.column()]
        if role == Qt.ItemDataRole.FontRole and index.column() == 0:
            return _bold()
        return None


@dataclass(frozen=True)
class CandidateRow:
    person: ChallengerView
    reasons: list[str]

    @property
    def fits(self) -> bool:
        return not self.reasons


class CandidatesModel(LeftHeaders):
    """Everyone in the pool for one role on one review: Yes, or No and every reason."""

    headers = ("Can join", "Name", "Authority", "Why not")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CandidateRow] = []

    def set_candidates(self, found: list[tuple[ChallengerView, list[str]]]) -> None:
        self.beginResetModel()
        self._rows = [CandidateRow(person, reasons) for person, reasons in found]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def row_at(self, row: int) -> CandidateRow:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in TEXT_ROLES:
            return self._text(row, column)
        if role == SORT_ROLE:
            # Yes before No, then by name; other columns by their words, case aside.
            if column == 0:
                return f"{0 if row.fits else 1} {row.person.name.casefold()}"
            return self._text(row, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(row.reasons) if row.reasons else "May join the team in this role."
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return GREEN if row.fits else RED
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return SECONDARY
        if role == Qt.ItemDataRole.FontRole and column in (0, 1):
            return _bold()
        return None

    @staticmethod
    def _text(row: CandidateRow, column: int) -> str:
        if column == 0:
            return "Yes" if row.fits else "No"
        if column == 1:
            return row.person.name
        if column == 2:
            return row.person.authority
        return " ".join(row.reasons) if row.reasons else "–"


def sorted_candidates(
    model: CandidatesModel, parent: QObject | None = None
) -> QSortFilterProxyModel:
    """The candidates sortable by any column; Yes first until the coordinator sorts otherwise."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    return proxy
