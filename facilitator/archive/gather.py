"""Which rows an archive carries: the days asked for, every row of theirs, the shared rows
they name, and their records; for an archive of everything, the regional scheme too (the
pool and the reviews: scheme.py). Rows are read through the metadata, column by column."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, select
from sqlmodel import SQLModel

from facilitator.archive.format import links, table, write_archive
from facilitator.archive.scheme import detach, gather_scheme
from facilitator.archive.scope import (
    DAY_TABLES,
    SCHEME_TABLES,
    SHARED_TABLES,
    DayLabel,
    ReviewLabel,
    day_labels,
    review_labels,
)
from facilitator.storage.database import Database

Rows = dict[str, list[dict[str, Any]]]
_CHUNK = 500  # ids per query, well inside every database's limit on parameters


@dataclass(frozen=True)
class ArchiveSummary:
    """What an export wrote: its days, and (of everything) the pool's people and reviews."""

    path: Path
    days: tuple[DayLabel, ...]
    rows: int
    people: int = 0
    reviews: tuple[ReviewLabel, ...] = ()

    @property
    def described(self) -> str:
        count = len(self.days)
        listed = "; ".join(label.short for label in self.days)
        noun = "day" if count == 1 else "days"
        days = f"{count} {noun} archived to {self.path}: {listed}."
        if not self.people and not self.reviews:
            return days
        people = f"{self.people} {'person' if self.people == 1 else 'people'}"
        reviews = f"{len(self.reviews)} {'review' if len(self.reviews) == 1 else 'reviews'}"
        scheme = f"the pool ({people}) and {reviews}, with their teams, reports and follow-ups"
        if not self.days:
            return f"Archived to {self.path}: {scheme}."
        return f"{days} With them, {scheme}."


def export_archive(
    db: Database,
    target: Path,
    *,
    day_id: int | None = None,
    cycle: str | None = None,
    now: dt.datetime | None = None,
    overwrite: bool = False,
) -> ArchiveSummary:
    """Writes one day (`day_id`), a cycle's days (`cycle`, by name) or everything to
    `target`: every day, the pool of peer challengers and the reviews (a day or a cycle
    carries its days only: the scheme is no day's).

    LookupError names an unknown day or cycle, or a data file with nothing to archive;
    nothing is written then. The file appears whole or not at all (format.py); WriteError
    says why it could not be written."""
    if day_id is not None and cycle is not None:
        raise ValueError("archive a day or a cycle, not both")
    everything = day_id is None and cycle is None
    with db.session_scope() as s:
        conn = s.connection()
        rows = gather(conn, _day_ids(conn, day_id, cycle), scheme=everything)
    if everything and not any(rows[name] for name in ("day", *SCHEME_TABLES)):
        raise LookupError(
            "There is nothing to archive in this data file: no days, no pool and no reviews."
        )
    labels = day_labels(rows)
    write_archive(target, rows, now or dt.datetime.now(dt.UTC), overwrite=overwrite)
    ordered = sorted(labels.values(), key=lambda label: (label.key.date, label.authorities))
    reviews = sorted(review_labels(rows).values(), key=lambda label: label.order)
    return ArchiveSummary(
        Path(target),
        tuple(ordered),
        sum(len(r) for r in rows.values()),
        people=len(rows.get("challenger", [])),
        reviews=tuple(reviews),
    )


def _day_ids(conn: Connection, day_id: int | None, cycle: str | None) -> set[int]:
    day, cycles = table("day"), table("cycle")
    if day_id is not None:
        if conn.execute(select(day.c.id).where(day.c.id == day_id)).first() is None:
            raise LookupError(f"There is no day {day_id}: `balcony days` lists them.")
        return {day_id}
    if cycle is not None:
        found = conn.execute(select(cycles.c.id).where(cycles.c.name == cycle)).first()
        if found is None:
            names = sorted(str(name) for name in conn.execute(select(cycles.c.name)).scalars())
            there = ", ".join(f"“{name}”" for name in names) or "none yet"
            raise LookupError(f"There is no cycle “{cycle}”: the cycles are {there}.")
        return set(conn.execute(select(day.c.id).where(day.c.cycle_id == found[0])).scalars())
    return set(conn.execute(select(day.c.id)).scalars())


def gather(conn: Connection, day_ids: set[int], *, scheme: bool = False) -> Rows:
    """The rows of the days `day_ids`, the shared rows they name and their records; with
    `scheme`, the pool and the reviews too. A row naming a scheme row left behind is
    detached from it, or left behind with it (scheme.detach)."""
    rows: Rows = {name: [] for name in DAY_TABLES}
    ids: dict[str, set[int]] = {"day": set(day_ids)}
    rows["day"] = select_in(conn, table("day"), "id", day_ids)
    for each in SQLModel.metadata.sorted_tables:  # parents before children
        if each.name not in DAY_TABLES or each.name == "day":
            continue
        found: dict[int, dict[str, Any]] = {}
        for column, target in owners(each):
            for row in select_in(conn, each, column, ids.get(target, set())):
                found[row["id"]] = row
        rows[each.name] = [found[key] for key in sorted(found)]
        ids[each.name] = set(found)
    sessions = ids.get("session", set())
    for name in ("recordversion", "recordstate"):
        found = {}
        for column, wanted in (("day_id", day_ids), ("session_id", sessions)):
            for row in select_in(conn, table(name), column, wanted):
                found[row["record_key"] if name == "recordstate" else row["id"]] = row
        rows[name] = list(found.values())
    if scheme:
        gather_scheme(conn, rows)
    detach(rows)
    _add_shared(conn, rows)
    return rows


def owners(each: Table) -> list[tuple[str, str]]:
    """(column, table) for each of `each`'s foreign keys to a table that belongs to a day."""
    return [
        (column.name, key.column.table.name)
        for column in each.columns
        for key in column.foreign_keys
        if key.column.table.name in DAY_TABLES
    ]


def _add_shared(conn: Connection, rows: Rows) -> None:
    """The cycles, people and authorities the rows name (a person's authority too)."""
    wanted: dict[str, set[int]] = {name: set() for name in SHARED_TABLES}
    for name, each in list(rows.items()):
        for column_name, target in links(name).items():
            if target in wanted:
                wanted[target].update(r[column_name] for r in each if r[column_name] is not None)
    rows["person"] = select_in(conn, table("person"), "id", wanted["person"])
    wanted["authority"].update(
        r["authority_id"] for r in rows["person"] if r["authority_id"] is not None
    )
    for name in ("cycle", "authority"):
        rows[name] = select_in(conn, table(name), "id", wanted[name])


def select_in(
    conn: Connection, each: Table, column: str, values: Iterable[Any]
) -> list[dict[str, Any]]:
    """Rows of `each` whose `column` is one of `values`, in id order where it has one."""
    wanted = sorted(set(values))
    found: list[dict[str, Any]] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        query = select(each).where(each.c[column].in_(chunk))
        found.extend(dict(row) for row in conn.execute(query).mappings())
    if "id" in each.c:
        found.sort(key=lambda row: row["id"])
    return found
