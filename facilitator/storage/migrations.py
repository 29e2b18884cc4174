"""Bringing a data file written by an older Balcony up to this version's tables.

`create_all` adds tables a file lacks but never changes a table it already has, so every
column added since version 1 needs a step here. Each step runs in one transaction with the
stamp of its version, so a failure part-way leaves the file at the last complete version,
readable as before.

The steps run on both back ends: a data file (SQLite, the version in `PRAGMA user_version`)
and a shared PostgreSQL database (the version in its `balcony_schema` table, server.py). A
PostgreSQL database starts at version 7, so only steps after 7 ever run there; write those
in SQL both accept (ALTER TABLE … ADD COLUMN, CREATE TABLE/INDEX IF NOT EXISTS), with
AddColumn for columns.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from facilitator.storage.schema_check import sqlite_columns
from facilitator.storage.versioned import VERSIONED_TABLES

ROW_VERSION_COLUMN = "row_version INTEGER NOT NULL DEFAULT 1"


class StepConnection(Protocol):
    """What a step needs of a connection, whichever database it is on."""

    def execute(self, statement: str) -> None: ...
    def columns(self, table: str) -> set[str]: ...
    def begin(self) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def stamp(self, version: int) -> None: ...


class SQLiteSteps:
    """A data file's connection: the version is SQLite's `user_version`."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.columns = sqlite_columns(conn)

    def execute(self, statement: str) -> None:
        self.conn.execute(statement)

    def begin(self) -> None:
        # IMMEDIATE: the step's writes and its stamp are one, with no reader's lock between.
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        self.conn.execute("ROLLBACK")

    def stamp(self, version: int) -> None:
        self.conn.execute(f"PRAGMA user_version = {int(version)}")


@dataclass(frozen=True)
class AddColumn:
    """A column a step adds unless the table has it: `create_all` runs before the steps and
    makes a table a file lacks with every column it has now, so a plain ALTER TABLE on a
    table newer than the file would fail."""

    table: str
    column: str  # its name, then its definition as ALTER TABLE takes it

    def run(self, conn: StepConnection) -> None:
        name = self.column.split()[0]
        found = conn.columns(self.table)
        # No table at all: whatever makes it later makes it whole.
        if found and name not in found:
            conn.execute(f'ALTER TABLE "{self.table}" ADD COLUMN {self.column}')


@dataclass(frozen=True)
class AddIndex:
    """An index on one column, unless it is there; nothing for a table not made yet (its
    making makes the index too)."""

    table: str
    column: str

    def run(self, conn: StepConnection) -> None:
        if self.column in conn.columns(self.table):
            conn.execute(
                f'CREATE INDEX IF NOT EXISTS "ix_{self.table}_{self.column}" '
                f'ON "{self.table}" ("{self.column}")'
            )


def _after(table: str) -> str:
    """The position of a bullet of _routed that becomes a row of `table`: after the rows its
    session has, numbered on in the bullets' order."""
    return (
        f"(SELECT COUNT(*) FROM {table} AS kept WHERE kept.session_id = _routed.session_id)"
        " + ROW_NUMBER() OVER (PARTITION BY session_id ORDER BY position) - 1"
    )


_ITEMS_FROM_TAGGED_NOTES = (
    """CREATE TEMP TABLE _routed AS
        SELECT note.id, note.session_id, note.tag, note.text, note.position,
               COALESCE(note.authority_id, session.authority_id) AS authority_id
        FROM note
        JOIN stage ON stage.id = note.stage_id
        JOIN session ON session.id = note.session_id
        WHERE (note.tag = 'RISK' AND stage.kind = 'PRESENTATION')
           OR note.tag IN ('ACTION', 'ASK', 'OFFER')""",
    # Each after the items the session already has, in the order the bullets were.
    f"""INSERT INTO focusrisk (session_id, theme_id, question_id, position, text)
        SELECT session_id, '', NULL, {_after("focusrisk")}, text
        FROM _routed WHERE tag = 'RISK'""",
    f"""INSERT INTO action (session_id, text, owner, position)
        SELECT session_id, text, '', {_after("action")}
        FROM _routed WHERE tag = 'ACTION'""",
    f"""INSERT INTO exchange
            (session_id, kind, authority_id, topic, detail, scope, counterpart_id, position)
        SELECT session_id, tag, authority_id, text, '', 'BILATERAL', NULL, {_after("exchange")}
        FROM _routed WHERE tag IN ('ASK', 'OFFER')""",
    "DELETE FROM note WHERE id IN (SELECT id FROM _routed)",
    "DROP TABLE _routed",
)

