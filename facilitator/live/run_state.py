"""Where a running day stands: each stage's status and times, the running stage's timer, and
the finish the day is heading for against the one it planned.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlmodel import Session as DbSession

from facilitator.common.vocabulary import DayStatus, StageKind
from facilitator.live.timer import TimerState, elapsed_seconds
from facilitator.planning.agenda import clock_times
from facilitator.planning.agenda_edits import day_stages, finish_limit_of, get_day
from facilitator.planning.day_sessions import read_sessions
from facilitator.storage.models import Day, Stage
from facilitator.storage.rows import stored_id


class StageStatus(StrEnum):
    DONE = "done"
    NOW = "now"
    NEXT = "next"
    LATER = "later"


@dataclass(frozen=True)
class StageRun:
    id: int
    kind: StageKind
    title: str
    presenter: str
    presenter_id: int | None
    session_id: int | None
    planned_minutes: int
    min_minutes: int
    planned_start: dt.time
    started_at: dt.datetime | None
    ended_at: dt.datetime | None
    status: StageStatus

    @property
    def is_break(self) -> bool:
        return self.kind.is_break


@dataclass(frozen=True)
class RunState:
    day_id: int
    status: DayStatus
    stages: tuple[StageRun, ...]
    current_index: int | None
    timer: TimerState | None
    planned_finish: dt.datetime
    projected_finish: dt.datetime
    now: dt.datetime

    @property
    def current(self) -> StageRun | None:
        return self.stages[self.current_index] if self.current_index is not None else None

    @property
    def next(self) -> StageRun | None:
        after = (self.current_index + 1) if self.current_index is not None else 0
        pending = [s for s in self.stages[after:] if s.started_at is None]
        return pending[0] if pending and self.status is not DayStatus.FINISHED else None

    @property
    def drift_minutes(self) -> int:
        """Positive when the day is running late against its plan, negative when early."""
        seconds = (self.projected_finish - self.planned_finish).total_seconds()
        return round(seconds / 60)

    @property
    def drift_text(self) -> str:
        minutes = self.drift_minutes
        if minutes == 0:
            return "On time"
        word = "behind" if minutes > 0 else "ahead"
        return f"{abs(minutes)} min {word}"


def read_state(s: DbSession, day_id: int, now: dt.datetime, amber_share: float) -> RunState:
    """Where the day stands at `now`, inside the caller's unit of work."""
    day = get_day(s, day_id)
    stages = day_stages(s, day_id)
    presenters = _presenters(s, day_id)
    current = next((i for i, x in enumerate(stages) if x.started_at and not x.ended_at), None)
    starts = clock_times(day.start_time, [x.planned_minutes for x in stages])
    runs = []
    next_found = False
    for i, stage in enumerate(stages):
        if stage.ended_at is not None:
            status = StageStatus.DONE
        elif i == current:
            status = StageStatus.NOW
        elif not next_found and (current is None or i > current):
            status = StageStatus.NEXT
            next_found = True
        else:
            status = StageStatus.LATER
        name, authority_id = presenters.get(stage.session_id or -1, ("", None))
        runs.append(
            StageRun(
                id=stored_id(stage.id),
                kind=stage.kind,
                title=stage.kind.label,
                presenter=name,
                presenter_id=authority_id,
                session_id=stage.session_id,
                planned_minutes=stage.planned_minutes,
                min_minutes=stage.min_minutes,
                planned_start=starts[i],
                started_at=stage.started_at,
                ended_at=stage.ended_at,
                status=status,
            )
        )
    timer = None
    if current is not None:
        stage = stages[current]
        timer = TimerState(
            planned_seconds=stage.planned_minutes * 60,
            elapsed_seconds=elapsed_seconds(
                stage.started_at, None, stage.paused_at, stage.paused_seconds, now
            ),
            paused=stage.paused_at is not None,
            amber_share=amber_share,
        )
    planned, projected = _finishes(day, stages, starts, current, timer, now)
    return RunState(
        day_id=day_id,
        status=day.status,
        stages=tuple(runs),
        current_index=current,
        timer=timer,
        planned_finish=planned,
        projected_finish=projected,
        now=now,
    )


def _presenters(s: DbSession, day_id: int) -> dict[int, tuple[str, int]]:
    return {x.session_id: (x.authority_name, x.authority_id) for x in read_sessions(s, day_id)}


def _finishes(
    day: Day,
    stages: list[Stage],
    starts: list[dt.time],
    current: int | None,
    timer: TimerState | None,
    now: dt.datetime,
) -> tuple[dt.datetime, dt.datetime]:
    """The planned finish on the day it is run, and where the day is heading now."""
    first = next((x.started_at for x in stages if x.started_at is not None), None)
    local_now = now.astimezone()
    run_date = first.astimezone().date() if first else local_now.date()
    zone = local_now.tzinfo
    # Measured against the finish the day must keep (17.35 unless another is set).
    planned = dt.datetime.combine(run_date, finish_limit_of(day), tzinfo=zone)
    if first is None:
        return planned, planned
    if current is None:
        if all(x.ended_at is not None for x in stages):
            last = max(x.ended_at for x in stages if x.ended_at is not None)
            return planned, last.astimezone(zone)
        remaining = sum(x.planned_minutes for x in stages if x.started_at is None) * 60
        return planned, (now + dt.timedelta(seconds=remaining)).astimezone(zone)
    assert timer is not None
    later = sum(x.planned_minutes for x in stages[current + 1 :] if x.started_at is None) * 60
    ahead = max(0.0, timer.remaining_seconds) + later
    return planned, (now + dt.timedelta(seconds=ahead)).astimezone(zone)
