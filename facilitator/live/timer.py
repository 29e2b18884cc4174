"""Stage time from stored moments and a clock: never a count of ticks.

A stage's elapsed time is (end or now) − start − time spent paused. "Now" comes from a
SteadyNow, which follows the monotonic clock while the app runs (so a wall clock put back
never eats into a stage) yet lets the wall clock win when it has moved further (a laptop
asleep over lunch: that time really passed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from facilitator.common.clock import Clock

DEFAULT_AMBER_SHARE = 0.2


class Phase(StrEnum):
    WAITING = "waiting"
    RUNNING = "running"
    AMBER = "amber"
    OVERRUN = "overrun"


class SteadyNow:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._wall = clock.wall_now()
        self._mono = clock.now()

    def __call__(self) -> dt.datetime:
        wall = self._clock.wall_now()
        mono_delta = self._clock.now() - self._mono
        wall_delta = (wall - self._wall).total_seconds()
        return self._wall + dt.timedelta(seconds=max(mono_delta, wall_delta))


def elapsed_seconds(
    started_at: dt.datetime | None,
    ended_at: dt.datetime | None,
    paused_at: dt.datetime | None,
    paused_seconds: float,
    now: dt.datetime,
) -> float:
    if started_at is None:
        return 0.0
    end = ended_at or paused_at or now
    return max(0.0, (end - started_at).total_seconds() - paused_seconds)


@dataclass(frozen=True)
class TimerState:
    planned_seconds: float
    elapsed_seconds: float
    paused: bool = False
    started: bool = True
    amber_share: float = DEFAULT_AMBER_SHARE

    @property
    def remaining_seconds(self) -> float:
        return self.planned_seconds - self.elapsed_seconds

    @property
    def overrun_seconds(self) -> float:
        return max(0.0, -self.remaining_seconds)

    @property
    def phase(self) -> Phase:
        if not self.started:
            return Phase.WAITING
        if self.remaining_seconds < 0:
            return Phase.OVERRUN
        if self.remaining_seconds <= self.amber_share * self.planned_seconds:
            return Phase.AMBER
        return Phase.RUNNING

    @property
    def display(self) -> str:
        """ "12:05" counting down; "+3:10" counting the overrun up."""
        if self.remaining_seconds < 0:
            return "+" + _minutes_seconds(self.overrun_seconds)
        # Round up, so the display reaches 0:00 only when the time is really up.
        return _minutes_seconds(-(-self.remaining_seconds // 1))


def _minutes_seconds(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
