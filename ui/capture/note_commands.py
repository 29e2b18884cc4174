"""Undoable note edits. Each command's first redo may already have happened (autosave)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from facilitator.capture.lists import KEEP, Keep
from facilitator.capture.notes import Notebook, NoteView
from facilitator.capture.outcome_route import OutcomeRoute, Routed
from facilitator.common.vocabulary import NoteTag
from ui.common.undo import EditRow


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


class RoutedNote(QUndoCommand):
    """An action, ask or offer bullet that became that item: undo puts the bullet back."""

    def __init__(self, route: OutcomeRoute, routed: Routed) -> None:
        super().__init__("Add bullet")
        self._route, self._routed = route, routed
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        routed = self._route.route(self._routed.note)
        assert routed is not None  # the same bullet, so the same kind of item
        self._routed = routed

    def undo(self) -> None:
        self._route.unroute(self._routed)


class EditNote(EditRow):
    """A bullet's words, tag and authority changed from `old` to `new` (each as text, tag,
    authority id), on the version of the bullet the words were edited from
    (NoteView.row_version); refused if someone else has changed it since."""

    def __init__(
        self,
        notebook: Notebook,
        note_id: int,
        old: tuple[str, NoteTag, int | None],
        new: tuple[str, NoteTag, int | None],
        seen_version: int | None = None,
    ) -> None:
        super().__init__(
            "Edit bullet",
            notebook.edit,
            note_id,
            _note_fields(old),
            _note_fields(new),
            seen_version,
        )


def _note_fields(values: tuple[str, NoteTag, int | None]) -> dict[str, object]:
    text, tag, authority = values
    return {"text": text, "tag": tag, "authority_id": authority}


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


def quoted(text: str, limit: int = 40) -> str:
    line = " ".join(text.split())
    return f"“{line if len(line) <= limit else line[: limit - 1].rstrip() + '…'}”"


class ChangeNote(QUndoCommand):
    """A saved bullet's tag, or who it is credited to: an authority and perhaps one of its
    people (None: nobody in particular; KEEP: as it was)."""

    def __init__(
        self,
        notebook: Notebook,
        before: NoteView,
        *,
        tag: NoteTag | None = None,
        authority_id: int | Keep | None = KEEP,
        person_id: int | Keep | None = KEEP,
    ) -> None:
        what = "tag" if tag is not None else "person"
        super().__init__(f"Change {what} of {quoted(before.text)}")
        self._notebook, self._before = notebook, before
        self._tag, self._authority, self._person = tag, authority_id, person_id

    def redo(self) -> None:
        self._notebook.edit(
            self._before.id,
            tag=self._tag,
            authority_id=self._authority,
            person_id=self._person,
        )

    def undo(self) -> None:
        self._notebook.edit(
            self._before.id,
            tag=self._before.tag if self._tag is not None else None,
            authority_id=self._before.authority_id if self._authority is not KEEP else KEEP,
            person_id=self._before.person_id if self._person is not KEEP else KEEP,
        )


class MoveNoteToStage(QUndoCommand):
    """A saved bullet filed under another stage (and with it, that stage's session), at the
    end of its bullets; undo puts it back where it was in its old stage."""

    def __init__(self, notebook: Notebook, before: NoteView, stage_id: int, where: str) -> None:
        super().__init__(f"Move {quoted(before.text)} to {where}")
        self._notebook, self._before, self._stage_id = notebook, before, stage_id

    def redo(self) -> None:
        self._notebook.move_to_stage(self._before.id, self._stage_id)

    def undo(self) -> None:
        if self._before.stage_id is not None:
            self._notebook.move_to_stage(
                self._before.id, self._before.stage_id, self._before.position
            )
