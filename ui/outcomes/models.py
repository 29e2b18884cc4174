"""Item models for the Outcomes panel: short ordered lists, asks and offers, and what each
person wants to give to and receive from the day. (Strengths named: affirmations.py.)"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from facilitator.capture.exchanges import ExchangeView
from facilitator.capture.introductions import IntroductionView
from facilitator.common.vocabulary import ExchangeKind, ExchangeScope

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
HTML_ROLE = Role.UserRole + 20
SECONDARY = "#505a5f"


class OrderedModel(QAbstractListModel):
    """A short list the room orders. Numbered when its order is a ranking; a drag (or
    moveRows) asks `on_move(row, new_row)` to move a row, and the service's change reloads."""

    def __init__(self, describe: Callable[[Any], tuple[str, str]], numbered: bool) -> None:
        super().__init__()
        self.describe, self.numbered = describe, numbered  # describe: (text, who)
        self.rows: list[Any] = []
        self.on_move: Callable[[int, int], None] | None = None

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def _mark(self, row: int) -> str:
        return f"{row + 1}." if self.numbered else "•"

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        item = self.row_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        text, who = self.describe(item)
        by = f" — {who}" if who else ""
        if role == Role.DisplayRole:
            return f"{self._mark(index.row())}  {text}{by}"
        if role == Role.AccessibleTextRole:
            rank = f"Rank {index.row() + 1}: " if self.numbered else ""
            return f"{rank}{text}{by}"
        if role == HTML_ROLE:
            who_html = f' <span style="color:{SECONDARY}">— {escape(who)}</span>' if who else ""
            return f"<b>{self._mark(index.row())}</b>&nbsp;&nbsp;{escape(text)}{who_html}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drop between rows, never onto one
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def moveRows(
        self,
        sourceParent: Index,
        sourceRow: int,
        count: int,
        destinationParent: Index,
        destinationChild: int,
    ) -> bool:
        """What QListView calls for an internal drag; the move itself is the service's."""
        if count != 1 or sourceParent.isValid() or destinationParent.isValid():
            return False
        target = destinationChild if destinationChild < sourceRow else destinationChild - 1
        target = max(0, min(target, len(self.rows) - 1))
        if self.on_move is None or self.row_at(sourceRow) is None or target == sourceRow:
            return False
        self.on_move(sourceRow, target)
        return True


class TableModel(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []

    def key(self, row: Any) -> Any:
        return row

    def set_rows(self, rows: list[Any]) -> None:
        """Same rows in the same order are updated in place, so the current cell (and an
        editor moving on with Tab) survive a save; anything else resets the model."""
        if rows and [self.key(r) for r in rows] == [self.key(r) for r in self.rows]:
            self.rows = rows
            last = self.index(len(rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Role.DisplayRole:
            return self.headers[section]
        if role in (Role.ToolTipRole, Role.AccessibleTextRole):
            return self.headers[section].replace("\n", " ")
        return None


class ExchangesModel(TableModel):
    headers = ("Kind", "Topic", "Between")

    def __init__(self, names: dict[int, str]) -> None:
        super().__init__()
        self.names = names

    def key(self, row: ExchangeView) -> Any:
        return row.id

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        row: ExchangeView | None = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == Role.DisplayRole:
            if column == 0:
                return "Ask" if row.kind is ExchangeKind.ASK else "Offer"
            if column == 1:
                return f"{row.topic}\n{row.detail}" if row.detail else row.topic
            return self.between(row)
        if role in (Role.ToolTipRole, Role.AccessibleTextRole) and column == 2:
            return f"{row.scope.value.capitalize()}: {self.between(row)}"
        return None

    def between(self, row: ExchangeView) -> str:
        who = self.names.get(row.authority_id, "?")
        if row.scope is ExchangeScope.MULTILATERAL:
            return f"{who} → all"
        other = self.names.get(row.counterpart_id or 0, "not named yet")
        return f"{who} → {other}"


@dataclass(frozen=True)
class IntroRow:
    """A person on the day's list (or a guest), with what they said, if they have spoken."""

    person_id: int | None
    name: str
    authority_id: int | None
    authority: str  # short name
    role: str
    introduction: IntroductionView | None

    @property
    def gives(self) -> str:
        return self.introduction.gives if self.introduction else ""

    @property
    def receives(self) -> str:
        return self.introduction.receives if self.introduction else ""


class IntroductionsModel(TableModel):
    headers = ("Person", "Wants to\ngive", "Wants to\nreceive")  # narrow dock

    def __init__(self, on_edit: Callable[[IntroRow, str, str], None]) -> None:
        super().__init__()
        self.on_edit = on_edit

    def key(self, row: IntroRow) -> Any:
        return (row.person_id, row.name)

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        row: IntroRow | None = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role in (Role.DisplayRole, Role.EditRole):
            if column == 0:
                return f"{row.name}\n{row.authority}" if row.authority else row.name
            return row.gives if column == 1 else row.receives
        if role == Role.ToolTipRole and column == 0:
            return " · ".join(x for x in (row.name, row.authority, row.role) if x)
        if role == Role.ForegroundRole and column == 0 and row.introduction is None:
            return QColor(SECONDARY)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() in (1, 2) else flags

    def setData(self, index: Index, value: Any, role: int = Role.EditRole) -> bool:
        row: IntroRow | None = self.row_at(index.row())
        if role != Role.EditRole or row is None or index.column() not in (1, 2):
            return False
        text = " ".join(str(value).split())
        gives, receives = (text, row.receives) if index.column() == 1 else (row.gives, text)
        if (gives, receives) != (row.gives, row.receives):
            self.on_edit(row, gives, receives)
        return True
