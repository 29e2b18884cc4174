from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path

import docx
import pytest

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import StageKind
from facilitator.records.versions import (
    RecordError,
    RecordKey,
    RecordKind,
    RecordLockedError,
    RecordStatus,
    refuse_if_open,
    word_lock_files,
)
from facilitator.storage.files import WriteError
from facilitator.storage.record_tables import VersionOrigin
from facilitator.word.record_content import DEFAULT_MARKING
from facilitator.word.session_note_words import (
    STATUS_AGREED,
    STATUS_DRAFT,
    agreed_mark,
    agreed_status_line,
    draft_mark,
)
from facilitator.workspace import Workspace
from tests.support.real_session_note import Session, demo_sessions

INSIGHT = "The story assumes the budget is fixed; the corporate centre may see it otherwise."
AGREED_ON = dt.date(2027, 2, 12)


@pytest.fixture
def ashvale(workspace: Workspace) -> Session:
    return demo_sessions(workspace)[0]


def header(path: Path) -> list[str]:
    """The first page header's lines: the protective marking, then the note's status mark."""
    return [p.text for p in docx.Document(str(path)).sections[0].header.paragraphs]


def export(session: Session, path: Path, **kwargs: bool) -> tuple[int, RecordStatus]:
    view = session.book.export(session.key, session.builder, path, overwrite=True, **kwargs)
    return view.version, view.status


def test_a_first_export_is_a_draft_version_1_with_its_marks(
    ashvale: Session, tmp_path: Path
) -> None:
    target = tmp_path / "Ashvale.docx"
    view = ashvale.book.export(ashvale.key, ashvale.builder, target)

    assert (view.version, view.status, view.origin) == (1, RecordStatus.DRAFT, "exported")
    assert view.file_name == "Ashvale.docx"
    doc = docx.Document(str(target))
    assert doc.core_properties.identifier == ashvale.key.identifier
    assert (doc.core_properties.version, doc.core_properties.content_status) == (
        "1",
        STATUS_DRAFT,
    )
    assert header(target) == [DEFAULT_MARKING, draft_mark(1)]
    state = ashvale.book.status(ashvale.key)
    assert (state.status, state.version, state.locked) == (RecordStatus.DRAFT, 1, False)
    assert ashvale.book.document(view.id) == target.read_bytes()
    stored = ashvale.book.paragraphs(view.id)
    assert any(p.bookmark and p.text == INSIGHT and p.marked == INSIGHT for p in stored)


def test_a_reprint_keeps_the_number_and_a_changed_record_takes_the_next(
    ashvale: Session, tmp_path: Path, clock: FakeClock
) -> None:
    target = tmp_path / "note.docx"
    assert export(ashvale, target) == (1, RecordStatus.DRAFT)
    first = [p.text for p in docx.Document(str(target)).paragraphs]
    clock.advance(minutes=60 * 24)  # "Issued …" and the return-by date change; bullets do not
    assert export(ashvale, target) == (1, RecordStatus.DRAFT)
    assert [p.text for p in docx.Document(str(target)).paragraphs] != first

    ashvale.workspace.notebook.edit(ashvale.note_id(INSIGHT), text="Budget is not fixed.")
    assert export(ashvale, target) == (2, RecordStatus.DRAFT)
    assert header(target) == [DEFAULT_MARKING, draft_mark(2)]


def test_every_export_is_listed_with_its_date_and_status(
    ashvale: Session, tmp_path: Path, clock: FakeClock
) -> None:
    book, key = ashvale.book, ashvale.key
    book.export(key, ashvale.builder, tmp_path / "v1.docx")
    clock.advance(minutes=60 * 24)
    sent = book.mark_sent(key)
    ashvale.workspace.notebook.edit(ashvale.note_id(INSIGHT), text="Budget is not fixed.")
    book.export(key, ashvale.builder, tmp_path / "v2.docx")

    versions = book.versions(key)
    assert [(v.version, v.status, v.file_name) for v in versions] == [
        (1, RecordStatus.DRAFT, "v1.docx"),
        (2, RecordStatus.DRAFT, "v2.docx"),
    ]
    assert versions[1].created_at - versions[0].created_at == dt.timedelta(days=1)
    assert versions[0].sent_at == sent.sent_at
    assert versions[0].label == "Version 1, draft, exported 16 January 2026, sent 17 January 2026"
    assert versions[1].label == "Version 2, draft, exported 17 January 2026"
    assert sent.sent_on == dt.date(2026, 1, 17)
    assert (sent.status, sent.sent_version) == (RecordStatus.SENT, 1)