_POOL_TABLES = (
    """CREATE TABLE IF NOT EXISTS challenger (
        id INTEGER NOT NULL,
        name VARCHAR NOT NULL,
        authority VARCHAR NOT NULL,
        position VARCHAR NOT NULL,
        email VARCHAR NOT NULL,
        telephone VARCHAR NOT NULL,
        expertise VARCHAR NOT NULL,
        other_expertise VARCHAR NOT NULL,
        roles_applied VARCHAR NOT NULL,
        roles_approved VARCHAR NOT NULL,
        sponsor_dcs VARCHAR NOT NULL,
        approved_on DATE,
        training VARCHAR NOT NULL,
        trained_on DATE,
        availability VARCHAR NOT NULL,
        PRIMARY KEY (id)
    )""",
    """CREATE TABLE IF NOT EXISTS reviewserved (
        id INTEGER NOT NULL,
        challenger_id INTEGER NOT NULL,
        review VARCHAR NOT NULL,
        served_on DATE NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(challenger_id) REFERENCES challenger (id) ON DELETE CASCADE
    )""",
    "CREATE INDEX IF NOT EXISTS ix_reviewserved_challenger_id ON reviewserved (challenger_id)",
)

_REVIEW_TABLES = (
    """CREATE TABLE IF NOT EXISTS review (
        id INTEGER NOT NULL,
        kind VARCHAR NOT NULL,
        host VARCHAR NOT NULL,
        lead_words VARCHAR NOT NULL,
        leads VARCHAR NOT NULL,
        qa VARCHAR NOT NULL,
        date_words VARCHAR NOT NULL,
        earliest DATE,
        latest DATE,
        kloe VARCHAR NOT NULL,
        days VARCHAR NOT NULL,
        PRIMARY KEY (id)
    )""",
    """CREATE TABLE IF NOT EXISTS reviewmember (
        id INTEGER NOT NULL,
        review_id INTEGER NOT NULL,
        challenger_id INTEGER NOT NULL,
        role VARCHAR NOT NULL,
        service_id INTEGER,
        PRIMARY KEY (id),
        FOREIGN KEY(review_id) REFERENCES review (id) ON DELETE CASCADE,
        FOREIGN KEY(challenger_id) REFERENCES challenger (id) ON DELETE CASCADE,
        FOREIGN KEY(service_id) REFERENCES reviewserved (id) ON DELETE SET NULL
    )""",
    "CREATE INDEX IF NOT EXISTS ix_reviewmember_challenger_id ON reviewmember (challenger_id)",
    "CREATE INDEX IF NOT EXISTS ix_reviewmember_review_id ON reviewmember (review_id)",
)

_FOLLOW_UP_TABLES = (
    """CREATE TABLE IF NOT EXISTS reviewfinding (
        id INTEGER NOT NULL,
        review_id INTEGER NOT NULL,
        section VARCHAR(14) NOT NULL,
        text VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(review_id) REFERENCES review (id) ON DELETE CASCADE
    )""",
    "CREATE INDEX IF NOT EXISTS ix_reviewfinding_review_id ON reviewfinding (review_id)",
    """CREATE TABLE IF NOT EXISTS followup (
        id INTEGER NOT NULL,
        kind VARCHAR(14) NOT NULL,
        action_id INTEGER,
        exchange_id INTEGER,
        finding_id INTEGER,
        review_id INTEGER,
        challenger_id INTEGER,
        who VARCHAR NOT NULL,
        support VARCHAR NOT NULL,
        due_from DATE,
        due_on DATE,
        status VARCHAR(7) NOT NULL,
        done_on DATE,
        note VARCHAR NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(action_id) REFERENCES action (id) ON DELETE CASCADE,
        FOREIGN KEY(exchange_id) REFERENCES exchange (id) ON DELETE CASCADE,
        FOREIGN KEY(finding_id) REFERENCES reviewfinding (id) ON DELETE CASCADE,
        FOREIGN KEY(review_id) REFERENCES review (id) ON DELETE CASCADE,
        FOREIGN KEY(challenger_id) REFERENCES challenger (id) ON DELETE SET NULL
    )""",
    "CREATE INDEX IF NOT EXISTS ix_followup_review_id ON followup (review_id)",
    "CREATE INDEX IF NOT EXISTS ix_followup_exchange_id ON followup (exchange_id)",
    "CREATE INDEX IF NOT EXISTS ix_followup_finding_id ON followup (finding_id)",
    "CREATE INDEX IF NOT EXISTS ix_followup_action_id ON followup (action_id)",
)

