"""Undoable note edits. Each command's first redo may already have happened (autosave)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from facilitator.capture.notes import Notebook, NoteView
from facilitator.common.vocabulary import NoteTag


class AddedNote(QUndoCommand):
    """A bullet already saved as it was typed: undo deletes it, redo puts it back."""

    def __init__(self, notebook: Notebook, note: NoteView) -> None:
        super().__init__("Add bullet")
        self._notebook, self._note = notebook, note
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._notebook.restore(self._note)

    def undo(self) -> None:
        self._note = self._notebook.delete(self._note.id)


class EditNote(QUndoCommand):
    def __init__(
        self,
        notebook: Notebook,
        note_id: int,
        old: tuple[str, NoteTag, int | None],
        new: tuple[str, NoteTag, int | None],
    ) -> None:
        super().__init__("Edit bullet")
        self._notebook, self._id = notebook, note_id
        self._old, self._new = old, new

    def _apply(self, values: tuple[str, NoteTag, int | None]) -> None:
        text, tag, authority = values
        self._notebook.edit(self._id, text=text, tag=tag, authority_id=authority)

    def redo(self) -> None:
        self._apply(self._new)

    def undo(self) -> None:
        self._apply(self._old)


class DeleteNote(QUndoCommand):
    def __init__(self, notebook: Notebook, note_id: int) -> None:
        super().__init__("Delete bullet")
        self._notebook, self._id = notebook, note_id
        self._kept: NoteView | None = None

    def redo(self) -> None:
        self._kept = self._notebook.delete(self._id)

    def undo(self) -> None:
        if self._kept is not None:
            self._notebook.restore(self._kept)


class MoveNote(QUndoCommand):
    def __init__(self, notebook: Notebook, note_id: int, old: int, new: int) -> None:
        super().__init__("Move bullet")
        self._notebook, self._id, self._old, self._new = notebook, note_id, old, new

    def redo(self) -> None:
        self._notebook.move(self._id, self._new)

    def undo(self) -> None:
        self._notebook.move(self._id, self._old)
