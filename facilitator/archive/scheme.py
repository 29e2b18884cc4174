"""The regional scheme in an archive: the pool of peer challengers with their service history,
and the reviews with their teams, report lines and follow-ups (scope.py names the tables and
their natural keys).

Only an archive of everything carries them. On import a challenger already in the database
(same name and authority) is matched, never doubled: the entry there is kept as it is, and
of their service history only the entries not there yet (same review's words and date) are
added. A review already there (scope.ReviewKey) is a conflict, settled as a day's is: the
database's kept (its team's service entries from the archive left out with it), replaced
(deleted with its team, report lines, follow-ups and the service entries its team made,
then the archive's put in), or both kept side by side.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, delete, or_, select
from sqlmodel import SQLModel

from facilitator.archive.format import Archive, remapped, table
from facilitator.archive.scope import SCHEME_TABLES, challenger_key

Rows = dict[str, list[dict[str, Any]]]
IdMap = dict[str, dict[Any, Any]]
Insert = Callable[[Connection, Table, dict[str, Any]], int]

# The columns by which a follow-up follows up part of a review.
REVIEW_COLUMNS = ("review_id", "finding_id")


@dataclass(frozen=True)
class PoolPlaced:
    """What an import did to the pool: people added, people matched with those here, and
    service entries added (to either)."""

    added: int = 0
    matched: int = 0
    served: int = 0


NOTHING_PLACED = PoolPlaced()


# exporting ---------------------------------------------------------------------------------


def gather_scheme(conn: Connection, rows: Rows) -> None:
    """Adds every row of the scheme's tables to `rows`, and the follow-ups of reviews."""
    for name in SCHEME_TABLES:
        each = table(name)
        rows[name] = [dict(r) for r in conn.execute(select(each).order_by(each.c.id)).mappings()]
    followup = table("followup")
    query = select(followup).where(or_(*(followup.c[c].is_not(None) for c in REVIEW_COLUMNS)))
    found = {row["id"]: row for row in rows.get("followup", [])}
    found.update((row["id"], dict(row)) for row in conn.execute(query).mappings())
    rows["followup"] = [found[key] for key in sorted(found)]


def detach(rows: Rows) -> None:
    """Rows that name a row of the scheme the archive does not carry: the link is set to NULL
    where the foreign key does so on delete (a reflection's challenger), else the row stays
    behind with what it names (a follow-up of a review), as the database would do were that
    row deleted."""
    carried = {name: {row["id"] for row in rows.get(name, [])} for name in SCHEME_TABLES}
    for each in SQLModel.metadata.sorted_tables:
        if each.name not in rows:
            continue
        kept = []
        for row in rows[each.name]:
            values: dict[str, Any] | None = row
            for column in each.columns:
                for key in column.foreign_keys:
                    target = key.column.table.name
                    value = row[column.name]
                    if target not in carried or value is None or value in carried[target]:
                        continue
                    if key.ondelete == "SET NULL" and values is not None:
                        values = {**values, column.name: None}
                    else:
                        values = None
            if values is not None:
                kept.append(values)
        rows[each.name] = kept


# importing ---------------------------------------------------------------------------------


def kept_scheme(archive: Archive, skipped: set[int], follow_ups: Iterable[dict[str, Any]]) -> Rows:
    """The archive's scheme without the `skipped` reviews (kept as they are here): their team,
    report lines and follow-ups, and the service entries their team made, are left out.
    `follow_ups` (the days' kept ones and the reviews') come back without those of them."""
    members = [r for r in archive.rows("reviewmember") if r["review_id"] in skipped]
    findings = {r["id"] for r in archive.rows("reviewfinding") if r["review_id"] in skipped}
    services = {r["service_id"] for r in members if r["service_id"] is not None}

    def left_out(row: dict[str, Any]) -> bool:
        return row.get("review_id") in skipped or (
            row.get("finding_id") is not None and row["finding_id"] in findings
        )

    rows: Rows = {
        "challenger": archive.rows("challenger"),
        "reviewserved": [r for r in archive.rows("reviewserved") if r["id"] not in services],
    }
    for name in ("review", "reviewmember", "reviewfinding"):
        key = "id" if name == "review" else "review_id"
        rows[name] = [r for r in archive.rows(name) if r[key] not in skipped]
    rows["followup"] = [r for r in follow_ups if not left_out(r)]
    return rows


def place_scheme(conn: Connection, rows: Rows, ids: IdMap, insert: Insert) -> PoolPlaced:
    """The pool (matched by natural key), the service entries not here yet, then the
    reviews, their teams and their report lines, each with new ids (noted in `ids`)."""
    challenger = table("challenger")
    here: dict[tuple[str, str], int] = {}
    for found in conn.execute(select(challenger).order_by(challenger.c.id)).mappings():
        here.setdefault(challenger_key(dict(found)), found["id"])
    added = matched = served = 0
    for row in rows["challenger"]:
        key = challenger_key(row)
        if key in here:
            matched += 1
        else:
            here[key] = insert(conn, challenger, {k: v for k, v in row.items() if k != "id"})
            added += 1
        ids.setdefault("challenger", {})[row["id"]] = here[key]
    service = table("reviewserved")
    entries = {
        _entry(found): found["id"]
        for found in conn.execute(select(service).order_by(service.c.id.desc())).mappings()
    }
    for row in rows["reviewserved"]:
        values = remapped("reviewserved", row, ids)
        del values["id"]
        if (known := entries.get(_entry(values))) is None:
            known = entries[_entry(values)] = insert(conn, service, values)
            served += 1
        ids.setdefault("reviewserved", {})[row["id"]] = known
    for name in ("review", "reviewmember", "reviewfinding"):
        each = table(name)
        for row in rows[name]:
            values = remapped(name, row, ids)
            del values["id"]
            ids.setdefault(name, {})[row["id"]] = insert(conn, each, values)
    return PoolPlaced(added, matched, served)


def _entry(row: Any) -> tuple[Any, str, Any]:
    """A service entry as compared: its challenger, its review's words and its date."""
    return row["challenger_id"], " ".join(str(row["review"]).casefold().split()), row["served_on"]


def delete_reviews(conn: Connection, review_ids: set[int]) -> None:
    """The database's copies of reviews the archive replaces, with the service entries their
    team made (as taking someone off a team takes them out); the team, report lines and
    follow-ups go with each review (ON DELETE CASCADE)."""
    if not review_ids:
        return
    member, service, review = table("reviewmember"), table("reviewserved"), table("review")
    wanted = sorted(review_ids)
    made = select(member.c.service_id).where(member.c.review_id.in_(wanted))
    services = {value for value in conn.execute(made).scalars() if value is not None}
    conn.execute(delete(review).where(review.c.id.in_(wanted)))
    if services:
        conn.execute(delete(service).where(service.c.id.in_(sorted(services))))
