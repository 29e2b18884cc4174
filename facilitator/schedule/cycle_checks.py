"""Checks on a cycle as a whole: who is where on each date, who takes part how often, and
dates far from the rest.

Errors are what cannot happen (an authority, or a DCS, at two days on one date): they stop
an import. Notices are what is probably a slip (an authority twice in a cycle or in none, a
date months from the others, two days on one date): they are listed and the import goes on.
The same checks run on a file being imported (with the days already stored) and, through
`balcony check CYCLE`, on the stored days alone. See docs/schedule-import.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations

from facilitator.common.wording import join_names
from facilitator.schedule.region import Region, authority_key

# A date this many days or more from the middle (median) of the cycle's dates is pointed out:
# about four months. The handbook's days fall within seven weeks; its 31/01/2022 for
# 31/01/2023 is a year out.
FAR_DAYS = 122
# With fewer days there is no "rest of the cycle" to be far from.
FAR_MIN_DAYS = 3


class Level(StrEnum):
    ERROR = "Error"
    NOTICE = "Notice"


@dataclass(frozen=True)
class CycleDay:
    """A day as the checks see it: from a schedule's row, or stored under its id."""

    date: dt.date
    authorities: tuple[str, ...]
    dcs: tuple[str, ...] = ()  # each authority's DCS, in the same order; "" when not known
    row: int | None = None
    day_id: int | None = None
    cycle_name: str = ""

    @property
    def is_new(self) -> bool:
        return self.row is not None

    @property
    def label(self) -> str:
        return f"row {self.row}" if self.row is not None else f"day id {self.day_id}"

    def directors(self) -> dict[str, str]:
        """Each named DCS (by key) and the authorities they lead on this day."""
        led: dict[str, list[str]] = {}
        for authority, name in zip(self.authorities, self.dcs, strict=False):
            if name.strip():
                led.setdefault(_person_key(name), []).append(authority)
        return {key: join_names(names) for key, names in led.items()}


@dataclass(frozen=True)
class CycleProblem:
    level: Level
    message: str
    row: int | None = None
    day_id: int | None = None
    # About a day being imported, or the cycle as a whole: an import reports only these.
    new: bool = True

    def __str__(self) -> str:
        if self.row is not None:
            return f"Row {self.row}: {self.message}"
        if self.day_id is not None:
            return f"Day id {self.day_id}: {self.message}"
        return self.message


def check_cycle(
    cycle_name: str,
    days: Sequence[CycleDay],
    region: Region | None = None,
    others: Iterable[CycleDay] = (),
) -> list[CycleProblem]:
    """Every problem of the cycle's `days`; `others` are stored days of other cycles, checked
    only for an authority or DCS that would be at two days on one date."""
    ordered = sorted(days, key=_order)
    problems: list[CycleProblem] = []
    clashes = _same_date(ordered, sorted(others, key=_order), problems)
    problems += _taking_part(cycle_name, ordered, region, clashes)
    problems += _far_dates(cycle_name, ordered)
    return problems


def _order(day: CycleDay) -> tuple[int, dt.date, int]:
    """Stored days first, so that a problem is told on the day being imported."""
    return (1 if day.is_new else 0, day.date, day.row or day.day_id or 0)


def _problem(level: Level, day: CycleDay, message: str) -> CycleProblem:
    return CycleProblem(level, message, day.row, day.day_id, day.is_new)