def test_marking_sent_and_agreeing_need_an_export_and_agreeing_needs_it_sent(
    ashvale: Session, tmp_path: Path
) -> None:
    book, key = ashvale.book, ashvale.key
    with pytest.raises(RecordError, match="has not been exported yet"):
        book.mark_sent(key)
    book.export(key, ashvale.builder, tmp_path / "n.docx")
    with pytest.raises(RecordError, match="has not been sent for amendment"):
        book.agree(key, AGREED_ON)
    book.mark_sent(key)
    state = book.agree(key, AGREED_ON)
    assert (state.status, state.locked, state.agreed_on) == (RecordStatus.AGREED, True, AGREED_ON)
    with pytest.raises(RecordLockedError, match="already agreed on 12 February 2027"):
        book.agree(key, AGREED_ON)
    with pytest.raises(RecordLockedError, match="nothing to send"):
        book.mark_sent(key)


def test_an_agreed_note_prints_without_draft_marks_and_refuses_changes_until_reopened(
    ashvale: Session, tmp_path: Path
) -> None:
    book, key = ashvale.book, ashvale.key
    target = tmp_path / "note.docx"
    export(ashvale, target)
    book.mark_sent(key)
    book.agree(key, AGREED_ON)

    assert export(ashvale, target) == (1, RecordStatus.AGREED)
    doc = docx.Document(str(target))
    assert doc.core_properties.content_status == STATUS_AGREED
    assert header(target) == [DEFAULT_MARKING, agreed_mark(AGREED_ON)]  # no draft mark
    assert agreed_status_line(AGREED_ON) in [p.text for p in doc.paragraphs]
    assert book.versions(key)[-1].agreed_on == AGREED_ON
    assert export(ashvale, target) == (1, RecordStatus.AGREED)  # a re-print is fine

    ashvale.workspace.notebook.edit(ashvale.note_id(INSIGHT), text="Budget is not fixed.")
    agreed_file = target.read_bytes()
    with pytest.raises(RecordLockedError, match="agreed on 12 February 2027 and is locked"):
        export(ashvale, target)
    assert target.read_bytes() == agreed_file
    assert len(book.versions(key)) == 3

    with pytest.raises(RecordError, match="Say why"):
        book.reopen(key, "   ")
    state = book.reopen(key, "The DCS asked to add the lead member’s view.")
    assert (state.status, state.locked, state.agreed_on) == (RecordStatus.DRAFT, False, None)
    assert state.reopen_reason == "The DCS asked to add the lead member’s view."
    assert export(ashvale, target) == (2, RecordStatus.DRAFT)
    assert header(target) == [DEFAULT_MARKING, draft_mark(2)]


def test_reopening_bumps_the_version_even_without_changes(ashvale: Session, tmp_path: Path) -> None:
    book, key = ashvale.book, ashvale.key
    export(ashvale, tmp_path / "n.docx")
    book.mark_sent(key)
    book.agree(key, AGREED_ON)
    export(ashvale, tmp_path / "n.docx")
    with pytest.raises(RecordError, match="not agreed"):
        book.reopen(RecordKey.day_summary(ashvale.day_id), "why")
    book.reopen(key, "Wrong date recorded")
    assert export(ashvale, tmp_path / "n.docx") == (2, RecordStatus.DRAFT)
    assert export(ashvale, tmp_path / "n.docx") == (2, RecordStatus.DRAFT)


def test_a_word_lock_file_beside_the_target_refuses_and_keeps_the_previous_file(
    ashvale: Session, tmp_path: Path
) -> None:
    target = tmp_path / "Ashvale session note.docx"
    export(ashvale, target)
    previous = target.read_bytes()
    lock = tmp_path / "~$hvale session note.docx"  # Word's owner file for a long name
    lock.write_bytes(b"owner")
    ashvale.workspace.notebook.edit(ashvale.note_id(INSIGHT), text="Budget is not fixed.")

    with pytest.raises(WriteError) as refused:
        export(ashvale, target)

    assert str(refused.value) == (
        f"{target} is open in another program (Word?). Close it and try again; "
        "the previous file is unchanged."
    )
    assert target.read_bytes() == previous
    assert [v.version for v in ashvale.book.versions(ashvale.key)] == [1]
    lock.unlink()
    assert export(ashvale, target) == (2, RecordStatus.DRAFT)


