from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from facilitator.common.vocabulary import ExchangeKind, NoteTag, PlenaryQuestion
from facilitator.demo import create_demo_day
from facilitator.pool.people import ChallengerDetails
from facilitator.storage.database import SCHEMA_VERSION, DataFileError, DataFileTooNewError
from facilitator.storage.migrations import MIGRATIONS, pending, upgrade
from facilitator.workspace import Workspace


def columns(path: Path, table: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def drop_the_asker_column(conn: sqlite3.Connection) -> None:
    """The scale answer table as versions 1 and 2 had it. SQLite cannot drop a column that has
    a foreign key, so the table is built again without it."""
    conn.executescript(
        """
        ALTER TABLE scaleanswer RENAME TO scaleanswer_v3;
        CREATE TABLE scaleanswer (
            id INTEGER NOT NULL PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
            question_id VARCHAR NOT NULL,
            authority_id INTEGER NOT NULL REFERENCES authority (id),
            value INTEGER NOT NULL,
            answered_at DATETIME NOT NULL
        );
        INSERT INTO scaleanswer
            SELECT id, session_id, question_id, authority_id, value, answered_at
            FROM scaleanswer_v3;
        DROP TABLE scaleanswer_v3;
        CREATE INDEX ix_scaleanswer_session_id ON scaleanswer (session_id);
        """
    )


def drop_the_focus_risk_words(conn: sqlite3.Connection) -> None:
    """The focus risk table as versions 1 to 3 had it: pinned from the bank only."""
    conn.execute("ALTER TABLE focusrisk DROP COLUMN text")


def make_version_3_file(path: Path) -> tuple[int, int]:
    """A data file as version 3 left it: the demo's focus risks, action, ask and offer are
    bullets with those tags, beside a theme pinned from the bank and an action typed in the
    Record panel. Returns the day and the first session."""
    workspace = Workspace.open(path)
    day_id = create_demo_day(workspace.planner, workspace.notebook)  # bullets, not items
    session = workspace.planner.day_plan(day_id).stages[1].session_id or 0
    workspace.questions.pin(session, "budget")
    workspace.actions.add(session, "Share the audit tool")
    workspace.close()
    conn = sqlite3.connect(path)
    drop_the_focus_risk_words(conn)
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    return day_id, session


def make_version_1_file(path: Path) -> int:
    """A data file as Balcony 0.1 left it: no turn column, no introduction or setting table."""
    workspace = Workspace.open(path)
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    workspace.close()
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE session DROP COLUMN turn")
    drop_the_asker_column(conn)
    drop_the_focus_risk_words(conn)
    conn.execute("DROP TABLE introduction")
    conn.execute("DROP TABLE setting")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    return day_id


def make_version_2_file(path: Path) -> tuple[int, int, int]:
    """A data file as version 2 left it: a scale answer credited to whoever was asking.

    Returns the day, the session and the authority the old answer is stored against."""
    workspace = Workspace.open(path)
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    session = workspace.planner.day_plan(day_id).stages[1].session_id or 0
    asker = workspace.turns.current(session).authority_id
    workspace.close()
    conn = sqlite3.connect(path)
    drop_the_asker_column(conn)
    drop_the_focus_risk_words(conn)
    conn.execute(
        "INSERT INTO scaleanswer (session_id, question_id, authority_id, value, answered_at) "
        "VALUES (?, 'budget-02', ?, 6, '2026-01-01 10:00:00')",
        (session, asker),
    )
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    return day_id, session, asker


def test_the_schema_is_at_version_8() -> None:
    assert SCHEMA_VERSION == 8
    assert [version for version, _ in MIGRATIONS] == [2, 3, 4, 5, 6, 7, 8]


POOL_TABLES = ("challenger", "reviewserved")
REVIEW_TABLES = ("review", "reviewmember")


def table_sql(
    path: Path, tables: tuple[str, ...] = POOL_TABLES
) -> dict[str, list[tuple[object, ...]]]:
    """Tables as SQLite describes them (the pool's unless told): columns (by name: a column
    added by a step comes last, the model's versioned rows have it first), foreign keys,
    indexes (by name: SQLAlchemy makes a table's indexes in no set order)."""
    conn = sqlite3.connect(path)
    try:
        described = {
            f"foreign_key_list {table}": conn.execute(
                f"PRAGMA foreign_key_list({table})"
            ).fetchall()
            for table in tables
        }
        for table in tables:
            columns = conn.execute(f"PRAGMA table_info({table})").fetchall()
            described[f"table_info {table}"] = sorted(row[1:] for row in columns)
        for table in tables:
            indexes = conn.execute(f"PRAGMA index_list({table})").fetchall()
            described[f"index_list {table}"] = sorted(row[1:] for row in indexes)
        return described
    finally:
        conn.close()


def test_a_version_5_file_gains_the_review_tables_and_keeps_its_pool(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.sqlite"
    Workspace.open(fresh).close()
    path = tmp_path / "balcony.sqlite"
    workspace = Workspace.open(path)
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    person = workspace.pool.add(ChallengerDetails("Alex Tester", "Northshire"))
    workspace.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE reviewmember")
    conn.execute("DROP TABLE review")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    assert "review" not in names_in_file(path)

    workspace = Workspace.open(path)
    try:
        assert [d.id for d in workspace.planner.list_days()] == [day_id]
        assert workspace.pool.people() == (person,)
        assert workspace.reviews.list() == ()
    finally:
        workspace.close()
    assert user_version(path) == SCHEMA_VERSION
    assert table_sql(path, REVIEW_TABLES) == table_sql(fresh, REVIEW_TABLES)


def test_the_review_step_on_its_own_makes_the_tables_the_models_make(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.sqlite"
    Workspace.open(fresh).close()
    path = tmp_path / "bare.sqlite"
    conn = sqlite3.connect(path)
    assert upgrade(conn, 4, SCHEMA_VERSION) == SCHEMA_VERSION
    conn.close()
    # The review table has gained a column since (step 7, below).
    tables = (*POOL_TABLES, "reviewmember")
    assert table_sql(path, tables) == table_sql(fresh, tables)


def names_in_file(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


def test_a_version_4_file_gains_the_pool_and_keeps_its_days(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.sqlite"
    Workspace.open(fresh).close()
    path = tmp_path / "balcony.sqlite"
    workspace = Workspace.open(path)
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    workspace.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE reviewserved")
    conn.execute("DROP TABLE challenger")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()

    workspace = Workspace.open(path)
    try:
        assert [d.id for d in workspace.planner.list_days()] == [day_id]
        assert workspace.pool.people() == ()
    finally:
        workspace.close()
    assert user_version(path) == SCHEMA_VERSION
    assert table_sql(path) == table_sql(fresh)


def test_the_pool_step_on_its_own_makes_the_tables_the_models_make(tmp_path: Path) -> None:
    """The step does not lean on create_all: run alone, it builds the same tables."""
    fresh = tmp_path / "fresh.sqlite"
    Workspace.open(fresh).close()
    path = tmp_path / "bare.sqlite"
    conn = sqlite3.connect(path)
    assert upgrade(conn, 4, SCHEMA_VERSION) == SCHEMA_VERSION
    conn.close()
    assert table_sql(path) == table_sql(fresh)


def test_a_version_3_file_s_tagged_bullets_become_the_items_they_name(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    day_id, session = make_version_3_file(path)

    workspace = Workspace.open(path)
    try:
        focus = workspace.questions.focus(session)
        assert [(f.theme_id, f.text) for f in focus] == [
            ("budget", ""),  # pinned from the bank, first as it was
            ("", "Turnover in senior leadership"),
            ("", "Budget pressure in placements"),
        ]
        assert [a.text for a in workspace.actions.for_session(session)] == [
            "Share the audit tool",
            "Test the placement sufficiency plan with the lead member before Easter.",
        ]
        exchanges = workspace.exchanges.for_session(session)
        presenting = workspace.session_facts.get(session).authority_id
        assert [(x.kind, x.authority_id) for x in exchanges] == [
            (ExchangeKind.ASK, presenting),
            (ExchangeKind.OFFER, presenting),
        ]
        tags = {n.tag for n in workspace.notebook.for_session(session)}
        assert not tags & {NoteTag.ACTION, NoteTag.ASK, NoteTag.OFFER}
        assert len(workspace.notebook.for_session(session)) == 7  # the other bullets stay
        # a focus risk that came from a bullet is one of the list: it can go, and come back
        removed = workspace.questions.focus_risks.delete(focus[1].id)
        workspace.questions.focus_risks.restore(removed)
        assert workspace.questions.focus(session) == focus
    finally:
        workspace.close()
    assert user_version(path) == SCHEMA_VERSION
    assert day_id


def test_a_version_2_file_keeps_its_scale_answers_as_they_were(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    _, session, asker = make_version_2_file(path)
    assert "asked_by_authority_id" not in columns(path, "scaleanswer")

    workspace = Workspace.open(path)
    try:
        # Nothing says who asked an old answer, nor whether it was the presenter's own
        # rating: it stays as it was stored, with no asker.
        (old,) = workspace.questions.scale_answers(session)
        assert (old.authority_id, old.value, old.asked_by_authority_id) == (asker, 6, None)
        workspace.questions.record_scale(session, "budget-02", 7, asked_by=asker)
        presenter = workspace.questions.rating(session, "budget-02")
        assert presenter is not None
        assert presenter.asked_by_authority_id == asker
    finally:
        workspace.close()

    assert "asked_by_authority_id" in columns(path, "scaleanswer")
    assert user_version(path) == SCHEMA_VERSION


def test_a_version_1_file_is_brought_up_to_date_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    day_id = make_version_1_file(path)
    assert "turn" not in columns(path, "session")

    workspace = Workspace.open(path)
    try:
        plan = workspace.planner.day_plan(day_id)
        assert [p.name for p in plan.participants] == ["Ashvale", "Brackenmoor", "Corriford"]
        notes = workspace.notebook.for_session(plan.stages[1].session_id or 0)
        assert len(notes) == 7  # the demo's other five are its focus risks and outcomes
        session_id = plan.stages[1].session_id or 0
        assert len(workspace.questions.focus(session_id)) == 2
        session = plan.stages[1].session_id or 0
        assert workspace.turns.current(session).authority_name == "Brackenmoor"
        assert workspace.turns.next(session).authority_name == "Corriford"
        workspace.introductions.record(day_id, name="Ada", gives="time")
        workspace.plenary.add(day_id, PlenaryQuestion.PRIORITIES, "Sufficiency")
        workspace.suggestion_patterns.set_patterns(["you should"])
    finally:
        workspace.close()

    assert "turn" in columns(path, "session")
    assert "asked_by_authority_id" in columns(path, "scaleanswer")
    assert user_version(path) == SCHEMA_VERSION


def test_opening_an_upgraded_file_again_changes_nothing_more(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    make_version_1_file(path)
    Workspace.open(path).close()
    before = columns(path, "session")

    Workspace.open(path).close()

    assert columns(path, "session") == before
    assert before.count("turn") == 1


def test_a_new_file_gets_the_column_from_its_tables_not_from_a_step(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"

    Workspace.open(path).close()  # the ALTER TABLE would fail here: the column exists

    assert "turn" in columns(path, "session")
    assert user_version(path) == SCHEMA_VERSION


def test_a_file_from_a_newer_balcony_is_still_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    Workspace.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()

    with pytest.raises(DataFileTooNewError, match="newer version of Balcony"):
        Workspace.open(path)

    assert path.read_bytes() == before


def test_a_step_that_fails_is_reported_and_leaves_the_file_at_its_version(
    tmp_path: Path,
) -> None:
    path = tmp_path / "balcony.sqlite"
    make_version_1_file(path)
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE session ADD COLUMN turn INTEGER")  # the step will collide
    conn.commit()
    conn.close()

    with pytest.raises(DataFileError, match="could not be brought up to date") as caught:
        Workspace.open(path)

    assert "duplicate column" in caught.value.problem
    assert user_version(path) == 1


def test_each_step_is_one_transaction_with_its_version_stamp() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (a INTEGER)")
    conn.execute("PRAGMA user_version = 1")
    steps = [
        (2, ["ALTER TABLE t ADD COLUMN b INTEGER"]),
        (3, ["ALTER TABLE t ADD COLUMN c INTEGER", "ALTER TABLE nowhere ADD COLUMN d"]),
    ]

    with pytest.raises(sqlite3.OperationalError, match="nowhere"):
        upgrade(conn, 1, 3, steps)

    assert [row[1] for row in conn.execute("PRAGMA table_info(t)")] == ["a", "b"]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert conn.isolation_level == ""  # the caller's setting is given back


def test_pending_steps_are_those_between_the_versions_in_order() -> None:
    steps = [(4, ["d"]), (2, ["b"]), (3, ["c"])]
    assert [v for v, _ in pending(1, 4, steps)] == [2, 3, 4]
    assert [v for v, _ in pending(2, 3, steps)] == [3]
    assert pending(4, 4, steps) == []


FOLLOW_UP_TABLES = ("reviewfinding", "followup")


def test_a_version_6_file_gains_the_follow_up_and_keeps_its_reviews(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.sqlite"
    Workspace.open(fresh).close()
    path = tmp_path / "balcony.sqlite"
    workspace = Workspace.open(path)
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    workspace.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE followup")
    conn.execute("DROP TABLE reviewfinding")
    conn.execute("ALTER TABLE review DROP COLUMN hypotheses")
    conn.execute("ALTER TABLE recordversion DROP COLUMN review_id")
    conn.execute("ALTER TABLE recordstate DROP COLUMN review_id")
    conn.execute(
        "INSERT INTO review (kind, host, lead_words, leads, qa, date_words, kloe, days) "
        "VALUES ('PCTR', 'Northshire', '', '', '', 'TBC', 'Early help', '')"
    )
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()

    workspace = Workspace.open(path)
    try:
        assert [d.id for d in workspace.planner.list_days()] == [day_id]
        (review,) = workspace.reviews.list()
        assert (review.host, review.draft.kloe) == ("Northshire", "Early help")
    finally:
        workspace.close()
    assert user_version(path) == SCHEMA_VERSION
    assert table_sql(path, FOLLOW_UP_TABLES) == table_sql(fresh, FOLLOW_UP_TABLES)
    assert "hypotheses" in columns(path, "review")
    assert "review_id" in columns(path, "recordversion")
    assert "review_id" in columns(path, "recordstate")


def test_the_follow_up_step_on_its_own_makes_the_tables_the_models_make(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.sqlite"
    Workspace.open(fresh).close()
    path = tmp_path / "bare.sqlite"
    conn = sqlite3.connect(path)
    assert upgrade(conn, 4, SCHEMA_VERSION) == SCHEMA_VERSION
    conn.close()
    tables = (*POOL_TABLES, "reviewmember", *FOLLOW_UP_TABLES)
    assert table_sql(path, tables) == table_sql(fresh, tables)
    # An added column keeps a default for the rows it finds; a new table needs none.
    assert sorted(columns(path, "review")) == sorted(columns(fresh, "review"))
