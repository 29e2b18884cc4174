"""Row versions: the tables that carry one, and a data file of version 7 gaining them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlmodel import SQLModel

from facilitator.common.clock import FakeClock
from facilitator.demo import create_demo_day
from facilitator.storage.errors import ChangedElsewhereError
from facilitator.storage.identity import SCHEMA_VERSION
from facilitator.storage.versioned import VERSIONED_TABLES, Versioned
from facilitator.workspace import Workspace
from tests.support.backends import BACK_ENDS, open_workspace_on


def test_the_migration_names_exactly_the_versioned_tables() -> None:
    versioned = {
        mapper.local_table.name
        for mapper in SQLModel._sa_registry.mappers  # type: ignore[attr-defined]
        if issubclass(mapper.class_, Versioned)
    }
    assert versioned == set(VERSIONED_TABLES)
    for name in VERSIONED_TABLES:
        assert "row_version" in SQLModel.metadata.tables[name].columns


def test_a_version_7_data_file_gains_row_versions_and_keeps_its_notes(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    workspace = Workspace.open(path, FakeClock())
    create_demo_day(workspace.planner, workspace.notebook)
    words = [n.text for n in workspace.notebook.for_session(1)]
    workspace.close()
    conn = sqlite3.connect(path)
    for table in VERSIONED_TABLES:
        conn.execute(f'ALTER TABLE "{table}" DROP COLUMN row_version')
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()

    workspace = Workspace.open(path, FakeClock())
    try:
        notes = workspace.notebook.for_session(1)
        assert [n.text for n in notes] == words
        assert {n.row_version for n in notes} == {1}
        edited = workspace.notebook.edit(notes[0].id, text="Changed", seen_version=1)
        assert edited.row_version == 2
    finally:
        workspace.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()


@pytest.mark.parametrize("back_end", BACK_ENDS)
def test_each_saved_change_counts_the_version_on_and_an_old_one_is_refused(
    back_end: str,
) -> None:
    workspace = open_workspace_on(back_end, FakeClock())
    try:
        create_demo_day(workspace.planner, workspace.notebook)
        first = workspace.notebook.for_session(1)[0]
        second = workspace.notebook.edit(first.id, text="Once", seen_version=first.row_version)
        assert second.row_version == first.row_version + 1
        with pytest.raises(ChangedElsewhereError):
            workspace.notebook.edit(first.id, text="Twice", seen_version=first.row_version)
        assert workspace.notebook.get(first.id).text == "Once"
        # An edit that names no version is made on whatever is stored (the command line).
        assert workspace.notebook.edit(first.id, text="Thrice").row_version == 3
    finally:
        workspace.close()
