"""Read views of days: a summary for lists, and the whole plan with its times and warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.common.vocabulary import DayMode, StageKind
from facilitator.planning.agenda import (
    DEFAULT_FINISH_LIMIT,
    DEFAULT_START,
    SlotInfo,
    clock_times,
    describe_minutes,
    screen_break_offers,
)
from facilitator.planning.agenda_edits import finish_limit_of
from facilitator.planning.agenda_fit import overrun_minutes, overrun_notice, overrun_warning
from facilitator.planning.day_list import DaySummary, place_of
from facilitator.planning.day_setup import TeamMember
from facilitator.planning.lead_reviewers import SharedDcs, validate_assignment
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
from facilitator.storage.rows import get_stored, stored_id


@dataclass(frozen=True)
class PlannedStage:
    id: int
    kind: StageKind
    title: str
    planned_minutes: int
    starts: dt.time
    presenter: str
    min_minutes: int = 0
    session_id: int | None = None

    @property
    def is_break(self) -> bool:
        return self.kind.is_break


@dataclass(frozen=True)
class Participant:
    authority_id: int
    name: str
    short_name: str
    dcs: str
    reviews: str
    team: tuple[TeamMember, ...] = field(default=())
    reviews_authority_id: int | None = None
    shares_dcs_with: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScreenBreakOffer:
    after_stage_id: int
    text: str


@dataclass(frozen=True)
class DayPlan:
    summary: DaySummary
    facilitator: str
    participants: tuple[Participant, ...]
    stages: tuple[PlannedStage, ...]
    finish: dt.time
    start: dt.time = DEFAULT_START
    finish_limit: dt.time = DEFAULT_FINISH_LIMIT
    overrun_minutes: int = 0
    lead_reviewer_problems: tuple[str, ...] = ()
    screen_break_offers: tuple[ScreenBreakOffer, ...] = ()

    @property
    def finish_warning(self) -> str:
        """ "" when the day ends by its finish limit."""
        if not self.overrun_minutes:
            return ""
        return overrun_warning(self.finish, self.finish_limit, self.overrun_minutes)

    @property
    def finish_notice(self) -> str:
        """The over-limit line an exported agenda opens with; "" when the day fits."""
        if not self.overrun_minutes:
            return ""
        return overrun_notice(self.finish, self.finish_limit, self.overrun_minutes)

    def lead_reviewer_of(self, authority_id: int) -> int | None:
        """The authority that leads the questioning of `authority_id`, if one is chosen."""
        return next(
            (p.authority_id for p in self.participants if p.reviews_authority_id == authority_id),
            None,
        )


@dataclass(frozen=True)
class RosterEntry:
    """One authority of a day, in presenting order, with its DCS and whom it reviews."""

    authority_id: int
    name: str
    short_name: str
    dcs_id: int | None
    dcs_name: str
    reviews_authority_id: int | None


def roster(s: DbSession, day_id: int) -> list[RosterEntry]:
    # One query: read on every bullet typed (whose turn it is), so cheap.
    rows = s.exec(
        select(DayAuthority, Authority.name, Authority.short_name, Person.name)
        .join(Authority, col(Authority.id) == col(DayAuthority.authority_id))
        .join(Person, col(Person.id) == col(DayAuthority.dcs_id), isouter=True)
        .where(DayAuthority.day_id == day_id)
        .order_by(col(DayAuthority.position))
    ).all()
    return [
        RosterEntry(
            authority_id=row.authority_id,
            name=name,
            short_name=short_name,
            dcs_id=row.dcs_id,
            dcs_name=dcs_name or "",
            reviews_authority_id=row.reviews_authority_id,
        )
        for row, name, short_name, dcs_name in rows
    ]


def attendees(s: DbSession, day_id: int) -> list[Person]:
    """Everyone on the day's list, DCSs included, in the order they were added."""
    return list(
        s.exec(
            select(Person)
            .join(Attendee, col(Attendee.person_id) == col(Person.id))
            .where(Attendee.day_id == day_id)
            .order_by(col(Attendee.id))
        ).all()
    )


def team_members(people: Sequence[Person], authority_id: int) -> tuple[TeamMember, ...]:
    """The people an authority brings besides its DCS."""
    return tuple(
        TeamMember(p.name, p.role)
        for p in people
        if p.authority_id == authority_id and not p.is_dcs
    )


def shared_dcs_groups(entries: list[RosterEntry]) -> list[SharedDcs]:
    groups: dict[int, list[RosterEntry]] = {}
    for entry in entries:
        if entry.dcs_id is not None:
            groups.setdefault(entry.dcs_id, []).append(entry)
    return [
        SharedDcs(members[0].dcs_name, tuple(m.name for m in members))
        for members in groups.values()
        if len(members) > 1
    ]


def roster_problems(entries: list[RosterEntry]) -> list[str]:
    names = {e.authority_id: e.name for e in entries}
    reviews = {
        e.name: (names.get(e.reviews_authority_id, "another authority"))
        if e.reviews_authority_id is not None
        else None
        for e in entries
    }
    return validate_assignment([e.name for e in entries], reviews, shared_dcs_groups(entries))


