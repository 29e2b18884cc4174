"""A new day as typed (or imported), checked, and written inside the caller's unit of work."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlmodel import Session as DbSession
from sqlmodel import func, select

from facilitator.common.clean_text import (
    NAME_LIMIT,
    TITLE_LIMIT,
    TextFieldError,
    field_text,
    single_line,
)
from facilitator.common.vocabulary import DayKind, DayMode
from facilitator.planning.agenda import DEFAULT_FINISH_LIMIT, default_agenda, default_start
from facilitator.planning.lead_reviewers import suggest_assignment
from facilitator.storage.models import (
    Attendee,
    Authority,
    Cycle,
    Day,
    DayAuthority,
    Person,
    Session,
    Stage,
)
from facilitator.storage.rows import stored_id

DCS_ROLE = "Director of Children’s Services"


@dataclass(frozen=True)
class TeamMember:
    name: str
    role: str = ""


@dataclass(frozen=True)
class AuthorityEntry:
    """An authority as typed into the new-day form: its name, short name, DCS and team.

    `reviews` names the authority it is lead reviewer for ("" everywhere: the suggestion).
    `shares_dcs_with` names another authority of the day led by the same DCS, for when the
    DCS is known to be shared but not yet by name (a schedule import).
    """

    name: str
    short_name: str = ""
    dcs_name: str = ""
    team: tuple[TeamMember, ...] = ()
    reviews: str = ""
    shares_dcs_with: str = ""


@dataclass(frozen=True)
class NewDay:
    date: dt.date
    kind: DayKind
    mode: DayMode
    authorities: tuple[AuthorityEntry, ...]
    venue: str = ""
    meeting_link: str = ""
    facilitator: str = ""
    cycle_name: str = ""
    number: int | None = None
    # None: the kind's usual start (10.00 for a triad, 09.00 for a quartet).
    start_time: dt.time | None = None
    finish_limit: dt.time = DEFAULT_FINISH_LIMIT


class DayInputError(ValueError):
    """A new day that cannot be saved as typed; the message says what to change."""


class DayTextError(DayInputError, TextFieldError):
    """A name or title too long to store; the message names the field. It is both kinds of
    error so that whoever already reports a DayInputError (a form, an import) reports it too."""


def clean_field(text: str, field: str, limit: int = NAME_LIMIT) -> str:
    """`text` as it may be stored: one line, without characters Word cannot hold (a pasted
    NUL or bell would break every export), and at most `limit` long."""
    try:
        return field_text(text, field, limit)
    except TextFieldError as exc:
        raise DayTextError(str(exc)) from exc


def clean_members(members: tuple[TeamMember, ...]) -> tuple[TeamMember, ...]:
    return tuple(
        TeamMember(
            clean_field(member.name, "A team member’s name"),
            clean_field(member.role, f"The job title of {single_line(member.name)}", TITLE_LIMIT),
        )
        for member in members
    )


def clean_new_day(new: NewDay) -> NewDay:
    """The day with every name and title cleaned (see clean_field), or DayTextError."""
    authorities = tuple(
        replace(
            entry,
            name=clean_field(entry.name, f"The name of authority {number}"),
            short_name=clean_field(entry.short_name, f"The short name of authority {number}"),
            dcs_name=clean_field(entry.dcs_name, f"The DCS of authority {number}"),
            team=clean_members(entry.team),
            reviews=single_line(entry.reviews),
            shares_dcs_with=single_line(entry.shares_dcs_with),
        )
        for number, entry in enumerate(new.authorities, start=1)
    )
    return replace(
        new,
        authorities=authorities,
        venue=clean_field(new.venue, "The venue"),
        # A meeting link can be long; only what would break a document is taken out.
        meeting_link=single_line(new.meeting_link),
        facilitator=clean_field(new.facilitator, "The facilitator’s name"),
        cycle_name=clean_field(new.cycle_name, "The cycle’s name", TITLE_LIMIT),
    )


def validate_new_day(new: NewDay) -> None:
    names = [a.name.strip() for a in new.authorities]
    if len(names) != new.kind.authority_count:
        raise DayInputError(
            f"A {new.kind.value} needs {new.kind.authority_count} authorities; "
            f"{len(names)} were given."
        )
    if any(not name for name in names):
        raise DayInputError("Every authority needs a name.")
    lowered = [name.casefold() for name in names]
    for name in names:
        if lowered.count(name.casefold()) > 1:
            raise DayInputError(f"{name} is listed twice. Each authority takes part once a day.")
    for entry in new.authorities:
        for other in (entry.reviews, entry.shares_dcs_with):
            if other.strip() and other.strip().casefold() not in lowered:
                raise DayInputError(
                    f"{entry.name.strip()} refers to {other.strip()}, "
                    "which is not one of the day’s authorities."
                )


def add_day(s: DbSession, new: NewDay) -> int:
    """Writes a checked day with its sessions and default agenda; returns its id."""
    day = Day(
        cycle_id=_cycle_id(s, new.cycle_name),
        number=new.number,
        date=new.date,
        kind=new.kind,
        mode=new.mode,
        venue=new.venue.strip(),
        meeting_link=new.meeting_link.strip(),
        facilitator=new.facilitator.strip(),
        start_time=new.start_time or default_start(new.kind.authority_count),
        finish_limit=new.finish_limit,
    )
    s.add(day)
    s.flush()
    day_id = stored_id(day.id)
    authorities = [_authority(s, entry) for entry in new.authorities]
    ids = [stored_id(a.id) for a in authorities]
    key = {entry.name.strip().casefold(): i for i, entry in enumerate(new.authorities)}
    dcs: list[Person | None] = [None] * len(ids)
    by_name: dict[str, Person] = {}
    for i, entry in enumerate(new.authorities):
        name = entry.dcs_name.strip()
        if name:
            # A DCS leading two authorities (a shared DCS) is one person.
            if name not in by_name:
                by_name[name] = _person(s, authorities[i], name, DCS_ROLE, is_dcs=True)
                s.add(Attendee(day_id=day_id, person_id=stored_id(by_name[name].id)))
            dcs[i] = by_name[name]
    for i, entry in enumerate(new.authorities):
        if entry.shares_dcs_with.strip():
            partner = key[entry.shares_dcs_with.strip().casefold()]
            if dcs[partner] is None:
                # Known to be shared, not yet by name: an unnamed person holds the place.
                dcs[partner] = _person(s, authorities[partner], "", DCS_ROLE, is_dcs=True)
            dcs[i] = dcs[partner]
    reviews = _reviews(new, ids, key, dcs)
    for position, (authority_id, person) in enumerate(zip(ids, dcs, strict=True)):
        s.add(
            DayAuthority(
                day_id=day_id,
                authority_id=authority_id,
                position=position,
                dcs_id=person.id if person else None,
                reviews_authority_id=reviews.get(authority_id),
            )
        )
    for authority, entry in zip(authorities, new.authorities, strict=True):
        for member in entry.team:
            if member.name.strip():
                person = _person(s, authority, member.name, member.role)
                s.add(Attendee(day_id=day_id, person_id=stored_id(person.id)))
    sessions = [Session(day_id=day_id, authority_id=a, position=p) for p, a in enumerate(ids)]
    s.add_all(sessions)
    s.flush()
    for position, item in enumerate(default_agenda(len(sessions), new.mode)):
        session = sessions[item.session_index] if item.session_index is not None else None
        s.add(
            Stage(
                day_id=day_id,
                session_id=session.id if session else None,
                position=position,
                kind=item.kind,
                planned_minutes=item.minutes,
                min_minutes=item.min_minutes,
            )
        )
    s.flush()
    return day_id


def _reviews(
    new: NewDay, ids: list[int], key: dict[str, int], dcs: list[Person | None]
) -> dict[int, int]:
    if any(entry.reviews.strip() for entry in new.authorities):
        return {
            ids[i]: ids[key[entry.reviews.strip().casefold()]]
            for i, entry in enumerate(new.authorities)
            if entry.reviews.strip()
        }
    groups: dict[int, set[int]] = {}
    for authority_id, person in zip(ids, dcs, strict=True):
        if person is not None:
            groups.setdefault(stored_id(person.id), set()).add(authority_id)
    return suggest_assignment(ids, groups.values())


def _cycle_id(s: DbSession, name: str) -> int | None:
    if not name.strip():
        return None
    cycle = s.exec(select(Cycle).where(Cycle.name == name.strip())).first()
    if cycle is None:
        cycle = Cycle(name=name.strip())
        s.add(cycle)
        s.flush()
    return cycle.id


def _authority(s: DbSession, entry: AuthorityEntry) -> Authority:
    name = entry.name.strip()
    # One council, however it was capitalised when typed.
    found = s.exec(select(Authority).where(func.lower(Authority.name) == name.lower())).first()
    if found is None:
        found = Authority(name=name, short_name=entry.short_name.strip())
        s.add(found)
        s.flush()
    elif entry.short_name.strip() and found.short_name != entry.short_name.strip():
        found.short_name = entry.short_name.strip()
    return found


def _person(
    s: DbSession, authority: Authority, name: str, role: str, *, is_dcs: bool = False
) -> Person:
    person = Person(authority_id=authority.id, name=name.strip(), role=role.strip(), is_dcs=is_dcs)
    s.add(person)
    s.flush()
    return person
