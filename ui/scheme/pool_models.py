"""The pool as a table: everyone in it, what their DCS approved them for, and what they served."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont

from facilitator.pool.people import ChallengerView, ServiceView
from facilitator.pool.service import Pool
from ui.planning.day_models import Index
from ui.scheme.headers import LeftHeaders
from ui.scheme.texts import listed, served_text

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SECONDARY = QColor("#505a5f")


@dataclass(frozen=True)
class PoolRow:
    person: ChallengerView
    service: tuple[ServiceView, ...]

    @property
    def trained(self) -> bool:
        """As the team rules see it: their entry names some training attended."""
        return bool(self.person.details.training.strip())


def trained_text(row: PoolRow) -> str:
    return "Yes" if row.trained else "No"


def expertise_text(person: ChallengerView) -> str:
    details = person.details
    areas = [
        f"Other ({details.other_expertise})"
        if area.value == "Other" and details.other_expertise
        else area.value
        for area in details.expertise
    ]
    return listed(areas, "–")


class PoolModel(LeftHeaders):
    """Everyone in the pool, by name; `reload()` reads it all again."""

    headers = (
        "Name",
        "Authority",
        "Position",
        "Roles approved",
        "Expertise",
        "Trained",
        "Reviews served",
    )

    def __init__(self, pool: Pool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._rows: list[PoolRow] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = [PoolRow(p, self._pool.service(p.id)) for p in self._pool.people()]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def row_at(self, row: int) -> PoolRow:
        return self._rows[row]

    def row_of(self, person_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.person.id == person_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == PERSON_ID_ROLE:
            return row.person.id
        if role == Qt.ItemDataRole.ToolTipRole and column == 5:
            return row.person.details.training or "No training attended yet."
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return self._text(row, column)
        if role == Qt.ItemDataRole.FontRole and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and not row.trained:
            return SECONDARY
        return None

    @staticmethod
    def _text(row: PoolRow, column: int) -> str:
        details = row.person.details
        if column == 0:
            return details.name
        if column == 1:
            return details.authority
        if column == 2:
            return details.position or "–"
        if column == 3:
            return listed((role.value for role in details.roles_approved), "Not approved yet")
        if column == 4:
            return expertise_text(row.person)
        if column == 5:
            return trained_text(row)
        return served_text(row.service)