# (the version a step brings the file to, the statements that do it), oldest first.
Step = tuple[int, Sequence[str | AddColumn | AddIndex]]

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
    # One route (capture/outcome_route.py): a focus risk in the DCS's own words is a focus
    # risk, not a bullet; and bullets older files kept tagged as a session's focus risk,
    # action, ask or offer become those items, so each is listed and printed once.
    (
        4,
        (
            "ALTER TABLE focusrisk ADD COLUMN text VARCHAR NOT NULL DEFAULT ''",
            *_ITEMS_FROM_TAGGED_NOTES,
        ),
    ),
    # The pool of peer challengers (facilitator/pool/). `create_all` adds these tables
    # before the steps run; the step says so itself, so a file is whole at version 5 even
    # where nothing else has made them. The same tables as models.py, column for column.
    (5, _POOL_TABLES),
    # Reviews and their teams (facilitator/reviews/), made by the step itself as step 5's are.
    (6, _REVIEW_TABLES),
    # The follow-up after days and reviews, review reports' findings and their records
    # (facilitator/follow_up/); the review step's table and the records' may be newer
    # than the file, hence AddColumn.
    (
        7,
        (
            AddColumn("review", "hypotheses VARCHAR NOT NULL DEFAULT ''"),
            *_FOLLOW_UP_TABLES,
            AddColumn("recordversion", "review_id INTEGER"),
            AddColumn("recordstate", "review_id INTEGER"),
        ),
    ),
    # Rows two people may edit at once on a shared database carry a version (versioned.py).
    # The first step to run on PostgreSQL as well as on data files.
    # And a stage's and a session's bullets, read on every keystroke, are indexed.
    (
        8,
        (
            *(AddColumn(table, ROW_VERSION_COLUMN) for table in VERSIONED_TABLES),
            AddIndex("note", "session_id"),
            AddIndex("note", "stage_id"),
        ),
    ),
)


def pending(from_version: int, to_version: int, steps: Sequence[Step] = MIGRATIONS) -> list[Step]:
    """The steps a file at `from_version` needs to reach `to_version`, in order."""
    return sorted(
        (step for step in steps if from_version < step[0] <= to_version), key=lambda s: s[0]
    )


def upgrade(
    conn: sqlite3.Connection | StepConnection,
    from_version: int,
    to_version: int,
    steps: Sequence[Step] = MIGRATIONS,
) -> int:
    """Runs the pending steps on `conn`; returns the version the database has reached.

    Raises the driver's error from the first step that fails, after rolling that step back.
    """
    if isinstance(conn, sqlite3.Connection):
        # Python's sqlite3 would commit each ALTER TABLE on its own; we say where
        # transactions begin and end, so a step and its stamp are one.
        saved = conn.isolation_level
        conn.isolation_level = None
        try:
            return upgrade(SQLiteSteps(conn), from_version, to_version, steps)
        finally:
            conn.isolation_level = saved
    reached = from_version
    for version, statements in pending(from_version, to_version, steps):
        conn.begin()
        try:
            for statement in statements:
                if isinstance(statement, AddColumn | AddIndex):
                    statement.run(conn)
                else:
                    conn.execute(statement)
            conn.stamp(version)
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
        reached = version
    return reached
