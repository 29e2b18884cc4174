"""An invented region of peer challenge days, for measuring how far one database goes.

Twelve authorities (every name invented: no real council or person), a number of cycles
(ten by default, "2017–18" to "2026–27"), each with the days a region runs in a year
(eight by default: triads, every third day a quartet). Each day is built the way the
console builds it, through the domain API, with a fake clock moved stage by stage:

- the day planned (`Planner.create_day`), its DCS and teams changing slowly over the years;
- every stage started and ended by the conductor, the clock moved by its planned minutes;
- 120 to 180 bullets a day spread over the stages (`Notebook.add`), credited to the
  presenting authority, a visiting questioner or member, or nobody, as the console credits
  them; the presentation's risks, the reflection's actions, asks and offers routed to those
  items (`OutcomeRoute`), as typing them in the console does;
- questions from the bank marked asked, and a few 0–10 scale answers;
- follow-ups of some actions and asks, those of earlier years mostly done;
- optionally (`record_cycles`, the last cycles only) every session note and day summary
  exported once, so a Word version of each is kept in the database.

Deterministic: the same sizes and seed give the same region. No Qt.

    .venv/bin/python -m benchmarks.region [--cycles N] [--days N] [--records N] [--data PATH_OR_URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import select

from benchmarks.region_words import (
    AUTHORITIES,
    FACILITATORS,
    STAGE_SHARE,
    VENUES,
    People,
    bullet,
    tag_for,
)
from facilitator.common.clock import FakeClock
from facilitator.common.support_menu import SupportOption
from facilitator.common.vocabulary import (
    DayKind,
    DayMode,
    ExchangeKind,
    FollowUpStatus,
    NoteTag,
    StageKind,
)
from facilitator.planning.planner import NewDay
from facilitator.storage.models import Person
from facilitator.workspace import Workspace
from question_bank.model import Question, Theme


@dataclass(frozen=True)
class RegionSize:
    """How big a region to build; the defaults are a region's ten years."""

    cycles: int = 10
    days_per_cycle: int = 8
    bullets_per_day: tuple[int, int] = (120, 180)
    first_year: int = 2017
    # The last this many cycles get every record exported once (a Word version kept).
    record_cycles: int = 0
    seed: int = 18

    def cycle_name(self, index: int) -> str:
        year = self.first_year + index
        return f"{year}–{(year + 1) % 100:02d}"

    @property
    def cycle_names(self) -> list[str]:
        return [self.cycle_name(i) for i in range(self.cycles)]


@dataclass
class RegionFacts:
    """What was built, for the report."""

    day_ids: list[int] = field(default_factory=list)
    cycles: list[str] = field(default_factory=list)
    bullets_typed: int = 0
    records_exported: int = 0
    seconds: float = 0.0
    record_seconds: float = 0.0


def _kinds(size: RegionSize) -> list[DayKind]:
    return [
        DayKind.QUARTET if number % 3 == 0 else DayKind.TRIAD
        for number in range(1, size.days_per_cycle + 1)
    ]


