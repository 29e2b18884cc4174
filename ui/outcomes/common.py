"""What the Outcomes panel's parts share: labels, keys on a view, undo commands for rows, and
the short ordered list the room builds."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.common.html_delegate import HtmlDelegate
from ui.outcomes.models import HTML_ROLE, OrderedModel


def label(text: str, object_name: str = "secondaryText") -> QLabel:
    widget = QLabel(text)
    widget.setObjectName(object_name)
    widget.setWordWrap(True)
    return widget


def error_label() -> QLabel:
    """Where a service's plain message goes when what was typed cannot be saved."""
    widget = label("", "errorMessage")
    widget.setAccessibleName("Error")
    widget.hide()
    return widget


def show_error(widget: QLabel, message: str) -> None:
    widget.setText(message)
    widget.setVisible(bool(message))


def add_key(
    view: QWidget, text: str, keys: str | QKeySequence.StandardKey, slot: Callable[[], object]
) -> QAction:
    """A key that works while `view` has focus; also offered on its context menu."""
    action = QAction(text, view)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(lambda *_: slot())
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action


def wrapping_table(name: str, model: QAbstractItemModel, rows: bool = True) -> QTableView:
    """A table whose rows grow to show every word; one row (or cell) chosen at a time."""
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(model)
    table.setWordWrap(True)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if rows:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class RowService(Protocol):
    def delete(self, row_id: int, /) -> Any: ...
    def restore(self, view: Any, /) -> Any: ...


class MovableService(RowService, Protocol):
    def move(self, row_id: int, new_position: int, /) -> Any: ...


class AddedRow(QUndoCommand):
    """A row saved as it was entered: undo deletes it, redo puts it back."""

    def __init__(self, text: str, view: Any, service: RowService) -> None:
        super().__init__(text)
        self._view, self._service, self._first = view, service, True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._view = self._service.restore(self._view)

    def undo(self) -> None:
        self._view = self._service.delete(self._view.id)


class DeleteRow(QUndoCommand):
    def __init__(self, text: str, view: Any, service: RowService) -> None:
        super().__init__(text)
        self._view, self._service = view, service

    def redo(self) -> None:
        self._view = self._service.delete(self._view.id)

    def undo(self) -> None:
        self._view = self._service.restore(self._view)


class MoveRow(QUndoCommand):
    def __init__(self, text: str, row_id: int, old: int, new: int, service: MovableService):
        super().__init__(text)
        self._id, self._old, self._new, self._service = row_id, old, new, service

    def redo(self) -> None:
        self._service.move(self._id, self._new)

    def undo(self) -> None:
        self._service.move(self._id, self._old)


class OrderedList(QWidget):
    """A short list the room builds: type and press Enter to add; Delete deletes and
    Alt+Up / Alt+Down (or a drag) move the selected row. Every change can be undone."""

    def __init__(
        self,
        noun: str,
        model: OrderedModel,
        undo: QUndoStack,
        service: MovableService,
        add: Callable[[str], Any],
        *,
        placeholder: str,
        empty: str,
        extra: Sequence[tuple[str, QWidget]] = (),
    ) -> None:
        super().__init__()
        self.noun, self.model, self.undo, self.service, self._add = noun, model, undo, service, add
        self.view = QListView()
        self.view.setModel(model)
        self.view.setAccessibleName(f"{noun.capitalize()} list")
        self.view.setItemDelegate(HtmlDelegate(HTML_ROLE, self.view))
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.empty = label(empty)
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        self.line.setAccessibleName(f"New {noun}")
        self.add_button = QPushButton("Add")
        self.add_button.setAccessibleName(f"Add the {noun}")
        self.error = error_label()

        entry = QHBoxLayout()
        entry.addWidget(self.line, 1)
        entry.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(entry)
        if extra:
            form = QFormLayout()
            for caption, widget in extra:
                form.addRow(caption, widget)
                if isinstance(widget, QLineEdit):
                    widget.returnPressed.connect(self.submit)
            layout.addLayout(form)
        layout.addWidget(self.error)

        add_key(self.view, f"Delete the {noun}", QKeySequence.StandardKey.Delete, self.delete)
        add_key(self.view, "Move up", "Alt+Up", lambda: self.move_by(-1))
        add_key(self.view, "Move down", "Alt+Down", lambda: self.move_by(1))
        self.line.returnPressed.connect(self.submit)
        self.line.textEdited.connect(lambda *_: show_error(self.error, ""))
        self.add_button.clicked.connect(self.submit)
        model.on_move = self._move
        model.modelReset.connect(lambda: self.empty.setVisible(model.rowCount() == 0))

    def set_rows(self, rows: list[Any]) -> None:
        """Reloads the list, keeping the selected row where it was."""
        current = self.view.currentIndex().row()
        self.model.set_rows(rows)
        if rows and current >= 0:
            self.view.setCurrentIndex(self.model.index(min(current, len(rows) - 1)))

    def submit(self) -> None:
        try:
            view = self._add(self.line.text())
        except ValueError as exc:
            show_error(self.error, str(exc))
            return
        show_error(self.error, "")
        self.line.clear()
        self.undo.push(AddedRow(f"Add {self.noun}", view, self.service))
        self.view.scrollToBottom()

    def delete(self) -> None:
        row = self.model.row_at(self.view.currentIndex().row())
        if row is not None:
            self.undo.push(DeleteRow(f"Delete {self.noun}", row, self.service))

    def move_by(self, step: int) -> None:
        row = self.view.currentIndex().row()
        if self.model.row_at(row) is not None and 0 <= row + step < self.model.rowCount():
            self._move(row, row + step)

    def _move(self, row: int, target: int) -> None:
        item = self.model.row_at(row)
        if item is None:
            return
        self.undo.push(MoveRow(f"Move {self.noun}", item.id, row, target, self.service))
        self.view.setCurrentIndex(self.model.index(target))
