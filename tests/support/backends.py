"""Both back ends for the domain's tests: a workspace on SQLite and one on PostgreSQL.

The PostgreSQL server is the throwaway one the test command starts (scripts/test-postgres),
named by $BALCONY_TEST_POSTGRES. Without it the PostgreSQL cases are skipped, unless
$BALCONY_REQUIRE_POSTGRES is set (as the test command sets it), when they fail instead: a
suite that quietly ran on one back end would claim what it never checked.

Each test gets an empty database: one per test process, made once, and emptied (every
table truncated, ids from 1 again) before each test, which is much faster than a new one.
A test that changes the tables themselves asks for a database of its own by name.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from facilitator.common.clock import FakeClock
from facilitator.storage.location import ServerAddress
from facilitator.workspace import Workspace

SERVER_ENV = "BALCONY_TEST_POSTGRES"
REQUIRE_ENV = "BALCONY_REQUIRE_POSTGRES"
BACK_ENDS = ("sqlite", "postgresql")

_made: set[str] = set()


def server_admin_url() -> str:
    """The test server's address, or skip (fail, where it is required) without one."""
    url = os.environ.get(SERVER_ENV, "").strip()
    if not url:
        message = f"no PostgreSQL server for the tests (${SERVER_ENV} is unset)"
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(message)
        pytest.skip(message)
    return url


def _admin_connection(url: str):  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(url, autocommit=True)


def empty_server_database(name: str | None = None) -> ServerAddress:
    """An empty database of this test process on the test server, made on first use."""
    admin = server_admin_url()
    name = name or f"balcony_test_{os.getpid()}"
    address = ServerAddress.parse(f"{admin.rsplit('/', 1)[0]}/{name}")
    if name not in _made:
        with _admin_connection(admin) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        _made.add(name)
        return address
    with _admin_connection(address.url) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "AND tablename <> 'balcony_schema'"
            )
        ]
        # DELETE, not TRUNCATE: on tables of a few rows it is ten times faster. Without
        # the foreign keys' triggers, so the order does not matter.
        with conn.transaction():
            conn.execute("SET LOCAL session_replication_role = replica")
            for table in tables:
                conn.execute(f'DELETE FROM "{table}"')
            for (sequence,) in conn.execute(
                "SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()"
            ).fetchall():
                conn.execute(f"SELECT setval('\"{sequence}\"', 1, false)")
    return address


def drop_server_databases() -> None:
    url = os.environ.get(SERVER_ENV, "").strip()
    if not url or not _made:
        return
    with _admin_connection(url) as conn:
        for name in sorted(_made):
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _made.clear()


def open_workspace_on(back_end: str, clock: FakeClock) -> Workspace:
    if back_end == "postgresql":
        return Workspace.open(empty_server_database(), clock)
    return Workspace.in_memory(clock)


@pytest.fixture(params=BACK_ENDS, name="workspace")
def workspace_on_each_back_end(
    request: pytest.FixtureRequest, clock: FakeClock
) -> Iterator[Workspace]:
    """The `workspace` of the tests in this folder, on SQLite and again on PostgreSQL."""
    ws = open_workspace_on(request.param, clock)
    yield ws
    ws.close()


@pytest.fixture
def two_people() -> Iterator[tuple[Workspace, Workspace]]:
    """Two people's workspaces on one shared database on the test server."""
    address = empty_server_database()
    mine, theirs = Workspace.open(address, FakeClock()), Workspace.open(address, FakeClock())
    yield mine, theirs
    mine.close()
    theirs.close()
