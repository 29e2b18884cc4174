"""Integrity at start: a damaged, foreign or unusable file is refused, named, and left alone."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from facilitator.demo import create_demo_day
from facilitator.storage.database import (
    APPLICATION_ID,
    DataFileDamagedError,
    DataFileError,
    DataFileNotOursError,
    DataFileReadOnlyError,
    DataFileTooNewError,
    _on_connect,
    open_database,
)
from facilitator.workspace import Workspace


def _balcony_file(path: Path) -> bytes:
    workspace = Workspace.open(path)
    create_demo_day(workspace.planner, workspace.notebook)
    workspace.close()
    return path.read_bytes()


def _flip_schema(data: bytes) -> bytes:
    """Bit-flips in the CREATE TABLE text of sqlite_master: the schema can no longer be read.
    Every copy is flipped: the first in the file may be a stale one in a page's free space."""
    broken = bytearray(data)
    at = broken.find(b"CREATE TABLE")
    assert at > 0
    while at >= 0:
        broken[at + 2] ^= 0x20
        broken[at + 12] ^= 0x01
        at = broken.find(b"CREATE TABLE", at + 1)
    return bytes(broken)


def _break_a_page(data: bytes) -> bytes:
    """Garbage over the cell pointers of one table page: only an integrity check finds it."""
    broken = bytearray(data)
    page_size = int.from_bytes(data[16:18], "big")
    # The last table leaf page (type 0x0D) holding several rows, whatever the layout.
    leaves = [
        offset
        for offset in range(page_size, len(data), page_size)
        if data[offset] == 0x0D and int.from_bytes(data[offset + 3 : offset + 5], "big") > 2
    ]
    start = leaves[-1] + 8  # its cell pointer array
    broken[start : start + 32] = b"\xee" * 32
    return bytes(broken)


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("damage", [_flip_schema, _break_a_page])
def test_a_damaged_data_file_is_refused_and_never_written(tmp_path: Path, damage: object) -> None:
    path = tmp_path / "balcony.sqlite"
    damaged = damage(_balcony_file(path))  # type: ignore[operator]
    path.write_bytes(damaged)

    with pytest.raises(DataFileDamagedError) as caught:
        Workspace.open(path)

    message = str(caught.value)
    assert "is damaged:" in message
    assert "Balcony has not changed it" in message
    assert "Restore a backup (File ▸ Restore a backup…) or open another file." in message
    assert path.read_bytes() == damaged
    # No -wal, -shm, -journal or lock file left beside it.
    assert _listing(tmp_path) == ["balcony.sqlite"]


def test_a_damaged_file_with_a_journal_left_by_a_crash_gets_nothing_new_beside_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "balcony.sqlite"
    damaged = _flip_schema(_balcony_file(path))
    path.write_bytes(damaged)
    wal = tmp_path / "balcony.sqlite-wal"
    wal.write_bytes(b"")  # what a crash can leave: SQLite must read it, and makes a -shm to

    with pytest.raises(DataFileDamagedError):
        Workspace.open(path)

    assert path.read_bytes() == damaged
    assert wal.read_bytes() == b""
    assert _listing(tmp_path) == ["balcony.sqlite", "balcony.sqlite-wal"]


