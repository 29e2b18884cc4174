"""Reading a director's returned copy of a real exported session note: what changed, and
which files are refused. Taking the changes in is test_taking_in."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from facilitator.amendments.round_trip import (
    AmendedFileError,
    ChangeKind,
    compare,
    render_diff,
)
from facilitator.common.clock import FakeClock
from facilitator.records.reading import DocParagraph, read_document
from facilitator.workspace import Workspace
from tests.support.real_session_note import (
    ADDED,
    BUDGET,
    BUDGET_NEW,
    CANDID,
    INSIGHTS,
    PRACTICE,
    STRENGTHS,
    VOICE,
    Session,
    add_bullet,
    demo_sessions,
    director_amends,
    paragraph,
    save,
)


@pytest.fixture
def sessions(workspace: Workspace) -> list[Session]:
    return demo_sessions(workspace)


@pytest.fixture
def ashvale(sessions: list[Session]) -> Session:
    return sessions[0]


def test_the_round_trip_shows_exactly_the_directors_three_changes(
    ashvale: Session, tmp_path: Path
) -> None:
    returned = director_amends(ashvale.sent_draft(tmp_path), tmp_path)

    amended = ashvale.trip.read_amended(returned, ashvale.key)

    assert (amended.key, amended.version) == (ashvale.key, 1)
    voice = f"{VOICE} (named by Corriford)"  # the attribution prints after the bookmark
    assert [(c.kind, c.section, c.before, c.after) for c in amended.changes] == [
        (ChangeKind.DELETED, STRENGTHS, voice, ""),
        (ChangeKind.CHANGED, INSIGHTS, BUDGET, BUDGET_NEW),
        (ChangeKind.ADDED, INSIGHTS, "", ADDED),
    ]
    assert [c.bookmark for c in amended.changes] == [
        f"note-{ashvale.note_id(VOICE)}",
        f"note-{ashvale.note_id(BUDGET)}",
        None,
    ]
    assert [c.before_marked for c in amended.changes[:2]] == [VOICE, BUDGET]
    assert render_diff(amended.changes) == [
        f"Deleted from {STRENGTHS}: “{voice}”",
        f"Changed in {INSIGHTS}: “{BUDGET}” → “{BUDGET_NEW}”",
        f"Added to {INSIGHTS}: “{ADDED}”",
    ]
    assert amended.notices == ()


def test_a_reprint_after_sending_does_not_change_what_the_copy_is_compared_with(
    ashvale: Session, tmp_path: Path, clock: FakeClock
) -> None:
    """The director amends the copy sent; Balcony's own lines in a later re-print of the
    same version (the status line now saying when it was sent, the issue date) are not
    the director's changes."""
    sent = ashvale.sent_draft(tmp_path)
    clock.advance(minutes=60 * 24)
    assert ashvale.export(tmp_path / "again.docx").version == 1  # a re-print
    returned = director_amends(sent, tmp_path)

    amended = ashvale.trip.read_amended(returned, ashvale.key)

    assert [(c.kind, c.after_marked or c.before_marked) for c in amended.changes] == [
        (ChangeKind.DELETED, VOICE),
        (ChangeKind.CHANGED, BUDGET_NEW),
        (ChangeKind.ADDED, ADDED),
    ]
    assert ashvale.trip.problems(amended, ashvale.placements) == []


def test_a_random_word_file_is_refused(ashvale: Session, tmp_path: Path) -> None:
    ashvale.sent_draft(tmp_path)
    doc = docx.Document()
    doc.add_paragraph("Minutes of the corporate parenting board")
    stranger = save(doc, tmp_path / "minutes.docx")
    with pytest.raises(AmendedFileError) as refused:
        ashvale.trip.read_amended(stranger, ashvale.key)
    assert str(refused.value) == (
        "This is not a Balcony session note (it has no Balcony record identifier). "
        "Choose the file Balcony exported."
    )


