"""The one place that owns the database: opening, checking, migrating, and sessions.

Everything else asks for `session_scope()`; nothing else creates an engine.

Opening a file to write it goes: is it a regular, readable SQLite file we may write beside →
claim it as its one writer (single_writer.py) → check it on a read-only connection (ours,
not damaged, not too new: file_inspection.py) → only then open it for writing. A file
refused at any step is left byte for byte as it was, with nothing new beside it. A shared
database on a PostgreSQL server is opened by server.py, into the same Database.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import SingletonThreadPool, StaticPool
from sqlmodel import Session as DbSession
from sqlmodel import SQLModel, create_engine

# Every table must be registered on SQLModel.metadata before create_all, here, whatever
# else has been imported: the app loads most of its code only when first used.
import facilitator.storage.models
import facilitator.storage.record_tables  # noqa: F401
import question_bank.tables  # noqa: F401
from facilitator.storage.errors import (
    ChangedElsewhereError,
    DataFileDamagedError,
    DataFileError,
    DataFileInUseError,
    DataFileLockedError,
    DataFileNotOursError,
    DataFileReadOnlyError,
    DataFileTooNewError,
    DataServerError,
)
from facilitator.storage.file_checks import (
    check_file,
    check_writable,
    read_only_folder,
)
from facilitator.storage.file_inspection import (
    check_contents,
    explain_failure,
    file_uri,
    side_files,
)
from facilitator.storage.files import (
    create_owner_only_file,
    create_owner_only_folders,
    make_owner_only,
)
from facilitator.storage.identity import APPLICATION_ID, SCHEMA_VERSION
from facilitator.storage.location import DataLocation, ServerAddress
from facilitator.storage.migrations import upgrade
from facilitator.storage.single_writer import WriterLock, WriterLockHeldError, claim
from facilitator.storage.write_faults import (
    CHANGED_ELSEWHERE,
    WriteFailedError,
    describe,
    describe_server,
)

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "ChangedElsewhereError",
    "DataFileDamagedError",
    "DataFileError",
    "DataFileInUseError",
    "DataFileLockedError",
    "DataFileNotOursError",
    "DataFileReadOnlyError",
    "DataFileTooNewError",
    "DataServerError",
    "Database",
    "open_database",
    "open_memory_database",
]


class Database:
    """`path` is the data file (None in memory or on a server); `server` the shared
    database's address when it lives on a PostgreSQL server."""

    def __init__(
        self,
        engine: Engine,
        path: Path | None,
        *,
        read_only: bool = False,
        writer_lock: WriterLock | None = None,
        server: ServerAddress | None = None,
    ) -> None:
        self.engine = engine
        self.path = path
        self.read_only = read_only
        self.server = server
        self._writer_lock = writer_lock

    @property
    def shared(self) -> bool:
        """On a server many people may change the same rows; refresh to see theirs."""
        return self.server is not None

    @contextmanager
    def session_scope(self) -> Iterator[DbSession]:
        """A unit of work: commits on success, rolls back on any error."""
        session = DbSession(self.engine, expire_on_commit=False)
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            session.rollback()
            raise ChangedElsewhereError(CHANGED_ELSEWHERE) from exc
        except DBAPIError as exc:  # what the database itself refused, not a mistake in a query
            session.rollback()
            if self.server is not None:
                raise WriteFailedError(describe_server(exc)) from exc
            if self.read_only and self.path is not None and "readonly" in str(exc):
                raise DataFileReadOnlyError(
                    self.path,
                    "This data file is open read-only, so the change was not saved.",
                    "Close the other Balcony window, then open the file again to make changes.",
                ) from exc
            # Every write the app makes is told the same way: a full disk, a lock held
            # elsewhere, a folder gone. The caller keeps what it was writing.
            raise WriteFailedError(describe(exc)) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()
        # Only after the last connection is closed, so the next writer finds the file at rest.
        if self._writer_lock is not None:
            self._writer_lock.release()


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 2000")
    # Deleted notes are overwritten on disk, not merely unlinked from the pages.
    cursor.execute("PRAGMA secure_delete = ON")
    cursor.close()


