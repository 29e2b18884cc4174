"""The handbook's timetable as a template, and the clock arithmetic of a day's plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.common.vocabulary import DayMode, StageKind

MINUTES_PER_DAY = 24 * 60


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
SESSION_KINDS = frozenset(stage.kind for stage in SESSION_STAGES)
INTRODUCTIONS = StageTemplate(StageKind.INTRODUCTIONS, 15, 5)
LUNCH = StageTemplate(StageKind.LUNCH, 40, 30)
TEA = StageTemplate(StageKind.TEA, 10, 10)
# A quartet's fourth session needs a third pause; on a virtual day it is a screen break.
SHORT_TEA = StageTemplate(StageKind.TEA, 10, 5)
SCREEN_BREAK = StageTemplate(StageKind.SCREEN_BREAK, 10, 5)
PLENARY = StageTemplate(StageKind.PLENARY, 15, 10)
DEFAULT_START = dt.time(10, 0)
# Every day has a finish limit: the handbook's 17.35 unless the facilitator sets another.
# A day stored with none (before limits were on by default) reads as this one.
DEFAULT_FINISH_LIMIT = dt.time(17, 35)

# The quartet of a working day (docs/quartet-timing.md): 09.00 to 17.35, four sessions of
# 110 minutes, a five-minute changeover, lunch at 13.00 and tea at 15.20.
QUARTET_START = dt.time(9, 0)
QUARTET_STAGE_MINUTES: dict[StageKind, int] = {
    StageKind.PRESENTATION: 15,
    StageKind.QUESTIONING: 60,
    StageKind.AFFIRMATION: 5,
    StageKind.INSIGHTS: 15,
    StageKind.REACTION: 5,
    StageKind.REFLECTION: 10,
}
QUARTET_LUNCH = StageTemplate(StageKind.LUNCH, 30, 30)
QUARTET_TEA = StageTemplate(StageKind.TEA, 10, 10)
# Beyond this, a virtual day's agenda offers a screen break inside the session.
MAX_UNBROKEN_SCREEN_MINUTES = 90


@dataclass(frozen=True)
class AgendaItem:
    """One row of a day's plan. `session_index` is the presenter's 0-based place, if any."""

    kind: StageKind
    minutes: int
    min_minutes: int
    session_index: int | None


def break_after_session(index: int, mode: DayMode) -> StageTemplate:
    """Lunch after the first session, tea after the second, then a short pause."""
    if index == 0:
        return LUNCH
    if index == 1:
        return TEA
    return SCREEN_BREAK if mode is DayMode.VIRTUAL else SHORT_TEA


def default_start(session_count: int) -> dt.time:
    """When a new day starts: the handbook's 10.00, or 09.00 for a quartet."""
    return QUARTET_START if session_count == 4 else DEFAULT_START


def default_agenda(session_count: int, mode: DayMode = DayMode.FACE_TO_FACE) -> list[AgendaItem]:
    """A new day's agenda: the quartet template for four sessions, else the handbook's."""
    if session_count == 4:
        return quartet_agenda(mode)
    return handbook_agenda(session_count, mode)


def quartet_agenda(mode: DayMode = DayMode.FACE_TO_FACE) -> list[AgendaItem]:
    """The quartet template: from QUARTET_START it ends at 17.35, every stage at or above
    its minimum and every time on a five-minute mark (docs/quartet-timing.md)."""
    pauses = (
        SCREEN_BREAK if mode is DayMode.VIRTUAL else SHORT_TEA,
        QUARTET_LUNCH,
        QUARTET_TEA,
    )
    items = [AgendaItem(INTRODUCTIONS.kind, INTRODUCTIONS.minutes, INTRODUCTIONS.min_minutes, None)]
    for index in range(4):
        items.extend(
            AgendaItem(stage.kind, QUARTET_STAGE_MINUTES[stage.kind], stage.min_minutes, index)
            for stage in SESSION_STAGES
        )
        if index < 3:
            pause = pauses[index]
            # The changeover after the first session is five minutes, its minimum.
            minutes = pause.min_minutes if index == 0 else pause.minutes
            items.append(AgendaItem(pause.kind, minutes, pause.min_minutes, None))
    items.append(AgendaItem(PLENARY.kind, PLENARY.minutes, PLENARY.min_minutes, None))
    return items


def handbook_agenda(session_count: int, mode: DayMode = DayMode.FACE_TO_FACE) -> list[AgendaItem]:
    """Introductions, the handbook's sessions with a break between each two, the plenary."""
    items = [AgendaItem(INTRODUCTIONS.kind, INTRODUCTIONS.minutes, INTRODUCTIONS.min_minutes, None)]
    for index in range(session_count):
        items.extend(
            AgendaItem(stage.kind, stage.minutes, stage.min_minutes, index)
            for stage in SESSION_STAGES
        )
        if index < session_count - 1:
            pause = break_after_session(index, mode)
            items.append(AgendaItem(pause.kind, pause.minutes, pause.min_minutes, None))
    items.append(AgendaItem(PLENARY.kind, PLENARY.minutes, PLENARY.min_minutes, None))
    return items


def minutes_of(moment: dt.time) -> int:
    return moment.hour * 60 + moment.minute


def clock_at(minutes: int) -> dt.time:
    """The clock time `minutes` after midnight; an agenda past midnight wraps round."""
    minutes %= MINUTES_PER_DAY
    return dt.time(minutes // 60, minutes % 60)


def clock_times(start: dt.time, minutes: Sequence[int]) -> list[dt.time]:
    """The planned clock time at which each item starts, then the finish time last."""
    moment = minutes_of(start)
    times = [clock_at(moment)]
    for length in minutes:
        moment += length
        times.append(clock_at(moment))
    return times


def format_clock(moment: dt.time) -> str:
    """The handbook writes times as 17.35."""
    return moment.strftime("%H.%M")


def describe_minutes(minutes: int) -> str:
    """135 → "2 hours 15 minutes", as a person would say it."""
    hours, rest = divmod(abs(minutes), 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


@dataclass(frozen=True)
class SlotInfo:
    """What the screen-break rule needs to know about one item of a day's agenda."""

    kind: StageKind
    minutes: int
    session_key: int | None


def screen_break_offers(items: Sequence[SlotInfo]) -> list[int]:
    """Indexes of questioning stages after which a virtual day would want a screen break.

    A session with no break inside it is offered one after its questioning when people
    would otherwise sit in front of a screen for more than MAX_UNBROKEN_SCREEN_MINUTES.
    """
    offers: list[int] = []
    unbroken = 0
    for index, item in enumerate(items):
        if item.kind.is_break:
            unbroken = 0
            continue
        unbroken += item.minutes
        if item.kind is not StageKind.QUESTIONING or item.session_key is None:
            continue
        session_end = _session_end(items, index)
        rest = sum(i.minutes for i in items[index + 1 : session_end + 1])
        breaks_inside = any(i.kind.is_break for i in items[index + 1 : session_end + 1])
        if not breaks_inside and unbroken + rest > MAX_UNBROKEN_SCREEN_MINUTES:
            offers.append(index)
    return offers


def _session_end(items: Sequence[SlotInfo], index: int) -> int:
    key = items[index].session_key
    return max(i for i, item in enumerate(items) if item.session_key == key)
