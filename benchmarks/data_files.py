"""Benchmark data files, built on disk through the real domain API and the same every time.

`fifty_days(path)`: 50 days across three cycles, triads and quartets, the earlier ones
finished (run stage by stage, each session with about 100 bullets, its questions, actions,
asks and offers) and the later ones planned. `quartet_day(path)`: one quartet day with four
sessions of 300 bullets each, spread over the stages and tags as a facilitator types them.

Every name here is invented. The clock is a fixed one of our own, so two builds of a file
hold the same rows. Building goes through the domain one bullet at a time (about 1.5 minutes
for both), so `cached` keeps each built file in ~/.cache/balcony-benchmarks, under a key made
from this module and the storage code; set BALCONY_BENCH_FRESH=1 to build afresh.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from facilitator.common.vocabulary import (
    DayKind,
    DayMode,
    DayStatus,
    ExchangeKind,
    ExchangeScope,
    NoteTag,
    PlenaryQuestion,
    StageKind,
)
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.planning.planner import AuthorityEntry, NewDay, TeamMember
from facilitator.workspace import Workspace

QUARTET_BULLETS = 300
FINISHED_DAY_BULLETS = 100
DAYS = 50
CYCLES = ("Cycle 2024–2025", "Cycle 2025–2026", "Cycle 2026–2027")

# How a session's bullets spread over its stages, with the tags typed there.
SPREAD: tuple[tuple[StageKind, tuple[NoteTag, ...]], ...] = (
    (StageKind.PRESENTATION, (NoteTag.RISK, NoteTag.NOTE)),
    (StageKind.QUESTIONING, (NoteTag.NOTE, NoteTag.NOTE, NoteTag.QUESTION, NoteTag.NOTE)),
    (StageKind.QUESTIONING, (NoteTag.NOTE, NoteTag.NOTE, NoteTag.NOTE)),
    (StageKind.AFFIRMATION, (NoteTag.STRENGTH,)),
    (StageKind.INSIGHTS, (NoteTag.INSIGHT, NoteTag.BEST_PRACTICE, NoteTag.SYSTEMIC_ISSUE)),
    (StageKind.REACTION, (NoteTag.NOTE,)),
    (StageKind.REFLECTION, (NoteTag.NOTE, NoteTag.ACTION)),
)
_TEXT = (
    "caseloads placement sufficiency front door early help workforce stability leadership "
    "budget corporate parenting voice of the child audit quality assurance edge of care"
)
WORDS = _TEXT.split()

# Invented authorities and directors for the fifty days (name, short name, DCS).
POOL = (
    ("Upton", "UP", "Nadia Fairbairn"),
    ("Lowmoor", "LM", "Owen Castellan"),
    ("Isle of Wren", "IW", "Owen Castellan"),
    ("Redbank", "RB", "Beth Marchetti"),
    ("Ashvale", "AV", "Priya Ellwood"),
    ("Brackenmoor", "BM", "Tom Hallworth"),
    ("Corriford", "CF", "Grace Adeyemi-Lowe"),
    ("Dunhollow", "DH", "Samir Okonkwo-Reid"),
    ("Eastwick Vale", "EV", "Ffion Lasseter"),
    ("Fenbridge", "FB", "Marek Tollinson"),
    ("Glenmarsh", "GM", "Ada Pemberly"),
    ("Hartsend", "HE", "Kwame Ashdown"),
    ("Kestle", "KS", "Iona Blackwood"),
    ("Merrowdale", "MD", "Dev Chaudry-Hale"),
)
TEAM = (TeamMember("Lena Corr", "Assistant Director"), TeamMember("Ravi Holm", "PSW"))


class FixedClock:
    """A clock that says what it is told: each day is run on its own date."""

    def __init__(self, wall: dt.datetime) -> None:
        self.wall = wall
        self.mono = 1000.0

    def now(self) -> float:
        return self.mono

    def wall_now(self) -> dt.datetime:
        return self.wall

    def set(self, wall: dt.datetime) -> None:
        self.mono += max(1.0, abs((wall - self.wall).total_seconds()))
        self.wall = wall


def sentence(session: int, number: int) -> str:
    words = [WORDS[(number * 7 + i * 3 + session) % len(WORDS)] for i in range(12)]
    return f"{' '.join(words).capitalize()} (session {session + 1}, bullet {number + 1})."


def fill_sessions(ws: Workspace, day_id: int, bullets: int) -> list[int]:
    """Types `bullets` bullets into every presenting session of a day, with the questions,
    scales, focus risks, actions, asks, offers and plenary answers a real day has."""
    plan = ws.planner.day_plan(day_id)
    ids = [p.authority_id for p in plan.participants]
    bank = ws.bank.bank()
    sessions = [s.session_id for s in presenting_sessions(ws.db, day_id)]
    for index, session_id in enumerate(sessions):
        stages = {s.kind: s.id for s in plan.stages if s.session_id == session_id}
        for number in range(bullets):
            kind, tags = SPREAD[number % len(SPREAD)]
            ws.notebook.add(stages[kind], sentence(index, number), tags[number % len(tags)])
        for question_id in ("budget-02", "learning-culture-01", "workforce-01"):
            question = bank.question(question_id)
            ws.questions.mark_asked(session_id, question, bank.theme(question.theme_id))
        ws.questions.record_scale(session_id, "budget-02", 6, asked_by=ids[(index + 1) % len(ids)])
        ws.questions.pin(session_id, "budget")
        for number in range(5):
            ws.actions.add(session_id, f"Action {number + 1} of session {index + 1}", "DCS")
        ws.exchanges.add(session_id, ExchangeKind.ASK, ids[index], f"Ask {index}", "Detail")
        ws.exchanges.add(
            session_id,
            ExchangeKind.OFFER,
            ids[index],
            f"Offer {index}",
            scope=ExchangeScope.BILATERAL,
            counterpart_id=ids[(index + 1) % len(ids)],
        )
    for number in range(5):
        ws.plenary.add(day_id, PlenaryQuestion.PRIORITIES, f"Priority {number + 1}")
    return sessions


def add_quartet(ws: Workspace, bullets: int = QUARTET_BULLETS) -> tuple[int, list[int]]:
    """The quartet day of the export and memory benchmarks, in any workspace."""
    day_id = ws.planner.create_day(
        NewDay(
            date=dt.date(2027, 3, 9),
            kind=DayKind.QUARTET,
            mode=DayMode.FACE_TO_FACE,
            authorities=(
                AuthorityEntry("Upton", "UP", "Nadia Fairbairn", TEAM),
                AuthorityEntry("Lowmoor", "LM", "Owen Castellan"),
                AuthorityEntry("Isle of Wren", "IW", "Owen Castellan"),
                AuthorityEntry("Redbank", "RB", "Beth Marchetti"),
            ),
            venue="Lowmoor Civic Hall",
            facilitator="Idris Penhallow",
            cycle_name="Bench cycle",
            number=1,
        )
    )
    return day_id, fill_sessions(ws, day_id, bullets)


def quartet_day(path: Path) -> int:
    """A data file at `path` holding one quartet day, 4 sessions × 300 bullets; its id."""
    clock = FixedClock(dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC))
    ws = Workspace.open(path, clock)
    try:
        day_id, _ = add_quartet(ws)
    finally:
        ws.close()
    return day_id


def run_through(ws: Workspace, clock: FixedClock, day_id: int, date: dt.date) -> None:
    """Runs a day from its first stage to its last, each for its planned minutes."""
    plan = ws.planner.day_plan(day_id)
    clock.set(dt.datetime.combine(date, plan.start, tzinfo=dt.UTC))
    ws.conductor.start_day(day_id)
    for stage in plan.stages:
        clock.set(clock.wall + dt.timedelta(minutes=stage.planned_minutes))
        if ws.conductor.state(day_id).status is not DayStatus.RUNNING:
            break
        ws.conductor.advance(day_id)
    if ws.conductor.state(day_id).status is not DayStatus.FINISHED:
        ws.conductor.end_day(day_id)


def fifty_days(path: Path) -> list[int]:
    """A data file at `path` with 50 days in three cycles; the first 30 finished, with
    about 100 bullets a session, the rest planned. Returns the days' ids."""
    clock = FixedClock(dt.datetime(2024, 9, 1, 9, 0, tzinfo=dt.UTC))
    ws = Workspace.open(path, clock)
    ids = []
    try:
        for number in range(DAYS):
            cycle = number * len(CYCLES) // DAYS
            quartet = number % 3 == 2
            size = 4 if quartet else 3
            chosen = [POOL[(number * 5 + k * 3) % len(POOL)] for k in range(size)]
            date = dt.date(2024 + cycle, 9, 15) + dt.timedelta(days=7 * (number % 17))
            clock.set(dt.datetime.combine(date - dt.timedelta(days=30), dt.time(9), dt.UTC))
            day_id = ws.planner.create_day(
                NewDay(
                    date=date,
                    kind=DayKind.QUARTET if quartet else DayKind.TRIAD,
                    mode=DayMode.VIRTUAL if number % 4 == 1 else DayMode.FACE_TO_FACE,
                    authorities=tuple(
                        AuthorityEntry(name, short, dcs, TEAM if k == 0 else ())
                        for k, (name, short, dcs) in enumerate(chosen)
                    ),
                    venue="" if number % 4 == 1 else f"{chosen[0][0]} Town Hall",
                    facilitator="Idris Penhallow",
                    cycle_name=CYCLES[cycle],
                    number=number % 17 + 1,
                )
            )
            ids.append(day_id)
            if number < 30:
                fill_sessions(ws, day_id, FINISHED_DAY_BULLETS)
                run_through(ws, clock, day_id, date)
    finally:
        ws.close()
    return ids


