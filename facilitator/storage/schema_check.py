"""Whether a data file's tables are the ones Balcony made, read before anything is written.

SQLite's own check passes a file whose schema text was damaged in a way that still parses: a
byte flipped inside "finish_limit" leaves a table with a column "finish". Every query on it
would then fail, and be told as a failed save. Balcony's migrations only ever add tables and
columns, so a column no version of Balcony made is damage; and a file of this version must
have every column the tables declare.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from sqlalchemy import MetaData


def sqlite_columns(conn: sqlite3.Connection) -> Callable[[str], set[str]]:
    """The columns a table of a data file has (none for a table it lacks)."""
    return lambda name: {str(row[1]) for row in conn.execute(f'PRAGMA table_info("{name}")')}


def schema_problem(
    conn: sqlite3.Connection | Callable[[str], set[str]], metadata: MetaData, *, current: bool
) -> str | None:
    """What is wrong with the database's tables, in a few words, or None. `current`: it
    says it is of this version, so nothing may be missing either. `conn` is a data file's
    connection, or what reads a table's columns on a database server."""
    columns_of = sqlite_columns(conn) if isinstance(conn, sqlite3.Connection) else conn
    for name, table in metadata.tables.items():
        found = columns_of(name)
        if not found:
            continue  # a table added since the file was written: opening adds it
        wanted = {column.name for column in table.columns}
        strange = sorted(found - wanted)
        if strange:
            return f"its table “{name}” has a column Balcony never made (“{strange[0]}”)"
        missing = sorted(wanted - found)
        if current and missing:
            return f"its table “{name}” has lost its column “{missing[0]}”"
    return None
