"""Bulleted notes: every change is committed at once, so nothing typed is ever lost."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sqlmodel import Session as DbSession
from sqlmodel import col, func, select

from facilitator.capture.lists import KEEP, MAX_TEXT_LENGTH, Keep, tidy
from facilitator.common.clock import Clock
from facilitator.common.events import Event
from facilitator.common.vocabulary import NoteTag, StageKind
from facilitator.planning.agenda_edits import day_stages
from facilitator.planning.day_sessions import read_sessions
from facilitator.storage.database import Database
from facilitator.storage.models import Authority, Note, Person, Stage
from facilitator.storage.rows import get_stored, stored_id
from facilitator.storage.versioned import check_seen

MAX_NOTE_LENGTH = MAX_TEXT_LENGTH


@dataclass(frozen=True)
class NoteView:
    id: int
    day_id: int
    session_id: int | None
    stage_id: int | None
    text: str
    tag: NoteTag
    authority_id: int | None
    person_id: int | None
    question_id: str | None
    position: int
    created_at: dt.datetime
    edited_at: dt.datetime
    # The stored row's version when read (storage/versioned.py): an edit naming it is
    # refused if someone else has changed the bullet since, on a shared database.
    # Not part of what the bullet is: a view read before and after a change that was undone
    # is the same bullet.
    row_version: int = field(default=1, compare=False)


@dataclass(frozen=True)
class NotePlace:
    """A stage a bullet can be filed under: its session is the stage's (None for the day's
    own stages, such as the introductions and the plenary)."""

    stage_id: int
    session_id: int | None
    kind: StageKind
    session_number: int | None
    presenter_id: int | None
    presenter: str

    @property
    def label(self) -> str:
        if self.session_number is None:
            return f"The whole day · {self.kind.label}"
        return f"Session {self.session_number} ({self.presenter}) · {self.kind.label}"


class NoteInputError(ValueError):
    pass


class Notebook:
    """Adds, edits, moves and deletes notes; `changed` carries the stage id touched."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self.changed: Event[int | None] = Event()
        # The bullet just added or edited, announced before `changed`, so a view can show
        # it without reading the whole stage again.
        self.saved: Event[NoteView] = Event()

    def add(
        self,
        stage_id: int,
        text: str,
        tag: NoteTag = NoteTag.NOTE,
        *,
        authority_id: int | None = None,
        person_id: int | None = None,
        question_id: str | None = None,
    ) -> NoteView | None:
        """Adds a bullet at the end of the stage's notes. Blank text adds nothing."""
        text = _clean(text)
        if not text:
            return None
        now = self._now()
        with self._db.session_scope() as s:
            found = s.exec(
                select(Stage.day_id, Stage.session_id).where(Stage.id == stage_id)
            ).first()
            if found is None:
                raise LookupError(f"There is no stage with id {stage_id}.")
            day_id, session_id = found
            last = s.exec(select(func.max(Note.position)).where(Note.stage_id == stage_id)).one()
            note = Note(
                day_id=day_id,
                session_id=session_id,
                stage_id=stage_id,
                text=text,
                tag=tag,
                authority_id=authority_id,
                person_id=person_id,
                question_id=question_id,
                position=(last + 1) if last is not None else 0,
                created_at=now,
                edited_at=now,
            )
            s.add(note)
            s.flush()
            view = _view(note)
        self.saved.emit(view)
        self.changed.emit(stage_id)
        return view

    def edit(
        self,
        note_id: int,
        *,
        text: str | None = None,
        tag: NoteTag | None = None,
        authority_id: int | Keep | None = KEEP,
        person_id: int | Keep | None = KEEP,
        seen_version: int | None = None,
    ) -> NoteView:
        """Changes the fields given. None for `authority_id` or `person_id` credits the bullet
        to nobody in particular; leaving them out (KEEP) keeps who it is credited to.
        `seen_version`: the version of the bullet the change was made on (NoteView.row_version);
        ChangedElsewhereError if it has been changed since."""
        with self._db.session_scope() as s:
            note = _get(s, note_id)
            check_seen(note, seen_version)
            if text is not None:
                cleaned = _clean(text)
                if not cleaned:
                    raise NoteInputError("A note cannot be empty. Delete it instead.")
                note.text = cleaned
            if tag is not None:
                note.tag = NoteTag(tag)
            if authority_id is not KEEP:
                if authority_id is not None and s.get(Authority, authority_id) is None:
                    raise NoteInputError("Choose an authority of the day, or nobody in particular.")
                note.authority_id = authority_id
            if person_id is not KEEP:
                if person_id is not None and s.get(Person, person_id) is None:
                    raise NoteInputError("Choose a person of the day, or nobody in particular.")
                note.person_id = person_id
            note.edited_at = self._now()
            s.add(note)
            s.flush()  # counts the version on, for the view
            view = _view(note)
        self.saved.emit(view)
        self.changed.emit(view.stage_id)
        return view

    def get(self, note_id: int) -> NoteView:
        with self._db.session_scope() as s:
            return _view(_get(s, note_id))

    def delete(self, note_id: int) -> NoteView:
        """Deletes a note and returns it whole, so an undo can put it back."""
        with self._db.session_scope() as s:
            note = _get(s, note_id)
            view = _view(note)
            s.delete(note)
            s.flush()
            _renumber(s, view.stage_id)
        self.changed.emit(view.stage_id)
        return view

    def restore(self, view: NoteView) -> NoteView:
        """Puts a deleted note back where it was, with its id and times."""
        with self._db.session_scope() as s:
            siblings = _ordered(s, view.stage_id)
            note = Note(**{k: getattr(view, k) for k in NoteView.__dataclass_fields__})
            siblings.insert(min(view.position, len(siblings)), note)
            s.add(note)
            for position, sibling in enumerate(siblings):
                sibling.position = position
                s.add(sibling)
        self.changed.emit(view.stage_id)
        return replace(view, position=min(view.position, len(siblings) - 1))

    def move(self, note_id: int, new_position: int) -> None:
        with self._db.session_scope() as s:
            note = _get(s, note_id)
            siblings = [n for n in _ordered(s, note.stage_id) if n.id != note_id]
            siblings.insert(max(0, min(new_position, len(siblings))), note)
            for position, sibling in enumerate(siblings):
                sibling.position = position
                s.add(sibling)
            stage_id = note.stage_id
        self.changed.emit(stage_id)

    def move_to_stage(self, note_id: int, stage_id: int, position: int | None = None) -> NoteView:
        """Files a bullet under another stage of its day, at the end of that stage's bullets
        (or at `position`, as an undo puts it back); its session becomes the stage's.
        Announces `changed` for the stage it left and the stage it joined."""
        with self._db.session_scope() as s:
            note = _get(s, note_id)
            stage = get_stored(s, Stage, stage_id, "stage")
            if stage.day_id != note.day_id:
                raise NoteInputError("A bullet can only move to a stage of its own day.")
            old_stage_id = note.stage_id
            if old_stage_id == stage_id and position is None:
                return _view(note)
            if old_stage_id != stage_id:
                note.stage_id, note.session_id = stage_id, stage.session_id
                note.edited_at = self._now()
                s.add(note)
                s.flush()
            others = [n for n in _ordered(s, stage_id) if n.id != note_id]
            at = len(others) if position is None else max(0, min(position, len(others)))
            others.insert(at, note)
            for number, sibling in enumerate(others):
                sibling.position = number
                s.add(sibling)
            if old_stage_id != stage_id:
                _renumber(s, old_stage_id)
            s.flush()
            view = _view(note)
        if old_stage_id != stage_id:
            self.changed.emit(old_stage_id)
        self.changed.emit(stage_id)
        return view

    def stage_kind(self, stage_id: int | None) -> StageKind | None:
        """The kind of stage a bullet is filed under (None for none)."""
        if stage_id is None:
            return None
        with self._db.session_scope() as s:
            kind = s.exec(select(Stage.kind).where(Stage.id == stage_id)).first()
            return StageKind(kind) if kind is not None else None

    def places(self, day_id: int) -> list[NotePlace]:
        """The stages of the day a bullet can be filed under, in agenda order (not breaks)."""
        with self._db.session_scope() as s:
            sessions = {x.session_id: x for x in read_sessions(s, day_id)}
            places = []
            for stage in day_stages(s, day_id):
                if stage.kind.is_break:
                    continue
                session = sessions.get(stage.session_id or -1)
                places.append(
                    NotePlace(
                        stage_id=stored_id(stage.id),
                        session_id=stage.session_id,
                        kind=stage.kind,
                        session_number=session.position + 1 if session else None,
                        presenter_id=session.authority_id if session else None,
                        presenter=session.authority_name if session else "",
                    )
                )
            return places

    def for_stage(self, stage_id: int) -> list[NoteView]:
        # Plain rows rather than ORM objects: the console re-reads a stage on every
        # bullet, and a long stage should cost no more to show than a short one.
        columns = [getattr(Note, name) for name in NoteView.__dataclass_fields__]
        with self._db.session_scope() as s:
            rows = s.exec(
                select(*columns)
                .where(Note.stage_id == stage_id)
                .order_by(col(Note.position), col(Note.id))
            ).all()
            return [NoteView(*row) for row in rows]

    def for_session(self, session_id: int) -> list[NoteView]:
        with self._db.session_scope() as s:
            notes = s.exec(
                select(Note)
                .join(Stage, col(Stage.id) == col(Note.stage_id))
                .where(Note.session_id == session_id)
                .order_by(col(Stage.position), col(Note.position))
            ).all()
            return [_view(n) for n in notes]

    def _now(self) -> dt.datetime:
        return self._clock.wall_now().astimezone(dt.UTC)


def _clean(text: str) -> str:
    return tidy(text, "A note", NoteInputError)


def _get(s: DbSession, note_id: int) -> Note:
    return get_stored(s, Note, note_id, "note")


def _ordered(s: DbSession, stage_id: int | None) -> list[Note]:
    return list(
        s.exec(
            select(Note).where(Note.stage_id == stage_id).order_by(col(Note.position), col(Note.id))
        ).all()
    )


def _renumber(s: DbSession, stage_id: int | None) -> None:
    for position, note in enumerate(_ordered(s, stage_id)):
        if note.position != position:
            note.position = position
            s.add(note)


def _view(note: Note) -> NoteView:
    return NoteView(
        id=stored_id(note.id),
        day_id=note.day_id,
        session_id=note.session_id,
        stage_id=note.stage_id,
        text=note.text,
        tag=note.tag,
        authority_id=note.authority_id,
        person_id=note.person_id,
        question_id=note.question_id,
        position=note.position,
        created_at=note.created_at,
        edited_at=note.edited_at,
        row_version=note.row_version,
    )
