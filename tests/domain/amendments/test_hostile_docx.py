"""Word files from outside Balcony that try its patience: returned copies that inflate to
gigabytes or claim absurd versions, and templates carrying macros or huge unused parts.
Every refusal comes from the zip's directory, fast, naming the file and the fix."""

from __future__ import annotations

import os
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest

from facilitator.amendments import returned_file
from facilitator.amendments.round_trip import AmendedFileError
from facilitator.amendments.taking_in import _bookmark_parts
from facilitator.demo import create_demo_day
from facilitator.records.exporting import RecordExports
from facilitator.storage.files import WriteError
from facilitator.word import templates
from facilitator.word.styles import TemplateError
from facilitator.workspace import Workspace
from tests.support.real_session_note import Session, demo_sessions

MB = 1024 * 1024
MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
PLAIN_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


@pytest.fixture
def ashvale(workspace: Workspace) -> Session:
    return demo_sessions(workspace)[0]


@pytest.fixture
def sent(ashvale: Session, tmp_path: Path) -> Path:
    path = tmp_path / "Ashvale session note.docx"
    ashvale.book.export(ashvale.key, ashvale.builder, path)
    ashvale.book.mark_sent(ashvale.key)
    return path


@pytest.fixture
def never_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """python-docx must never see a file refused from its zip directory."""

    def refuse(_data: bytes) -> object:
        raise AssertionError("python-docx was asked to open a hostile file")

    monkeypatch.setattr(returned_file, "read_document", refuse)


def add_zeros(source: Path, target: Path, part: str, size: int) -> Path:
    """`source` with one more part of `size` zero bytes, deflated (1,000:1), written in chunks
    so the test never holds it."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        with new.open(part, "w") as out:
            chunk = bytes(MB)
            for _ in range(size // MB):
                out.write(chunk)
    return target


def refused_quickly(session: Session, path: Path) -> str:
    started = time.perf_counter()
    with pytest.raises(AmendedFileError) as refused:
        session.trip.read_amended(path, session.key)
    assert time.perf_counter() - started < 0.5
    return str(refused.value)


# returned copies ------------------------------------------------------------------------


@pytest.mark.usefixtures("never_parsed")
def test_a_returned_copy_that_inflates_past_the_limit_is_refused_unread(
    ashvale: Session, sent: Path, tmp_path: Path
) -> None:
    bomb = add_zeros(sent, tmp_path / "returned.docx", "word/media/filler.bin", 60 * MB)
    assert bomb.stat().st_size < 1 * MB  # small on disk: only its directory tells

    message = refused_quickly(ashvale, bomb)

    assert "returned.docx" in message
    assert "word/media/filler.bin" in message
    assert "60 MB" in message
    assert "save it as a Word Document (.docx) and import that" in message


@pytest.mark.usefixtures("never_parsed")
def test_a_part_that_compresses_absurdly_well_is_refused(
    ashvale: Session, sent: Path, tmp_path: Path
) -> None:
    bomb = add_zeros(sent, tmp_path / "returned.docx", "customXml/item9.xml", 5 * MB)

    message = refused_quickly(ashvale, bomb)

    assert "customXml/item9.xml" in message
    assert "unpacks from" in message


@pytest.mark.usefixtures("never_parsed")
def test_a_returned_copy_with_thousands_of_parts_is_refused(
    ashvale: Session, sent: Path, tmp_path: Path
) -> None:
    crowded = tmp_path / "returned.docx"
    with zipfile.ZipFile(sent) as old, zipfile.ZipFile(crowded, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        for number in range(2_001):
            new.writestr(f"word/media/x{number}.xml", b"")

    assert "2,0" in refused_quickly(ashvale, crowded)


@pytest.mark.usefixtures("never_parsed")
def test_a_folder_a_pipe_and_a_huge_file_are_refused_before_reading(
    ashvale: Session, tmp_path: Path
) -> None:
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    assert "is not a file" in refused_quickly(ashvale, folder)
    huge = tmp_path / "huge.docx"
    with huge.open("wb") as out:
        out.truncate(51 * MB)  # sparse: nothing is written
    assert "huge.docx is 51 MB" in refused_quickly(ashvale, huge)
    if sys.platform != "win32":
        pipe = tmp_path / "pipe.docx"
        os.mkfifo(pipe)
        assert "is not a file" in refused_quickly(ashvale, pipe)  # and it did not hang


@pytest.mark.parametrize(
    ("version", "said"),
    [
        ("¹", "says its version is “¹”, not a version number"),
        ("9" * 5_000, "says its version is a 5,000-character value"),
        ("1234567", "says its version is “1234567”"),
        ("", "does not say which version it is"),
    ],
)
def test_a_version_that_is_not_plain_digits_is_refused_in_words(
    ashvale: Session, sent: Path, tmp_path: Path, version: str, said: str
) -> None:
    # Written into the XML directly: python-docx itself refuses a property over 255 characters.
    returned = rewritten(
        sent,
        tmp_path / "returned.docx",
        {},
        {"docProps/core.xml": (b"<cp:version>1<", f"<cp:version>{version}<".encode())},
    )

    with pytest.raises(AmendedFileError) as refused:
        ashvale.trip.read_amended(returned, ashvale.key)

    assert said in str(refused.value)
    assert "(Balcony writes 1 to 6 plain digits)" in str(refused.value)


def test_a_bookmark_whose_number_is_not_plain_digits_is_not_a_row() -> None:
    assert _bookmark_parts("note-12") == ("note", 12)
    assert _bookmark_parts("note-¹") == ("note-¹", None)
    assert _bookmark_parts("note-" + "9" * 5_000)[1] is None


# templates ------------------------------------------------------------------------------


def rewritten(source: Path, target: Path, extra: dict[str, bytes], edits: dict[str, tuple]) -> Path:
    """`source` with parts added and text replaced in others (old, new)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename in edits:
                before, after = edits[info.filename]
                assert before in data
                data = data.replace(before, after)
            new.writestr(info, data)
        for name, data in extra.items():
            new.writestr(name, data)
    return target


