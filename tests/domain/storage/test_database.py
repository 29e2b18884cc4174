from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from facilitator.common.vocabulary import NoteTag
from facilitator.demo import create_demo_day
from facilitator.storage.database import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    DataFileDamagedError,
    DataFileError,
    DataFileLockedError,
    DataFileNotOursError,
    DataFileTooNewError,
)
from facilitator.workspace import Workspace, move_aside


def test_a_day_and_its_notes_survive_closing_and_reopening(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "balcony.sqlite"
    first = Workspace.open(path)
    day_id = create_demo_day(first.planner, first.notebook)
    stage_id = first.planner.day_plan(day_id).stages[4].id
    first.notebook.add(stage_id, "A thought from the balcony 🌿", NoteTag.INSIGHT)
    before_plan = first.planner.day_plan(day_id)
    before_notes = first.notebook.for_stage(stage_id)
    first.close()

    second = Workspace.open(path)
    try:
        assert second.planner.day_plan(day_id) == before_plan
        assert second.notebook.for_stage(stage_id) == before_notes
    finally:
        second.close()


def test_the_data_file_uses_wal_foreign_keys_and_is_marked_as_ours(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    workspace = Workspace.open(path)
    with workspace.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    workspace.close()
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw.close()


def _other_sqlite(path: Path, *, app_id: int = 0, version: int = 0) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('soup')")
    conn.execute(f"PRAGMA application_id = {app_id}")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (
            lambda p: p.write_bytes(b"this is a text file\n" * 10),
            DataFileNotOursError,
            "not an SQLite",
        ),
        (lambda p: _other_sqlite(p), DataFileNotOursError, "not a Balcony data file"),
        # Another program's database that happens to have a high version is still not ours.
        (lambda p: _other_sqlite(p, version=99), DataFileNotOursError, "not a Balcony data file"),
        (
            lambda p: _other_sqlite(p, app_id=APPLICATION_ID, version=SCHEMA_VERSION + 1),
            DataFileTooNewError,
            "newer version of Balcony",
        ),
        (
            lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000),
            DataFileDamagedError,
            "is damaged: .*Balcony has not changed it",
        ),
    ],
)
def test_an_unusable_file_is_refused_and_left_exactly_as_it_was(
    tmp_path: Path, make: object, error: type[DataFileError], words: str
) -> None:
    path = tmp_path / "balcony.sqlite"
    make(path)  # type: ignore[operator]
    before = path.read_bytes()

    with pytest.raises(error, match=words) as caught:
        Workspace.open(path)

    assert caught.value.path == path
    assert caught.value.fix
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["balcony.sqlite"]


def test_a_folder_in_place_of_the_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="folder"):
        Workspace.open(tmp_path)


def test_a_file_locked_by_another_program_is_reported_as_locked(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    Workspace.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DataFileLockedError, match="in use by another program"):
            Workspace.open(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    Workspace.open(path).close()


def test_moving_a_bad_file_aside_keeps_it_and_frees_the_name(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    path.write_bytes(b"not a database")

    kept = move_aside(path)

    assert kept.read_bytes() == b"not a database"
    assert kept.name.startswith("balcony.sqlite.unusable-")
    assert not path.exists()
    Workspace.open(path).close()
    assert path.exists()