@pytest.mark.parametrize(
    "content", [b"Dear Sam, my comments are below.", b"PK\x03\x04 broken", b""]
)
def test_a_file_that_is_not_a_word_document_is_refused_clearly(
    ashvale: Session, tmp_path: Path, content: bytes
) -> None:
    ashvale.sent_draft(tmp_path)
    path = tmp_path / "comments.docx"
    path.write_bytes(content)
    with pytest.raises(AmendedFileError, match=r"comments.docx cannot be read: It is not a Word"):
        ashvale.trip.read_amended(path, ashvale.key)


def test_a_missing_file_is_refused_clearly(ashvale: Session, tmp_path: Path) -> None:
    with pytest.raises(AmendedFileError, match=r"gone\.docx cannot be read"):
        ashvale.trip.read_amended(tmp_path / "gone.docx", ashvale.key)


def test_a_note_for_another_authority_is_refused(sessions: list[Session], tmp_path: Path) -> None:
    ashvale, _, corriford = sessions
    ashvale.sent_draft(tmp_path)
    theirs = tmp_path / "Corriford.docx"
    corriford.export(theirs)
    with pytest.raises(AmendedFileError) as refused:
        ashvale.trip.read_amended(theirs, ashvale.key)
    assert str(refused.value) == "This note is for Corriford, not Ashvale."
    # Without an expected record it is read as Corriford's own.
    assert ashvale.trip.read_amended(theirs).key == corriford.key


def test_an_older_or_unknown_version_is_refused(ashvale: Session, tmp_path: Path) -> None:
    book, key = ashvale.book, ashvale.key
    first = ashvale.sent_draft(tmp_path)
    old_copy = save(docx.Document(str(first)), tmp_path / "old copy.docx")
    ashvale.workspace.notebook.edit(ashvale.note_id(BUDGET), text="Budget is not fixed.")
    ashvale.export(tmp_path / "v2.docx")
    book.mark_sent(key)

    with pytest.raises(AmendedFileError) as refused:
        ashvale.trip.read_amended(old_copy, key)
    assert str(refused.value) == (
        "This note is version 1, but version 2 is the latest sent. "
        "Choose the returned copy of version 2."
    )
    future = docx.Document(str(tmp_path / "v2.docx"))
    future.core_properties.version = "3"
    with pytest.raises(AmendedFileError, match="is version 3, but version 2 is the latest sent"):
        ashvale.trip.read_amended(save(future, tmp_path / "v3.docx"), key)


def test_a_file_for_a_record_never_exported_here_is_refused(
    ashvale: Session, tmp_path: Path
) -> None:
    doc = docx.Document()
    doc.core_properties.identifier = ashvale.key.identifier
    doc.core_properties.version = "1"
    with pytest.raises(AmendedFileError, match="no record of exporting this session note"):
        ashvale.trip.read_amended(save(doc, tmp_path / "x.docx"), ashvale.key)


def test_an_agreed_note_takes_no_returned_copy_until_reopened(
    ashvale: Session, tmp_path: Path
) -> None:
    returned = director_amends(ashvale.sent_draft(tmp_path), tmp_path)
    ashvale.book.agree(ashvale.key, dt.date(2027, 3, 1))
    with pytest.raises(AmendedFileError, match="agreed on 1 March 2027 and is locked"):
        ashvale.trip.read_amended(returned, ashvale.key)


def test_a_bullet_retyped_whole_loses_its_bookmark_but_is_still_recognised(
    ashvale: Session, tmp_path: Path
) -> None:
    doc = docx.Document(str(ashvale.sent_draft(tmp_path)))
    p = paragraph(doc, PRACTICE)
    p.text = (
        "Practice weeks where senior leaders shadow front-line teams each term. (best practice)"
    )
    amended = ashvale.trip.read_amended(save(doc, tmp_path / "r.docx"), ashvale.key)

    (change,) = amended.changes
    assert (change.kind, change.bookmark) == (
        ChangeKind.CHANGED,
        f"note-{ashvale.note_id(PRACTICE)}",
    )
    assert (
        change.after_marked
        == "Practice weeks where senior leaders shadow front-line teams each term."
    )