def export_with(workspace: Workspace, template: Path, path: Path) -> float:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    exports = RecordExports(workspace, marking=None, template=template)
    record = exports.day_records(day_id)[0]
    started = time.perf_counter()
    exports.export(record, path)
    return time.perf_counter() - started


def test_a_macro_enabled_template_gives_an_export_without_macros(
    workspace: Workspace, tmp_path: Path
) -> None:
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    rel = f'<Relationship Id="rIdVba" Type="{VBA_REL}" Target="vbaProject.bin"/>'
    macro_types = (
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        '<Override PartName="/word/vbaData.xml" '
        'ContentType="application/vnd.ms-word.vbaData+xml"/>'
    )
    template = rewritten(
        plain,
        tmp_path / "letterhead.docm",
        {"word/vbaProject.bin": b"Attribute VB_Name = AutoOpen", "word/vbaData.xml": b"<a/>"},
        {
            "[Content_Types].xml": (
                PLAIN_MAIN.encode(),
                MACRO_MAIN.encode()
                + b'"/>'
                + macro_types.encode()
                + b'<Override PartName="/x" ContentType="x',
            ),
            "word/_rels/document.xml.rels": (
                b"</Relationships>",
                rel.encode() + b"</Relationships>",
            ),
        },
    )

    export_with(workspace, template, tmp_path / "note.docx")

    with zipfile.ZipFile(tmp_path / "note.docx") as exported:
        names = exported.namelist()
        types = exported.read("[Content_Types].xml").decode()
    assert not [n for n in names if "vba" in n.lower()]
    assert PLAIN_MAIN in types
    assert "macroEnabled" not in types
    assert "vbaProject" not in types


def test_a_template_with_a_huge_unused_picture_exports_fast_without_it(
    workspace: Workspace, tmp_path: Path
) -> None:
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    rel = f'<Relationship Id="rIdBig" Type="{IMAGE_REL}" Target="media/big.png"/>'
    linked = rewritten(
        plain,
        tmp_path / "linked.docx",
        {},
        {"word/_rels/document.xml.rels": (b"</Relationships>", rel.encode() + b"</Relationships>")},
    )
    template = add_zeros(linked, tmp_path / "letterhead.docx", "word/media/big.png", 30 * MB)
    add_zeros(linked, tmp_path / "unlinked.docx", "word/media/unused.bin", 30 * MB)
    templates._slim.cache_clear()

    first = export_with(workspace, template, tmp_path / "note.docx")

    with zipfile.ZipFile(tmp_path / "note.docx") as exported:
        assert not [n for n in exported.namelist() if n.startswith("word/media/")]
        assert sum(info.file_size for info in exported.infolist()) < 1 * MB
    assert first < 5.0  # 56 s before, when the template was read whole
    assert templates._slim.cache_info().currsize == 1  # the probe and the export: read once


def test_a_template_whose_kept_part_is_a_bomb_is_refused_naming_it(
    workspace: Workspace, tmp_path: Path
) -> None:
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    bomb = zipfile.ZipFile(tmp_path / "bomb.docx", "w", zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(plain) as old, bomb as new:
        for info in old.infolist():
            if info.filename != "word/styles.xml":
                new.writestr(info, old.read(info))
        with new.open("word/styles.xml", "w") as out:  # 25 MB of zeros: about 25 KB stored
            for _ in range(25):
                out.write(bytes(MB))
    with pytest.raises(WriteError) as refused:
        export_with(workspace, tmp_path / "bomb.docx", tmp_path / "note.docx")

    assert isinstance(refused.value.__cause__, TemplateError)
    assert str(refused.value).startswith("Ashvale’s session note was not exported: ")
    assert "The Word template bomb.docx has a part (word/styles.xml)" in str(refused.value)
    assert "export without one" in str(refused.value)
