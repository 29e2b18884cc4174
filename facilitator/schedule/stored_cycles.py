"""The stored days as the cycle checks see them, and the checks of one stored cycle (what
`balcony check CYCLE` lists)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.planning.planner import Planner
from facilitator.schedule.cycle_checks import (
    CycleDay,
    CycleProblem,
    Level,
    check_cycle,
    cycle_words,
)
from facilitator.schedule.region import Region


class NoSuchCycleError(LookupError):
    """No stored day belongs to the cycle named; the message lists the cycles there are."""


@dataclass(frozen=True)
class CycleCheck:
    cycle_name: str
    days: int
    problems: tuple[CycleProblem, ...]

    @property
    def errors(self) -> tuple[CycleProblem, ...]:
        return tuple(p for p in self.problems if p.level is Level.ERROR)

    @property
    def notices(self) -> tuple[CycleProblem, ...]:
        return tuple(p for p in self.problems if p.level is Level.NOTICE)

    @property
    def exit_code(self) -> int:
        """0 when all is well, 1 for notices only, 2 for any error."""
        return 2 if self.errors else 1 if self.problems else 0

    @property
    def summary(self) -> str:
        days = _count(self.days, "day")
        if not self.problems:
            return f"No problems found in the {cycle_words(self.cycle_name)} ({days})."
        counts = [(len(self.errors), "error"), (len(self.notices), "notice")]
        found = " and ".join(_count(n, thing) for n, thing in counts if n)
        return f"{found} in the {cycle_words(self.cycle_name)} ({days})."


def stored_days(planner: Planner) -> list[CycleDay]:
    """Every stored day with its authorities and their DCSs (an unnamed one is "")."""
    return [
        CycleDay(
            date=day.date,
            authorities=tuple(team.name for team in teams),
            dcs=tuple(team.dcs_name for team in teams),
            day_id=day.id,
            cycle_name=day.cycle_name,
        )
        for day in planner.list_days()
        for teams in (planner.teams(day.id),)
    ]


def check_stored_cycle(
    planner: Planner, cycle_name: str, region: Region | None = None
) -> CycleCheck:
    """The problems of a stored cycle's days; NoSuchCycleError if it has none."""
    days = stored_days(planner)
    name = _cycle_called(cycle_name, days)
    mine = [d for d in days if d.cycle_name == name]
    others = [d for d in days if d.cycle_name != name]
    return CycleCheck(name, len(mine), tuple(check_cycle(name, mine, region, others)))


def _cycle_called(given: str, days: Sequence[CycleDay]) -> str:
    names = sorted({d.cycle_name for d in days if d.cycle_name})
    wanted = " ".join(given.split())
    for name in names:
        if name == wanted:
            return name
    for name in names:
        if name.casefold() == wanted.casefold():
            return name
    listed = ", ".join(names) if names else "none yet"
    raise NoSuchCycleError(
        f"No days belong to a cycle called “{wanted}”. The cycles are: {listed}."
    )


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}{'' if number == 1 else 's'}"