def _same_date(
    days: list[CycleDay], others: list[CycleDay], problems: list[CycleProblem]
) -> set[tuple[int, str]]:
    """Errors for an authority or DCS at two days on one date, a notice for two days of the
    cycle on one date; returns (day index, authority key) of every authority so found."""
    in_cycle = len(days)
    pool = days + [d for d in others if d.date in {day.date for day in days}]
    by_date: dict[dt.date, list[int]] = {}
    for index, day in enumerate(pool):
        by_date.setdefault(day.date, []).append(index)
    clashes: set[tuple[int, str]] = set()
    for indexes in by_date.values():
        for first, second in combinations(indexes, 2):
            a, b = pool[first], pool[second]
            if first >= in_cycle and second >= in_cycle:
                continue  # two other cycles' days: not this cycle's business
            later, earlier = (b, a) if second < in_cycle or first >= in_cycle else (a, b)
            when = f"{a.date:%d/%m/%Y}"
            named = {authority_key(n): n for n in earlier.authorities}
            both = [n for n in later.authorities if authority_key(n) in named]
            for name in both:
                clashes.update({(first, authority_key(name)), (second, authority_key(name))})
                problems.append(
                    _problem(
                        Level.ERROR,
                        later,
                        f"{name} is also in {_where(earlier, later)} on {when}: an authority "
                        "cannot be at two days on one date.",
                    )
                )
            leads = earlier.directors()
            shared = [(key, led) for key, led in later.directors().items() if key in leads]
            for key, led in shared:
                dcs = next(n for n in later.dcs if n.strip() and _person_key(n) == key)
                problems.append(
                    _problem(
                        Level.ERROR,
                        later,
                        f"{dcs}, DCS of {led}, is also DCS of {leads[key]} in "
                        f"{_where(earlier, later)} on {when}: a DCS cannot be at two days "
                        "on one date.",
                    )
                )
            if not both and not shared and second < in_cycle:
                problems.append(
                    _problem(
                        Level.NOTICE,
                        later,
                        f"{earlier.label} is on the same date ({when}): two days on one date "
                        "need two facilitators (and, face to face, two rooms).",
                    )
                )
    return clashes


def _where(day: CycleDay, told_on: CycleDay) -> str:
    """ "row 3", or the stored day with its cycle when it is another cycle's."""
    if day.cycle_name != told_on.cycle_name and day.cycle_name:
        return f"{day.label} (the {day.cycle_name} cycle)"
    return day.label


def _taking_part(
    cycle_name: str, days: list[CycleDay], region: Region | None, clashes: set[tuple[int, str]]
) -> list[CycleProblem]:
    problems = []
    first_seen: dict[str, CycleDay] = {}
    for index, day in enumerate(days):
        for name in day.authorities:
            key = authority_key(name)
            if key not in first_seen:
                first_seen[key] = day
            elif (index, key) not in clashes:  # same date: already an error
                before = first_seen[key]
                problems.append(
                    _problem(
                        Level.NOTICE,
                        day,
                        f"{name} takes part twice in the {cycle_words(cycle_name)}: also in "
                        f"{before.label} ({before.date:%d/%m/%Y}). Each authority takes part "
                        "once a cycle.",
                    )
                )
    if region is None or not any(region.lists(name) for name in _names(days)):
        return problems  # another region's cycle (or the demo's): the list says nothing
    for key, day in first_seen.items():
        name = next(n for n in day.authorities if authority_key(n) == key)
        if not region.lists(name):
            problems.append(
                _problem(
                    Level.NOTICE,
                    day,
                    f"{name} is not on the {region.name} list of authorities: check its spelling.",
                )
            )
    missing = [a for a in region.authorities if authority_key(a) not in first_seen]
    if missing:
        problems.append(
            CycleProblem(
                Level.NOTICE,
                f"{join_names(missing)} {'is' if len(missing) == 1 else 'are'} on the "
                f"{region.name} list but in none of the days of the {cycle_words(cycle_name)}.",
            )
        )
    return problems


def _far_dates(cycle_name: str, days: list[CycleDay]) -> list[CycleProblem]:
    """Each date four months or more from the cycle's middle date (its median, which one
    wrong date cannot drag towards itself as it would an average)."""
    if len(days) < FAR_MIN_DAYS:
        return []
    dates = sorted(day.date for day in days)
    median = dates[(len(dates) - 1) // 2]
    problems = []
    for day in days:
        gap = abs((day.date - median).days)
        if gap >= FAR_DAYS:
            problems.append(
                _problem(
                    Level.NOTICE,
                    day,
                    f"{day.date:%d/%m/%Y} is about {round(gap / 30.44)} months from the middle "
                    f"of the {cycle_words(cycle_name)} ({median:%d/%m/%Y}): check the year "
                    "and the month.",
                )
            )
    return problems


def cycle_words(name: str) -> str:
    """ "the 2022-2023 cycle", "the Demo cycle 2026–2027" (not "… cycle cycle")."""
    if not name:
        return "cycle"
    return name if "cycle" in name.casefold().split() else f"{name} cycle"


def _names(days: Iterable[CycleDay]) -> list[str]:
    return [name for day in days for name in day.authorities]


def _person_key(name: str) -> str:
    return " ".join(name.casefold().split())
