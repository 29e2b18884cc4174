"""Item models for the records window: a day's record documents, and one record's versions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from facilitator.records.exporting import DayRecord
from facilitator.records.versions import (
    RecordBook,
    RecordKey,
    RecordStateView,
    RecordStatus,
    VersionOrigin,
    VersionView,
)
from ui.planning.day_models import HeaderedTable, Index

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
VERSION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
NOT_EXPORTED = "Not exported yet"
SECONDARY = QColor("#505a5f")
GREEN = QColor("#00703c")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def local(moment: dt.datetime) -> dt.datetime:
    """A stored moment (aware UTC; a naive one is taken as UTC) in the machine's time zone."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone()


def short_date(day: dt.date) -> str:
    """ "18 Jan 2027", in English whatever the machine's locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_moment(moment: dt.datetime) -> str:
    """ "18 Jan 2027, 14.05" in local time."""
    when = local(moment)
    return f"{short_date(when.date())}, {when:%H.%M}"


def status_text(state: RecordStateView) -> str:
    """What the Status column says: plain words, with the lock and any kept copy."""
    if not state.exported:
        return NOT_EXPORTED
    if state.locked:
        return "Agreed (locked)"
    if state.kept_amended:
        return "Amended (returned copy kept as it came)"
    return state.status.label


class LeftHeaders(HeaderedTable):
    """Headers aligned with the words under them."""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)


@dataclass(frozen=True)
class RecordRow:
    record: DayRecord
    state: RecordStateView
    last_exported: dt.datetime | None


class RecordsModel(LeftHeaders):
    """The day's records and where each stands; `refresh(key)` re-reads one row."""

    headers = ("Record", "Status", "Version", "Last exported", "Sent", "Agreed")

    def __init__(self, book: RecordBook) -> None:
        super().__init__()
        self._book = book
        self._rows: list[RecordRow] = []

    def set_records(self, records: list[DayRecord]) -> None:
        self.beginResetModel()
        self._rows = [self._row(record) for record in records]
        self.endResetModel()

    def refresh(self, key: RecordKey) -> bool:
        """Re-reads the record with this key; False if it is not one of this day's."""
        for number, row in enumerate(self._rows):
            if row.record.key == key:
                self._rows[number] = self._row(row.record)
                last = self.index(number, len(self.headers) - 1)
                self.dataChanged.emit(self.index(number, 0), last)
                return True
        return False

    def _row(self, record: DayRecord) -> RecordRow:
        exported = [
            v for v in self._book.versions(record.key) if v.origin is VersionOrigin.EXPORTED
        ]
        last = exported[-1].created_at if exported else None
        return RecordRow(record, self._book.status(record.key), last)

    # reading ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def row_at(self, row: int) -> RecordRow:
        return self._rows[row]

    @property
    def any_exported(self) -> bool:
        return any(row.state.exported for row in self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == KEY_ROLE:
            return row.record.key
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            if not row.state.exported:
                return SECONDARY
            if row.state.locked:
                return GREEN
        if role == Qt.ItemDataRole.FontRole and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == 1 and row.state.reopen_reason:
            return f"Reopened: {row.state.reopen_reason}"
        return None

    @staticmethod
    def _text(row: RecordRow, column: int) -> str:
        state = row.state
        if column == 0:
            return row.record.title
        if column == 1:
            return status_text(state)
        if column == 2:
            return str(state.version) if state.exported else "–"
        if column == 3:
            return short_moment(row.last_exported) if row.last_exported else "–"
        if column == 4:
            if state.sent_on is None:
                return "–"
            which = f" (v{state.sent_version})" if state.sent_version else ""
            return f"{short_date(state.sent_on)}{which}"
        return short_date(state.agreed_on) if state.agreed_on else "–"


def version_status(version: VersionView) -> str:
    """ "Draft", "Sent for amendment", "Returned: taken into the notes"…"""
    if version.origin is VersionOrigin.RETURNED:
        if version.taken_in:
            return "Returned amended: taken into the notes"
        return "Returned amended: kept as it came"
    if version.agreed_on is not None or version.status is RecordStatus.AGREED:
        agreed = f" on {short_date(version.agreed_on)}" if version.agreed_on else ""
        return f"Agreed{agreed}"
    if version.sent_at is not None:
        return f"{version.status.label}, sent {short_date(local(version.sent_at).date())}"
    return version.status.label


class VersionsModel(LeftHeaders):
    """Every file of one record, newest first: exports and returned copies."""

    headers = ("Version", "Status", "Date", "File")

    def __init__(self) -> None:
        super().__init__()
        self._versions: list[VersionView] = []

    def set_versions(self, versions: list[VersionView]) -> None:
        self.beginResetModel()
        self._versions = list(reversed(versions))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._versions)

    def version_at(self, row: int) -> VersionView:
        return self._versions[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        version = self._versions[index.row()]
        column = index.column()
        if role == VERSION_ID_ROLE:
            return version.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (
                str(version.version),
                version_status(version),
                short_moment(version.created_at),
                version.file_name,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return version.label
        agreed = version.origin is VersionOrigin.EXPORTED and version.status is RecordStatus.AGREED
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and agreed:
            return GREEN
        return None
