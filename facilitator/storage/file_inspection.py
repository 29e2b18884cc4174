"""Checks of a data file made before anything writes it, and what each failure of SQLite
itself means for the user: a bad file is refused with its fix and left byte for byte."""

from __future__ import annotations

import os
import sqlite3
from contextlib import suppress
from pathlib import Path

from sqlmodel import SQLModel

from facilitator.storage.errors import (
    DataFileDamagedError,
    DataFileError,
    DataFileLockedError,
    DataFileNotOursError,
    DataFileReadOnlyError,
    DataFileTooNewError,
)
from facilitator.storage.file_checks import NOT_OURS_FIX
from facilitator.storage.files import files_beside
from facilitator.storage.identity import APPLICATION_ID, SCHEMA_VERSION, SIDE_FILE_SUFFIXES
from facilitator.storage.schema_check import schema_problem

DAMAGED_FIX = "Restore a backup (File ▸ Restore a backup…) or open another file."


def explain_failure(path: Path, exc: Exception, what: str | None) -> DataFileError:
    """The error to show for a failure of SQLite itself: each cause has its own fix.

    With no `what`, any other failure means the file is damaged (it was only being read)."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return DataFileLockedError(
            path,
            "The data file is in use by another program, which is holding it locked.",
            "Close the other program (or the other Balcony window) and try again.",
        )
    if "readonly" in text or "read-only" in text:
        return DataFileReadOnlyError(
            path,
            "The data file or its folder is read-only, so Balcony cannot save to it.",
            "Make them writable, or open another data file.",
        )
    if what is None or "malformed" in text or "not a database" in text:
        return DataFileDamagedError(
            path, f"This data file is damaged: {text}; Balcony has not changed it.", DAMAGED_FIX
        )
    return DataFileError(
        path,
        f"{what} ({text}).",
        "Check the disk has space and the file is not read-only, then try again.",
    )


def file_uri(path: Path, query: str) -> str:
    # as_uri() percent-encodes the path, so "?", "#" and "%" in folder names stay part of it.
    return f"{Path(os.path.abspath(path)).as_uri()}?{query}"


def side_files(path: Path) -> list[Path]:
    return files_beside(path, SIDE_FILE_SUFFIXES)


def check_contents(path: Path) -> int:
    """Read-only checks before anything writes the file, so a bad file stays unchanged.

    Returns the file's data version: 0 for a new (or empty) file. Any side file the check
    made is removed again when the file is refused.
    """
    if not path.exists() or path.stat().st_size == 0:
        return 0
    before = set(side_files(path))
    try:
        return _inspect(path, journals=bool(before))
    except DataFileError:
        for made in set(side_files(path)) - before:
            with suppress(OSError):
                made.unlink()
        raise


def _inspect(path: Path, *, journals: bool) -> int:
    # With no journal beside it the file alone is the whole database, and as we hold its
    # writer lock nobody changes it: `immutable` reads it without making -wal or -shm files.
    # A journal left by a crash holds part of the data, so then SQLite must read it too.
    uri = file_uri(path, "mode=ro" if journals else "immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=2)
    except sqlite3.Error as exc:
        raise explain_failure(path, exc, "The data file cannot be opened") from exc
    try:
        # First, as a damaged schema makes every other question fail too.
        integrity = conn.execute("PRAGMA quick_check").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        damage = None
        if integrity == "ok" and app_id == APPLICATION_ID and 0 < version <= SCHEMA_VERSION:
            damage = schema_problem(conn, SQLModel.metadata, current=version == SCHEMA_VERSION)
    except sqlite3.DatabaseError as exc:
        raise explain_failure(path, exc, None) from exc
    except UnicodeDecodeError as exc:  # the check's own report is garbled: so is the file
        raise explain_failure(path, sqlite3.DatabaseError("unreadable text"), None) from exc
    finally:
        conn.close()
    if integrity != "ok":
        raise explain_failure(path, sqlite3.DatabaseError(integrity), None)
    if app_id != APPLICATION_ID and (tables or version or app_id):
        raise DataFileNotOursError(
            path,
            "This file is not a Balcony data file: it is another program's SQLite database.",
            NOT_OURS_FIX,
        )
    if damage is not None:
        raise explain_failure(path, sqlite3.DatabaseError(damage), None)
    if version > SCHEMA_VERSION:
        raise DataFileTooNewError(
            path,
            f"This data file was written by a newer version of Balcony "
            f"(data version {version}; this version reads up to {SCHEMA_VERSION}).",
            "Update Balcony to open it. Nothing in the file has been changed.",
        )
    return int(version)
