"""Exports that cannot be written say which record and why; names from the data become file
names every system accepts; an export killed part-way leaves nothing behind for long."""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path

import docx
import pytest
from sqlalchemy import text

from facilitator.demo import create_demo_day
from facilitator.records import exporting, versions
from facilitator.records.exporting import ExportError, RecordExports, file_stem
from facilitator.storage.files import WriteError
from facilitator.workspace import Workspace

NASTY = "Ash\x07vale\x00 <North>: \x1b[31m"


@pytest.fixture
def exports(workspace: Workspace) -> RecordExports:
    return RecordExports(workspace, marking=None)


@pytest.fixture
def day_id(workspace: Workspace) -> int:
    return create_demo_day(workspace.planner, workspace.notebook)


def rename_first_authority(workspace: Workspace, name: str) -> None:
    """As another program, or a Balcony before names were cleaned, may have stored it."""
    if workspace.db.server is not None:  # PostgreSQL's text cannot hold NUL at all
        name = name.replace("\x00", "")
    with workspace.db.session_scope() as s:
        s.execute(text("UPDATE authority SET name = :name WHERE name = 'Ashvale'"), {"name": name})


def test_an_authority_name_with_control_characters_still_exports(
    workspace: Workspace, exports: RecordExports, day_id: int, tmp_path: Path
) -> None:
    rename_first_authority(workspace, NASTY)
    record = exports.day_records(day_id)[0]
    assert record.file_stem.endswith(" Ashvale -North-- [31m session note")
    assert record.named == "Ashvale <North>: [31m’s session note"

    exports.export(record, tmp_path / f"{record.file_stem}.docx")

    doc = docx.Document(str(tmp_path / f"{record.file_stem}.docx"))
    assert "Ashvale <North>: [31m" in doc.core_properties.title


def test_file_names_are_cleaned_in_one_place() -> None:
    assert file_stem('A/B\\C:D*E?F"G<H>I|J') == "A-B-C-D-E-F-G-H-I-J"
    assert file_stem("line\none\x00 two") == "line one two"
    assert file_stem("trailing. . ") == "trailing"
    assert file_stem("..") == "record"
    assert len(file_stem("x" * 300)) == 100


def test_text_python_docx_refuses_fails_naming_the_record_and_the_fix(
    exports: RecordExports, day_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(value: object) -> object:
        raise ValueError("All strings must be XML compatible")

    # Past the last defence (word_safe_all): as if a builder met text it could not hold.
    monkeypatch.setattr(exporting, "word_safe_all", lambda content: refuse(content))
    record = exports.day_records(day_id)[0]

    with pytest.raises(ExportError) as failed:
        exports.export(record, tmp_path / "note.docx")

    message = str(failed.value)
    assert message.startswith("Ashvale’s session note was not exported: ")
    assert "All strings must be XML compatible" in message
    assert "retype them, then export it again" in message
    assert not (tmp_path / "note.docx").exists()


def test_a_full_disk_names_the_record_the_cause_and_the_fix(
    exports: RecordExports, day_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(path: Path, data: bytes, *, overwrite: bool = False) -> None:
        raise WriteError(f"{path} could not be written: the disk is full. Free some space.")

    monkeypatch.setattr(versions, "write_atomically", full)
    summary = exports.day_records(day_id)[-1]

    with pytest.raises(WriteError) as failed:
        exports.export(summary, tmp_path / "summary.docx")

    assert str(failed.value).startswith("The day summary was not exported: ")
    assert "the disk is full. Free some space." in str(failed.value)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_temporary_files_are_private_and_stale_ones_are_removed(
    exports: RecordExports, day_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / ".2027-01-19 day summary.docx.k3j_9xq2.tmp"
    fresh = tmp_path / ".other.docx.abcdefgh.tmp"
    unrelated = tmp_path / ".notes.docx.abcdefgh.tmp.keep"
    for path in (stale, fresh, unrelated):
        path.write_bytes(b"the whole note")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    os.utime(unrelated, (an_hour_ago, an_hour_ago))
    modes: list[int] = []
    real_fsync = os.fsync

    def fsync(handle: int) -> None:
        modes.append(stat.S_IMODE(os.fstat(handle).st_mode))
        real_fsync(handle)

    monkeypatch.setattr(os, "fsync", fsync)

    exports.export(exports.day_records(day_id)[-1], tmp_path / "summary.docx")

    assert modes == [0o600]
    assert not stale.exists()
    assert fresh.exists()  # perhaps another export, still running
    assert unrelated.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [fresh.name, unrelated.name, "summary.docx"]
    )
