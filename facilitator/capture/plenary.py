"""The plenary's four questions and the room's answers to each.

Workstream priorities go to the annual summit as a prioritised list, so the room re-ranks
them: an item's place in its list is its rank (1 is the top priority). Answers to the
other questions keep the order they were given, which the facilitator may also change.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.capture.lists import KEEP, Keep, next_position, place, renumber, tidy
from facilitator.common.events import Event
from facilitator.common.vocabulary import PlenaryQuestion
from facilitator.storage.database import Database
from facilitator.storage.models import Authority, Day, Person, PlenaryItem

PLENARY_QUESTIONS: tuple[PlenaryQuestion, ...] = tuple(PlenaryQuestion)


@dataclass(frozen=True)
class PlenaryItemView:
    id: int
    day_id: int
    question: PlenaryQuestion
    text: str
    person_id: int | None
    authority_id: int | None
    position: int

    @property
    def rank(self) -> int | None:
        """1..n for workstream priorities; None for answers that are not ranked."""
        return self.position + 1 if self.question is PlenaryQuestion.PRIORITIES else None


class PlenaryInputError(ValueError):
    """An answer that cannot be saved as typed; the message says what to change."""


class Plenary:
    """Adds, edits, ranks and deletes plenary answers; `changed` carries the day id."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.changed: Event[int] = Event()

    def add(
        self,
        day_id: int,
        question: PlenaryQuestion,
        text: str,
        person_id: int | None = None,
        authority_id: int | None = None,
    ) -> PlenaryItemView:
        """Adds an answer at the end of its question's list (the lowest priority)."""
        question = PlenaryQuestion(question)
        with self._db.session_scope() as s:
            if s.get(Day, day_id) is None:
                raise LookupError(f"There is no day with id {day_id}.")
            row = PlenaryItem(
                day_id=day_id,
                question=question,
                text=_text(text),
                person_id=person_id,
                authority_id=authority_id,
                position=next_position(_ordered(s, day_id, question)),
            )
            _check_who(s, row)
            s.add(row)
            s.flush()
            view = _view(row)
        self.changed.emit(day_id)
        return view

    def edit(
        self,
        item_id: int,
        *,
        question: PlenaryQuestion | None = None,
        text: str | None = None,
        person_id: int | Keep | None = KEEP,
        authority_id: int | Keep | None = KEEP,
    ) -> PlenaryItemView:
        """Changes the fields given (None clears a person or authority). An answer moved to
        another question goes to the end of that question's list."""
        with self._db.session_scope() as s:
            row = _get(s, item_id)
            if text is not None:
                row.text = _text(text)
            if person_id is not KEEP:
                row.person_id = person_id
            if authority_id is not KEEP:
                row.authority_id = authority_id
            with s.no_autoflush:  # check the edited row before it is written
                _check_who(s, row)
            if question is not None and PlenaryQuestion(question) is not row.question:
                old, new = row.question, PlenaryQuestion(question)
                # Read the new list before the row joins it, or its old place would count.
                row.position = next_position(_ordered(s, row.day_id, new))
                row.question = new
                s.add(row)
                s.flush()
                renumber(_ordered(s, row.day_id, old))
            s.add(row)
            view = _view(row)
        self.changed.emit(view.day_id)
        return view

    def delete(self, item_id: int) -> PlenaryItemView:
        """Deletes an answer and returns it whole, so an undo can put it back."""
        with self._db.session_scope() as s:
            row = _get(s, item_id)
            view = _view(row)
            s.delete(row)
            s.flush()
            renumber(_ordered(s, view.day_id, view.question))
        self.changed.emit(view.day_id)
        return view

    def restore(self, view: PlenaryItemView) -> PlenaryItemView:
        """Puts a deleted answer back at its place (with its id, if still free)."""
        with self._db.session_scope() as s:
            if s.get(Day, view.day_id) is None:
                raise LookupError(f"There is no day with id {view.day_id}.")
            row = PlenaryItem(**{k: getattr(view, k) for k in PlenaryItemView.__dataclass_fields__})
            if s.get(PlenaryItem, view.id) is not None:
                row.id = None
            place(_ordered(s, view.day_id, view.question), row, view.position)
            s.add(row)
            s.flush()
            restored = _view(row)
        self.changed.emit(view.day_id)
        return restored

    def move(self, item_id: int, new_position: int) -> PlenaryItemView:
        """Moves an answer within its question's list; for priorities, rank = position + 1."""
        with self._db.session_scope() as s:
            row = _get(s, item_id)
            place(_ordered(s, row.day_id, row.question), row, new_position)
            view = _view(row)
        self.changed.emit(view.day_id)
        return view

    def for_day(
        self, day_id: int, question: PlenaryQuestion | None = None
    ) -> list[PlenaryItemView]:
        """One question's answers in order, or every answer, question by question."""
        questions = PLENARY_QUESTIONS if question is None else (PlenaryQuestion(question),)
        with self._db.session_scope() as s:
            return [_view(row) for q in questions for row in _ordered(s, day_id, q)]

    def priorities(self, day_id: int) -> list[PlenaryItemView]:
        """The workstream priorities, top priority (rank 1) first."""
        return self.for_day(day_id, PlenaryQuestion.PRIORITIES)


def _text(text: str) -> str:
    cleaned = tidy(text, "An answer")
    if not cleaned:
        raise PlenaryInputError("An answer needs some words. Write it, or delete it.")
    return cleaned


def _check_who(s: DbSession, row: PlenaryItem) -> None:
    if row.person_id is not None and s.get(Person, row.person_id) is None:
        raise PlenaryInputError("Choose a person from the day’s list, or leave it blank.")
    if row.authority_id is not None and s.get(Authority, row.authority_id) is None:
        raise PlenaryInputError("Choose an authority from the list, or leave it blank.")


def _get(s: DbSession, item_id: int) -> PlenaryItem:
    row = s.get(PlenaryItem, item_id)
    if row is None:
        raise LookupError(f"There is no plenary answer with id {item_id}.")
    return row


def _ordered(s: DbSession, day_id: int, question: PlenaryQuestion) -> list[PlenaryItem]:
    return list(
        s.exec(
            select(PlenaryItem)
            .where(PlenaryItem.day_id == day_id, PlenaryItem.question == question)
            .order_by(col(PlenaryItem.position), col(PlenaryItem.id))
        ).all()
    )


def _view(row: PlenaryItem) -> PlenaryItemView:
    if row.id is None:
        raise RuntimeError("a plenary answer must be flushed before it is viewed")
    return PlenaryItemView(
        id=row.id,
        day_id=row.day_id,
        question=row.question,
        text=row.text,
        person_id=row.person_id,
        authority_id=row.authority_id,
        position=row.position,
    )
