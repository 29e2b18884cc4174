"""The one place that owns the database: opening, checking, migrating, and sessions.

Everything else asks for `session_scope()`; nothing else creates an engine.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import SingletonThreadPool, StaticPool
from sqlmodel import Session as DbSession
from sqlmodel import SQLModel, create_engine

# Our tables must be registered on SQLModel.metadata before create_all.
import question_bank.store  # noqa: F401
from facilitator.storage.migrations import upgrade

# Raise with a step in migrations.py whenever a table of an existing file must change.
SCHEMA_VERSION = 4
# "BALC" in ASCII: marks the file as ours, so we never write into someone else's database.
APPLICATION_ID = 0x42414C43
SQLITE_HEADER = b"SQLite format 3\x00"


class DataFileError(Exception):
    """A data file we cannot use. Says which file, what is wrong, and what to do."""

    def __init__(self, path: Path, problem: str, fix: str) -> None:
        super().__init__(f"{path}: {problem} {fix}")
        self.path = path
        self.problem = problem
        self.fix = fix


class DataFileTooNewError(DataFileError):
    pass


class DataFileLockedError(DataFileError):
    pass


class Database:
    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path

    @contextmanager
    def session_scope(self) -> Iterator[DbSession]:
        """A unit of work: commits on success, rolls back on any error."""
        session = DbSession(self.engine, expire_on_commit=False)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 2000")
    cursor.close()


def open_memory_database() -> Database:
    """A private in-memory database, for tests and previews."""
    engine = create_engine(
        "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
    )
    event.listen(engine, "connect", _on_connect)
    SQLModel.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return Database(engine, None)


def open_database(path: Path) -> Database:
    """Open (or create) the data file at `path`, refusing anything we might damage."""
    path = Path(path)
    _check_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFileError(
            path,
            f"The folder for the data file cannot be created ({exc.strerror}).",
            "Choose a data file in a folder you can write to.",
        ) from exc
    found_version = _check_contents(path)
    engine = create_engine(
        # One pooled connection, not one per unit of work: opening a connection costs more
        # than the small writes the console makes on every bullet.
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False},
        poolclass=SingletonThreadPool,
    )
    event.listen(engine, "connect", _on_connect)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode = WAL")
        # Adds any missing tables; a new file gets every column here and needs no steps.
        SQLModel.metadata.create_all(engine)
        if 0 < found_version < SCHEMA_VERSION:
            _migrate(engine, path, found_version)
        with engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except DataFileError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise DataFileError(
            path,
            f"The data file could not be prepared ({exc}).",
            "Check the disk has space and the file is not read-only, then try again.",
        ) from exc
    return Database(engine, path)


def _migrate(engine: Engine, path: Path, found_version: int) -> None:
    connection = engine.raw_connection()
    try:
        driver = connection.driver_connection
        if not isinstance(driver, sqlite3.Connection):
            raise RuntimeError("the data file is not open through sqlite3")
        upgrade(driver, found_version, SCHEMA_VERSION)
    except sqlite3.Error as exc:
        raise DataFileError(
            path,
            f"The data file could not be brought up to date for this version of Balcony "
            f"({exc}). Nothing in it has been lost.",
            "Check the disk has space and the file is not read-only, then try again.",
        ) from exc
    finally:
        connection.close()


def _check_file(path: Path) -> None:
    if not path.exists():
        return
    if path.is_dir():
        raise DataFileError(path, "This is a folder, not a data file.", "Choose a file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DataFileError(
            path,
            f"The data file cannot be read ({exc.strerror}).",
            "Check you have permission to open it, or open another data file.",
        ) from exc
    if header and header != SQLITE_HEADER:
        raise DataFileError(
            path,
            "This file is not a Balcony data file (it is not an SQLite database).",
            "Open another data file, or start a fresh one: the file will be left as it is.",
        )


def _check_contents(path: Path) -> int:
    """Read-only checks before SQLAlchemy touches the file, so a bad file stays unchanged.

    Returns the file's data version: 0 for a new (or empty) file.
    """
    if not path.exists() or path.stat().st_size == 0:
        return 0
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2)
    except sqlite3.Error as exc:
        raise DataFileError(
            path, f"The data file cannot be opened ({exc}).", "Open another data file."
        ) from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        integrity = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DataFileLockedError(
                path,
                "The data file is locked by another program.",
                "Close the other program (or the other Balcony window) and try again.",
            ) from exc
        raise DataFileError(
            path,
            f"The data file is damaged or unreadable ({exc}).",
            "Open another data file, or start fresh: the damaged file is kept as it is.",
        ) from exc
    except sqlite3.DatabaseError as exc:
        raise DataFileError(
            path,
            f"The data file is damaged or unreadable ({exc}).",
            "Open another data file, or start fresh: the damaged file is kept as it is.",
        ) from exc
    finally:
        conn.close()
    if integrity != "ok":
        raise DataFileError(
            path,
            f"The data file failed its integrity check ({integrity}).",
            "Open another data file, or start fresh: the damaged file is kept as it is.",
        )
    if tables and app_id != APPLICATION_ID:
        raise DataFileError(
            path,
            "This SQLite database belongs to another program, not Balcony.",
            "Open another data file, or start a fresh one: this file will not be changed.",
        )
    if version > SCHEMA_VERSION:
        raise DataFileTooNewError(
            path,
            f"This data file was written by a newer version of Balcony "
            f"(data version {version}; this version reads up to {SCHEMA_VERSION}).",
            "Update Balcony to open it. Nothing in the file has been changed.",
        )
    return int(version)
