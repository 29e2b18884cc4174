"""Fitting a day's agenda to its finish limit, as a facilitator would.

Start earlier (never before EARLIEST_START); shorten the breaks and lunch towards their
minimums; then trim the sessions, questioning first, never below a stage's minimum; or
agree to finish later. Introductions and the plenary keep their length. Every choice keeps
the times on five-minute marks. `shorten_proportionally` is the live re-plan's cut.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from facilitator.common.vocabulary import StageKind
from facilitator.planning.agenda import (
    SESSION_KINDS,
    clock_at,
    clock_times,
    describe_minutes,
    format_clock,
    minutes_of,
)

EARLIEST_START = dt.time(8, 30)
EARLIEST_MINUTE = minutes_of(EARLIEST_START)
MARK = 5
# After the breaks, the session stages a fit trims, in turn: questioning first.
TRIM_ORDER = (
    StageKind.QUESTIONING,
    StageKind.REACTION,
    StageKind.INSIGHTS,
    StageKind.REFLECTION,
    StageKind.PRESENTATION,
    StageKind.AFFIRMATION,
)
TRIM_TITLE = "Shorten the breaks and lunch, then trim the sessions (questioning first)"


@dataclass(frozen=True)
class FitItem:
    minutes: int
    min_minutes: int
    kind: StageKind

    @property
    def can_shrink(self) -> bool:
        return self.kind in SESSION_KINDS

    @property
    def floor(self) -> int:
        """The shortest this item may become; never longer than it already is."""
        return min(self.minutes, max(1, self.min_minutes))


class FitWay(StrEnum):
    """What a facilitator would do about a day that runs late, in the order offered."""

    START_EARLIER = "start earlier"
    SHORTEN_BREAKS = "shorten breaks"
    TRIM = "trim"
    EARLIER_AND_TRIM = "earlier and trim"
    FINISH_LATER = "finish later"


@dataclass(frozen=True)
class FitChoice:
    """One way to fit: the day's new start, every item's new length, and its limit after."""

    way: FitWay
    title: str
    start: dt.time
    minutes: tuple[int, ...]
    limit: dt.time

    @property
    def times(self) -> list[dt.time]:
        """Each item's new start, then the new finish: the preview."""
        return clock_times(self.start, self.minutes)

    @property
    def finish(self) -> dt.time:
        return self.times[-1]


@dataclass(frozen=True)
class FitOptions:
    """The ways to fit a day that runs past its finish limit; each choice is previewed."""

    start: dt.time
    limit: dt.time
    finish: dt.time
    overrun_minutes: int
    choices: tuple[FitChoice, ...]
    shortest_finish: dt.time

    @property
    def warning(self) -> str:
        return overrun_warning(self.finish, self.limit, self.overrun_minutes)

    @property
    def impossible(self) -> str:
        """Why no shortening (nor an earlier start) meets the limit, or "" when one does."""
        if any(c.way is not FitWay.FINISH_LATER for c in self.choices):
            return ""
        return (
            f"Even with every break and stage at its minimum the day ends at "
            f"{format_clock(self.shortest_finish)}, after the limit of {format_clock(self.limit)}."
        )

    def choice(self, way: FitWay) -> FitChoice | None:
        return next((c for c in self.choices if c.way is way), None)


def overrun_warning(finish: dt.time, limit: dt.time, overrun_minutes: int) -> str:
    return (
        f"The day finishes at {format_clock(finish)}, {describe_minutes(overrun_minutes)} "
        f"after the limit of {format_clock(limit)}."
    )


def overrun_notice(finish: dt.time, limit: dt.time, overrun_minutes: int) -> str:
    """The line an exported agenda opens with when its plan runs late."""
    return (
        f"This plan ends at {format_clock(finish)}, {describe_minutes(overrun_minutes)} "
        f"after the {format_clock(limit)} finish limit."
    )


def overrun_minutes(start: dt.time, minutes: Sequence[int], limit: dt.time | None) -> int:
    """How far past the limit the day finishes (0 when it fits or there is no limit)."""
    if limit is None:
        return 0
    return max(0, minutes_of(start) + sum(minutes) - minutes_of(limit))


