"""Fitting a day's agenda to a finish limit: start earlier, shorten stages, or finish later.

Only the stages of the presenting sessions shrink. Introductions, breaks and the plenary
keep their length: people need lunch whatever happens, and the plenary is already short.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from facilitator.common.vocabulary import StageKind
from facilitator.planning.agenda import (
    SESSION_KINDS,
    clock_at,
    describe_minutes,
    format_clock,
    minutes_of,
)


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


@dataclass(frozen=True)
class FitOptions:
    """Three ways to end a day by its finish limit; `shortened` is None when impossible."""

    start: dt.time
    limit: dt.time
    finish: dt.time
    overrun_minutes: int
    earlier_start: dt.time | None
    shortened: tuple[int, ...] | None
    shortest_finish: dt.time

    @property
    def finish_later(self) -> dt.time:
        return self.finish

    @property
    def warning(self) -> str:
        return overrun_warning(self.finish, self.limit, self.overrun_minutes)

    @property
    def impossible(self) -> str:
        """Why shortening cannot meet the limit, or "" when it can."""
        if self.shortened is not None:
            return ""
        return (
            f"Even at every stage’s minimum the day ends at {format_clock(self.shortest_finish)}, "
            f"after the limit of {format_clock(self.limit)}."
        )


def overrun_warning(finish: dt.time, limit: dt.time, overrun_minutes: int) -> str:
    return (
        f"The day finishes at {format_clock(finish)}, {describe_minutes(overrun_minutes)} "
        f"after the limit of {format_clock(limit)}."
    )


def overrun_minutes(start: dt.time, minutes: Sequence[int], limit: dt.time | None) -> int:
    """How far past the limit the day finishes (0 when it fits or there is no limit)."""
    if limit is None:
        return 0
    return max(0, minutes_of(start) + sum(minutes) - minutes_of(limit))


def fit_to_limit(items: Sequence[FitItem], start: dt.time, limit: dt.time) -> FitOptions | None:
    """The options for a day that runs past `limit`, or None when it already fits."""
    total = sum(item.minutes for item in items)
    overrun = overrun_minutes(start, [total], limit)
    if overrun == 0:
        return None
    begin = minutes_of(start)
    shortest = sum(item.floor if item.can_shrink else item.minutes for item in items)
    return FitOptions(
        start=start,
        limit=limit,
        finish=clock_at(begin + total),
        overrun_minutes=overrun,
        earlier_start=clock_at(begin - overrun) if begin >= overrun else None,
        shortened=shorten_proportionally(items, overrun),
        shortest_finish=clock_at(begin + shortest),
    )


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
