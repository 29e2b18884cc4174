"""A glance at a file's days: the same days as the planner reads, or None when in doubt, and
the file left exactly as it was."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.common.clock import FakeClock
from facilitator.demo import create_demo_day
from facilitator.planning.day_list import glance_at_days
from facilitator.schedule.importing import import_schedule_file
from facilitator.storage.identity import SCHEMA_VERSION
from facilitator.workspace import Workspace

ROOT = Path(__file__).resolve().parents[3]
SCHEDULE = ROOT / "docs" / "sample-schedule-2022-2023.csv"


@pytest.fixture
def busy_file(tmp_path: Path) -> Path:
    """Days of two cycles, triads and quartets, face to face and virtual, one of them run."""
    path = tmp_path / "balcony.sqlite"
    workspace = Workspace.open(path, FakeClock())
    result = import_schedule_file(workspace.planner, SCHEDULE, "SE 2022-2023")
    assert result.ok, result.lines()
    demo = create_demo_day(workspace.planner, workspace.notebook)
    workspace.conductor.start_day(demo)
    workspace.close()
    return path


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()
    }


def test_a_glance_reads_the_same_days_as_the_planner(busy_file: Path) -> None:
    before = fingerprint(busy_file.parent)

    glanced = glance_at_days(busy_file)

    assert fingerprint(busy_file.parent) == before  # nothing written, nothing made beside it
    workspace = Workspace.open(busy_file, FakeClock(), read_only=True)
    try:
        listed = workspace.planner.list_days()
    finally:
        workspace.close()
    assert glanced == listed
    assert len(listed) >= 7
    assert {d.kind.value for d in listed} == {"triad", "quartet"}
    assert {d.mode.value for d in listed} == {"face-to-face", "virtual"}
    assert len({d.cycle_name for d in listed}) == 2
    assert {d.status.value for d in listed} >= {"planned", "running"}


def test_a_glance_at_a_file_that_is_not_there_or_empty_is_none(tmp_path: Path) -> None:
    assert glance_at_days(tmp_path / "none.sqlite") is None
    (tmp_path / "empty.sqlite").write_bytes(b"")
    assert glance_at_days(tmp_path / "empty.sqlite") is None
    (tmp_path / "text.sqlite").write_text("not a database", encoding="utf-8")
    assert glance_at_days(tmp_path / "text.sqlite") is None
    assert glance_at_days(tmp_path) is None  # a folder


def test_another_programs_database_gets_no_glance(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE day (id INTEGER PRIMARY KEY, date TEXT)")
    other.commit()
    other.close()

    assert glance_at_days(path) is None


@pytest.mark.parametrize("version", [SCHEMA_VERSION - 1, SCHEMA_VERSION + 1])
def test_a_file_of_another_version_is_left_to_the_full_opening(
    busy_file: Path, version: int
) -> None:
    raw = sqlite3.connect(busy_file)
    raw.execute(f"PRAGMA user_version = {version}")
    raw.commit()
    raw.close()

    assert glance_at_days(busy_file) is None


@pytest.mark.parametrize("suffix", ["-wal", "-journal"])
def test_a_journal_beside_the_file_means_it_is_opened_in_full(busy_file: Path, suffix: str) -> None:
    """Another window has it open, or a crash left part of its data there."""
    busy_file.with_name(busy_file.name + suffix).write_bytes(b"")

    assert glance_at_days(busy_file) is None


def test_a_damaged_table_gives_no_glance(busy_file: Path) -> None:
    raw = sqlite3.connect(busy_file)
    raw.execute("UPDATE day SET kind = 'HEXAD' WHERE id = 1")
    raw.commit()
    raw.close()

    assert glance_at_days(busy_file) is None


def test_balcony_days_lists_a_clean_file_without_loading_the_storage_library(
    busy_file: Path,
) -> None:
    code = (
        "import sys\n"
        "from cli.main import main\n"
        f"status = main(['--data', {str(busy_file)!r}, 'days'])\n"
        "print('sqlmodel' in sys.modules, 'sqlalchemy' in sys.modules, status)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    *days, loaded = done.stdout.strip().splitlines()
    assert loaded == "False False 0"
    assert len(days) >= 7
    dates = [line.split("\t")[1] for line in days]
    assert dates == sorted(dates)

    busy_file.with_name(busy_file.name + "-journal").write_bytes(b"")  # now in doubt
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    *in_full, loaded = done.stdout.strip().splitlines()
    assert loaded == "True True 0"
    assert in_full == days