def test_a_damaged_file_is_refused_read_only_too(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    path.write_bytes(_flip_schema(_balcony_file(path)))
    with pytest.raises(DataFileDamagedError):
        open_database(path, read_only=True)
    assert _listing(tmp_path) == ["balcony.sqlite"]


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_dev_null_is_refused_and_nothing_is_made(tmp_path: Path) -> None:
    # Directly, and through a link as a script's --data might give it. (SQLite follows links,
    # so a regression here writes a -journal in /dev and chmods /dev/null: restore it by hand.)
    link = tmp_path / "balcony.sqlite"
    link.symlink_to("/dev/null")
    with pytest.raises(DataFileError, match="is a device, not a data file"):
        open_database(link)
    assert _listing(tmp_path) == ["balcony.sqlite"]
    assert stat.S_IMODE(os.stat("/dev/null").st_mode) == 0o666
    with pytest.raises(DataFileError, match="is a device, not a data file"):
        open_database(Path("/dev/null"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "balcony.sqlite"
    os.mkfifo(pipe)
    with pytest.raises(DataFileError, match="is a pipe, not a data file"):
        open_database(pipe)
    assert _listing(tmp_path) == ["balcony.sqlite"]


def test_a_folder_is_refused_and_nothing_is_made(tmp_path: Path) -> None:
    folder = tmp_path / "balcony.sqlite"
    folder.mkdir()
    with pytest.raises(DataFileError, match="is a folder, not a data file"):
        open_database(folder)
    assert _listing(tmp_path) == ["balcony.sqlite"]
    assert _listing(folder) == []


def _other_program(path: Path, *, app_id: int, version: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (total INTEGER)")
    conn.execute(f"PRAGMA application_id = {app_id}")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("app_id", [0, 0x4D504246])
def test_another_programs_database_with_a_high_version_is_not_called_a_newer_balcony(
    tmp_path: Path, app_id: int
) -> None:
    path = tmp_path / "balcony.sqlite"
    _other_program(path, app_id=app_id, version=250)
    before = path.read_bytes()

    with pytest.raises(DataFileNotOursError, match="not a Balcony data file") as caught:
        Workspace.open(path)

    assert not isinstance(caught.value, DataFileTooNewError)
    assert "newer version" not in str(caught.value)
    assert path.read_bytes() == before


def test_only_balcony_s_own_newer_file_is_called_newer(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    _other_program(path, app_id=APPLICATION_ID, version=250)
    with pytest.raises(DataFileTooNewError, match="newer version of Balcony"):
        Workspace.open(path)


@pytest.fixture
def honest_access(monkeypatch: pytest.MonkeyPatch) -> None:
    """As root, os.access says every file is writable: answer from the mode bits instead."""
    if os.name != "posix" or os.geteuid() != 0:
        return
    real = os.access

    def by_mode(path: object, mode: int, **kwargs: object) -> bool:
        if mode & os.W_OK and not os.stat(path).st_mode & stat.S_IWUSR:  # type: ignore[arg-type]
            return False
        return real(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", by_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.usefixtures("honest_access")
def test_a_read_only_file_is_said_to_be_read_only_not_damaged(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    before = _balcony_file(path)
    path.chmod(0o400)
    try:
        with pytest.raises(DataFileReadOnlyError, match="read-only") as caught:
            Workspace.open(path)
        assert "damaged" not in str(caught.value)
        assert path.read_bytes() == before
        assert _listing(tmp_path) == ["balcony.sqlite"]
    finally:
        path.chmod(0o600)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.usefixtures("honest_access")
def test_a_read_only_folder_is_said_to_be_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(DataFileReadOnlyError, match=r"folder .* is read-only") as caught:
            Workspace.open(folder / "balcony.sqlite")
        assert "damaged" not in str(caught.value)
        assert "disk has space" not in str(caught.value)
    finally:
        folder.chmod(0o700)
    assert _listing(folder) == []


def test_every_connection_overwrites_what_is_deleted(tmp_path: Path) -> None:
    # Many builds (Debian's among them) default to it; others (python.org's) do not, so the
    # connection hook must set it whatever the default: seen here on a connection set OFF.
    raw = sqlite3.connect(":memory:")
    raw.execute("PRAGMA secure_delete = OFF")
    _on_connect(raw, None)
    assert raw.execute("PRAGMA secure_delete").fetchone()[0] == 1
    raw.close()
    path = tmp_path / "balcony.sqlite"
    workspace = Workspace.open(path)
    with workspace.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    workspace.close()
    reader = open_database(path, read_only=True)
    try:
        with reader.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    finally:
        reader.close()
