"""Affirmation: the presenting team sits back and each visiting member names one strength.

The facilitator goes round the room: type what the chosen member says and press Enter;
it is saved as a strength note in the affirmation stage, attributed to the person and
their authority, and the next member still to speak is chosen. Up and Down in the line
choose another member. A strength can be corrected in place in the table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.capture.notes import Notebook, NoteView
from facilitator.capture.session_facts import SessionFacts, VisitingMember
from facilitator.common.vocabulary import NoteTag
from facilitator.live.conductor import StageRun
from ui.capture.note_commands import AddedNote, DeleteNote, EditNote
from ui.common.bridge import listen
from ui.outcomes.common import error_label, label, show_error, wrapping_table
from ui.outcomes.models import Index, Role, TableModel

GREEN = QColor("#00703c")


@dataclass(frozen=True)
class Affirmed:
    member: VisitingMember
    strengths: tuple[NoteView, ...]


class AffirmationModel(TableModel):
    """One row per visiting member: ✓ once they have named a strength, and what they said."""

    headers = ("✓", "Visiting member", "Strength named")

    def __init__(self, names: dict[int, str], on_edit: Callable[[int, str], None]) -> None:
        super().__init__()
        self.names, self.on_edit = names, on_edit

    def key(self, row: Affirmed) -> Any:
        return row.member.person_id

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        row: Affirmed | None = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        member, column = row.member, index.column()
        said = "; ".join(note.text for note in row.strengths)
        if role in (Role.DisplayRole, Role.EditRole):
            if column == 0:
                return "✓" if row.strengths else ""
            if column == 1:
                who = self.names.get(member.authority_id or 0, member.authority_name)
                return f"{member.name} · {who}" if who else member.name
            if role == Role.DisplayRole:
                return said
            return row.strengths[0].text if row.strengths else ""  # edits the first named
        if role == Role.AccessibleTextRole and column == 0:
            return "Named a strength" if row.strengths else "Still to name a strength"
        if role == Role.ToolTipRole and column == 2 and said:
            return said
        if role == Role.ForegroundRole and column == 0:
            return GREEN
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == 2 else flags

    def setData(self, index: Index, value: Any, role: int = Role.EditRole) -> bool:
        if role != Role.EditRole or index.column() != 2 or self.row_at(index.row()) is None:
            return False
        self.on_edit(index.row(), str(value))
        return True


class _MemberLine(QLineEdit):
    """The strength being typed; Up and Down choose another member."""

    step = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            self.step.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


class AffirmationPart(QWidget):
    def __init__(
        self,
        notebook: Notebook,
        session_facts: SessionFacts,
        undo: QUndoStack,
        short: dict[int, str],
    ) -> None:
        super().__init__()
        self.notebook, self.session_facts, self.undo = notebook, session_facts, undo
        self.stage_id: int | None = None
        self.session_id: int | None = None
        self.model = AffirmationModel(short, self._edit)
        self.table = wrapping_table("Visiting members and the strengths they named", self.model)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.progress = label("")
        self.who = label("", "sectionHeading")
        self.line = _MemberLine()
        self.line.setAccessibleName("Strength named by the chosen member")
        self.line.setPlaceholderText("The strength they name, then Enter")
        self.error = error_label()
        self.empty = label("Nobody is visiting this session: check the day’s list of people.")

        layout = QVBoxLayout(self)
        layout.addWidget(
            label("The presenting team sits back. Each visiting member names one strength.")
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.progress)
        layout.addWidget(self.who)
        layout.addWidget(self.line)
        layout.addWidget(self.error)

        self.line.returnPressed.connect(self.save)
        self.line.step.connect(self.step)
        self.line.textEdited.connect(lambda *_: show_error(self.error, ""))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_member())
        listen(self, notebook.changed, self._notes_changed)

    def set_stage(self, stage: StageRun) -> None:
        self.stage_id, self.session_id = stage.id, stage.session_id
        self.reload()
        self.choose(self._next_to_speak(-1))

    def reload(self) -> None:
        if self.session_id is None or self.stage_id is None:
            self.model.set_rows([])
            return
        row = self.table.currentIndex().row()
        notes = {n.id: n for n in self.notebook.for_stage(self.stage_id)}
        rows = [
            Affirmed(s.member, tuple(notes[i] for i in s.strength_note_ids if i in notes))
            for s in self.session_facts.affirmation_status(self.session_id)
        ]
        self.model.set_rows(rows)
        if rows and not self.table.currentIndex().isValid():
            self.choose(max(0, min(row, len(rows) - 1)))
        named = sum(1 for r in rows if r.strengths)
        self.progress.setText(f"{named} of {len(rows)} have named a strength.")
        self.empty.setVisible(not rows)
        self.line.setEnabled(bool(rows))
        self._show_member()

    def current(self) -> Affirmed | None:
        row: Affirmed | None = self.model.row_at(self.table.currentIndex().row())
        return row

    def choose(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, 2))

    def step(self, by: int) -> None:
        self.choose(self.table.currentIndex().row() + by)

    def _next_to_speak(self, after: int) -> int:
        """The first member after `after` still to name a strength (round the room);
        when everyone has spoken, simply the next one."""
        count = self.model.rowCount()
        for offset in range(1, count + 1):
            row = (after + offset) % count
            if not self.model.rows[row].strengths:
                return row
        return min(after + 1, count - 1)

    def _show_member(self) -> None:
        row = self.current()
        name = f"{row.member.name} ({row.member.authority_name})" if row else ""
        self.who.setText(f"Strength named by {name}" if row else "")
        self.line.setAccessibleName(f"Strength named by {name}" if row else "Strength")

    def save(self) -> None:
        row, stage_id = self.current(), self.stage_id
        if row is None or stage_id is None:
            return
        member = row.member
        try:
            note = self.notebook.add(
                stage_id,
                self.line.text(),
                NoteTag.STRENGTH,
                authority_id=member.authority_id,
                person_id=member.person_id,
            )
        except ValueError as exc:
            show_error(self.error, str(exc))
            return
        if note is None:
            show_error(self.error, f"Type the strength {member.name} names, then press Enter.")
            return
        show_error(self.error, "")
        self.undo.push(AddedNote(self.notebook, note))
        self.line.clear()
        self.choose(self._next_to_speak(self.table.currentIndex().row()))

    def _edit(self, row_number: int, text: str) -> None:
        row: Affirmed | None = self.model.row_at(row_number)
        notebook = self.notebook
        if row is None or not row.strengths:
            self.choose(row_number)
            self.line.setText(text.strip())
            self.save()
            return
        note = row.strengths[0]
        if not text.strip():
            self.undo.push(DeleteNote(notebook, note.id))
        elif text.strip() != note.text:
            old = (note.text, note.tag, note.authority_id)
            new = (text.strip(), note.tag, note.authority_id)
            self.undo.push(EditNote(notebook, note.id, old, new, note.row_version).done_now())

    def _notes_changed(self, stage_id: int | None) -> None:
        if stage_id is not None and stage_id == self.stage_id:
            self.reload()
