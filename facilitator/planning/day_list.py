"""The list of days: what each day is at a glance, and reading it without the storage library.

`glance_at_days` reads the same rows `Planner.list_days` does, in the same order, with plain
SQL, so the home window and `balcony days` can show them before SQLModel has loaded (a test
holds the two to the same answer on the same files)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from facilitator.common.vocabulary import DayKind, DayMode, DayStatus
from facilitator.storage.glance import glance
from facilitator.storage.location import DataLocation, ServerAddress


@dataclass(frozen=True)
class DaySummary:
    id: int
    date: dt.date
    kind: DayKind
    mode: DayMode
    status: DayStatus
    cycle_name: str
    authorities: tuple[str, ...]
    place: str
    number: int | None = None

    @property
    def title(self) -> str:
        return f"{self.kind.label}: {', '.join(self.authorities)}"


def place_of(mode: DayMode, venue: str, meeting_link: str) -> str:
    """Where a day happens: the venue, or the meeting link of a virtual day."""
    return venue if mode is DayMode.FACE_TO_FACE else (meeting_link or "Online")


def glance_at_days(path: DataLocation) -> list[DaySummary] | None:
    """The days of the data file at `path`, or None when only the full opening may read it
    (always for a shared database: there is no file to glance at)."""
    if isinstance(path, ServerAddress):
        return None
    with glance(path) as connection:
        if connection is None:
            return None
        try:
            return _read_days(connection)
        except (sqlite3.Error, KeyError, ValueError):
            return None  # not as this version writes it: the full opening will say why


def _read_days(connection: sqlite3.Connection) -> list[DaySummary]:
    names: defaultdict[int, list[str]] = defaultdict(list)
    for day_id, name in connection.execute(
        "SELECT day_authority.day_id, authority.name FROM dayauthority AS day_authority "
        "JOIN authority ON authority.id = day_authority.authority_id "
        "ORDER BY day_authority.day_id, day_authority.position"
    ):
        names[day_id].append(name)
    rows = connection.execute(
        "SELECT day.id, day.date, day.kind, day.mode, day.status, cycle.name, day.venue, "
        "day.meeting_link, day.number FROM day LEFT JOIN cycle ON cycle.id = day.cycle_id "
        "ORDER BY day.date, day.id"
    )
    days = []
    for day_id, date, kind, mode, status, cycle, venue, link, number in rows:
        # SQLModel stores an enum by its member's name.
        day_mode = DayMode[mode]
        days.append(
            DaySummary(
                id=day_id,
                date=dt.date.fromisoformat(date),
                kind=DayKind[kind],
                mode=day_mode,
                status=DayStatus[status],
                cycle_name=cycle or "",
                authorities=tuple(names[day_id]),
                place=place_of(day_mode, venue, link),
                number=number,
            )
        )
    return days
