"""The running agenda down the side: done, now, next, with planned and actual times."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from facilitator.live.conductor import RunState, StageRun, StageStatus

Index = QModelIndex | QPersistentModelIndex
STAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MARKS = {StageStatus.DONE: "✓", StageStatus.NOW: "▶", StageStatus.NEXT: "›", StageStatus.LATER: ""}


def _clock(moment: Any) -> str:
    return moment.astimezone().strftime("%H.%M") if moment else ""


class AgendaRunModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.stages: tuple[StageRun, ...] = ()

    def set_state(self, state: RunState) -> None:
        if [
            (s.id, s.status, s.started_at, s.ended_at, s.planned_minutes) for s in state.stages
        ] == [(s.id, s.status, s.started_at, s.ended_at, s.planned_minutes) for s in self.stages]:
            return
        self.beginResetModel()
        self.stages = state.stages
        self.endResetModel()

    def row_of(self, stage_id: int) -> int:
        return next((i for i, s in enumerate(self.stages) if s.id == stage_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.stages)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        stage = self.stages[index.row()]
        if role == STAGE_ID_ROLE:
            return stage.id
        if role == Qt.ItemDataRole.DisplayRole:
            who = f" · {stage.presenter}" if stage.presenter else ""
            planned = stage.planned_start.strftime("%H.%M")
            first = f"{MARKS[stage.status]} {planned}  {stage.kind.short_label}{who}"
            if stage.started_at is None:
                return f"{first}\n      {stage.planned_minutes} min planned"
            actual = (
                f"{_clock(stage.started_at)}–{_clock(stage.ended_at)}"
                if stage.ended_at
                else (f"started {_clock(stage.started_at)}")
            )
            return f"{first}\n      {actual} ({stage.planned_minutes} min planned)"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{stage.title}{' · ' + stage.presenter if stage.presenter else ''}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{stage.status.value}: {stage.title} {stage.presenter}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if stage.status is StageStatus.DONE:
                return QColor("#505a5f")
            if stage.status is StageStatus.NOW:
                return QColor("#0b0c0c")
        if role == Qt.ItemDataRole.BackgroundRole:
            if stage.status is StageStatus.NOW:
                return QColor("#d2e2f1")
            if stage.is_break:
                return QColor("#f3f2f1")
        if role == Qt.ItemDataRole.FontRole and stage.status in (
            StageStatus.NOW,
            StageStatus.NEXT,
        ):
            font = QFont()
            font.setBold(stage.status is StageStatus.NOW)
            font.setItalic(stage.status is StageStatus.NEXT)
            return font
        return None
