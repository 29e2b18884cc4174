"""The home window's list of days, with the cycle to show them by."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.planning.day_list import DaySummary
from ui.common.views import table
from ui.planning.day_models import DaysModel


class DaysList(QWidget):
    """Every day of the data file (or of the cycle chosen above it), one row each."""

    def __init__(self, preview: Sequence[DaySummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Parented so that its listener on the planner goes when the window does.
        self.model = DaysModel(None, parent, preview=preview)
        self.view = table(self.model, "Days", stretch=2)
        self.view.setObjectName("daysList")

        self._filling_cycles = False
        self.cycle_combo = QComboBox()
        self.cycle_combo.setAccessibleName("Cycle")
        self.cycle_combo.setMinimumWidth(220)
        self.cycle_combo.currentIndexChanged.connect(self._cycle_chosen)
        cycle_label = QLabel("C&ycle")
        cycle_label.setBuddy(self.cycle_combo)
        top = QHBoxLayout()
        top.addWidget(cycle_label)
        top.addWidget(self.cycle_combo)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)

    def selected_day_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.day_at(rows[0].row()).id if rows else None

    def select_day(self, day_id: int) -> None:
        row = self.model.row_of(day_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.setFocus()

    def confirm_deleting(self, day_id: int) -> bool:
        """Asks before a day goes, with all it holds; Cancel is the default."""
        day = self.model.day_at(self.model.row_of(day_id))
        answer = QMessageBox.warning(
            self,
            "Delete day",
            f"Delete the {day.kind.value} of {day.date.strftime('%d %B %Y')} "
            f"({', '.join(day.authorities)})?\n\n"
            "Its agenda, notes, asks, offers and actions are deleted too. "
            "This cannot be undone.",
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def has_days(self) -> bool:
        """Whether there is a day to list, in this cycle or another."""
        return self.model.rowCount() > 0 or self.cycle_combo.currentIndex() > 0

    def fill_cycles(self) -> None:
        """The cycles to choose from, keeping the one chosen if it is still there."""
        current = self.cycle_combo.currentData()
        self._filling_cycles = True
        self.cycle_combo.clear()
        self.cycle_combo.addItem("All cycles", None)
        for name in self.model.cycles:
            self.cycle_combo.addItem(name, name)
        self.cycle_combo.setCurrentIndex(max(0, self.cycle_combo.findData(current)))
        self._filling_cycles = False

    def _cycle_chosen(self, index: int) -> None:
        if index >= 0 and not self._filling_cycles:
            self.model.set_cycle(self.cycle_combo.itemData(index))
