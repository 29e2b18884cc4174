"""On a shared database a day's start and end leave an archive of that day on this computer,
the counterpart of a data file's backups; putting one back is an import."""

from __future__ import annotations

import stat
from pathlib import Path

from facilitator.archive import Keep, import_archive
from facilitator.archive.snapshots import DaySnapshots
from facilitator.common.clock import FakeClock
from facilitator.demo import create_demo_day
from facilitator.storage.backups import DAY_ENDED, DAY_STARTED
from facilitator.workspace import Workspace
from tests.support.backends import empty_server_database


def test_starting_and_ending_a_day_on_the_server_keeps_its_archive_here(
    clock: FakeClock,
) -> None:
    workspace = Workspace.open(empty_server_database(), clock)
    try:
        assert workspace.backups is None
        snapshots = workspace.snapshots
        assert snapshots is not None
        day_id = create_demo_day(workspace.planner, workspace.notebook)
        workspace.conductor.start_day(day_id)
        note = workspace.notebook.for_session(1)[0]
        clock.advance(minutes=8 * 60)
        workspace.conductor.end_day(day_id)

        kept = snapshots.list(day_id)
        assert [s.reason for s in kept] == [DAY_ENDED, DAY_STARTED]
        assert all(stat.S_IMODE(s.path.stat().st_mode) == 0o600 for s in kept)

        # Someone changes the words on the server; the snapshot still has them as they were.
        workspace.notebook.edit(note.id, text="Changed later by someone else")
        import_archive(workspace.db, kept[0].path, Keep.THEIRS)
        (restored_day,) = workspace.planner.list_days()
        sessions = {
            stage.session_id
            for stage in workspace.planner.day_plan(restored_day.id).stages
            if stage.session_id is not None
        }
        texts = [n.text for session in sessions for n in workspace.notebook.for_session(session)]
        assert note.text in texts
        assert "Changed later by someone else" not in texts
        assert restored_day.status.value == "finished"
    finally:
        workspace.close()


def test_only_the_newest_snapshots_of_each_day_are_kept(clock: FakeClock, tmp_path: Path) -> None:
    workspace = Workspace.in_memory(clock)
    try:
        first = create_demo_day(workspace.planner, workspace.notebook)
        snapshots = DaySnapshots(workspace.db, tmp_path / "snapshots", clock, keep=2)
        for _ in range(3):
            snapshots.take(first, DAY_STARTED)
            clock.advance(minutes=1)
        assert len(snapshots.list(first)) == 2
        assert snapshots.list(first)[0].when > snapshots.list(first)[1].when
        assert snapshots.list(first + 1) == []
    finally:
        workspace.close()