def build_region(
    workspace: Workspace,
    size: RegionSize | None = None,
    folder: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> RegionFacts:
    """Builds the region in `workspace`, whose clock must be a FakeClock set before the
    first day (it is moved forward to each day in turn). `folder` takes the exported Word
    files when `size.record_cycles` asks for records (a temporary folder otherwise)."""
    size = size or RegionSize()
    clock = workspace.clock
    if not isinstance(clock, FakeClock):
        raise TypeError("build_region needs a workspace with a FakeClock")
    rng = random.Random(size.seed)
    people = People(rng)
    bank = workspace.bank.bank(include_hidden=True)
    questions = [
        (theme, q)
        for theme in bank.themes
        if theme.section == "signatures"
        for q in theme.questions
    ] or [(theme, q) for theme in bank.themes for q in theme.questions]
    scaled = [pair for pair in questions if pair[1].scale is not None] or questions
    facts = RegionFacts(cycles=size.cycle_names)
    started = time.perf_counter()
    order = list(range(len(AUTHORITIES)))
    to_do: list[tuple[int, dt.date]] = []
    with tempfile.TemporaryDirectory() as spare:
        out = folder or Path(spare)
        for index, cycle in enumerate(size.cycle_names):
            if index:
                people.new_year()
            rng.shuffle(order)
            at = 0
            year = size.first_year + index
            for number, kind in enumerate(_kinds(size), start=1):
                picked = [order[(at + k) % len(order)] for k in range(kind.authority_count)]
                at += kind.authority_count
                # Days from late September to June, on weekdays.
                date = dt.date(year, 9, 22) + dt.timedelta(days=35 * (number - 1))
                date += dt.timedelta(days=(7 - date.weekday()) % 7)  # a Monday
                day = _Day(cycle, number, kind, date, picked, rng.randint(*size.bullets_per_day))
                day_id, typed, done = _one_day(
                    workspace, clock, rng, people, day, questions, scaled
                )
                to_do += done
                to_do = _mark_done(workspace, to_do)
                facts.day_ids.append(day_id)
                facts.bullets_typed += typed
                if index >= size.cycles - size.record_cycles:
                    begun = time.perf_counter()
                    facts.records_exported += _export_records(workspace, day_id, out)
                    facts.record_seconds += time.perf_counter() - begun
            if progress is not None:
                progress(f"{cycle}: {len(facts.day_ids)} days")
    facts.seconds = time.perf_counter() - started
    return facts


@dataclass(frozen=True)
class _Day:
    cycle: str
    number: int
    kind: DayKind
    date: dt.date
    picked: Sequence[int]  # indexes into AUTHORITIES, in presenting order
    bullets: int


def _one_day(
    workspace: Workspace,
    clock: FakeClock,
    rng: random.Random,
    people: People,
    day: _Day,
    questions: Sequence[tuple[Theme, Question]],
    scaled: Sequence[tuple[Theme, Question]],
) -> tuple[int, int, list[tuple[int, dt.date]]]:
    """Plans and runs one day; its id, the bullets typed into it and its follow-ups to be
    done (id, date)."""
    entries = tuple(people.entry(*AUTHORITIES[i]) for i in day.picked)
    date = day.date
    day_id = workspace.planner.create_day(
        NewDay(
            date=date,
            kind=day.kind,
            mode=DayMode.VIRTUAL if rng.random() < 0.3 else DayMode.FACE_TO_FACE,
            authorities=entries,
            venue=rng.choice(VENUES),
            facilitator=rng.choice(FACILITATORS),
            cycle_name=day.cycle,
            number=day.number,
        )
    )
    plan = workspace.planner.day_plan(day_id)
    ids = {p.name: p.authority_id for p in plan.participants}
    with workspace.db.session_scope() as s:
        wanted = {p.authority_id: {m.name for m in p.team} | {p.dcs} for p in plan.participants}
        persons: dict[int, list[int]] = {a: [] for a in wanted}
        for person in s.exec(select(Person).where(Person.authority_id.in_(wanted))):  # type: ignore[union-attr]
            if person.authority_id is not None and person.name in wanted[person.authority_id]:
                persons[person.authority_id].append(int(person.id or 0))
    sessions = {
        info.authority_name: info.session_id
        for info in workspace.planner.presenting_sessions(day_id)
    }
    start = dt.datetime.combine(date, plan.start, tzinfo=dt.UTC)
    if clock.wall_now() < start:
        clock.jump_wall(start - clock.wall_now())
    bullets = day.bullets
    weights = {stage.id: STAGE_SHARE.get(stage.kind, 0.0) for stage in plan.stages}
    total = sum(weights.values()) or 1.0
    workspace.conductor.start_day(day_id)
    typed = 0
    used: set[str] = set()
    for stage in plan.stages:
        count = round(bullets * weights[stage.id] / total)
        presenter_id = ids.get(stage.presenter)
        visitors = [a for a in ids.values() if a != presenter_id]
        session_id = sessions.get(stage.presenter)
        step = stage.planned_minutes * 60 / (count + 1)
        for _ in range(count):
            clock.advance(step)
            tag = tag_for(rng, stage.kind)
            authority_id, person_id = _credit(rng, stage.kind, tag, presenter_id, visitors, persons)
            if tag is NoteTag.QUESTION and rng.random() < 0.5:
                text = rng.choice(questions)[1].text  # as the bank words it
            else:
                text = bullet(rng, used)
            note = workspace.notebook.add(
                stage.id, text, tag, authority_id=authority_id, person_id=person_id
            )
            typed += 1
            if note is not None:
                workspace.outcome_route.route(note)
        if session_id is not None and stage.kind is StageKind.QUESTIONING:
            for theme, question in rng.sample(list(questions), min(6, len(questions))):
                workspace.questions.mark_asked(
                    session_id,
                    question,
                    theme,
                    authority_id=rng.choice(visitors) if visitors else None,
                )
            for _, question in rng.sample(list(scaled), min(2, len(scaled))):
                workspace.questions.record_scale(
                    session_id,
                    question.id,
                    rng.randint(3, 9),
                    asked_by=rng.choice(visitors) if visitors else None,
                )
        clock.advance(max(0.0, stage.planned_minutes * 60 - step * count))
        workspace.conductor.advance(day_id)
    if workspace.conductor.state(day_id).status.value != "finished":
        workspace.conductor.end_day(day_id)
    done = _follow_up(workspace, rng, date, list(sessions.values()))
    return day_id, typed, done


def _credit(
    rng: random.Random,
    kind: StageKind,
    tag: NoteTag,
    presenter: int | None,
    visitors: Sequence[int],
    persons: dict[int, list[int]],
) -> tuple[int | None, int | None]:
    """Who a bullet is credited to, as the console's roles credit it."""
    if presenter is None:  # introductions, breaks, plenary
        return None, None
    if tag is NoteTag.QUESTION or kind is StageKind.AFFIRMATION:
        authority = rng.choice(visitors)
        return authority, rng.choice(persons[authority]) if persons.get(authority) else None
    if kind is StageKind.INSIGHTS:
        return None, None
    return presenter, None


def _follow_up(
    workspace: Workspace, rng: random.Random, date: dt.date, sessions: list[int]
) -> list[tuple[int, dt.date]]:
    """Some actions and asks followed up; the (follow-up id, date) of those that will be done
    (most of them), to mark once the clock has reached that date."""
    follow = workspace.follow_ups
    done: list[tuple[int, dt.date]] = []
    for session_id in sessions:
        for action in workspace.actions.for_session(session_id):
            if rng.random() < 0.5:
                due = date + dt.timedelta(days=rng.randint(30, 180))
                view = follow.track_action(action.id, due)
                if rng.random() < 0.85:
                    done.append((view.id, due - dt.timedelta(days=rng.randint(0, 20))))
        for exchange in workspace.exchanges.for_session(session_id):
            if exchange.kind is ExchangeKind.ASK and rng.random() < 0.5:
                due = date + dt.timedelta(days=rng.randint(30, 120))
                view = follow.agree_support(
                    exchange.id, rng.choice(list(SupportOption)), "Regional improvement lead", due
                )
                if rng.random() < 0.8:
                    done.append((view.id, due))
    return done


def _mark_done(workspace: Workspace, to_do: list[tuple[int, dt.date]]) -> list[tuple[int, dt.date]]:
    """Marks done the follow-ups whose date the clock has passed; the others, still to do."""
    today = workspace.follow_ups.today()
    for follow_up_id, on in to_do:
        if on <= today:
            workspace.follow_ups.set_status(follow_up_id, FollowUpStatus.DONE, on)
    return [(i, on) for i, on in to_do if on > today]


def _export_records(workspace: Workspace, day_id: int, folder: Path) -> int:
    from facilitator.records.exporting import RecordExports

    folder.mkdir(parents=True, exist_ok=True)
    exports = RecordExports(workspace)
    records = exports.day_records(day_id)
    for record in records:
        exports.export(record, folder / f"{day_id}-{record.file_stem}.docx")
    return len(records)


def main() -> None:
    from facilitator.storage.location import ServerAddress

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=RegionSize.cycles)
    parser.add_argument("--days", type=int, default=RegionSize.days_per_cycle)
    parser.add_argument("--records", type=int, default=0, help="cycles whose records to export")
    parser.add_argument("--data", default="", help="a data file or postgresql:// address")
    args = parser.parse_args()
    size = RegionSize(cycles=args.cycles, days_per_cycle=args.days, record_cycles=args.records)
    clock = FakeClock(dt.datetime(size.first_year, 9, 1, 8, tzinfo=dt.UTC))
    if not args.data:
        workspace = Workspace.in_memory(clock)
    elif args.data.startswith("postgres"):
        workspace = Workspace.open(ServerAddress.parse(args.data), clock)
    else:
        workspace = Workspace.open(Path(args.data), clock)
    try:
        facts = build_region(workspace, size, progress=print)
    finally:
        workspace.close()
    print(
        f"{len(facts.day_ids)} days, {facts.bullets_typed:,} bullets typed, "
        f"{facts.records_exported} records exported in {facts.seconds:.1f} s "
        f"({facts.record_seconds:.1f} s of it records)"
    )


if __name__ == "__main__":
    main()
