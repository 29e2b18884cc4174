"""A shared database on a PostgreSQL server: the same tables as a data file, for a region.

Opening goes: reach the server with its own sign-in → hold Balcony's advisory lock, so two
laptops opening a new database at once do not both make its tables → check what is there
(nothing, or Balcony's tables of this version or older; anything else is refused and left
as it was) → make what is missing and bring older tables up to date → stamp the version.

What SQLite keeps in the file's header, PostgreSQL keeps in a table of its own,
`balcony_schema`: the application id and the schema version. There is no writer lock (many
people use the server at once: rows edited from two places carry a version, versioned.py),
no backup file (the server's own backups, pg_dump, serve), and no glance.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, NoSuchModuleError
from sqlmodel import SQLModel, create_engine

from facilitator.storage.errors import DataFileNotOursError, DataFileTooNewError, DataServerError
from facilitator.storage.identity import APPLICATION_ID, SCHEMA_VERSION
from facilitator.storage.location import ServerAddress
from facilitator.storage.migrations import upgrade
from facilitator.storage.schema_check import schema_problem

SCHEMA_TABLE = "balcony_schema"
INSTALL_FIX = (
    "Install Balcony's PostgreSQL support (pip install 'balcony[postgres]'), or open a data file."
)
_REACH_FIX = (
    "Check the address, that the server is running and that this computer may reach it "
    "(ask whoever runs the server), or open a data file instead."
)
_SIGN_IN_FIX = (
    "Balcony signs in with the server's own sign-in and never keeps a password: put it in "
    "a ~/.pgpass file (or the PGPASSWORD variable), or ask for access to be set up."
)


def create_server_engine(address: ServerAddress) -> Engine:
    try:
        return create_engine(
            address.driver_url,
            # A laptop on a venue's network loses its connections: test each before use.
            pool_pre_ping=True,
            connect_args={"connect_timeout": 10, "application_name": "Balcony"},
        )
    except (ModuleNotFoundError, NoSuchModuleError) as exc:
        raise DataServerError(
            address,
            "This Balcony cannot reach PostgreSQL servers: psycopg is missing.",
            INSTALL_FIX,
        ) from exc


def prepare_server(engine: Engine, address: ServerAddress) -> None:
    """Checks the database and brings its tables to this version; raises DataFileError."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f"SELECT pg_advisory_lock({APPLICATION_ID})")
            conn.commit()
            try:
                _prepare(conn, address)
            finally:
                conn.rollback()
                conn.exec_driver_sql(f"SELECT pg_advisory_unlock({APPLICATION_ID})")
                conn.commit()
    except DBAPIError as exc:
        raise explain_server_failure(address, exc) from exc


def _prepare(conn: Connection, address: ServerAddress) -> None:
    found = found_version(conn, address)
    if found > SCHEMA_VERSION:
        raise DataFileTooNewError(
            address,
            f"This database was written by a newer version of Balcony (data version {found}; "
            f"this version reads up to {SCHEMA_VERSION}).",
            "Update Balcony to open it. Nothing in the database has been changed.",
        )
    if found:
        problem = schema_problem(
            server_columns(conn), SQLModel.metadata, current=found == SCHEMA_VERSION
        )
        if problem is not None:
            raise DataServerError(
                address,
                f"This database's tables are not as Balcony made them: {problem}. "
                "Balcony has not changed it.",
                "Ask whoever runs the server to restore it from a backup.",
            )
    # A new database gets every table and its stamp in one transaction: DDL is
    # transactional on PostgreSQL, so a failure part-way leaves it empty.
    SQLModel.metadata.create_all(conn)
    if found == 0:
        conn.exec_driver_sql(
            f"CREATE TABLE {SCHEMA_TABLE} "
            "(application_id BIGINT NOT NULL, version INTEGER NOT NULL)"
        )
        conn.exec_driver_sql(
            f"INSERT INTO {SCHEMA_TABLE} VALUES ({APPLICATION_ID}, {SCHEMA_VERSION})"
        )
    conn.commit()
    if 0 < found < SCHEMA_VERSION:
        upgrade(ServerSteps(conn), found, SCHEMA_VERSION)


def found_version(conn: Connection, address: ServerAddress) -> int:
    """The database's schema version: 0 when it is empty (new); refuses another's tables."""
    tables = set(inspect(conn).get_table_names())
    if SCHEMA_TABLE not in tables:
        if not tables:
            return 0
        raise DataFileNotOursError(
            address,
            f"This database holds tables that are not Balcony's (“{sorted(tables)[0]}” among "
            "them); Balcony has not changed it.",
            "Ask for an empty database of its own for Balcony (createdb), or check the address.",
        )
    row = conn.exec_driver_sql(f"SELECT application_id, version FROM {SCHEMA_TABLE}").first()
    if row is None or row[0] != APPLICATION_ID:
        raise DataFileNotOursError(
            address,
            "This database's version table is not Balcony's; Balcony has not changed it.",
            "Check the address, or ask for an empty database of its own for Balcony.",
        )
    return int(row[1])


def server_columns(conn: Connection) -> Callable[[str], set[str]]:
    """The columns a table of the database has (none for a table it lacks)."""

    def columns_of(table: str) -> set[str]:
        rows = conn.exec_driver_sql(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = %(table)s",
            {"table": table},
        )
        return {str(row[0]) for row in rows}

    return columns_of


class ServerSteps:
    """A migration's steps on the server: the version is the `balcony_schema` row."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.columns = server_columns(conn)

    def execute(self, statement: str) -> None:
        self.conn.exec_driver_sql(statement)

    def begin(self) -> None:
        if not self.conn.in_transaction():
            self.conn.begin()

    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.rollback()

    def stamp(self, version: int) -> None:
        self.conn.exec_driver_sql(f"UPDATE {SCHEMA_TABLE} SET version = {int(version)}")


def explain_server_failure(address: ServerAddress, exc: BaseException) -> DataServerError:
    """The error to show when the server refused or could not be reached, with its fix."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc) else ""
    lowered = text.lower()
    if "password" in lowered or "authentication" in lowered or "role" in lowered:
        return DataServerError(
            address, f"The database server did not accept the sign-in ({text}).", _SIGN_IN_FIX
        )
    if any(
        words in lowered
        for words in ("permission denied", "must be owner", "no schema has been selected")
    ):
        return DataServerError(
            address,
            f"Your sign-in may not make or change Balcony's tables in this database ({text}).",
            "Ask whoever runs the server to let it (GRANT ALL ON SCHEMA public TO you), or to "
            "open the database with Balcony once themselves.",
        )
    if "does not exist" in lowered and "database" in lowered:
        return DataServerError(
            address,
            f"There is no database “{address.database}” on that server.",
            "Check the address, or ask whoever runs the server to create it (createdb).",
        )
    if "connection" in lowered or "timeout" in lowered or "could not" in lowered:
        cause = text.rsplit(":", 1)[-1].strip().rstrip(".") or text
        return DataServerError(
            address,
            f"Balcony could not reach the database server at {address.host} ({cause}).",
            _REACH_FIX,
        )
    return DataServerError(
        address, f"Balcony could not use the database server ({text}).", _REACH_FIX
    )