@pytest.mark.parametrize(
    ("name", "owner"),
    [
        ("note.docx", "~$note.docx"),
        ("Ashvale.docx", "~$shvale.docx"),
        ("Ashvale v2.docx", "~$hvale v2.docx"),
    ],
)
def test_word_owner_files_are_found_by_words_naming_rule(
    tmp_path: Path, name: str, owner: str
) -> None:
    target = tmp_path / name
    assert tmp_path / f"~${name}" in word_lock_files(target)
    assert tmp_path / owner in word_lock_files(target)
    (tmp_path / owner).write_bytes(b"")
    with pytest.raises(WriteError, match=r"open in another program \(Word\?\)"):
        refuse_if_open(target)


def test_a_target_that_cannot_be_opened_for_writing_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "note.docx"
    target.write_bytes(b"previous")
    real_open = Path.open

    def sharing_violation(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        if self == target and "+" in mode:
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        return real_open(self, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", sharing_violation)
    with pytest.raises(WriteError, match="open in another program"):
        refuse_if_open(target)
    assert target.read_bytes() == b"previous"


def test_an_existing_file_is_not_replaced_without_consent_and_nothing_is_stored(
    ashvale: Session, tmp_path: Path
) -> None:
    target = tmp_path / "note.docx"
    target.write_bytes(b"someone else's file")
    with pytest.raises(WriteError, match="already exists"):
        ashvale.book.export(ashvale.key, ashvale.builder, target)
    assert target.read_bytes() == b"someone else's file"
    assert ashvale.book.versions(ashvale.key) == []
    assert ashvale.book.status(ashvale.key).version == 0


def test_a_full_disk_keeps_the_previous_file_and_stores_no_version(
    ashvale: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "note.docx"
    export(ashvale, target)
    previous = target.read_bytes()
    ashvale.workspace.notebook.edit(ashvale.note_id(INSIGHT), text="Budget is not fixed.")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteError, match="disk is full"):
        export(ashvale, target)
    assert target.read_bytes() == previous
    assert [v.version for v in ashvale.book.versions(ashvale.key)] == [1]
    assert ashvale.book.status(ashvale.key).version == 1


def test_a_builder_that_names_another_record_is_caught(ashvale: Session, tmp_path: Path) -> None:
    other = RecordKey.session_note(ashvale.day_id, ashvale.session_id + 1, ashvale.authority_id)
    with pytest.raises(RecordError, match="carries the identifier"):
        ashvale.book.export(other, ashvale.builder, tmp_path / "n.docx")
    assert not (tmp_path / "n.docx").exists()


def test_each_record_has_its_own_numbers(workspace: Workspace, tmp_path: Path) -> None:
    ashvale, brackenmoor, _ = demo_sessions(workspace)
    export(ashvale, tmp_path / "a.docx")
    ashvale.workspace.notebook.edit(ashvale.note_id(INSIGHT), text="Budget is not fixed.")
    export(ashvale, tmp_path / "a.docx")
    workspace.notebook.add(brackenmoor.stages[StageKind.INSIGHTS], "A first insight")
    assert export(brackenmoor, tmp_path / "b.docx") == (1, RecordStatus.DRAFT)
    assert ashvale.book.status(ashvale.key).version == 2


def test_record_keys_read_back_from_their_identifiers() -> None:
    keys = [
        RecordKey.session_note(1, 2, 3),
        RecordKey.day_summary(4),
        RecordKey.cycle_report("2026–2027: North"),
    ]
    assert [k.identifier for k in keys] == [
        "balcony:session-note:1:2:3",
        "balcony:day-summary:4",
        "balcony:cycle-report:2026–2027: North",
    ]
    assert [RecordKey.from_identifier(k.identifier) for k in keys] == keys
    for bad in ("balcony:session-note:1:2", "balcony:memo:1", "other:day-summary:1", ""):
        with pytest.raises(ValueError, match="not a Balcony record identifier"):
            RecordKey.from_identifier(bad)
    with pytest.raises(ValueError, match="lacks its ids"):
        RecordKey(RecordKind.SESSION_NOTE, day_id=1)


def test_versions_of_a_record_never_exported_are_empty(ashvale: Session) -> None:
    state = ashvale.book.status(ashvale.key)
    assert (state.exported, state.status, state.version) == (False, RecordStatus.DRAFT, 0)
    assert ashvale.book.versions(ashvale.key) == []
    assert VersionOrigin.EXPORTED.value == "exported"
