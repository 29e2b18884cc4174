"""A review's report as a tree: its four sections, in the report's order, each with its lines.

A line's words are edited in place (F2); the model stores nothing itself but hands the new
words to `edit`, and shows them once the findings say they changed. Reading the lines again
changes only the words when the lines are the same ones in the same order, so an editor open
on a line is not torn down by its own change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from facilitator.common.vocabulary import FindingSection
from facilitator.follow_up.views import FollowUpView
from facilitator.reviews.findings import FindingView
from ui.scheme.texts import short_date

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1  # the line's id, on a line
SECTION_ROLE = Qt.ItemDataRole.UserRole + 2  # the section's value, on a section and its lines
TEXT_ROLE = Qt.ItemDataRole.UserRole + 3  # the line's own words, without the tracking note

Index = QModelIndex | QPersistentModelIndex


def tracked_note(follow_up: FollowUpView) -> str:
    """ "tracked: Head of Service, by 1 Dec 2015"."""
    due = f", by {short_date(follow_up.due_on)}" if follow_up.due_on else ""
    return f"tracked: {follow_up.who}{due}"


class FindingsModel(QStandardItemModel):
    def __init__(self, edit: Callable[[int, str], bool], parent: Any = None) -> None:
        super().__init__(parent)
        self._edit = edit
        self._lines: dict[int, FindingView] = {}
        self._tracked: set[int] = set()
        self.setHorizontalHeaderLabels(["Report"])
        bold = QFont()
        bold.setBold(True)
        for section in FindingSection:
            item = QStandardItem(section.label)
            item.setEditable(False)
            item.setFont(bold)
            item.setData(section.value, SECTION_ROLE)
            self.appendRow(item)

    # reading ----------------------------------------------------------------------------

    def set_lines(
        self, lines: Sequence[FindingView], tracked: dict[int, FollowUpView] | None = None
    ) -> None:
        tracked = tracked or {}
        self._lines = {line.id: line for line in lines}
        self._tracked = set(tracked)
        for row, section in enumerate(FindingSection):
            parent = self.item(row)
            wanted = [line for line in lines if line.section is section]
            shown = [parent.child(n).data(FINDING_ROLE) for n in range(parent.rowCount())]
            if shown != [line.id for line in wanted]:
                parent.removeRows(0, parent.rowCount())
                parent.appendRows([QStandardItem() for _ in wanted])
            for n, line in enumerate(wanted):
                self._fill(parent.child(n), line, tracked.get(line.id))
            count = f" ({len(wanted)})" if wanted else " (none yet)"
            parent.setText(section.label + count)

    @staticmethod
    def _fill(item: QStandardItem, line: FindingView, follow_up: FollowUpView | None) -> None:
        note = f"  [{tracked_note(follow_up)}]" if follow_up else ""
        item.setData(line.id, FINDING_ROLE)
        item.setData(line.section.value, SECTION_ROLE)
        item.setData(line.text, TEXT_ROLE)
        item.setText(line.text + note)
        item.setToolTip(line.text + (f"\n\n{tracked_note(follow_up)}" if follow_up else ""))
        item.setEditable(True)

    def line(self, index: Index) -> FindingView | None:
        finding_id = index.data(FINDING_ROLE) if index.isValid() else None
        return self._lines.get(finding_id) if isinstance(finding_id, int) else None

    def is_tracked(self, finding_id: int) -> bool:
        return finding_id in self._tracked

    def lines(self) -> list[FindingView]:
        return list(self._lines.values())

    def section_at(self, index: Index) -> FindingSection | None:
        value = index.data(SECTION_ROLE) if index.isValid() else None
        return FindingSection(value) if isinstance(value, str) else None

    def index_of(self, finding_id: int) -> QModelIndex | None:
        for row in range(self.rowCount()):
            parent = self.item(row)
            for n in range(parent.rowCount()):
                if parent.child(n).data(FINDING_ROLE) == finding_id:
                    return parent.child(n).index()
        return None

    def section_index(self, section: FindingSection) -> QModelIndex:
        return self.index(list(FindingSection).index(section), 0)

    def texts(self, section: FindingSection) -> list[str]:
        """The lines of a section as shown, top to bottom (without tracking notes)."""
        parent = self.item(list(FindingSection).index(section))
        return [str(parent.child(n).data(TEXT_ROLE)) for n in range(parent.rowCount())]

    # editing in place -------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.data(FINDING_ROLE) is not None:
            return super().data(index, TEXT_ROLE)
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole:
            return super().setData(index, value, role)
        line = self.line(index)
        if line is None or str(value) == line.text:
            return False
        return self._edit(line.id, str(value))


def suggested_due(today: dt.date, last_day: dt.date | None) -> dt.date:
    """Three months after the review (or today, if later): a first date to offer."""
    start = max(today, last_day) if last_day else today
    month = start.month + 3
    year = start.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, min(start.day, 28))
