"""What a schedule import did: the days created, or every problem that stopped it."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.planning.day_list import DaySummary
from facilitator.schedule.import_files import nothing_imported
from facilitator.schedule.rows import RowError


@dataclass(frozen=True)
class ScheduleImport:
    """What an import did: the days created, or the problems that stopped it."""

    source: str
    cycle_name: str = ""
    created: tuple[DaySummary, ...] = ()
    errors: tuple[RowError, ...] = ()
    notices: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    def lines(self) -> list[str]:
        """One line per problem, or one per day created."""
        if self.errors:
            return [f"{self.source}: {error}" for error in self.errors]
        return [describe_day(day) for day in self.created]

    @property
    def summary(self) -> str:
        if self.errors:
            return nothing_imported(len(self.errors), self.source)
        count = len(self.created)
        days = f"Imported {count} day{'s' if count != 1 else ''} into the {self.cycle_name} cycle"
        notices = len(self.notices)
        if notices:
            return f"{days}, with {notices} notice{'s' if notices != 1 else ''} to check."
        return f"{days}."


def describe_day(day: DaySummary) -> str:
    place = f"{day.mode.label}, {day.place}" if day.place else day.mode.label
    return f"{day.date:%d/%m/%Y} {day.title} ({place}), day id {day.id}"