def fit_to_limit(items: Sequence[FitItem], start: dt.time, limit: dt.time) -> FitOptions | None:
    """The ways to fit a day that runs past `limit`, or None when it already fits.

    Every choice keeps each time on a five-minute mark: the start is taken down to one and
    a length that is not a multiple of five is rounded to one. Breaks shrink before any
    stage; then questioning, in every session alike; then the other session stages.
    """
    total = sum(item.minutes for item in items)
    overrun = overrun_minutes(start, [total], limit)
    if overrun == 0:
        return None
    begin = _mark_below(minutes_of(start))
    end = minutes_of(limit)
    base = [_snapped(item.minutes) for item in items]
    floors = [min(length, _floor(item)) for item, length in zip(items, base, strict=True)]
    choices: list[FitChoice] = []

    def offer(way: FitWay, title: str, at: int, minutes: Sequence[int]) -> None:
        choices.append(FitChoice(way, title, clock_at(at), tuple(minutes), limit))

    earlier = min(begin, _mark_below(end - sum(base)))
    if earlier >= EARLIEST_MINUTE:
        offer(
            FitWay.START_EARLIER,
            f"Start earlier, at {format_clock(clock_at(earlier))}",
            earlier,
            base,
        )
    breaks, left = _shorten_breaks(items, base, floors, begin + sum(base) - end)
    if left <= 0:
        offer(FitWay.SHORTEN_BREAKS, "Shorten the breaks and lunch", begin, breaks)
    else:
        trimmed, left = _trim_stages(items, breaks, floors, left)
        if left <= 0:
            offer(FitWay.TRIM, TRIM_TITLE, begin, trimmed)
        if earlier < EARLIEST_MINUTE < begin:
            need = EARLIEST_MINUTE + sum(base) - end
            both, left = _shorten_breaks(items, base, floors, need)
            both, left = _trim_stages(items, both, floors, left)
            if left <= 0:
                title = f"Start at {format_clock(EARLIEST_START)}, then {TRIM_TITLE.lower()}"
                offer(FitWay.EARLIER_AND_TRIM, title, EARLIEST_MINUTE, both)
    later = _mark_above(begin + sum(base))
    choices.append(
        FitChoice(
            FitWay.FINISH_LATER,
            f"Finish later, at {format_clock(clock_at(later))}",
            clock_at(begin),
            tuple(base),
            clock_at(later),
        )
    )
    shortest = sum(
        f if item.can_shrink or item.kind.is_break else b
        for item, f, b in zip(items, floors, base, strict=True)
    )
    return FitOptions(
        start=start,
        limit=limit,
        finish=clock_at(minutes_of(start) + total),
        overrun_minutes=overrun,
        choices=tuple(choices),
        shortest_finish=clock_at(begin + shortest),
    )


def _mark_below(minute: int) -> int:
    return minute - minute % MARK


def _mark_above(minute: int) -> int:
    return -(-minute // MARK) * MARK


def _snapped(minutes: int) -> int:
    """The nearest multiple of five (halves up), and never less than five."""
    return max(MARK, (minutes + MARK // 2) // MARK * MARK)


def _floor(item: FitItem) -> int:
    """The shortest a fit makes an item: its minimum, up to a five-minute mark."""
    return max(MARK, _mark_above(item.min_minutes))


def _shorten_breaks(
    items: Sequence[FitItem], minutes: Sequence[int], floors: Sequence[int], need: int
) -> tuple[list[int], int]:
    """Five minutes at a time from the break with most to spare (lunch first on a tie with a
    later break); returns the new lengths and what is still to find."""
    result = list(minutes)
    breaks = [i for i, item in enumerate(items) if item.kind.is_break]
    while need > 0:
        spare = [i for i in breaks if result[i] - MARK >= floors[i]]
        if not spare:
            break
        i = max(spare, key=lambda j: (result[j] - floors[j], -j))
        result[i] -= MARK
        need -= MARK
    return result, need


def _trim_stages(
    items: Sequence[FitItem], minutes: Sequence[int], floors: Sequence[int], need: int
) -> tuple[list[int], int]:
    """Session stages, kind by kind in TRIM_ORDER (questioning first), five minutes from
    every session at once so each authority keeps as long as the others. That can cut a
    few minutes more than needed: the day then ends a little before its limit."""
    result = list(minutes)
    for kind in TRIM_ORDER:
        same = [i for i, item in enumerate(items) if item.kind is kind and item.can_shrink]
        while need > 0:
            spare = [i for i in same if result[i] - MARK >= floors[i]]
            if not spare:
                break
            for i in spare:
                result[i] -= MARK
                need -= MARK
    return result, need


def shorten_proportionally(items: Sequence[FitItem], cut: int) -> tuple[int, ...] | None:
    """New minutes for every item, the shrinkable ones cut by `cut` minutes in all.

    Each shrinkable stage loses the same share of its length; a stage that would fall
    below its minimum stays at its minimum and the others give up what it could not.
    Whole minutes: the largest fractions are rounded up (earlier stages first on a tie),
    so the total is exact and the answer is always the same. None when impossible.
    """
    if cut <= 0:
        return tuple(item.minutes for item in items)
    shrinkable = [i for i, item in enumerate(items) if item.can_shrink]
    target = sum(items[i].minutes for i in shrinkable) - cut
    if target < sum(items[i].floor for i in shrinkable):
        return None
    at_floor: set[int] = set()
    scale = Fraction(0)
    while True:
        free = [i for i in shrinkable if i not in at_floor]
        free_total = sum(items[i].minutes for i in free)
        if free_total == 0:
            break
        budget = target - sum(items[i].floor for i in at_floor)
        scale = Fraction(budget, free_total)
        too_short = {i for i in free if items[i].minutes * scale < items[i].floor}
        if not too_short:
            break
        at_floor |= too_short
    exact = {
        i: Fraction(items[i].floor) if i in at_floor else items[i].minutes * scale
        for i in shrinkable
    }
    whole = {i: math.floor(value) for i, value in exact.items()}
    spare = target - sum(whole.values())
    by_fraction = sorted(shrinkable, key=lambda i: (-(exact[i] - whole[i]), i))
    for i in by_fraction[:spare]:
        whole[i] += 1
    return tuple(whole.get(i, item.minutes) for i, item in enumerate(items))