def _on_connect_read_only(dbapi_connection: Any, record: Any) -> None:
    _on_connect(dbapi_connection, record)
    dbapi_connection.execute("PRAGMA query_only = ON")


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


def open_database(path: DataLocation, *, read_only: bool = False) -> Database:
    """Open (or create) the data file at `path`, refusing anything we might damage; or the
    shared database on a PostgreSQL server when `path` is a ServerAddress (server.py).

    With `read_only`, the file must exist already; nothing is claimed and writes fail with
    DataFileReadOnlyError. Used when another Balcony window is the file's writer.
    """
    if isinstance(path, ServerAddress):
        return _open_server(path)
    path = Path(path)
    check_file(path)
    if read_only:
        return _open_read_only(path)
    check_writable(path)
    try:
        create_owner_only_folders(path.parent)
    except OSError as exc:
        raise DataFileError(
            path,
            f"The folder for the data file cannot be created ({exc.strerror}).",
            "Choose a data file in a folder you can write to.",
        ) from exc
    lock = _claim(path)
    try:
        found_version = check_contents(path)
        if not create_owner_only_file(path):
            make_owner_only(path)
        engine = _engine(lambda: sqlite3.connect(str(path), check_same_thread=False), _on_connect)
        try:
            _prepare(engine, path, found_version)
        except BaseException:
            engine.dispose()
            raise
    except BaseException:
        lock.release()
        raise
    return Database(engine, path, writer_lock=lock)


def _open_server(address: ServerAddress) -> Database:
    # Imported here: a laptop on its data file never needs the server's code.
    from facilitator.storage.server import create_server_engine, prepare_server

    engine = create_server_engine(address)
    try:
        prepare_server(engine, address)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, None, server=address)


def _engine(connect: Callable[[], sqlite3.Connection], on_connect: Any) -> Engine:
    # One pooled connection, not one per unit of work: opening a connection costs more than
    # the small writes the console makes on every bullet. `creator` keeps the path out of a
    # URL, where a "?" or "#" in a folder name would be misread.
    engine = create_engine("sqlite://", creator=connect, poolclass=SingletonThreadPool)
    event.listen(engine, "connect", on_connect)
    return engine


def _prepare(engine: Engine, path: Path, found_version: int) -> None:
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode = WAL")
        # SQLite gives its side files the data file's mode; this is for files made by an
        # older Balcony, before the data file was owner-only.
        for side in side_files(path):
            make_owner_only(side)
        # Adds any missing tables; a new file gets every column here and needs no steps.
        SQLModel.metadata.create_all(engine)
        if 0 < found_version < SCHEMA_VERSION:
            _migrate(engine, path, found_version)
        with engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except DataFileError:
        raise
    except Exception as exc:
        raise explain_failure(path, exc, "The data file could not be prepared") from exc


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


def _claim(path: Path) -> WriterLock:
    try:
        return claim(path)
    except WriterLockHeldError as held:
        raise DataFileInUseError(path, held.holder_pid) from held
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise read_only_folder(path, path.parent) from exc
        raise DataFileError(
            path,
            f"The data file's lock could not be made beside it ({exc.strerror}).",
            "Check the disk has space, then try again, or open another data file.",
        ) from exc


def _open_read_only(path: Path) -> Database:
    if not path.is_file() or path.stat().st_size == 0:
        raise DataFileError(
            path, "There is no data file here to open read-only.", "Open another data file."
        )
    version = check_contents(path)
    if version < SCHEMA_VERSION:
        raise DataFileError(
            path,
            f"This data file was written by an older version of Balcony (data version "
            f"{version}); it must be brought up to date, which cannot be done read-only.",
            "Close the other Balcony window, then open the file normally.",
        )
    uri = file_uri(path, "mode=ro")
    if not os.access(path.parent, os.W_OK):
        # SQLite cannot make its shared-memory file in a read-only folder; nobody can write
        # the file there either, so reading it as unchanging is safe.
        uri = file_uri(path, "immutable=1")
    engine = _engine(
        lambda: sqlite3.connect(uri, uri=True, check_same_thread=False), _on_connect_read_only
    )
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except Exception as exc:
        engine.dispose()
        raise explain_failure(path, exc, "The data file could not be opened") from exc
    return Database(engine, path, read_only=True)
