"""The handbook's timetable as a template, and the clock arithmetic of a day's plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.vocabulary import StageKind


@dataclass(frozen=True)
class StageTemplate:
    kind: StageKind
    minutes: int
    min_minutes: int


# The handbook's team-coaching model: 15 + 70 + 5 + 15 + 10 + 10 = 125 minutes.
SESSION_STAGES: tuple[StageTemplate, ...] = (
    StageTemplate(StageKind.PRESENTATION, 15, 10),
    StageTemplate(StageKind.QUESTIONING, 70, 30),
    StageTemplate(StageKind.AFFIRMATION, 5, 3),
    StageTemplate(StageKind.INSIGHTS, 15, 10),
    StageTemplate(StageKind.REACTION, 10, 5),
    StageTemplate(StageKind.REFLECTION, 10, 5),
)
INTRODUCTIONS = StageTemplate(StageKind.INTRODUCTIONS, 15, 5)
LUNCH = StageTemplate(StageKind.LUNCH, 40, 30)
TEA = StageTemplate(StageKind.TEA, 10, 10)
PLENARY = StageTemplate(StageKind.PLENARY, 15, 10)
DEFAULT_START = dt.time(10, 0)


@dataclass(frozen=True)
class AgendaItem:
    """One row of a day's plan. `session_index` is the presenter's 0-based place, if any."""

    kind: StageKind
    minutes: int
    min_minutes: int
    session_index: int | None


def default_agenda(session_count: int) -> list[AgendaItem]:
    """Introductions, the sessions with lunch after the first and tea after the second, plenary."""
    items = [AgendaItem(INTRODUCTIONS.kind, INTRODUCTIONS.minutes, INTRODUCTIONS.min_minutes, None)]
    for index in range(session_count):
        items.extend(
            AgendaItem(stage.kind, stage.minutes, stage.min_minutes, index)
            for stage in SESSION_STAGES
        )
        pause = {0: LUNCH, 1: TEA}.get(index) if index < session_count - 1 else None
        if pause is not None:
            items.append(AgendaItem(pause.kind, pause.minutes, pause.min_minutes, None))
    items.append(AgendaItem(PLENARY.kind, PLENARY.minutes, PLENARY.min_minutes, None))
    return items


def clock_times(start: dt.time, minutes: Sequence[int]) -> list[dt.time]:
    """The planned clock time at which each item starts, then the finish time last."""
    moment = dt.datetime.combine(dt.date(2000, 1, 1), start)
    times = [moment.time()]
    for length in minutes:
        moment += dt.timedelta(minutes=length)
        times.append(moment.time())
    return times
