"""Owner-only: the data folder is 0700, the data file and everything beside it 0600."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.demo import create_demo_day
from facilitator.storage.files import create_owner_only_file, make_owner_only
from facilitator.workspace import Workspace

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True, params=[0o000, 0o277], ids=["open-umask", "strict-umask"])
def umask(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[None]:
    """An open umask, and one so strict that without a chmod the owner could not write."""
    previous = os.umask(request.param)
    try:
        yield
    finally:
        os.umask(previous)


def test_a_new_data_file_its_folders_and_its_side_files_are_owner_only(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    path = tmp_path / "share" / "Balcony" / "balcony.sqlite"

    workspace = Workspace.open(path)
    try:
        create_demo_day(workspace.planner, workspace.notebook)  # makes the -wal grow
        assert _mode(tmp_path / "share") == 0o700
        assert _mode(tmp_path / "share" / "Balcony") == 0o700
        assert _mode(path) == 0o600
        beside = {p.name: _mode(p) for p in path.parent.iterdir() if p != path}
        assert beside == {
            "balcony.sqlite-wal": 0o600,
            "balcony.sqlite-shm": 0o600,
            "balcony.sqlite.lock": 0o600,
        }
    finally:
        workspace.close()
    # A folder that was there already is the user's, not ours to change.
    assert _mode(tmp_path) == 0o755


def test_a_file_made_readable_by_others_is_made_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    Workspace.open(path).close()
    path.chmod(0o644)

    workspace = Workspace.open(path)
    try:
        create_demo_day(workspace.planner, workspace.notebook)
        assert _mode(path) == 0o600
        assert _mode(tmp_path / "balcony.sqlite-wal") == 0o600
        assert _mode(tmp_path / "balcony.sqlite-shm") == 0o600
    finally:
        workspace.close()


def test_owner_only_takes_access_away_and_never_gives_it(tmp_path: Path) -> None:
    readable = tmp_path / "readable"
    readable.write_bytes(b"x")
    readable.chmod(0o664)
    read_only = tmp_path / "read-only"
    read_only.write_bytes(b"x")
    read_only.chmod(0o444)

    make_owner_only(readable)
    make_owner_only(read_only)

    assert _mode(readable) == 0o600
    assert _mode(read_only) == 0o400


def test_a_new_owner_only_file_is_0600_whatever_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "kept.sqlite"
    assert create_owner_only_file(path)
    assert _mode(path) == 0o600
    assert not create_owner_only_file(path)  # never replaces a file that is there
