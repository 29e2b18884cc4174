"""Follow-ups as tables: the due list (DueModel) and every follow-up of a cycle (FollowUpsModel).

A follow-up that is overdue says so in words ("overdue by 3 days") and in bold red; the words
alone carry the meaning, so it reads the same to someone who cannot tell the colour, and on a
chosen row, where the selection's colours take over.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont

from facilitator.common.vocabulary import FollowUpStatus
from facilitator.follow_up.views import DueItem, FollowUpView, when_words
from ui.planning.day_models import HeaderedTable, Index

FOLLOW_UP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE = QColor("#d4351c")  # GOV.UK red: 4.5:1 on white and on the alternate rows' grey
SECONDARY = QColor("#505a5f")
NOBODY = "No owner yet"
TEXT_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.AccessibleTextRole,
)


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def table_date(day: dt.date) -> str:
    """ "29 Jan 2027": short enough for a column, in English whatever the locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def what_text(view: FollowUpView) -> str:
    """ "Test the sufficiency plan — Ashvale, Day 1 (18 January 2027)"."""
    what = " ".join(view.what.split())
    what = what[:1].upper() + what[1:]
    if view.support is not None:
        what += f" → {view.support.label}"
    return " — ".join(part for part in (what, view.where) if part)


def due_text(view: FollowUpView) -> str:
    """ "1 Feb 2027", "12 Nov 2026 to 12 Feb 2027" (a window), or "No date yet"."""
    if view.due_on is None:
        return "No date yet"
    if view.due_from is not None and view.due_from < view.due_on:
        return f"{table_date(view.due_from)} to {table_date(view.due_on)}"
    return table_date(view.due_on)


def status_text(view: FollowUpView, today: dt.date) -> str:
    """ "Open, overdue by 3 days", "Done on 2 Feb 2027", "Dropped"."""
    if view.status is FollowUpStatus.DONE:
        return f"Done on {table_date(view.done_on)}" if view.done_on else "Done"
    if view.status is FollowUpStatus.DROPPED:
        return "Dropped"
    if view.due_on is None:
        return "Open"
    return f"Open, {when_words((view.due_on - today).days)}"


def is_overdue(view: FollowUpView, today: dt.date) -> bool:
    return view.is_open and view.due_on is not None and view.due_on < today


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class DueModel(HeaderedTable):
    """What is due or overdue, overdue first: `set_items` shows a new due list."""

    headers = ("When", "Due date", "What")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[DueItem] = []

    def set_items(self, items: tuple[DueItem, ...]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def item_at(self, row: int) -> DueItem:
        return self._items[row]

    def row_of(self, follow_up_id: int) -> int | None:
        return next((n for n, i in enumerate(self._items) if i.follow_up.id == follow_up_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == FOLLOW_UP_ID_ROLE:
            return item.follow_up.id
        if role in TEXT_ROLES:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.description
        if column == 0 and item.overdue:
            if role == Qt.ItemDataRole.ForegroundRole:
                return OVERDUE
            if role == Qt.ItemDataRole.FontRole:
                return _bold()
        return None

    @staticmethod
    def _text(item: DueItem, column: int) -> str:
        view = item.follow_up
        if column == 0:
            when = item.when
            return when[0].upper() + when[1:]
        if column == 1:  # the last day of a window: the words before say how it stands
            return table_date(view.due_on) if view.due_on else ""
        return f"{view.kind.label}: {what_text(view)} — {view.who or NOBODY.lower()}"


class FollowUpsModel(HeaderedTable):
    """Follow-ups by due date, as of `today`: `set_follow_ups` shows a new list."""

    headers = ("Kind", "What", "Who", "Due", "Status")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._views: list[FollowUpView] = []
        self.today = dt.date.today()

    def set_follow_ups(self, views: list[FollowUpView], today: dt.date) -> None:
        self.beginResetModel()
        self._views, self.today = views, today
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._views)

    def view_at(self, row: int) -> FollowUpView:
        return self._views[row]

    def row_of(self, follow_up_id: int) -> int | None:
        return next((n for n, v in enumerate(self._views) if v.id == follow_up_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        view = self._views[index.row()]
        column = index.column()
        if role == FOLLOW_UP_ID_ROLE:
            return view.id
        if role in TEXT_ROLES:
            return self._text(view, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return view.description(self.today)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 4 and is_overdue(view, self.today):
                return OVERDUE
            if (column == 2 and not view.who) or (column == 4 and not view.is_open):
                return SECONDARY
        if role == Qt.ItemDataRole.FontRole and column == 4 and is_overdue(view, self.today):
            return _bold()
        return None

    def _text(self, view: FollowUpView, column: int) -> str:
        if column == 0:
            return view.kind.label
        if column == 1:
            return what_text(view)
        if column == 2:
            return view.who or NOBODY
        if column == 3:
            return due_text(view)
        return status_text(view, self.today)
