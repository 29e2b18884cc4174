"""A quick, read-only look into a data file with the standard library alone.

Loading the storage library takes the best part of a second; the home window and
`balcony days` need only the list of days to show something. A glance is taken only when it
is plainly safe: an ordinary, undamaged-looking file of ours, of this version, with no journal
beside it (none is left by a clean close; one means another window has the file open or a
crash left data in it, and then only the full opening reads it correctly). Anything in doubt
gives None, and the caller opens the file the full way, which says what is wrong and offers
the fixes.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from facilitator.storage.file_checks import SQLITE_HEADER
from facilitator.storage.files import files_beside
from facilitator.storage.identity import APPLICATION_ID, SCHEMA_VERSION, SIDE_FILE_SUFFIXES


@contextmanager
def glance(path: Path) -> Iterator[sqlite3.Connection | None]:
    """A connection that reads `path` as it stands and can change nothing, or None."""
    connection = _connect(Path(path))
    try:
        yield connection
    finally:
        if connection is not None:
            connection.close()


def _connect(path: Path) -> sqlite3.Connection | None:
    if not _plain_sqlite_file(path) or files_beside(path, SIDE_FILE_SUFFIXES):
        return None
    # `immutable`: no locks taken and no side file made, so the file is left as it was.
    uri = f"{Path(os.path.abspath(path)).as_uri()}?immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return None
    try:
        connection.execute("PRAGMA query_only = ON")
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error:
        connection.close()
        return None
    if app_id != APPLICATION_ID or version != SCHEMA_VERSION:
        connection.close()
        return None
    return connection


def _plain_sqlite_file(path: Path) -> bool:
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode) or status.st_size == 0:
            return False
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False
