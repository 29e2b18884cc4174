"""A day of the archive that is already in the database, and what to do about it.

A day is the same day when its natural key (scope.DayKey: date, authorities, cycle) is the
same. Without a choice, a conflict refuses the whole import; nothing is merged silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, select

from facilitator.archive.format import table
from facilitator.archive.scope import DayKey, DayLabel, day_labels


class Keep(StrEnum):
    """For a day both have: keep the database's (MINE), take the archive's (THEIRS), or keep
    both side by side (BOTH)."""

    MINE = "mine"
    THEIRS = "theirs"
    BOTH = "both"


class ArchiveConflictError(Exception):
    """Days of the archive already in the database; nothing was imported."""

    def __init__(self, days: Sequence[DayLabel]) -> None:
        self.days = tuple(days)
        listed = "; ".join(day.described for day in self.days)
        noun = "day is" if len(self.days) == 1 else "days are"
        super().__init__(
            f"{len(self.days)} {noun} here already: {listed}. Nothing was "
            "imported. Choose which copy to keep: yours (mine), the archive's (theirs), or both."
        )


def database_days(conn: Connection) -> dict[int, DayLabel]:
    """Every day of the database, labelled as an archive's days are."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for name in ("day", "dayauthority", "authority", "cycle"):
        rows[name] = [dict(row) for row in conn.execute(select(table(name))).mappings()]
    return day_labels(rows)


def clashes(theirs: dict[int, DayLabel], mine: dict[int, DayLabel]) -> dict[int, list[int]]:
    """Each archive day id that is already in the database → the database's days with its key."""
    by_key: dict[DayKey, list[int]] = {}
    for day_id, label in sorted(mine.items()):
        by_key.setdefault(label.key, []).append(day_id)
    return {day_id: by_key[label.key] for day_id, label in theirs.items() if label.key in by_key}
