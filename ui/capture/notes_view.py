"""The bullets of one stage: shown with their tag and who said it, edited in place.

Editing a bullet saves it within a second of the last keystroke, so a crash mid-edit
loses nothing; the edit still undoes as one step.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit, QStyleOptionViewItem, QWidget

from facilitator.capture.introductions import PersonOfDay
from facilitator.capture.notes import Notebook, NoteView
from facilitator.common.vocabulary import NoteTag
from ui.capture.note_commands import EditNote
from ui.common.bridge import listen
from ui.common.html_delegate import HtmlDelegate

Index = QModelIndex | QPersistentModelIndex
HTML_ROLE = Qt.ItemDataRole.UserRole + 10
NOTE_ROLE = Qt.ItemDataRole.UserRole + 11
SAVE_DELAY_MS = 600

TAG_COLOURS: dict[NoteTag, str] = {
    NoteTag.NOTE: "#505a5f",
    NoteTag.STRENGTH: "#00703c",
    NoteTag.RISK: "#d4351c",
    NoteTag.INSIGHT: "#1d70b8",
    NoteTag.QUESTION: "#4c2c92",
    NoteTag.ACTION: "#003078",
    NoteTag.ASK: "#b58840",
    NoteTag.OFFER: "#28a197",
    NoteTag.BEST_PRACTICE: "#005a30",
    NoteTag.SYSTEMIC_ISSUE: "#942514",
}


class NotesModel(QAbstractListModel):
    def __init__(self, notebook: Notebook, undo: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notebook, self.undo = notebook, undo
        self.stage_id: int | None = None
        self.notes: list[NoteView] = []
        self.names: dict[int, str] = {}
        self.people: tuple[PersonOfDay, ...] = ()  # the day's people, for who named a bullet
        self.draft_id: int | None = None
        self._html: dict[int, str] = {}
        self._absorbed = False
        listen(self, notebook.saved, self._saved)
        listen(self, notebook.changed, self._changed)

    def _saved(self, note: NoteView) -> None:
        if note.stage_id != self.stage_id:
            return
        row = next((i for i, n in enumerate(self.notes) if n.id == note.id), None)
        if row is not None:
            self.notes[row] = note
            self._html.pop(note.id, None)
            self.dataChanged.emit(self.index(row), self.index(row))
            self._absorbed = True
        elif note.position == len(self.notes):
            self.beginInsertRows(QModelIndex(), len(self.notes), len(self.notes))
            self.notes.append(note)
            self.endInsertRows()
            self._absorbed = True

    def _changed(self, stage_id: int | None) -> None:
        if stage_id != self.stage_id:
            return
        if self._absorbed:
            self._absorbed = False  # the saved bullet is already on screen
            return
        self.reload()

    def set_draft(self, note_id: int | None) -> None:
        """Marks the bullet still being typed, or none."""
        for old in (self.draft_id, note_id):
            if old is not None:
                self._html.pop(old, None)
        previous, self.draft_id = self.draft_id, note_id
        for changed in (previous, note_id):
            row = next((i for i, n in enumerate(self.notes) if n.id == changed), None)
            if row is not None:
                self.dataChanged.emit(self.index(row), self.index(row))

    def show_stage(self, stage_id: int | None) -> None:
        self.stage_id = stage_id
        self.reload()

    def reload(self) -> None:
        self._html.clear()
        self._reread()

    def _reread(self) -> None:
        """Re-reads the stage's bullets, telling the view only what changed: a reset would
        make it measure every bullet again, which grows slow over a long session."""
        fresh = self.notebook.for_stage(self.stage_id) if self.stage_id else []
        old_ids = [n.id for n in self.notes]
        new_ids = [n.id for n in fresh]
        if new_ids[: len(old_ids)] == old_ids and len(new_ids) > len(old_ids):
            changed = [i for i, (a, b) in enumerate(zip(self.notes, fresh, strict=False)) if a != b]
            self.beginInsertRows(QModelIndex(), len(old_ids), len(new_ids) - 1)
            self.notes = fresh
            self.endInsertRows()
        elif new_ids == old_ids:
            changed = [i for i, (a, b) in enumerate(zip(self.notes, fresh, strict=True)) if a != b]
            self.notes = fresh
        else:
            self.beginResetModel()
            self.notes = fresh
            self.endResetModel()
            return
        for row in changed:
            self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.notes)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.notes):
            return None
        note = self.notes[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return note.text
        if role == NOTE_ROLE:
            return note
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{note.tag.label}: {note.text}"
        if role == HTML_ROLE:
            html = self._html.get(note.id)
            if html is None:
                html = self._html[note.id] = self._render(note)
            return html
        return None

    def _render(self, note: NoteView) -> str:
        person = next((p.name for p in self.people if p.person_id == note.person_id), "")
        who = ", ".join(w for w in (person, self.names.get(note.authority_id or 0, "")) if w)
        by = f' <span style="color:#505a5f">— {escape(who)}</span>' if who else ""
        typing = (
            ' <span style="color:#505a5f"><i>(typing…)</i></span>'
            if note.id == self.draft_id
            else ""
        )
        colour = TAG_COLOURS[note.tag]
        text = escape(note.text).replace("\n", "<br>")
        return (
            f'<span style="color:{colour};font-weight:bold">{note.tag.label}</span>'
            f"&nbsp;&nbsp;{text}{by}{typing}"
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        note = self.notes[index.row()]
        text = str(value).strip()
        if not text or text == note.text:
            return False
        self.notebook.edit(note.id, text=text)
        return True

    def note_at(self, row: int) -> NoteView | None:
        return self.notes[row] if 0 <= row < len(self.notes) else None


class NoteDelegate(HtmlDelegate):
    """Edits a bullet in a line; saves after a pause in typing and when the edit ends."""

    def __init__(self, model: NotesModel, parent: QWidget | None = None) -> None:
        super().__init__(HTML_ROLE, parent)
        self.model = model
        self._original: dict[int, NoteView] = {}
        # The bullet's version this editor last saw or saved: its pauses-in-typing saves
        # and its final edit are refused if someone else changed the bullet meanwhile.
        self._seen: dict[int, int] = {}

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAccessibleName("Edit bullet")
        note = self.model.note_at(index.row())
        if note is not None:
            self._original[id(editor)] = note
            self._seen[id(editor)] = note.row_version
        timer = QTimer(editor)
        timer.setSingleShot(True)
        timer.setInterval(SAVE_DELAY_MS)
        timer.timeout.connect(lambda: self._save(editor))
        editor.textEdited.connect(lambda _text: timer.start())
        editor.destroyed.connect(lambda *_: self._forget(id(editor)))
        return editor

    def _save(self, editor: QLineEdit) -> None:
        note = self._original.get(id(editor))
        if note is not None and editor.text().strip():
            saved = self.model.notebook.edit(
                note.id, text=editor.text(), seen_version=self._seen.get(id(editor))
            )
            self._seen[id(editor)] = saved.row_version

    def _forget(self, editor_key: int) -> None:
        self._original.pop(editor_key, None)
        self._seen.pop(editor_key, None)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        original = self._original.get(id(editor))
        text = editor.text().strip()
        if original is None or not text:
            return
        if text != original.text:
            old = (original.text, original.tag, original.authority_id)
            new = (text, original.tag, original.authority_id)
            edit = EditNote(self.model.notebook, original.id, old, new, self._seen.get(id(editor)))
            self.model.undo.push(edit.done_now())
        self._original[id(editor)] = NoteView(**{**original.__dict__, "text": text})
