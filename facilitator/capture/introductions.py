"""Introductions: each person says who they are and what they want to give to and receive
from the day. The facilitator goes round the room, authority by authority.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.capture.lists import next_position, tidy
from facilitator.capture.ordered_lists import DayList
from facilitator.planning.day_plan import attendees
from facilitator.storage.models import (
    Attendee,
    Authority,
    Day,
    DayAuthority,
    Introduction,
    Person,
)
from facilitator.storage.rows import get_stored, stored_id


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


class Introductions(DayList[Introduction, IntroductionView]):
    """Records what each person gives and receives; `changed` carries the day id."""

    model = Introduction
    noun = "introduction"

    def view(self, row: Introduction) -> IntroductionView:
        return IntroductionView(
            id=stored_id(row.id),
            day_id=row.day_id,
            person_id=row.person_id,
            name=row.name,
            authority_id=row.authority_id,
            gives=row.gives,
            receives=row.receives,
            position=row.position,
        )

    def people_of_day(self, day_id: int) -> list[PersonOfDay]:
        """Everyone on the day's list, DCSs included: by presenting order, each DCS first."""
        with self._db.session_scope() as s:
            return read_people(s, day_id)

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
            get_stored(s, Day, day_id, "day")
            rows = self._ordered(s, day_id=day_id)
            if person_id is not None:
                row = _for_person(s, day_id, person_id, name, rows)
            else:
                row = _for_guest(s, day_id, name, authority_id, rows)
            row.gives, row.receives = gives, receives
            s.add(row)
            s.flush()
            view = self.view(row)
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
            row = self._get(s, introduction_id)
            if name is not None:
                row.name = _name(name)
            if gives is not None:
                row.gives = tidy(gives, "What they give")
            if receives is not None:
                row.receives = tidy(receives, "What they receive")
            s.add(row)
            view = self.view(row)
        self.changed.emit(view.day_id)
        return view

    def for_day(self, day_id: int) -> list[IntroductionView]:
        """The introductions in the order they were given."""
        return self._listed(day_id=day_id)


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
    people = attendees(s, day_id)
    unplaced = (len(places), "")  # someone from an authority not taking part: listed last
    ordered = sorted(people, key=lambda p: (places.get(p.authority_id, unplaced)[0], not p.is_dcs))
    return [
        PersonOfDay(
            person_id=stored_id(p.id),
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