def read_plan(s: DbSession, day_id: int) -> DayPlan:
    day = get_stored(s, Day, day_id, "day")
    entries = roster(s, day_id)
    names = {e.authority_id: e.name for e in entries}
    people = attendees(s, day_id)
    shared = {name: group for group in shared_dcs_groups(entries) for name in group.authorities}
    participants = tuple(
        Participant(
            authority_id=e.authority_id,
            name=e.name,
            short_name=e.short_name,
            dcs=e.dcs_name,
            reviews=names.get(e.reviews_authority_id, "") if e.reviews_authority_id else "",
            team=team_members(people, e.authority_id),
            reviews_authority_id=e.reviews_authority_id,
            shares_dcs_with=tuple(
                n for n in (shared[e.name].authorities if e.name in shared else ()) if n != e.name
            ),
        )
        for e in entries
    )
    presenters = {
        x.id: names.get(x.authority_id, "")
        for x in s.exec(select(Session).where(Session.day_id == day_id)).all()
    }
    stages = s.exec(select(Stage).where(Stage.day_id == day_id).order_by(col(Stage.position))).all()
    minutes = [x.planned_minutes for x in stages]
    times = clock_times(day.start_time, minutes)
    limit = finish_limit_of(day)
    planned = tuple(
        PlannedStage(
            id=stored_id(stage.id),
            kind=stage.kind,
            title=stage.kind.label,
            planned_minutes=stage.planned_minutes,
            starts=times[i],
            presenter=presenters.get(stage.session_id, "") if stage.session_id else "",
            min_minutes=stage.min_minutes,
            session_id=stage.session_id,
        )
        for i, stage in enumerate(stages)
    )
    return DayPlan(
        summary=summary(s, day),
        facilitator=day.facilitator,
        participants=participants,
        stages=planned,
        finish=times[-1],
        start=day.start_time,
        finish_limit=limit,
        overrun_minutes=overrun_minutes(day.start_time, minutes, limit),
        lead_reviewer_problems=tuple(roster_problems(entries)),
        screen_break_offers=_screen_breaks(day, planned),
    )


def _screen_breaks(day: Day, stages: tuple[PlannedStage, ...]) -> tuple[ScreenBreakOffer, ...]:
    if day.mode is not DayMode.VIRTUAL:
        return ()
    slots = [SlotInfo(x.kind, x.planned_minutes, x.session_id) for x in stages]
    offers = []
    for index in screen_break_offers(slots):
        stage = stages[index]
        unbroken = _unbroken_minutes(slots, index)
        offers.append(
            ScreenBreakOffer(
                stage.id,
                f"A screen break after {stage.presenter}’s questioning: without one, people "
                f"are on screen for {describe_minutes(unbroken)} without a pause.",
            )
        )
    return tuple(offers)


def _unbroken_minutes(slots: list[SlotInfo], index: int) -> int:
    """Screen time from the last break before `index` to the next break (or the end)."""
    start = max((i + 1 for i in range(index) if slots[i].kind.is_break), default=0)
    end = next((i for i in range(index, len(slots)) if slots[i].kind.is_break), len(slots))
    return sum(slot.minutes for slot in slots[start:end])


def summary(s: DbSession, day: Day) -> DaySummary:
    cycle = s.get(Cycle, day.cycle_id) if day.cycle_id else None
    return _summary(day, cycle.name if cycle else "", _authority_names(s, day.id))


def every_summary(s: DbSession) -> list[DaySummary]:
    """Every day, by date: two queries however many days there are."""
    names: dict[int, list[str]] = {}
    for day_id, name in s.exec(
        select(DayAuthority.day_id, Authority.name)
        .join(Authority, col(DayAuthority.authority_id) == col(Authority.id))
        .order_by(col(DayAuthority.day_id), col(DayAuthority.position))
    ).all():
        names.setdefault(day_id, []).append(name)
    rows = s.exec(
        select(Day, Cycle.name)
        .join(Cycle, col(Day.cycle_id) == col(Cycle.id), isouter=True)
        .order_by(col(Day.date), col(Day.id))
    ).all()
    return [_summary(day, cycle or "", names.get(stored_id(day.id), [])) for day, cycle in rows]


def _authority_names(s: DbSession, day_id: int | None) -> list[str]:
    rows = s.exec(
        select(Authority.name)
        .join(DayAuthority, col(DayAuthority.authority_id) == col(Authority.id))
        .where(DayAuthority.day_id == day_id)
        .order_by(col(DayAuthority.position))
    ).all()
    return list(rows)


def _summary(day: Day, cycle_name: str, authorities: Sequence[str]) -> DaySummary:
    return DaySummary(
        id=stored_id(day.id),
        date=day.date,
        kind=day.kind,
        mode=day.mode,
        status=day.status,
        cycle_name=cycle_name,
        authorities=tuple(authorities),
        place=place_of(day.mode, day.venue, day.meeting_link),
        number=day.number,
    )
