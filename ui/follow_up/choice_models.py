"""What the dialogs choose from, as tables: actions not yet tracked, asks and offers, and the
topical peer challenge invitations of a cycle."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QObject, Qt

from facilitator.word.report_content import TopicalInvitation
from ui.follow_up.sources import ActionRow, ExchangeRow
from ui.planning.day_models import HeaderedTable, Index

R = TypeVar("R")
SHOWN = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.ToolTipRole,
)


class RowsModel(HeaderedTable, Generic[R]):
    """Rows of one kind, each cell's words from `cell`."""

    def __init__(self, rows: Sequence[R] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = list(rows)

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def rows(self) -> tuple[R, ...]:
        return tuple(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in SHOWN:
            return None
        return self.cell(self._rows[index.row()], index.column())

    def cell(self, row: R, column: int) -> str:
        raise NotImplementedError


class ActionsModel(RowsModel[ActionRow]):
    headers = ("Day", "Authority", "Action", "Owner")

    def cell(self, row: ActionRow, column: int) -> str:
        return (row.day.words, row.authority, row.text, row.owner or "–")[column]


class ExchangesModel(RowsModel[ExchangeRow]):
    headers = ("Ask or offer", "Day", "Authority", "Topic")

    def cell(self, row: ExchangeRow, column: int) -> str:
        topic = f"{row.topic}: {row.detail}" if row.detail else row.topic
        return (row.kind.label, row.day.words, row.authority, topic)[column]


class InvitationsModel(RowsModel[TopicalInvitation]):
    headers = ("Day", "Authority", "Invites one?", "On")

    def cell(self, row: TopicalInvitation, column: int) -> str:
        return (row.day, row.authority, row.answer, row.topic_text or "–")[column]
