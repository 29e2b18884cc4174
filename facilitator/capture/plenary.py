"""The plenary's four questions and the room's answers to each.

Workstream priorities go to the annual summit as a prioritised list, so the room re-ranks
them: an item's place in its list is its rank (1 is the top priority). Answers to the
other questions keep the order they were given, which the facilitator may also change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session as DbSession

from facilitator.capture.lists import KEEP, Keep, next_position, renumber, tidy
from facilitator.capture.ordered_lists import DayList
from facilitator.common.vocabulary import PlenaryQuestion
from facilitator.storage.models import Authority, Day, Person, PlenaryItem
from facilitator.storage.rows import get_stored, stored_id
from facilitator.storage.versioned import check_seen

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
    # The stored row's version when read (storage/versioned.py): an edit naming it is
    # refused if someone else has changed the row since, on a shared database. Not part of
    # what the item is: views read before and after a change that was undone are equal.
    row_version: int = field(default=1, compare=False)

    @property
    def rank(self) -> int | None:
        """1..n for workstream priorities; None for answers that are not ranked."""
        return self.position + 1 if self.question is PlenaryQuestion.PRIORITIES else None


class PlenaryInputError(ValueError):
    """An answer that cannot be saved as typed; the message says what to change."""


class Plenary(DayList[PlenaryItem, PlenaryItemView]):
    """Adds, edits, ranks and deletes plenary answers; `changed` carries the day id.

    Each question's answers are a list of their own: moving an answer (for priorities,
    re-ranking it, rank = position + 1) and deleting one renumber only its question's list.
    """

    model = PlenaryItem
    noun = "plenary answer"

    def view(self, row: PlenaryItem) -> PlenaryItemView:
        return PlenaryItemView(
            id=stored_id(row.id),
            day_id=row.day_id,
            question=row.question,
            text=row.text,
            person_id=row.person_id,
            authority_id=row.authority_id,
            position=row.position,
            row_version=row.row_version,
        )

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
            get_stored(s, Day, day_id, "day")
            row = PlenaryItem(
                day_id=day_id,
                question=question,
                text=_text(text),
                person_id=person_id,
                authority_id=authority_id,
                position=next_position(self._ordered(s, day_id=day_id, question=question)),
            )
            _check_who(s, row)
            s.add(row)
            s.flush()
            view = self.view(row)
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
        seen_version: int | None = None,
    ) -> PlenaryItemView:
        """Changes the fields given (None clears a person or authority). An answer moved to
        another question goes to the end of that question's list. `seen_version`: the
        version of the answer the change was made on (PlenaryItemView.row_version);
        ChangedElsewhereError if it has been changed since."""
        with self._db.session_scope() as s:
            row = self._get(s, item_id)
            check_seen(row, seen_version)
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
                row.position = next_position(self._ordered(s, day_id=row.day_id, question=new))
                row.question = new
                s.add(row)
                s.flush()
                renumber(self._ordered(s, day_id=row.day_id, question=old))
            s.add(row)
            s.flush()  # counts the version on, for the view
            view = self.view(row)
        self.changed.emit(view.day_id)
        return view

    def for_day(
        self, day_id: int, question: PlenaryQuestion | None = None
    ) -> list[PlenaryItemView]:
        """One question's answers in order, or every answer, question by question."""
        questions = PLENARY_QUESTIONS if question is None else (PlenaryQuestion(question),)
        return [item for q in questions for item in self._listed(day_id=day_id, question=q)]

    def priorities(self, day_id: int) -> list[PlenaryItemView]:
        """The workstream priorities, top priority (rank 1) first."""
        return self.for_day(day_id, PlenaryQuestion.PRIORITIES)

    def _list_of(self, item: PlenaryItem | PlenaryItemView) -> dict[str, object]:
        return {**super()._list_of(item), "question": item.question}


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
