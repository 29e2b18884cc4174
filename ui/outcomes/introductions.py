"""Introductions: going round the room, what each person wants to give and to receive.

The table lists everyone on the day's list; "Wants to give" and "Wants to receive" are
edited in place (F2, a double click, or just start typing; Tab moves on) and saved when
the edit is committed. Someone not on the list is added as a guest.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.capture.introductions import Introductions, IntroductionView
from ui.common.bridge import listen
from ui.outcomes.common import (
    AddedRow,
    DeleteRow,
    add_key,
    error_label,
    label,
    show_error,
    wrapping_table,
)
from ui.outcomes.models import IntroductionsModel, IntroRow

EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
    | QAbstractItemView.EditTrigger.SelectedClicked
)


class SetIntroduction(QUndoCommand):
    """What a person said, already saved when pushed: undo puts back what was there."""

    def __init__(
        self, service: Introductions, row: IntroRow, view: IntroductionView, new: tuple[str, str]
    ) -> None:
        super().__init__(f"Introduction of {row.name}")
        self._service, self._row, self._view, self._new = service, row, view, new
        self._first = True

    def _save(self, gives: str, receives: str) -> IntroductionView:
        row = self._row
        return self._service.record(
            self._view.day_id,
            row.person_id,
            name=row.name,
            authority_id=row.authority_id,
            gives=gives,
            receives=receives,
        )

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._view = self._save(*self._new)

    def undo(self) -> None:
        if self._row.introduction is None:
            self._service.delete(self._view.id)
        else:
            self._view = self._save(self._row.gives, self._row.receives)


class IntroductionsPart(QWidget):
    def __init__(
        self, introductions: Introductions, undo: QUndoStack, day_id: int, short: dict[int, str]
    ) -> None:
        super().__init__()
        self.introductions, self.undo, self.day_id, self.short = introductions, undo, day_id, short
        self.model = IntroductionsModel(self._edit)
        self.table = wrapping_table(
            "Introductions: what each person wants to give and receive", self.model, rows=False
        )
        self.table.setEditTriggers(EDIT_TRIGGERS)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.error = error_label()
        self.guest = QLineEdit()
        self.guest.setAccessibleName("Name of a guest not on the day’s list")
        self.guest.setPlaceholderText("Their name")
        self.guest_from = QComboBox()
        self.guest_from.setAccessibleName("Authority of the guest (optional)")
        self.guest_from.addItem("No authority", None)
        for authority_id, name in short.items():
            self.guest_from.addItem(name, authority_id)
        self.add_guest = QPushButton("Add a guest")
        guest_row = QHBoxLayout()
        guest_row.addWidget(self.guest, 1)
        guest_row.addWidget(self.guest_from)
        guest_label = QLabel("&Guest")
        guest_label.setBuddy(self.guest)
        form = QFormLayout()
        form.addRow(guest_label, guest_row)

        layout = QVBoxLayout(self)
        layout.addWidget(
            label("Choose a cell and type what the person says; Enter saves, Tab moves on.")
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(form)
        layout.addWidget(self.add_guest)

        add_key(self.table, "Clear the introduction", QKeySequence.StandardKey.Delete, self.clear)
        self.guest.returnPressed.connect(self.add)
        self.guest.textEdited.connect(lambda *_: show_error(self.error, ""))
        self.add_guest.clicked.connect(self.add)
        listen(self, introductions.changed, self._changed)
        self._changed(day_id)

    def rows(self) -> list[IntroRow]:
        service = self.introductions
        said = service.for_day(self.day_id)
        by_person = {i.person_id: i for i in said if i.person_id is not None}
        people = service.people_of_day(self.day_id)
        rows = [
            IntroRow(
                p.person_id,
                p.name,
                p.authority_id,
                self.short.get(p.authority_id or 0, ""),
                p.role,
                by_person.get(p.person_id),
            )
            for p in people
        ]
        listed = {p.person_id for p in people}
        for i in said:
            if i.person_id is None or i.person_id not in listed:
                where = self.short.get(i.authority_id or 0, "")
                rows.append(IntroRow(None, i.name, i.authority_id, where, "Guest", i))
        return rows

    def _edit(self, row: IntroRow, gives: str, receives: str) -> None:
        service = self.introductions
        try:
            view = service.record(
                self.day_id,
                row.person_id,
                name=row.name,
                authority_id=row.authority_id,
                gives=gives,
                receives=receives,
            )
        except ValueError as exc:
            show_error(self.error, str(exc))
            return
        show_error(self.error, "")
        self.undo.push(SetIntroduction(service, row, view, (gives, receives)))

    def clear(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is not None and row.introduction is not None:
            view = row.introduction
            self.undo.push(DeleteRow("Clear introduction", view, self.introductions))

    def add(self) -> None:
        name = " ".join(self.guest.text().split())
        existing = next(
            (i for i, r in enumerate(self.model.rows) if r.name.casefold() == name.casefold()), -1
        )
        if name and existing >= 0:
            self.table.setCurrentIndex(self.model.index(existing, 1))
            show_error(self.error, f"{name} is already on the list: type in their row.")
            return
        try:
            view = self.introductions.record(
                self.day_id, None, name=name, authority_id=self.guest_from.currentData()
            )
        except ValueError as exc:
            show_error(self.error, str(exc))
            return
        show_error(self.error, "")
        self.undo.push(AddedRow(f"Add guest {name}", view, self.introductions))
        self.guest.clear()
        self.table.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 1))
        self.table.setFocus()

    def _changed(self, day_id: int) -> None:
        if day_id == self.day_id:
            self.model.set_rows(self.rows())
