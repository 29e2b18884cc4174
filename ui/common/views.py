"""The parts the coordinator's views are built of: read-only tables chosen a row at a time,
buttons twinned with actions, headings, wrapped labels and dates for date editors."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractItemModel, QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QPushButton, QTableView


def table(
    model: QAbstractItemModel,
    name: str,
    *,
    stretch: int | None = None,
    widths: dict[int, int] | None = None,
) -> QTableView:
    """A read-only table of `model` whose rows are chosen one at a time. Columns fit their
    words, but those in `widths` start at that width (the words cut short, whole in the
    tooltip) and column `stretch` takes the room the others leave."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab moves on to the next control
    view.verticalHeader().hide()
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column, width in (widths or {}).items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    return view


def selected_row(view: QTableView) -> int | None:
    """The row chosen in `view` (of its own model), or None."""
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else None


def action_button(action: QAction, name: str) -> QPushButton:
    """A button that triggers `action` and is enabled when it is; `name` is read aloud."""
    button = QPushButton(action.text())
    button.setAccessibleName(name)
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    button.setToolTip(f"{name} ({keys})" if keys else name)
    button.setAutoDefault(False)
    button.setEnabled(action.isEnabled())
    button.clicked.connect(action.trigger)
    action.enabledChanged.connect(button.setEnabled)
    return button


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionHeading")
    return label


def wrapped(name: str, object_name: str = "") -> QLabel:
    """A label of running text that wraps, can be selected, and says what it is."""
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


def guidance(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("guidance")
    label.setWordWrap(True)
    return label


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())
