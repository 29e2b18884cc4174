"""Bringing a data file written by an older Balcony up to this version's tables.

`create_all` adds tables a file lacks but never changes a table it already has, so every
column added since version 1 needs a step here. Each step runs in one transaction with the
stamp of its version, so a failure part-way leaves the file at the last complete version,
readable as before.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

# (the version a step brings the file to, the statements that do it), oldest first.
Step = tuple[int, Sequence[str]]

MIGRATIONS: tuple[Step, ...] = (
    # Whose turn it is in questioning (turns.py).
    (2, ("ALTER TABLE session ADD COLUMN turn INTEGER NOT NULL DEFAULT 0",)),
    # Who asked a scale question, kept apart from whose rating it is (question_use.py).
    # Older answers keep no asker: nothing in the file says who asked them.
    (
        3,
        (
            "ALTER TABLE scaleanswer ADD COLUMN asked_by_authority_id INTEGER "
            "REFERENCES authority (id)",
        ),
    ),
)


def pending(from_version: int, to_version: int, steps: Sequence[Step] = MIGRATIONS) -> list[Step]:
    """The steps a file at `from_version` needs to reach `to_version`, in order."""
    return sorted(
        (step for step in steps if from_version < step[0] <= to_version), key=lambda s: s[0]
    )


def upgrade(
    conn: sqlite3.Connection,
    from_version: int,
    to_version: int,
    steps: Sequence[Step] = MIGRATIONS,
) -> int:
    """Runs the pending steps on `conn`; returns the version the file has reached.

    Raises sqlite3.Error from the first step that fails, after rolling that step back.
    """
    # Python's sqlite3 would commit each ALTER TABLE on its own; we say where
    # transactions begin and end, so a step and its stamp are one.
    saved = conn.isolation_level
    conn.isolation_level = None
    reached = from_version
    try:
        for version, statements in pending(from_version, to_version, steps):
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in statements:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {int(version)}")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            reached = version
    finally:
        conn.isolation_level = saved
    return reached
