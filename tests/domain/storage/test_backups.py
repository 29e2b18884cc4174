"""Rolling backups: consistent copies, kept within bounds, restorable, private."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.common.clock import FakeClock
from facilitator.demo import create_demo_day
from facilitator.storage.backups import (
    BEFORE_RESTORE,
    DAY_ENDED,
    DAY_STARTED,
    WHILE_RUNNING,
    BackupError,
    Backups,
)
from facilitator.workspace import Workspace

START = dt.datetime(2026, 12, 1, 13, 5, tzinfo=dt.UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "balcony.sqlite"


@pytest.fixture
def opened(data_file: Path, clock: FakeClock) -> Iterator[Workspace]:
    ws = Workspace.open(data_file, clock)
    yield ws
    ws.close()


@pytest.fixture
def backups(opened: Workspace) -> Backups:
    assert opened.backups is not None
    return opened.backups


def day_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM day").fetchone()[0])
    finally:
        conn.close()


def quick_check(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA quick_check").fetchone()[0])
    finally:
        conn.close()


def test_a_backup_is_a_clean_standalone_file_named_by_when_and_why(
    opened: Workspace, backups: Backups, data_file: Path
) -> None:
    create_demo_day(opened.planner, opened.notebook, opened.outcome_route)

    info = backups.take(DAY_STARTED)

    assert info.path.parent == data_file.parent / "backups"
    assert info.path.name == "balcony-2026-12-01T13-05-00Z-day-started.sqlite"
    assert quick_check(info.path) == "ok"
    assert day_count(info.path) == 1
    assert not info.path.with_name(info.path.name + "-wal").exists()
    assert [x.name for x in info.path.parent.iterdir()] == [info.path.name]  # no partial left
    listed = backups.list()
    assert [(x.reason, x.when, x.days) for x in listed] == [(DAY_STARTED, START, 1)]
    assert listed[0].notes is not None
    assert listed[0].notes > 0
    assert listed[0].size == info.path.stat().st_size > 0


def test_backups_and_their_folder_are_private(backups: Backups) -> None:
    info = backups.take(WHILE_RUNNING)

    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backups.folder.stat().st_mode) == 0o700


def test_a_backup_taken_during_another_write_holds_only_what_was_committed(
    opened: Workspace, backups: Backups, data_file: Path
) -> None:
    create_demo_day(opened.planner, opened.notebook, opened.outcome_route)
    writer = sqlite3.connect(data_file, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM note")
        writer.execute("UPDATE day SET venue = 'half-way'")
        info = backups.take(WHILE_RUNNING)  # the writer still holds its transaction open
        writer.execute("ROLLBACK")
    finally:
        writer.close()

    assert quick_check(info.path) == "ok"
    conn = sqlite3.connect(info.path)
    try:
        assert conn.execute("SELECT count(*) FROM note").fetchone()[0] > 0
        assert conn.execute("SELECT venue FROM day").fetchone()[0] != "half-way"
    finally:
        conn.close()


def test_newest_first_and_same_second_backups_do_not_collide(
    backups: Backups, clock: FakeClock
) -> None:
    first = backups.take(WHILE_RUNNING)
    second = backups.take(WHILE_RUNNING)
    clock.advance(minutes=5)
    third = backups.take(DAY_ENDED)

    assert second.path != first.path
    assert [x.path for x in backups.list()] == [third.path, second.path, first.path]


def test_prune_keeps_the_newest_and_the_last_start_and_end(
    backups: Backups, clock: FakeClock
) -> None:
    started = backups.take(DAY_STARTED)
    for _ in range(25):
        clock.advance(minutes=5)
        backups.take(WHILE_RUNNING)

    listed = backups.list(contents=False)
    assert len(listed) == 21  # the rolling 20, plus the start they have pushed out
    assert listed[-1].path == started.path
    assert listed[0].when == START + dt.timedelta(minutes=125)

    removed = backups.prune(3)
    assert len(removed) == 17
    assert [x.reason for x in backups.list()] == [WHILE_RUNNING] * 3 + [DAY_STARTED]


def test_due_every_five_minutes_and_after_the_clock_goes_back(
    backups: Backups, clock: FakeClock
) -> None:
    assert backups.due(clock.wall_now())  # none yet
    backups.take(WHILE_RUNNING)
    assert not backups.due(clock.wall_now() + dt.timedelta(minutes=4, seconds=59))
    assert backups.due(clock.wall_now() + dt.timedelta(minutes=5))
    assert backups.due(clock.wall_now() - dt.timedelta(hours=1))


def test_restore_brings_back_the_backup_and_keeps_what_it_replaced(
    opened: Workspace, backups: Backups, clock: FakeClock, data_file: Path
) -> None:
    empty = backups.take(WHILE_RUNNING)
    clock.advance(minutes=1)
    create_demo_day(opened.planner, opened.notebook, opened.outcome_route)

    kept = backups.restore(empty)

    assert kept.reason == BEFORE_RESTORE
    assert day_count(kept.path) == 1
    # The open workspace reads the restored data, through the connection it already had.
    assert opened.planner.list_days() == []
    assert quick_check(data_file) == "ok"
    conn = sqlite3.connect(data_file)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()

    backups.restore(kept)  # and the restore can itself be undone
    assert len(opened.planner.list_days()) == 1


def test_restore_refuses_a_file_that_is_not_a_balcony_backup(
    backups: Backups, tmp_path: Path, data_file: Path
) -> None:
    stranger = tmp_path / "balcony-2026-12-01T13-00-00Z-while-running.sqlite"
    sqlite3.connect(stranger).execute("CREATE TABLE t (x)").connection.close()

    with pytest.raises(BackupError, match="not Balcony"):
        backups.restore(stranger)
    assert backups.list() == []  # refused before anything was written
    assert quick_check(data_file) == "ok"


def test_a_day_started_and_ended_is_backed_up_each_time(
    opened: Workspace, backups: Backups, clock: FakeClock
) -> None:
    day_id = create_demo_day(opened.planner, opened.notebook, opened.outcome_route)
    assert backups.list() == []

    opened.conductor.start_day(day_id)
    clock.advance(minutes=3)
    opened.conductor.advance(day_id)  # a step inside a running day takes no backup
    clock.advance(minutes=3)
    opened.conductor.end_day(day_id)

    assert [x.reason for x in backups.list()] == [DAY_ENDED, DAY_STARTED]
    ended = backups.list()[0]
    conn = sqlite3.connect(ended.path)
    try:
        assert conn.execute("SELECT status FROM day").fetchone()[0] in {"FINISHED", "finished"}
    finally:
        conn.close()


def test_a_workspace_in_memory_has_no_backups(clock: FakeClock) -> None:
    ws = Workspace.in_memory(clock)
    try:
        assert ws.backups is None
    finally:
        ws.close()