def _cache_key(builder: Callable[[Path], object]) -> str:
    digest = hashlib.sha256(builder.__name__.encode())
    here = Path(__file__).resolve()
    for source in (here, *sorted((here.parents[1] / "facilitator" / "storage").glob("*.py"))):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def cached(builder: Callable[[Path], object], path: Path) -> object:
    """`builder(path)`, or a copy of the file an earlier identical build left in the cache;
    either way the file is at `path` and what the builder returned is returned."""
    folder = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "balcony-benchmarks"
    stored = folder / f"{builder.__name__}-{_cache_key(builder)}.sqlite"
    answer = stored.with_suffix(".json")
    if stored.is_file() and answer.is_file() and not os.environ.get("BALCONY_BENCH_FRESH"):
        shutil.copyfile(stored, path)
        return json.loads(answer.read_text(encoding="utf-8"))
    result = builder(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"{builder.__name__}-*"):
            old.unlink()
        shutil.copyfile(path, stored)
        answer.write_text(json.dumps(result), encoding="utf-8")
    except OSError:
        pass  # no cache: the next run builds again
    return result


if __name__ == "__main__":
    import tempfile
    import time

    with tempfile.TemporaryDirectory() as folder:
        for build in (quartet_day, fifty_days):
            started = time.perf_counter()
            build(Path(folder) / f"{build.__name__}.sqlite")
            size = (Path(folder) / f"{build.__name__}.sqlite").stat().st_size
            print(f"{build.__name__}: {time.perf_counter() - started:.1f} s, {size:,} bytes")
