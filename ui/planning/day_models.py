"""Item models over the planner's read views: the list of days, a day's agenda and people."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QUndoStack

from facilitator.common.events import Event
from facilitator.planning.day_list import DaySummary
from ui.common.bridge import listen

if TYPE_CHECKING:  # the home window's first paint loads none of the planner's code
    from facilitator.planning.planner import DayPlan, Planner

Index = QModelIndex | QPersistentModelIndex
DAY_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class HeaderedTable(QAbstractTableModel):
    """A table whose columns are its `headers`."""

    headers: tuple[str, ...] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class DaysModel(HeaderedTable):
    """The days of the data file, read from the planner; until it is given one (`attach`),
    the days a glance at the file found (`preview`), so the window can show them at once."""

    headers = ("Date", "Day", "Authorities", "Where", "Status")

    def __init__(
        self,
        planner: Planner | None,
        parent: QObject | None = None,
        *,
        run_changed: Event[int] | None = None,
        preview: Sequence[DaySummary] = (),
    ) -> None:
        super().__init__(parent)
        self._planner: Planner | None = None
        self._preview = list(preview)
        self._days: list[DaySummary] = []
        self._cycle: str | None = None
        self.cycles: list[str] = []
        if planner is not None:
            self.attach(planner, run_changed)
        else:
            self.reload()

    def attach(self, planner: Planner, run_changed: Event[int] | None = None) -> None:
        """Reads the days from `planner` from now on, and follows its changes."""
        self._planner = planner
        self._preview = []
        listen(self, planner.day_changed, self._day_changed)
        if run_changed is not None:  # running a day changes its status
            listen(self, run_changed, self._day_changed)
        self._day_changed(None)

    def _day_changed(self, day_id: int | None) -> None:
        cycles, shown = self._read()
        if [d.id for d in shown] != [d.id for d in self._days]:
            self.beginResetModel()
            self.cycles, self._days = cycles, shown
            self.endResetModel()
            return
        # The same days in the same order: repaint them (one, or all when the days were read
        # afresh), so the selection stays put.
        self.cycles, self._days = cycles, shown
        first, last = (0, len(shown) - 1) if day_id is None else (self.row_of(day_id),) * 2
        if first >= 0 and last >= first:
            right = self.columnCount() - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, right))

    def refresh(self) -> None:
        """Reads the days again, keeping the selection when they are the same days."""
        self._day_changed(None)

    def reload(self) -> None:
        self.beginResetModel()
        self.cycles, self._days = self._read()
        self.endResetModel()

    def _read(self) -> tuple[list[str], list[DaySummary]]:
        """Every cycle named, and the days shown under the cycle chosen."""
        every = self._planner.list_days() if self._planner is not None else self._preview
        cycles = sorted({d.cycle_name for d in every if d.cycle_name})
        return cycles, [d for d in every if self._cycle is None or d.cycle_name == self._cycle]

    def set_cycle(self, cycle: str | None) -> None:
        """Shows only the days of one cycle; None shows every day."""
        self._cycle = cycle
        self.reload()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._days)

    def day_at(self, row: int) -> DaySummary:
        return self._days[row]

    def row_of(self, day_id: int) -> int:
        for row, day in enumerate(self._days):
            if day.id == day_id:
                return row
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self._days[index.row()]
        if role == DAY_ID_ROLE:
            return day.id
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return day.date.strftime("%a %d %b %Y")
            if column == 1:
                cycle = f" · {day.cycle_name}" if day.cycle_name else ""
                return f"{day.kind.label}{cycle}"
            if column == 2:
                return ", ".join(day.authorities)
            if column == 3:
                return f"{day.mode.label}: {day.place}" if day.place else day.mode.label
            return day.status.label
        return None


class PlanTable(HeaderedTable):
    """A table over one day's plan, shown afresh when it is given a new one."""

    def __init__(self) -> None:
        super().__init__()
        self._plan: DayPlan | None = None

    def set_plan(self, plan: DayPlan | None) -> None:
        self.beginResetModel()
        self._plan = plan
        self.endResetModel()


class EditedPlanTable(HeaderedTable):
    """A table over the day being planned: its edits go through the planner onto `undo`, and
    it reads the plan afresh when the planner announces a change."""

    def __init__(self, planner: Planner, day_id: int, undo: QUndoStack) -> None:
        super().__init__()
        self.planner, self.day_id, self.undo = planner, day_id, undo
        self.plan: DayPlan = planner.day_plan(day_id)

    def reload(self) -> None:
        self.beginResetModel()
        self.plan = self.planner.day_plan(self.day_id)
        self.endResetModel()


class AgendaModel(PlanTable):
    headers = ("Time", "Item", "Presenting", "Minutes")

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() or self._plan is None:
            return 0
        return len(self._plan.stages) + 1  # the finish time closes the agenda

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._plan is None:
            return None
        row, column = index.row(), index.column()
        if row == len(self._plan.stages):
            if role == Qt.ItemDataRole.DisplayRole:
                return (self._plan.finish.strftime("%H.%M"), "Finish", "", "")[column]
            return None
        stage = self._plan.stages[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                stage.starts.strftime("%H.%M"),
                stage.title,
                stage.presenter,
                str(stage.planned_minutes),
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ParticipantsModel(PlanTable):
    headers = ("Presenting order", "DCS", "Lead reviewer for", "Team")

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() or self._plan is None:
            return 0
        return len(self._plan.participants)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._plan is None:
            return None
        person = self._plan.participants[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            short = f" ({person.short_name})" if person.short_name else ""
            return (
                f"{index.row() + 1}. {person.name}{short}",
                person.dcs,
                person.reviews,
                ", ".join(member.name for member in person.team),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return "\n".join(f"{m.name}, {m.role}" for m in person.team)
        return None
