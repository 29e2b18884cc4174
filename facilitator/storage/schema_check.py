"""Whether a data file's tables are the ones Balcony made, read before anything is written.

SQLite's own check passes a file whose schema text was damaged in a way that still parses: a
byte flipped inside "finish_limit" leaves a table with a column "finish". Every query on it
would then fail, and be told as a failed save. Balcony's migrations only ever add tables and
columns, so a column no version of Balcony made is damage; and a file of this version must
have every column the tables declare.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import MetaData


def schema_problem(conn: sqlite3.Connection, metadata: MetaData, *, current: bool) -> str | None:
    """What is wrong with the file's tables, in a few words, or None. `current`: the file
    says it is of this version, so nothing may be missing either."""
    for name, table in metadata.tables.items():
        found = {str(row[1]) for row in conn.execute(f'PRAGMA table_info("{name}")')}
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
