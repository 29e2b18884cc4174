"""Introductions: each person says who they are and what they want to give to and receive
from the day. The facilitator goes round the room, authority by authority.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.capture.lists import next_position, place, renumber, tidy
from facilitator.common.events import Event
from facilitator.storage.database import Database
from facilitator.storage.models import Attendee, Authority, Day, DayAuthority, Introduction, Person


@dataclass(frozen=True)
class PersonOfDay:
    person_id: int
    name: str
    role: str
    authority_id: int | None
    authority_name: str
    is_dcs: bool


@dataclass(frozen=True)
class IntroductionView:
    id: int
    day_id: int
    person_id: int | None
    name: str
    authority_id: int | None
    gives: str
    receives: str
    position: int


class IntroductionInputError(ValueError):
    """An introduction that cannot be saved as typed; the message says what to change."""


class Introductions:
    """Records what each person gives and receives; `changed` carries the day id."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.changed: Event[int] = Event()

    def people_of_day(self, day_id: int) -> list[PersonOfDay]:
        """Everyone on the day's list, DCSs included: by presenting order, each DCS first."""
        with self._db.session_scope() as s:
            return read_people(s, day_id)

    def still_to_introduce(self, day_id: int) -> list[PersonOfDay]:
        with self._db.session_scope() as s:
            done = {i.person_id for i in _ordered(s, day_id)}
            return [p for p in read_people(s, day_id) if p.person_id not in done]

    def record(
        self,
        day_id: int,
        person_id: int | None = None,
        *,
        name: str = "",
        authority_id: int | None = None,
        gives: str = "",
        receives: str = "",
    ) -> IntroductionView:
        """Records what a person said, replacing what they said before, if anything.

        Pass `person_id` for someone on the day's list, or `name` (and, if known, an
        `authority_id`) for anyone else in the room.
        """
        gives, receives = tidy(gives, "What they give"), tidy(receives, "What they receive")
        with self._db.session_scope() as s:
            if s.get(Day, day_id) is None:
                raise LookupError(f"There is no day with id {day_id}.")
            rows = _ordered(s, day_id)
            if person_id is not None:
                row = _for_person(s, day_id, person_id, name, rows)
            else:
                row = _for_guest(s, day_id, name, authority_id, rows)
            row.gives, row.receives = gives, receives
            s.add(row)
            s.flush()
            view = _view(row)
        self.changed.emit(day_id)
        return view

    def edit(
        self,
        introduction_id: int,
        *,
        name: str | None = None,
        gives: str | None = None,
        receives: str | None = None,
    ) -> IntroductionView:
        with self._db.session_scope() as s:
            row = _get(s, introduction_id)
            if name is not None:
                row.name = _name(name)
            if gives is not None:
                row.gives = tidy(gives, "What they give")
            if receives is not None:
                row.receives = tidy(receives, "What they receive")
            s.add(row)
            view = _view(row)
        self.changed.emit(view.day_id)
        return view

    def delete(self, introduction_id: int) -> IntroductionView:
        """Deletes an introduction and returns it whole, so an undo can put it back."""
        with self._db.session_scope() as s:
            row = _get(s, introduction_id)
            view = _view(row)
            s.delete(row)
            s.flush()
            renumber(_ordered(s, view.day_id))
        self.changed.emit(view.day_id)
        return view

    def restore(self, view: IntroductionView) -> IntroductionView:
        """Puts a deleted introduction back where it was (with its id, if still free)."""
        with self._db.session_scope() as s:
            if s.get(Day, view.day_id) is None:
                raise LookupError(f"There is no day with id {view.day_id}.")
            row = Introduction(
                **{k: getattr(view, k) for k in IntroductionView.__dataclass_fields__}
            )
            if s.get(Introduction, view.id) is not None:
                row.id = None
            place(_ordered(s, view.day_id), row, view.position)
            s.add(row)
            s.flush()
            restored = _view(row)
        self.changed.emit(view.day_id)
        return restored

    def for_day(self, day_id: int) -> list[IntroductionView]:
        """The introductions in the order they were given."""
        with self._db.session_scope() as s:
            return [_view(row) for row in _ordered(s, day_id)]


def read_people(s: DbSession, day_id: int) -> list[PersonOfDay]:
    """The day's attendees inside the caller's unit of work; see people_of_day."""
    places = {
        authority.id: (row.position, authority.name)
        for row, authority in s.exec(
            select(DayAuthority, Authority)
            .join(Authority, col(Authority.id) == col(DayAuthority.authority_id))
            .where(DayAuthority.day_id == day_id)
        ).all()
    }
    people = s.exec(
        select(Person)
        .join(Attendee, col(Attendee.person_id) == col(Person.id))
        .where(Attendee.day_id == day_id)
        .order_by(col(Attendee.id))
    ).all()
    unplaced = (len(places), "")  # someone from an authority not taking part: listed last
    ordered = sorted(people, key=lambda p: (places.get(p.authority_id, unplaced)[0], not p.is_dcs))
    return [
        PersonOfDay(
            person_id=_id(p.id),
            name=p.name,
            role=p.role,
            authority_id=p.authority_id,
            authority_name=places.get(p.authority_id, unplaced)[1],
            is_dcs=p.is_dcs,
        )
        for p in ordered
    ]


def _for_person(
    s: DbSession, day_id: int, person_id: int, name: str, rows: list[Introduction]
) -> Introduction:
    on_list = s.exec(
        select(Attendee).where(Attendee.day_id == day_id, Attendee.person_id == person_id)
    ).first()
    person = s.get(Person, person_id)
    if on_list is None or person is None:
        raise IntroductionInputError(
            "That person is not on the day’s list. Add them to their authority’s team, "
            "or record the introduction under their name."
        )
    existing = next((row for row in rows if row.person_id == person_id), None)
    if existing is not None:
        return existing
    return Introduction(
        day_id=day_id,
        person_id=person_id,
        name=person.name or _name(name),
        authority_id=person.authority_id,
        position=next_position(rows),
    )


def _for_guest(
    s: DbSession, day_id: int, name: str, authority_id: int | None, rows: list[Introduction]
) -> Introduction:
    if authority_id is not None and s.get(Authority, authority_id) is None:
        raise IntroductionInputError("Choose an authority from the list, or leave it blank.")
    name = _name(name)
    # Someone not on the list is known only by name: the same name again is the same person.
    existing = next(
        (r for r in rows if r.person_id is None and r.name.casefold() == name.casefold()), None
    )
    if existing is not None:
        existing.authority_id = authority_id
        return existing
    return Introduction(
        day_id=day_id, name=name, authority_id=authority_id, position=next_position(rows)
    )


def _name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise IntroductionInputError("Say who is introducing themselves: choose or type a name.")
    return cleaned


def _get(s: DbSession, introduction_id: int) -> Introduction:
    row = s.get(Introduction, introduction_id)
    if row is None:
        raise LookupError(f"There is no introduction with id {introduction_id}.")
    return row


def _ordered(s: DbSession, day_id: int) -> list[Introduction]:
    return list(
        s.exec(
            select(Introduction)
            .where(Introduction.day_id == day_id)
            .order_by(col(Introduction.position), col(Introduction.id))
        ).all()
    )


def _id(value: int | None) -> int:
    if value is None:
        raise RuntimeError("a stored row has no id; flush before reading ids")
    return value


def _view(row: Introduction) -> IntroductionView:
    return IntroductionView(
        id=_id(row.id),
        day_id=row.day_id,
        person_id=row.person_id,
        name=row.name,
        authority_id=row.authority_id,
        gives=row.gives,
        receives=row.receives,
        position=row.position,
    )
