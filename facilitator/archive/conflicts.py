"""A day or a review of the archive that is already in the database, and what to do about it.

A day is the same day when its natural key (scope.DayKey: date, authorities, cycle) is the
same; a review likewise (scope.ReviewKey: kind, host, earliest day or date words). Without
a choice, a conflict refuses the whole import; nothing is merged silently. One choice
settles every conflict of the import, days and reviews alike.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from sqlalchemy import Connection, select

from facilitator.archive.format import table
from facilitator.archive.scope import DayLabel, ReviewLabel, day_labels, review_labels


class Keep(StrEnum):
    """For a day or review both have: keep the database's (MINE), take the archive's
    (THEIRS), or keep both side by side (BOTH)."""

    MINE = "mine"
    THEIRS = "theirs"
    BOTH = "both"


class ArchiveConflictError(Exception):
    """Days and reviews of the archive already in the database; nothing was imported."""

    def __init__(self, days: Sequence[DayLabel], reviews: Sequence[ReviewLabel] = ()) -> None:
        self.days = tuple(days)
        self.reviews = tuple(reviews)
        parts = []
        for found, one, many in (
            ([day.described for day in self.days], "day is", "days are"),
            ([review.described for review in self.reviews], "review is", "reviews are"),
        ):
            if found:
                noun = one if len(found) == 1 else many
                parts.append(f"{len(found)} {noun} here already: {'; '.join(found)}.")
        super().__init__(
            " ".join(parts) + " Nothing was imported. Choose which copy to keep: yours "
            "(mine), the archive's (theirs), or both."
        )

    @property
    def described(self) -> tuple[str, ...]:
        """Each day, then each review, as a person reads it."""
        days = tuple(day.described for day in self.days)
        return days + tuple(review.described for review in self.reviews)


def database_days(conn: Connection) -> dict[int, DayLabel]:
    """Every day of the database, labelled as an archive's days are."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for name in ("day", "dayauthority", "authority", "cycle"):
        rows[name] = [dict(row) for row in conn.execute(select(table(name))).mappings()]
    return day_labels(rows)


def database_reviews(conn: Connection) -> dict[int, ReviewLabel]:
    """Every review of the database, labelled as an archive's reviews are."""
    rows = [dict(row) for row in conn.execute(select(table("review"))).mappings()]
    return review_labels({"review": rows})


class _Labelled(Protocol):
    @property
    def key(self) -> Hashable: ...


L = TypeVar("L", bound=_Labelled)


def clashes(theirs: Mapping[int, L], mine: Mapping[int, L]) -> dict[int, list[int]]:
    """Each archive id (of a day or review) already in the database → the database's ids
    with its key."""
    by_key: dict[Hashable, list[int]] = {}
    for row_id, label in sorted(mine.items()):
        by_key.setdefault(label.key, []).append(row_id)
    return {row_id: by_key[label.key] for row_id, label in theirs.items() if label.key in by_key}
