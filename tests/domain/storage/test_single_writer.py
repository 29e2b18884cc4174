"""One writer: a second Balcony process is refused, may read, and a killed one never blocks."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from facilitator.demo import create_demo_day
from facilitator.storage.database import (
    DataFileInUseError,
    DataFileReadOnlyError,
    open_database,
)
from facilitator.storage.single_writer import WriterLockHeldError, claim, holder_of
from facilitator.workspace import Workspace


def test_a_file_another_process_writes_is_refused_with_its_process_id(
    other_balcony: tuple[Path, subprocess.Popen[str]],
) -> None:
    path, process = other_balcony
    before = path.read_bytes()

    with pytest.raises(DataFileInUseError) as caught:
        Workspace.open(path)

    assert caught.value.holder_pid == process.pid
    assert f"open in another Balcony window (process {process.pid})" in caught.value.problem
    assert "open the file read-only" in caught.value.fix
    assert path.read_bytes() == before
    assert holder_of(path) == process.pid


def test_it_can_still_be_read_but_not_written(
    other_balcony: tuple[Path, subprocess.Popen[str]],
) -> None:
    path, _ = other_balcony
    reader = Workspace.create(open_database(path, read_only=True))
    try:
        assert len(reader.planner.list_days()) == 1
        with pytest.raises(DataFileReadOnlyError, match="open read-only"):
            create_demo_day(reader.planner, reader.notebook)
        assert len(reader.planner.list_days()) == 1
    finally:
        reader.close()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_the_lock_of_a_killed_process_does_not_block(
    other_balcony: tuple[Path, subprocess.Popen[str]],
) -> None:
    path, process = other_balcony
    with pytest.raises(DataFileInUseError):
        Workspace.open(path)

    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert (path.parent / "balcony.sqlite.lock").exists()  # left behind, with its dead pid

    workspace = Workspace.open(path)
    try:
        assert len(workspace.planner.list_days()) == 1
    finally:
        workspace.close()


def test_one_process_holds_one_claim_until_it_lets_go(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    first = claim(path)
    lock_file = tmp_path / "balcony.sqlite.lock"
    assert lock_file.read_text().strip() == str(os.getpid())
    with pytest.raises(WriterLockHeldError) as caught:
        claim(path)
    assert caught.value.holder_pid == os.getpid()

    first.release()
    first.release()  # twice is harmless

    assert not lock_file.exists()
    assert holder_of(path) is None
    with claim(path) as again:
        assert again.held


def test_closing_the_database_lets_the_next_writer_in(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    first = open_database(path)
    with pytest.raises(DataFileInUseError):
        open_database(path)
    first.close()
    open_database(path).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["balcony.sqlite"]