def test_a_moved_bullet_is_reported_and_not_taken_in(ashvale: Session, tmp_path: Path) -> None:
    doc = docx.Document(str(ashvale.sent_draft(tmp_path)))
    budget = paragraph(doc, BUDGET)._p
    candid = paragraph(doc, CANDID)._p
    candid.addnext(budget)  # lxml moves the element
    amended = ashvale.trip.read_amended(save(doc, tmp_path / "r.docx"), ashvale.key)

    assert render_diff(amended.changes) == [f"Moved from {INSIGHTS} to {STRENGTHS}: “{BUDGET}”"]
    assert "was moved" in ashvale.trip.problems(amended)[0]


def test_no_changes_read_as_such(ashvale: Session, tmp_path: Path) -> None:
    amended = ashvale.trip.read_amended(ashvale.sent_draft(tmp_path), ashvale.key)
    assert amended.changes == ()
    assert amended.diff_lines() == [
        "No changes: the returned copy says what the version sent said."
    ]


# reading Word's own markup ----------------------------------------------------------------


def as_bytes(doc: docx.document.Document) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_tracked_changes_are_read_as_accepted() -> None:
    doc = docx.Document()
    p = doc.add_paragraph("Keep ", style="List Bullet")
    inserted = OxmlElement("w:ins")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "this"
    run.append(text)
    inserted.append(run)
    p._p.append(inserted)
    deleted = OxmlElement("w:del")
    old = OxmlElement("w:r")
    old_text = OxmlElement("w:delText")
    old_text.text = " and not that"
    old.append(old_text)
    deleted.append(old)
    p._p.append(deleted)

    (read,) = read_document(as_bytes(doc)).paragraphs
    assert (read.style, read.text) == ("List Bullet", "Keep this")


def test_bookmarks_around_a_paragraph_and_words_own_bookmarks() -> None:
    doc = docx.Document()
    doc.add_heading(INSIGHTS, level=2)
    first = doc.add_paragraph("Wrapped from outside", style="List Bullet")
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), "7")
    start.set(qn("w:name"), "note-7")
    first._p.addprevious(start)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), "7")
    first._p.addnext(end)
    add_bullet(doc, "Cursor was here", "_GoBack", 8)
    add_bullet(doc, "Inside", "note-9", 9, "named by Corriford")
    doc.add_paragraph("   ")

    read = read_document(as_bytes(doc)).paragraphs
    assert read == (
        DocParagraph("Heading 2", INSIGHTS),
        DocParagraph("List Bullet", "Wrapped from outside", "note-7", "Wrapped from outside"),
        DocParagraph("List Bullet", "Cursor was here"),
        DocParagraph("List Bullet", "Inside (named by Corriford)", "note-9", "Inside"),
    )


def test_a_bullet_copied_with_its_bookmark_keeps_it_on_the_original() -> None:
    sent = (
        DocParagraph("Heading 2", "Insights"),
        DocParagraph("List Bullet", "One", "note-1", "One"),
    )
    returned = (
        DocParagraph("Heading 2", "Insights"),
        DocParagraph("List Bullet", "Two, a copy reworded", "note-1", "Two, a copy reworded"),
        DocParagraph("List Bullet", "One", "note-1", "One"),
    )
    assert [(c.kind, c.after, c.bookmark) for c in compare(sent, returned)] == [
        (ChangeKind.ADDED, "Two, a copy reworded", None)
    ]


def test_a_rewritten_unbookmarked_paragraph_is_a_deletion_and_an_addition() -> None:
    sent = (DocParagraph("Normal", "Lead reviewer: Tom Hallworth, Brackenmoor"),)
    returned = (DocParagraph("Normal", "Something else entirely, nothing alike"),)
    changes = compare(sent, returned)
    assert [c.kind for c in changes] == [ChangeKind.DELETED, ChangeKind.ADDED]
    assert [c.section for c in changes] == ["", ""]
    assert (
        render_diff(changes)[0]
        == "Deleted from the start: “Lead reviewer: Tom Hallworth, Brackenmoor”"
    )
