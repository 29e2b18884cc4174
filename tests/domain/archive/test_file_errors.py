from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest

from facilitator.archive import ArchiveFileError, export_archive, import_archive
from facilitator.archive.format import MEMBER
from facilitator.workspace import Workspace
from tests.domain.archive.building import counts, plain_day, rewrite

NOW = dt.datetime(2027, 2, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def archive(workspace: Workspace, tmp_path: Path) -> Path:
    day_id = plain_day(workspace, dt.date(2026, 3, 3), ("Northshire", "Westvale", "Eastborough"))
    path = tmp_path / "day.balcony"
    export_archive(workspace.db, path, day_id=day_id, now=NOW)
    workspace.planner.delete_day(day_id)  # so an import would otherwise succeed
    return path


def refused(workspace: Workspace, path: Path) -> ArchiveFileError:
    before = counts(workspace.db)
    with pytest.raises(ArchiveFileError) as caught:
        import_archive(workspace.db, path)
    assert counts(workspace.db) == before
    assert str(caught.value).startswith(f"{path}: ")
    return caught.value


def test_the_unspoilt_archive_imports(workspace: Workspace, archive: Path) -> None:
    assert import_archive(workspace.db, archive).imported


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "This file is empty: it is not an archive."),
        (bytes(range(256)) * 4, "This is not a Balcony day archive."),
        (b"PK\x03\x04 and then nothing", "This archive is damaged or cut short"),
    ],
)
def test_a_file_that_is_no_archive_is_refused(
    workspace: Workspace, tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "odd.balcony"
    path.write_bytes(content)
    assert refused(workspace, path).problem.startswith(problem)


def test_a_word_document_is_named_as_one(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "note.docx"
    docx.Document().save(str(path))
    error = refused(workspace, path)
    assert error.problem == "This is a Word document, not a Balcony day archive."
    assert "balcony archive export" in error.fix


def test_a_missing_file_and_a_folder(workspace: Workspace, tmp_path: Path) -> None:
    assert refused(workspace, tmp_path / "nothing.balcony").problem == "There is no file here."
    assert refused(workspace, tmp_path).problem == "This is a folder, not an archive."


def test_a_cut_short_archive_is_damaged(workspace: Workspace, archive: Path) -> None:
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])
    assert "damaged or cut short" in refused(workspace, archive).problem


def test_a_changed_byte_inside_is_damage(workspace: Workspace, archive: Path) -> None:
    with zipfile.ZipFile(archive) as package:
        info = package.getinfo(MEMBER)
    data = bytearray(archive.read_bytes())
    middle = info.header_offset + 30 + len(MEMBER) + info.compress_size // 2
    data[middle] ^= 0xFF
    archive.write_bytes(bytes(data))
    assert refused(workspace, archive).problem.startswith("This archive is damaged")


def test_garbled_json_is_damage(workspace: Workspace, archive: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(MEMBER, '{"format": "balcony-day-archive", "tab')
    archive.write_bytes(buffer.getvalue())
    assert refused(workspace, archive).problem == (
        "This archive is damaged: its contents cannot be read."
    )


def _set(*path: Any, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(body: dict[str, Any]) -> None:
        target = body
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _drop(table: str, column: str) -> Callable[[dict[str, Any]], None]:
    def change(body: dict[str, Any]) -> None:
        del body["tables"][table][0][column]

    return change


def _same_id(table: str) -> Callable[[dict[str, Any]], None]:
    def change(body: dict[str, Any]) -> None:
        body["tables"][table][1]["id"] = body["tables"][table][0]["id"]

    return change


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (_set("format", value="something-else"), "This is not a Balcony day archive."),
        (_set("format_version", value=3), "written by a newer version of Balcony (archive"),
        (_set("schema_version", value=99), "written by a newer version of Balcony"),
        (_set("format_version", value="1"), "does not say which version it is"),
        (_set("exported_at", value="teatime"), "its export time cannot be read"),
        (_set("tables", "pudding", value=[]), "a table Balcony does not know (pudding)"),
        (_set("tables", "day", 0, "venue", value=7), "in row 1 of its day table, venue holds 7"),
        (_set("tables", "day", 0, "date", value="3/3/26"), "date holds '3/3/26', not a date"),
        (_set("tables", "day", 0, "kind", value="PICNIC"), "one of its column's choices"),
        (_set("tables", "stage", 0, "planned_minutes", value=True), "not a whole number"),
        (_set("tables", "stage", 0, "started_at", value="2026-03-03T10:00:00"), "offset"),
        (_set("tables", "day", 0, "mystery", value=1), "a column Balcony does not know"),
        (_drop("session", "authority_id"), "row 1 of its session table lacks its authority_id"),
        (_drop("day", "id"), "row 1 of its day table lacks its id"),
        (_same_id("dayauthority"), "row 2 of its dayauthority table has no id of its own"),
        (_set("tables", "session", 0, "day_id", value=999), "names day 999 (day_id), which is"),
        (_set("tables", "dayauthority", 0, "dcs_id", value=999), "names person 999"),
    ],
)
def test_a_spoilt_archive_says_what_is_wrong(
    workspace: Workspace,
    archive: Path,
    change: Callable[[dict[str, Any]], None],
    problem: str,
) -> None:
    rewrite(archive, change)
    assert problem in refused(workspace, archive).problem
