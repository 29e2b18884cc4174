from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from facilitator.storage.files import WriteError, write_atomically


def test_a_new_file_is_written_and_no_temporary_is_left(tmp_path: Path) -> None:
    target = tmp_path / "bank.toml"
    write_atomically(target, b"hello")
    assert target.read_bytes() == b"hello"
    assert [p.name for p in tmp_path.iterdir()] == ["bank.toml"]


def test_an_existing_file_is_never_replaced_without_consent(tmp_path: Path) -> None:
    target = tmp_path / "bank.toml"
    target.write_bytes(b"old")
    with pytest.raises(WriteError, match="already exists"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    write_atomically(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"


def test_a_full_disk_keeps_the_previous_file_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "bank.toml"
    target.write_bytes(b"previous")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteError, match="disk is full"):
        write_atomically(target, b"x" * 1000, overwrite=True)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["bank.toml"]


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="folder does not exist"):
        write_atomically(tmp_path / "nowhere" / "bank.toml", b"x")
