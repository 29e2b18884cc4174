"""Setting up days: who takes part, in what order, who reviews whom, and the agenda."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.agenda import DEFAULT_START, clock_times, default_agenda
from facilitator.db import Database
from facilitator.events import Event
from facilitator.models import Attendee, Authority, Cycle, Day, DayAuthority, Person, Session, Stage
from facilitator.vocabulary import DayKind, DayMode, DayStatus, StageKind

DCS_ROLE = "Director of Children’s Services"


@dataclass(frozen=True)
class TeamMember:
    name: str
    role: str = ""


@dataclass(frozen=True)
class AuthorityEntry:
    """An authority as typed into the new-day form: its name, short name, DCS and team."""

    name: str
    short_name: str = ""
    dcs_name: str = ""
    team: tuple[TeamMember, ...] = ()


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
    start_time: dt.time = DEFAULT_START


@dataclass(frozen=True)
class DaySummary:
    id: int
    date: dt.date
    kind: DayKind
    mode: DayMode
    status: DayStatus
    cycle_name: str
    authorities: tuple[str, ...]
    place: str

    @property
    def title(self) -> str:
        return f"{self.kind.label}: {', '.join(self.authorities)}"


@dataclass(frozen=True)
class PlannedStage:
    id: int
    kind: StageKind
    title: str
    planned_minutes: int
    starts: dt.time
    presenter: str


@dataclass(frozen=True)
class Participant:
    authority_id: int
    name: str
    short_name: str
    dcs: str
    reviews: str
    team: tuple[TeamMember, ...] = field(default=())


@dataclass(frozen=True)
class DayPlan:
    summary: DaySummary
    facilitator: str
    participants: tuple[Participant, ...]
    stages: tuple[PlannedStage, ...]
    finish: dt.time


class DayInputError(ValueError):
    """A new day that cannot be saved as typed; the message says what to change."""


class Planner:
    """Creates and reads days. Announces the id of every day it changes."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.day_changed: Event[int] = Event()

    def create_day(self, new: NewDay) -> int:
        _validate(new)
        with self._db.session_scope() as s:
            cycle_id = None
            if new.cycle_name.strip():
                cycle = s.exec(select(Cycle).where(Cycle.name == new.cycle_name.strip())).first()
                if cycle is None:
                    cycle = Cycle(name=new.cycle_name.strip())
                    s.add(cycle)
                    s.flush()
                cycle_id = cycle.id
            day = Day(
                cycle_id=cycle_id,
                number=new.number,
                date=new.date,
                kind=new.kind,
                mode=new.mode,
                venue=new.venue.strip(),
                meeting_link=new.meeting_link.strip(),
                facilitator=new.facilitator.strip(),
                start_time=new.start_time,
            )
            s.add(day)
            s.flush()
            assert day.id is not None
            authority_ids: list[int] = []
            dcs_by_name: dict[str, Person] = {}
            for position, entry in enumerate(new.authorities):
                authority = _authority(s, entry)
                authority_ids.append(_id(authority.id))
                dcs = None
                if entry.dcs_name.strip():
                    # A DCS leading two authorities (a shared DCS) is one person.
                    dcs = dcs_by_name.get(entry.dcs_name.strip())
                    if dcs is None:
                        dcs = _person(s, authority, entry.dcs_name, DCS_ROLE, is_dcs=True)
                        dcs_by_name[entry.dcs_name.strip()] = dcs
                        s.add(Attendee(day_id=day.id, person_id=_id(dcs.id)))
                s.add(
                    DayAuthority(
                        day_id=day.id,
                        authority_id=_id(authority.id),
                        position=position,
                        dcs_id=dcs.id if dcs else None,
                    )
                )
                for member in entry.team:
                    if member.name.strip():
                        person = _person(s, authority, member.name, member.role)
                        s.add(Attendee(day_id=day.id, person_id=_id(person.id)))
            s.flush()
            for row in s.exec(select(DayAuthority).where(DayAuthority.day_id == day.id)):
                # Default: each reviews the authority that presented just before it.
                row.reviews_authority_id = authority_ids[(row.position - 1) % len(authority_ids)]
            sessions = []
            for position, authority_id in enumerate(authority_ids):
                session = Session(day_id=day.id, authority_id=authority_id, position=position)
                s.add(session)
                sessions.append(session)
            s.flush()
            for position, item in enumerate(default_agenda(len(sessions))):
                s.add(
                    Stage(
                        day_id=day.id,
                        session_id=(
                            sessions[item.session_index].id
                            if item.session_index is not None
                            else None
                        ),
                        position=position,
                        kind=item.kind,
                        planned_minutes=item.minutes,
                        min_minutes=item.min_minutes,
                    )
                )
            day_id = day.id
        self.day_changed.emit(day_id)
        return day_id

    def list_days(self) -> list[DaySummary]:
        with self._db.session_scope() as s:
            days = s.exec(select(Day).order_by(col(Day.date), col(Day.id))).all()
            return [_summary(s, day) for day in days]

    def day_plan(self, day_id: int) -> DayPlan:
        with self._db.session_scope() as s:
            day = s.get(Day, day_id)
            if day is None:
                raise LookupError(f"There is no day with id {day_id}.")
            names = {a.id: a for a in s.exec(select(Authority)).all()}
            rows = s.exec(
                select(DayAuthority)
                .where(DayAuthority.day_id == day_id)
                .order_by(col(DayAuthority.position))
            ).all()
            attendees = s.exec(
                select(Person)
                .join(Attendee, col(Attendee.person_id) == col(Person.id))
                .where(Attendee.day_id == day_id)
                .order_by(col(Attendee.id))
            ).all()
            participants = []
            for row in rows:
                authority = names[row.authority_id]
                dcs = s.get(Person, row.dcs_id) if row.dcs_id else None
                reviews = names.get(row.reviews_authority_id) if row.reviews_authority_id else None
                team = tuple(
                    TeamMember(p.name, p.role)
                    for p in attendees
                    if p.authority_id == authority.id and not p.is_dcs
                )
                participants.append(
                    Participant(
                        authority_id=row.authority_id,
                        name=authority.name,
                        short_name=authority.short_name,
                        dcs=dcs.name if dcs else "",
                        reviews=reviews.name if reviews else "",
                        team=team,
                    )
                )
            sessions = {
                x.id: names[x.authority_id].name
                for x in s.exec(select(Session).where(Session.day_id == day_id)).all()
            }
            stages = s.exec(
                select(Stage).where(Stage.day_id == day_id).order_by(col(Stage.position))
            ).all()
            times = clock_times(day.start_time, [x.planned_minutes for x in stages])
            planned = tuple(
                PlannedStage(
                    id=_id(stage.id),
                    kind=stage.kind,
                    title=stage.kind.label,
                    planned_minutes=stage.planned_minutes,
                    starts=times[i],
                    presenter=sessions.get(stage.session_id, "") if stage.session_id else "",
                )
                for i, stage in enumerate(stages)
            )
            return DayPlan(
                summary=_summary(s, day),
                facilitator=day.facilitator,
                participants=tuple(participants),
                stages=planned,
                finish=times[-1],
            )

    def delete_day(self, day_id: int) -> None:
        with self._db.session_scope() as s:
            day = s.get(Day, day_id)
            if day is None:
                raise LookupError(f"There is no day with id {day_id}.")
            s.delete(day)
        self.day_changed.emit(day_id)


def _validate(new: NewDay) -> None:
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


def _authority(s: DbSession, entry: AuthorityEntry) -> Authority:
    found = s.exec(select(Authority).where(Authority.name == entry.name.strip())).first()
    if found is None:
        found = Authority(name=entry.name.strip(), short_name=entry.short_name.strip())
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


def _summary(s: DbSession, day: Day) -> DaySummary:
    rows = s.exec(
        select(Authority)
        .join(DayAuthority, col(DayAuthority.authority_id) == col(Authority.id))
        .where(DayAuthority.day_id == day.id)
        .order_by(col(DayAuthority.position))
    ).all()
    cycle = s.get(Cycle, day.cycle_id) if day.cycle_id else None
    place = day.venue if day.mode is DayMode.FACE_TO_FACE else (day.meeting_link or "Online")
    return DaySummary(
        id=_id(day.id),
        date=day.date,
        kind=day.kind,
        mode=day.mode,
        status=day.status,
        cycle_name=cycle.name if cycle else "",
        authorities=tuple(a.name for a in rows),
        place=place,
    )


def _id(value: int | None) -> int:
    if value is None:
        raise RuntimeError("a stored row has no id; flush before reading ids")
    return value
