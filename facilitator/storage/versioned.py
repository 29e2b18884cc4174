"""Rows that two people may edit at once, on a shared database, carry a version.

Every change to such a row through the ORM says which version it changes
(`UPDATE … WHERE id = ? AND row_version = ?`) and counts it on; a change made from a row
someone else has changed since is refused (StaleDataError, told to the user as
ChangedElsewhereError by Database.session_scope) instead of overwriting theirs. An edit can
also name the version its user saw (`seen_version`, check_seen): the row read for the edit
is the newest, but the words on the user's screen may be older.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel

from facilitator.storage.errors import ChangedElsewhereError
from facilitator.storage.write_faults import CHANGED_ELSEWHERE


class Versioned(SQLModel):
    # The server default is the migration's: rows older than schema 8 start at 1.
    row_version: int = Field(default=1, sa_column_kwargs={"server_default": text("1")})

    @declared_attr  # type: ignore[arg-type]
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805  (SQLAlchemy calls it on the class)
        return {"version_id_col": cls.__table__.c.row_version}  # type: ignore[attr-defined]


def check_seen(row: Versioned, seen_version: int | None) -> None:
    """Refuses an edit made on an older version of `row` than the one stored now."""
    if seen_version is not None and row.row_version != seen_version:
        raise ChangedElsewhereError(CHANGED_ELSEWHERE)


VERSIONED_TABLES = (
    "day",
    "dayauthority",
    "session",
    "stage",
    "note",
    "exchange",
    "action",
    "plenaryitem",
    "focusrisk",
    "introduction",
    "challenger",
    "review",
    "reviewfinding",
    "followup",
    "recordstate",
)
