"""Importing an archive: all or nothing, in one unit of work.

Rows keep none of their ids: each inserted row gets a new id from the database, and every
id another row holds (foreign keys, a record's kept ids, the ids inside a record key) is
rewritten to the new one. Shared rows are matched by their natural key and never duplicated:
a cycle by name (its region filled in if the database's is empty), an authority by name (its
short name likewise), a person by their authority and name. The pool and the reviews, in an
archive of everything, are placed first (scheme.py), so that a follow-up finds its review.

Records travel as they were sent: the Word documents and their paragraphs are kept byte for
byte, so they still carry the identifier and bookmarks of the computer that wrote them. A
director's copy returned for a record exported before the move is therefore recognised only
on that computer; records exported after the move carry the new keys.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, delete, select, update
from sqlmodel import SQLModel

from facilitator.archive.conflicts import (
    ArchiveConflictError,
    Keep,
    clashes,
    database_days,
    database_reviews,
)
from facilitator.archive.format import (
    Archive,
    ArchiveFileError,
    links,
    read_archive,
    remapped,
    table,
)
from facilitator.archive.gather import owners, select_in
from facilitator.archive.scheme import (
    NOTHING_PLACED,
    PoolPlaced,
    delete_reviews,
    kept_scheme,
    place_scheme,
)
from facilitator.archive.scope import (
    DAY_TABLES,
    SCHEME_TABLES,
    DayLabel,
    ReviewLabel,
    day_labels,
    review_labels,
)
from facilitator.records.keys import RecordKey
from facilitator.storage.database import Database

IdMap = dict[str, dict[Any, Any]]


@dataclass(frozen=True)
class ImportSummary:
    """What an import did, day by day and (from an archive of everything, `scheme`) review by
    review: those new here, and each conflict as settled; and the pool's people added or
    matched with those here, with the service entries added to their history."""

    imported: tuple[DayLabel, ...]
    kept_mine: tuple[DayLabel, ...] = ()
    replaced: tuple[DayLabel, ...] = ()
    alongside: tuple[DayLabel, ...] = ()
    scheme: bool = False
    reviews: tuple[ReviewLabel, ...] = ()
    reviews_kept_mine: tuple[ReviewLabel, ...] = ()
    reviews_replaced: tuple[ReviewLabel, ...] = ()
    reviews_alongside: tuple[ReviewLabel, ...] = ()
    pool: PoolPlaced = NOTHING_PLACED

    @property
    def described(self) -> str:
        days = (self.imported, self.kept_mine, self.replaced, self.alongside)
        parts = _settled_words(("day", "days"), *days) if any(days) or not self.scheme else []
        if self.scheme:
            reviews = (self.reviews, self.reviews_kept_mine, self.reviews_replaced)
            parts += _settled_words(("review", "reviews"), *reviews, self.reviews_alongside)
            added, matched, served = self.pool.added, self.pool.matched, self.pool.served
            parts.append(
                f"the pool: {added} {'person' if added == 1 else 'people'} added, {matched} "
                f"matched with {'an entry' if matched == 1 else 'entries'} here (kept as "
                f"{'it is' if matched == 1 else 'they are'}), {served} "
                f"{'review' if served == 1 else 'reviews'} served added to their history"
            )
        return "; ".join(parts) + "."


def _settled_words(
    noun: tuple[str, str],
    imported: Sequence[DayLabel | ReviewLabel],
    mine: Sequence[DayLabel | ReviewLabel],
    theirs: Sequence[DayLabel | ReviewLabel],
    both: Sequence[DayLabel | ReviewLabel],
) -> list[str]:
    parts = [_count(imported, noun, "imported")]
    if mine:
        parts.append(_count(mine, noun, "kept as it was here (the archive's left out)"))
    if theirs:
        parts.append(_count(theirs, noun, "replaced by the archive's copy"))
    if both:
        parts.append(_count(both, noun, "added beside the copy already here"))
    return parts


def _count(labels: Sequence[DayLabel | ReviewLabel], noun: tuple[str, str], what: str) -> str:
    listed = f" ({'; '.join(label.short for label in labels)})" if labels else ""
    return f"{len(labels)} {noun[0] if len(labels) == 1 else noun[1]} {what}{listed}"


def import_archive(db: Database, source: Path, keep: Keep | None = None) -> ImportSummary:
    """Imports every day, person and review of the archive at `source`, or nothing.

    ArchiveFileError if the file cannot be trusted; ArchiveConflictError if a day or review
    is here already and `keep` does not say what to do (nothing is changed either way)."""
    archive = read_archive(Path(source))
    theirs = day_labels(archive.tables)
    their_reviews = review_labels(archive.tables)
    with db.session_scope() as s:
        conn = s.connection()
        clashing = clashes(theirs, database_days(conn))
        reviews_clashing = clashes(their_reviews, database_reviews(conn))
        if (clashing or reviews_clashing) and keep is None:
            raise ArchiveConflictError(
                sorted((theirs[i] for i in clashing), key=_order),
                sorted((their_reviews[i] for i in reviews_clashing), key=_review_order),
            )
        skipped = set(clashing) if keep is Keep.MINE else set()
        reviews_skipped = set(reviews_clashing) if keep is Keep.MINE else set()
        if keep is Keep.THEIRS:
            _delete_days(conn, {old for olds in clashing.values() for old in olds})
            delete_reviews(conn, {old for olds in reviews_clashing.values() for old in olds})
        rows = _kept_rows(archive, skipped)
        rows.update(kept_scheme(archive, reviews_skipped, rows["followup"]))
        ids: IdMap = {}
        _place_shared(conn, rows, ids)
        pool = place_scheme(conn, rows, ids, insert)
        for each in SQLModel.metadata.sorted_tables:
            if each.name in DAY_TABLES:
                for row in rows[each.name]:
                    values = remapped(each.name, row, ids)
                    del values["id"]
                    ids.setdefault(each.name, {})[row["id"]] = insert(conn, each, values)
        _place_records(conn, rows, ids, Path(source))
    new, clash = _split(theirs, clashing, _order)
    new_reviews, review_clash = _split(their_reviews, reviews_clashing, _review_order)
    return ImportSummary(
        imported=new,
        kept_mine=clash if keep is Keep.MINE else (),
        replaced=clash if keep is Keep.THEIRS else (),
        alongside=clash if keep is Keep.BOTH else (),
        scheme=any(archive.rows(name) for name in SCHEME_TABLES),
        reviews=new_reviews,
        reviews_kept_mine=review_clash if keep is Keep.MINE else (),
        reviews_replaced=review_clash if keep is Keep.THEIRS else (),
        reviews_alongside=review_clash if keep is Keep.BOTH else (),
        pool=pool,
    )


L = TypeVar("L", DayLabel, ReviewLabel)


def _split(
    labels: dict[int, L], clashing: Mapping[int, Any], order: Callable[[L], Any]
) -> tuple[tuple[L, ...], tuple[L, ...]]:
    """The labels new here, and those clashing, each in order."""
    new = sorted((label for i, label in labels.items() if i not in clashing), key=order)
    return tuple(new), tuple(sorted((labels[i] for i in clashing), key=order))


def _review_order(label: ReviewLabel) -> tuple[Any, ...]:
    return (*label.order, label.key.kind, label.key.host)


def _order(label: DayLabel) -> tuple[Any, ...]:
    return (label.key.date, label.authorities, label.key.cycle)


def _kept_rows(archive: Archive, skipped: set[int]) -> dict[str, list[dict[str, Any]]]:
    """The archive's rows without those of the `skipped` days, nor shared rows only they
    named."""
    owner: dict[str, dict[Any, int | None]] = {
        "day": {r["id"]: r["id"] for r in archive.rows("day")}
    }
    rows: dict[str, list[dict[str, Any]]] = {"day": archive.rows("day")}
    for each in SQLModel.metadata.sorted_tables:
        if each.name in DAY_TABLES and each.name != "day":
            rows[each.name] = archive.rows(each.name)
            owner[each.name] = {
                row["id"]: next(
                    (
                        owner[target][row[column]]
                        for column, target in owners(each)
                        if row[column] is not None
                    ),
                    None,  # a follow-up of a review, which is no day's (scheme.py)
                )
                for row in rows[each.name]
            }
    for name in ("recordversion", "recordstate"):
        rows[name] = archive.rows(name)
        key = "record_key" if name == "recordstate" else "id"
        owner[name] = {
            row[key]: owner["day"][row["day_id"]]
            if row["day_id"] is not None
            else owner["session"][row["session_id"]]
            for row in rows[name]
        }
    for name in list(rows):
        key = "record_key" if name == "recordstate" else "id"
        rows[name] = [row for row in rows[name] if owner[name][row[key]] not in skipped]
    named: dict[str, set[Any]] = {"cycle": set(), "authority": set(), "person": set()}
    for name, each_rows in rows.items():
        for column, target in links(name).items():
            if target in named:
                named[target].update(r[column] for r in each_rows if r[column] is not None)
    rows["person"] = [r for r in archive.rows("person") if r["id"] in named["person"]]
    named["authority"].update(r["authority_id"] for r in rows["person"])
    for name in ("cycle", "authority"):
        rows[name] = [r for r in archive.rows(name) if r["id"] in named[name]]
    return rows


def _place_shared(conn: Connection, rows: dict[str, list[dict[str, Any]]], ids: IdMap) -> None:
    """Cycles, authorities and people: matched by natural key, added only when new."""
    for name, filled in (("cycle", "region"), ("authority", "short_name")):
        each = table(name)
        for row in rows[name]:
            found = conn.execute(select(each).where(each.c.name == row["name"])).mappings().first()
            if found is None:
                values = {k: v for k, v in row.items() if k != "id"}
                new = insert(conn, each, values)
            else:
                new = found["id"]
                if not found[filled] and row[filled]:
                    change = update(each).where(each.c.id == new).values({filled: row[filled]})
                    conn.execute(change)
            ids.setdefault(name, {})[row["id"]] = new
    person = table("person")
    for row in rows["person"]:
        values = remapped("person", row, ids)
        match = conn.execute(
            select(person.c.id)
            .where(person.c.authority_id == values["authority_id"])
            .where(person.c.name == row["name"])
            .order_by(person.c.id)
        ).first()
        if match is None:
            del values["id"]
            new = insert(conn, person, values)
        else:
            new = match[0]
        ids.setdefault("person", {})[row["id"]] = new


def insert(conn: Connection, each: Table, values: dict[str, Any]) -> int:
    """Inserts one row and returns the id the database gave it."""
    key = conn.execute(each.insert().values(values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def _place_records(
    conn: Connection, rows: dict[str, list[dict[str, Any]]], ids: IdMap, source: Path
) -> None:
    """Versions first, as a state names the version kept as the amended text."""
    for name in ("recordversion", "recordstate"):
        each = table(name)
        for row in rows[name]:
            values = remapped(name, row, ids)
            values["record_key"] = _new_key(row["record_key"], ids, source)
            if name == "recordversion":
                del values["id"]
                new = insert(conn, each, values)
                ids.setdefault(name, {})[row["id"]] = new
            else:
                conn.execute(each.insert().values(values))


def _new_key(old: str, ids: IdMap, source: Path) -> str:
    """A record key with the new ids of its day, session and authority."""
    try:
        key = RecordKey.from_identifier(old)
        return dataclasses.replace(
            key,
            day_id=_moved(ids, "day", key.day_id),
            session_id=_moved(ids, "session", key.session_id),
            authority_id=_moved(ids, "authority", key.authority_id),
        ).identifier
    except (KeyError, ValueError):
        raise ArchiveFileError(
            source,
            f"This archive is damaged: its record “{old}” names a day it does not hold.",
            "Export the archive again from the computer it came from.",
        ) from None


def _moved(ids: IdMap, name: str, old: int | None) -> int | None:
    return None if old is None else int(ids[name][old])


def _delete_days(conn: Connection, day_ids: set[int]) -> None:
    """The database's copies of days the archive replaces: their records (kept without
    foreign keys) first, then the days, whose rows go with them (ON DELETE CASCADE)."""
    sessions = {row["id"] for row in select_in(conn, table("session"), "day_id", day_ids)}
    for name in ("recordstate", "recordversion"):
        each = table(name)
        for column, wanted in (("day_id", day_ids), ("session_id", sessions)):
            if wanted:
                conn.execute(delete(each).where(each.c[column].in_(sorted(wanted))))
    if day_ids:
        day = table("day")
        conn.execute(delete(day).where(day.c.id.in_(sorted(day_ids))))
