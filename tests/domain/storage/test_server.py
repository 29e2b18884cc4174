"""A shared database on a real PostgreSQL server (the test command's throwaway one)."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text

from facilitator.common.clock import FakeClock
from facilitator.demo import create_demo_day
from facilitator.storage.database import (
    SCHEMA_VERSION,
    DataFileNotOursError,
    DataFileTooNewError,
    DataServerError,
    open_database,
)
from facilitator.storage.location import ServerAddress
from facilitator.storage.migrations import AddColumn, upgrade
from facilitator.storage.server import SCHEMA_TABLE, ServerSteps
from facilitator.storage.versioned import VERSIONED_TABLES
from facilitator.workspace import Workspace
from tests.support.backends import empty_server_database, server_admin_url

OWN = "balcony_test_server"  # these tests change the tables themselves: a database of their own


@pytest.fixture
def address() -> ServerAddress:
    """A database with nothing in it at all, not even Balcony's tables."""
    address = empty_server_database(OWN)
    with psycopg.connect(address.url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    return address


def run_sql(address: ServerAddress, *statements: str) -> list[tuple[object, ...]]:
    with psycopg.connect(address.url, autocommit=True) as conn:
        rows: list[tuple[object, ...]] = []
        for statement in statements:
            cursor = conn.execute(statement)
            if cursor.description:
                rows = list(cursor.fetchall())
        return rows


def test_a_new_database_gets_every_table_and_is_stamped_with_this_version(
    address: ServerAddress, clock: FakeClock
) -> None:
    workspace = Workspace.open(address, clock)
    try:
        assert workspace.db.shared
        assert workspace.data_path is None
        assert workspace.backups is None  # the server's own backups serve
        day_id = create_demo_day(workspace.planner, workspace.notebook)
    finally:
        workspace.close()
    assert run_sql(address, f"SELECT application_id, version FROM {SCHEMA_TABLE}") == [
        (0x42414C43, SCHEMA_VERSION)
    ]
    again = Workspace.open(address, clock)
    try:
        assert [d.id for d in again.planner.list_days()] == [day_id]
    finally:
        again.close()


def test_another_programs_database_is_refused_and_left_as_it_was(address: ServerAddress) -> None:
    run_sql(address, "CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(DataFileNotOursError, match="not Balcony's") as caught:
        open_database(address)
    assert caught.value.path == address
    assert run_sql(
        address, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
    ) == [("invoices",)]


def test_a_database_from_a_newer_balcony_is_refused_unchanged(address: ServerAddress) -> None:
    open_database(address).close()
    run_sql(address, f"UPDATE {SCHEMA_TABLE} SET version = {SCHEMA_VERSION + 1}")
    with pytest.raises(DataFileTooNewError, match="newer version of Balcony"):
        open_database(address)
    assert run_sql(address, f"SELECT version FROM {SCHEMA_TABLE}") == [(SCHEMA_VERSION + 1,)]


def test_a_version_7_database_gains_row_versions_and_keeps_its_days(
    address: ServerAddress, clock: FakeClock
) -> None:
    workspace = Workspace.open(address, clock)
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    notes = len(workspace.notebook.for_session(1))
    workspace.close()
    run_sql(
        address,
        *(f'ALTER TABLE "{table}" DROP COLUMN row_version' for table in VERSIONED_TABLES),
        f"UPDATE {SCHEMA_TABLE} SET version = 7",
    )

    workspace = Workspace.open(address, clock)
    try:
        assert [d.id for d in workspace.planner.list_days()] == [day_id]
        assert len(workspace.notebook.for_session(1)) == notes
        assert {n.row_version for n in workspace.notebook.for_session(1)} == {1}
    finally:
        workspace.close()
    assert run_sql(address, f"SELECT version FROM {SCHEMA_TABLE}") == [(SCHEMA_VERSION,)]
    assert run_sql(
        address,
        "SELECT count(*) FROM information_schema.columns "
        "WHERE table_schema = 'public' AND column_name = 'row_version'",
    ) == [(len(VERSIONED_TABLES),)]


def test_a_step_that_fails_on_the_server_leaves_the_last_complete_version(
    address: ServerAddress,
) -> None:
    database = open_database(address)
    steps = (
        (SCHEMA_VERSION + 1, (AddColumn("cycle", "motto VARCHAR NOT NULL DEFAULT ''"),)),
        (SCHEMA_VERSION + 2, (AddColumn("cycle", "colour VARCHAR"), "SELECT no_such_function()")),
    )
    try:
        with database.engine.connect() as conn, pytest.raises(Exception, match="no_such_function"):
            upgrade(ServerSteps(conn), SCHEMA_VERSION, SCHEMA_VERSION + 2, steps)
    finally:
        database.close()
    assert run_sql(address, f"SELECT version FROM {SCHEMA_TABLE}") == [(SCHEMA_VERSION + 1,)]
    columns = {
        row[0]
        for row in run_sql(
            address,
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'cycle'",
        )
    }
    assert "motto" in columns
    assert "colour" not in columns  # the failed step's column went with it


def test_a_server_that_cannot_be_reached_is_told_with_its_fix() -> None:
    admin = server_admin_url()
    port = int(admin.rsplit(":", 1)[1].split("/")[0])
    unreachable = ServerAddress.parse(f"postgresql://nobody@127.0.0.1:{port + 1}/balcony")
    with pytest.raises(DataServerError, match="could not reach the database server") as caught:
        open_database(unreachable)
    assert caught.value.problem == (
        f"Balcony could not reach the database server at 127.0.0.1:{port + 1} (Connection refused)."
    )
    assert "server is running" in caught.value.fix


def test_a_missing_database_and_an_unknown_user_are_told_apart() -> None:
    base = server_admin_url().rsplit("/", 1)[0]
    with pytest.raises(DataServerError, match="no database “nowhere”"):
        open_database(ServerAddress.parse(f"{base}/nowhere"))
    stranger = base.replace("//" + base.split("//")[1].split("@")[0], "//stranger")
    with pytest.raises(DataServerError, match="did not accept the sign-in") as caught:
        open_database(ServerAddress.parse(f"{stranger}/postgres"))
    assert "~/.pgpass" in caught.value.fix


def test_two_people_see_each_others_changes_and_never_overwrite_them(
    address: ServerAddress, clock: FakeClock
) -> None:
    mine, theirs = Workspace.open(address, clock), Workspace.open(address, clock)
    try:
        day_id = create_demo_day(mine.planner, mine.notebook)
        assert [d.id for d in theirs.planner.list_days()] == [day_id]  # on their refresh

        seen_by_me = mine.notebook.for_session(1)[0]
        seen_by_them = theirs.notebook.for_session(1)[0]
        changed = theirs.notebook.edit(
            seen_by_them.id, text="Their words", seen_version=seen_by_them.row_version
        )
        assert changed.row_version == seen_by_them.row_version + 1

        from facilitator.storage.errors import ChangedElsewhereError

        with pytest.raises(ChangedElsewhereError, match="someone else changed"):
            mine.notebook.edit(seen_by_me.id, text="My words", seen_version=seen_by_me.row_version)
        assert mine.notebook.get(seen_by_me.id).text == "Their words"

        # Once refreshed, mine is made on theirs.
        fresh = mine.notebook.get(seen_by_me.id)
        mine.notebook.edit(fresh.id, text="My words", seen_version=fresh.row_version)
        assert theirs.notebook.get(fresh.id).text == "My words"
    finally:
        mine.close()
        theirs.close()


def test_a_change_read_before_another_was_saved_is_refused_by_the_database(
    address: ServerAddress, clock: FakeClock
) -> None:
    """Without any version named by the caller: two units of work interleaved."""
    from facilitator.storage.errors import ChangedElsewhereError
    from facilitator.storage.models import Note

    mine, theirs = Workspace.open(address, clock), Workspace.open(address, clock)
    try:
        create_demo_day(mine.planner, mine.notebook)
        note_id = mine.notebook.for_session(1)[0].id
        with pytest.raises(ChangedElsewhereError), mine.db.session_scope() as s:  # noqa: PT012
            note = s.get(Note, note_id)
            assert note is not None
            theirs.notebook.edit(note_id, text="Theirs, saved first")
            note.text = "Mine, from what I read before"
        assert mine.notebook.get(note_id).text == "Theirs, saved first"
    finally:
        mine.close()
        theirs.close()


def test_a_password_in_the_address_is_refused_before_anything_is_kept() -> None:
    from facilitator.storage.location import ServerAddressError

    with pytest.raises(ServerAddressError, match="holds a password"):
        ServerAddress.parse("postgresql://ana:secret@db.example.org/balcony")


def test_the_server_sees_sql_through_the_same_sessions(address: ServerAddress) -> None:
    database = open_database(address)
    try:
        with database.session_scope() as s:
            assert s.execute(text("SELECT 1")).scalar() == 1
        assert database.engine.dialect.name == "postgresql"
    finally:
        database.close()


def test_a_sign_in_that_may_not_make_the_tables_is_told_what_to_ask_for(
    address: ServerAddress,
) -> None:
    run_sql(
        address,
        "DROP ROLE IF EXISTS balcony_reader",
        "CREATE ROLE balcony_reader LOGIN",
        "REVOKE ALL ON SCHEMA public FROM PUBLIC",
    )
    host_and_database = address.url.split("@", 1)[1]
    reader = ServerAddress.parse(f"postgresql://balcony_reader@{host_and_database}")
    try:
        with pytest.raises(DataServerError, match="may not make or change") as caught:
            open_database(reader)
        assert "GRANT ALL ON SCHEMA public" in caught.value.fix
    finally:
        run_sql(address, "GRANT ALL ON SCHEMA public TO PUBLIC", "DROP ROLE balcony_reader")
