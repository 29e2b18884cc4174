"""Changing what a day is (date, place, facilitator) and who comes from each authority."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sqlmodel import Session as DbSession
from sqlmodel import select

from facilitator.common.clean_text import TITLE_LIMIT, single_line
from facilitator.common.vocabulary import DayMode
from facilitator.planning.agenda_edits import DayChange, get_day
from facilitator.planning.day_plan import attendees, roster, team_members
from facilitator.planning.day_setup import DCS_ROLE, TeamMember, clean_field, clean_members
from facilitator.storage.models import Attendee, Authority, Cycle, DayAuthority, Person
from facilitator.storage.rows import stored_id
from facilitator.storage.versioned import check_seen


@dataclass(frozen=True)
class DayDetails:
    date: dt.date
    mode: DayMode
    venue: str = ""
    meeting_link: str = ""
    facilitator: str = ""
    cycle_name: str = ""
    number: int | None = None
    # The day's stored version when read (storage/versioned.py): details saved naming it
    # are refused if someone else has changed the day since, on a shared database. Not part
    # of what the details are, and ignored when they are saved (see update_details).
    row_version: int = field(default=1, compare=False)


@dataclass(frozen=True)
class Team:
    """An authority's people on a day: its DCS (perhaps shared) and the colleagues with them."""

    authority_id: int
    name: str
    short_name: str
    dcs_name: str
    members: tuple[TeamMember, ...]


def clean_details(details: DayDetails) -> DayDetails:
    """The details with every name cleaned as a new day's are (see day_setup.clean_new_day)."""
    return replace(
        details,
        venue=clean_field(details.venue, "The venue"),
        meeting_link=single_line(details.meeting_link),
        facilitator=clean_field(details.facilitator, "The facilitator’s name"),
        cycle_name=clean_field(details.cycle_name, "The cycle’s name", TITLE_LIMIT),
    )


def clean_team(
    short_name: str, dcs_name: str, members: Sequence[TeamMember]
) -> tuple[str, str, tuple[TeamMember, ...]]:
    """An authority's short name, DCS and team as they may be stored, or DayTextError. The
    day editor calls this before it saves, to show the problem beside the field."""
    return (
        clean_field(short_name, "The short name"),
        clean_field(dcs_name, "The DCS’s name"),
        clean_members(tuple(members)),
    )


def read_details(s: DbSession, day_id: int) -> DayDetails:
    day = get_day(s, day_id)
    cycle = s.get(Cycle, day.cycle_id) if day.cycle_id else None
    return DayDetails(
        date=day.date,
        mode=day.mode,
        venue=day.venue,
        meeting_link=day.meeting_link,
        facilitator=day.facilitator,
        cycle_name=cycle.name if cycle else "",
        number=day.number,
        row_version=day.row_version,
    )


def write_details(
    s: DbSession, day_id: int, details: DayDetails, seen_version: int | None = None
) -> DayChange:
    day = get_day(s, day_id)
    check_seen(day, seen_version)
    day.date = details.date
    day.mode = details.mode
    day.venue = details.venue.strip()
    day.meeting_link = details.meeting_link.strip()
    day.facilitator = details.facilitator.strip()
    day.number = details.number
    name = details.cycle_name.strip()
    if name:
        cycle = s.exec(select(Cycle).where(Cycle.name == name)).first()
        if cycle is None:
            cycle = Cycle(name=name)
            s.add(cycle)
            s.flush()
        day.cycle_id = cycle.id
    else:
        day.cycle_id = None
    s.add(day)
    return DayChange(day_id)


def read_teams(s: DbSession, day_id: int) -> list[Team]:
    get_day(s, day_id)
    people = attendees(s, day_id)
    return [
        Team(
            authority_id=entry.authority_id,
            name=entry.name,
            short_name=entry.short_name,
            dcs_name=entry.dcs_name,
            members=team_members(people, entry.authority_id),
        )
        for entry in roster(s, day_id)
    ]


def write_team(
    s: DbSession,
    day_id: int,
    authority_id: int,
    *,
    short_name: str,
    dcs_name: str,
    members: Sequence[TeamMember],
) -> DayChange:
    """Replaces the authority's people on this day. A DCS name that already leads another
    authority of the day makes them one shared DCS, as the handbook's quartet has."""
    get_day(s, day_id)
    row = s.exec(
        select(DayAuthority).where(
            DayAuthority.day_id == day_id, DayAuthority.authority_id == authority_id
        )
    ).first()
    if row is None:
        raise LookupError("That authority does not take part in this day.")
    authority = s.get(Authority, authority_id)
    assert authority is not None
    authority.short_name = short_name.strip()
    s.add(authority)

    for attendee in s.exec(select(Attendee).where(Attendee.day_id == day_id)).all():
        person = s.get(Person, attendee.person_id)
        if person is not None and person.authority_id == authority_id and not person.is_dcs:
            s.delete(attendee)
    for member in members:
        if member.name.strip():
            person = _find_or_add(s, authority_id, member.name, member.role, is_dcs=False)
            s.add(Attendee(day_id=day_id, person_id=stored_id(person.id)))

    name = dcs_name.strip()
    old_dcs = row.dcs_id
    if not name:
        row.dcs_id = None
    else:
        shared = _dcs_of_another(s, day_id, authority_id, name)
        person = shared or _find_or_add(s, authority_id, name, DCS_ROLE, is_dcs=True)
        row.dcs_id = person.id
        if not _attends(s, day_id, stored_id(person.id)):
            s.add(Attendee(day_id=day_id, person_id=stored_id(person.id)))
    s.add(row)
    s.flush()
    if old_dcs is not None and old_dcs != row.dcs_id and not _leads_any(s, day_id, old_dcs):
        for attendee in s.exec(
            select(Attendee).where(Attendee.day_id == day_id, Attendee.person_id == old_dcs)
        ).all():
            s.delete(attendee)
    return DayChange(day_id)


def _dcs_of_another(s: DbSession, day_id: int, authority_id: int, name: str) -> Person | None:
    for other in s.exec(select(DayAuthority).where(DayAuthority.day_id == day_id)).all():
        if other.authority_id != authority_id and other.dcs_id is not None:
            person = s.get(Person, other.dcs_id)
            if person is not None and person.name.casefold() == name.casefold():
                return person
    return None


def _find_or_add(s: DbSession, authority_id: int, name: str, role: str, *, is_dcs: bool) -> Person:
    person = s.exec(
        select(Person).where(
            Person.authority_id == authority_id,
            Person.name == name.strip(),
            Person.is_dcs == is_dcs,
        )
    ).first()
    if person is None:
        person = Person(authority_id=authority_id, name=name.strip(), is_dcs=is_dcs)
    person.role = role.strip()
    s.add(person)
    s.flush()
    return person


def _attends(s: DbSession, day_id: int, person_id: int) -> bool:
    return (
        s.exec(
            select(Attendee).where(Attendee.day_id == day_id, Attendee.person_id == person_id)
        ).first()
        is not None
    )


def _leads_any(s: DbSession, day_id: int, person_id: int) -> bool:
    return (
        s.exec(
            select(DayAuthority).where(
                DayAuthority.day_id == day_id, DayAuthority.dcs_id == person_id
            )
        ).first()
        is not None
    )
