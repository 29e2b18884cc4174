from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from facilitator.amendments.round_trip import (
    ActionsOf,
    AmendedFile,
    AmendedFileError,
    ApplyError,
    ChangeKind,
    Choice,
    NotesOf,
    ParagraphChange,
    compare,
    render_diff,
)
from facilitator.common.vocabulary import ExchangeKind, NoteTag, StageKind
from facilitator.records.reading import DocParagraph, read_document
from facilitator.records.versions import RecordError, RecordStatus
from facilitator.workspace import Workspace
from tests.support.fake_session_note import (
    ACTIONS,
    EXCHANGES,
    STAGE_HEADINGS,
    Session,
    add_after,
    add_bullet,
    delete,
    demo_sessions,
    retype,
    save,
)

INSIGHTS = STAGE_HEADINGS[StageKind.INSIGHTS]
STRENGTHS = STAGE_HEADINGS[StageKind.AFFIRMATION]
BUDGET = "The story assumes the budget is fixed; the corporate centre may see it otherwise."
BUDGET_NEW = "The story assumes the budget is fixed; the council’s finance team may not."
PRACTICE = "Practice weeks where senior leaders shadow front-line teams."
ADDED = "Visitors were struck by how openly the team talked about drift."
VOICE = "Strong voice of children in the corporate parenting board."
CANDID = "A candid self-assessment that names its own weak spots."


@pytest.fixture
def sessions(workspace: Workspace) -> list[Session]:
    return demo_sessions(workspace)


@pytest.fixture
def ashvale(sessions: list[Session]) -> Session:
    return sessions[0]


def placements(session: Session) -> dict[str, int | NotesOf | ActionsOf]:
    found: dict[str, int | NotesOf | ActionsOf] = {
        heading: session.stages[kind] for kind, heading in STAGE_HEADINGS.items()
    }
    found[ACTIONS] = ActionsOf(session.session_id)
    return found


def sent_draft(session: Session, tmp_path: Path) -> Path:
    """Version 1 exported and marked as sent."""
    path = tmp_path / "Ashvale session note.docx"
    session.book.export(session.key, session.builder, path)
    session.book.mark_sent(session.key)
    return path


def director_amends(sent: Path, tmp_path: Path) -> Path:
    """What the issue asks for: one bullet changed, one added, one deleted."""
    doc = docx.Document(str(sent))
    retype(doc, BUDGET, BUDGET_NEW)
    add_after(doc, PRACTICE, ADDED)
    delete(doc, VOICE)
    return save(doc, tmp_path / "Ashvale session note - DCS comments.docx")


def test_the_round_trip_shows_exactly_the_directors_three_changes(
    ashvale: Session, tmp_path: Path
) -> None:
    returned = director_amends(sent_draft(ashvale, tmp_path), tmp_path)

    amended = ashvale.trip.read_amended(returned, ashvale.key)

    assert (amended.key, amended.version) == (ashvale.key, 1)
    assert [(c.kind, c.section, c.before, c.after) for c in amended.changes] == [
        (ChangeKind.DELETED, STRENGTHS, VOICE, ""),
        (ChangeKind.CHANGED, INSIGHTS, BUDGET, BUDGET_NEW),
        (ChangeKind.ADDED, INSIGHTS, "", ADDED),
    ]
    assert [c.bookmark for c in amended.changes] == [
        f"note-{ashvale.note_id(VOICE)}",
        f"note-{ashvale.note_id(BUDGET)}",
        None,
    ]
    assert render_diff(amended.changes) == [
        f"Deleted from Strengths: “{VOICE}”",
        f"Changed in Insights from the balcony: “{BUDGET}” → “{BUDGET_NEW}”",
        f"Added to Insights from the balcony: “{ADDED}”",
    ]


def test_accepting_takes_the_changes_into_the_notes_in_place(
    ashvale: Session, tmp_path: Path
) -> None:
    returned = director_amends(sent_draft(ashvale, tmp_path), tmp_path)
    amended = ashvale.trip.read_amended(returned, ashvale.key)
    budget_id = ashvale.note_id(BUDGET)

    result = ashvale.trip.apply(amended, Choice.ACCEPT, placements=placements(ashvale))

    assert ashvale.texts(StageKind.INSIGHTS) == [BUDGET_NEW, PRACTICE, ADDED]
    assert ashvale.texts(StageKind.AFFIRMATION) == [CANDID]
    assert ashvale.note_id(BUDGET_NEW) == budget_id  # edited, not replaced
    assert len(result.done) == 3
    assert result.status.status is RecordStatus.AMENDED
    kept = ashvale.book.versions(ashvale.key)[-1]
    assert (kept.version, kept.status, kept.origin, kept.taken_in) == (
        1,
        RecordStatus.AMENDED,
        "returned",
        True,
    )
    assert ashvale.book.document(kept.id) == returned.read_bytes()
    # The same copy cannot be taken in twice.
    with pytest.raises(AmendedFileError, match="already taken into the notes"):
        ashvale.trip.read_amended(returned, ashvale.key)


def test_after_accepting_the_next_export_is_an_amended_version_2(
    ashvale: Session, tmp_path: Path
) -> None:
    returned = director_amends(sent_draft(ashvale, tmp_path), tmp_path)
    amended = ashvale.trip.read_amended(returned, ashvale.key)
    ashvale.trip.apply(amended, Choice.ACCEPT, placements=placements(ashvale))

    view = ashvale.book.export(ashvale.key, ashvale.builder, tmp_path / "v2.docx")

    assert (view.version, view.status) == (2, RecordStatus.AMENDED)
    texts = [p.text for p in ashvale.book.paragraphs(view.id)]
    assert ADDED in texts
    assert VOICE not in texts


def test_agreeing_after_accepting_prints_the_agreed_note_as_the_next_version(
    ashvale: Session, tmp_path: Path
) -> None:
    returned = director_amends(sent_draft(ashvale, tmp_path), tmp_path)
    ashvale.trip.apply(
        ashvale.trip.read_amended(returned, ashvale.key),
        Choice.ACCEPT,
        placements=placements(ashvale),
    )
    ashvale.book.agree(ashvale.key, dt.date(2027, 3, 1))

    view = ashvale.book.export(ashvale.key, ashvale.builder, tmp_path / "agreed.docx")

    assert (view.version, view.status) == (2, RecordStatus.AGREED)
    assert ADDED in [p.text for p in ashvale.book.paragraphs(view.id)]


def test_keeping_the_amended_text_leaves_the_notes_and_stores_the_file(
    ashvale: Session, tmp_path: Path
) -> None:
    returned = director_amends(sent_draft(ashvale, tmp_path), tmp_path)
    amended = ashvale.trip.read_amended(returned, ashvale.key)
    before = {kind: ashvale.texts(kind) for kind in ashvale.stages}

    result = ashvale.trip.apply(amended, Choice.KEEP)

    assert {kind: ashvale.texts(kind) for kind in ashvale.stages} == before
    assert result.done == ()
    assert (result.status.status, result.status.kept_amended) == (RecordStatus.AMENDED, True)
    kept = result.version
    assert (kept.version, kept.status, kept.taken_in) == (1, RecordStatus.AMENDED, False)
    assert ashvale.book.document(kept.id) == returned.read_bytes()
    copy = tmp_path / "kept copy.docx"
    ashvale.book.save_copy(kept.id, copy)
    assert copy.read_bytes() == returned.read_bytes()
    # A file built from the notes would drop the director's words: it needs saying so.
    with pytest.raises(RecordError, match="kept as the director returned it"):
        ashvale.book.export(ashvale.key, ashvale.builder, tmp_path / "v.docx")
    view = ashvale.book.export(
        ashvale.key, ashvale.builder, tmp_path / "v.docx", set_aside_amended_text=True
    )
    assert view.version == 1  # the notes did not change: a re-print
    # A kept copy can still be taken in later.
    again = ashvale.trip.read_amended(returned, ashvale.key)
    ashvale.trip.apply(again, Choice.ACCEPT, placements=placements(ashvale))
    assert ashvale.texts(StageKind.INSIGHTS) == [BUDGET_NEW, PRACTICE, ADDED]


def test_a_random_word_file_is_refused(ashvale: Session, tmp_path: Path) -> None:
    sent_draft(ashvale, tmp_path)
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
    sent_draft(ashvale, tmp_path)
    path = tmp_path / "comments.docx"
    path.write_bytes(content)
    with pytest.raises(AmendedFileError, match=r"comments.docx cannot be read: It is not a Word"):
        ashvale.trip.read_amended(path, ashvale.key)


def test_a_missing_file_is_refused_clearly(ashvale: Session, tmp_path: Path) -> None:
    with pytest.raises(AmendedFileError, match=r"gone\.docx cannot be read"):
        ashvale.trip.read_amended(tmp_path / "gone.docx", ashvale.key)


def test_a_note_for_another_authority_is_refused(sessions: list[Session], tmp_path: Path) -> None:
    ashvale, _, corriford = sessions
    sent_draft(ashvale, tmp_path)
    theirs = tmp_path / "Corriford.docx"
    corriford.book.export(corriford.key, corriford.builder, theirs)
    with pytest.raises(AmendedFileError) as refused:
        ashvale.trip.read_amended(theirs, ashvale.key)
    assert str(refused.value) == "This note is for Corriford, not Ashvale."
    # Without an expected record it is read as Corriford's own.
    assert ashvale.trip.read_amended(theirs).key == corriford.key


def test_an_older_or_unknown_version_is_refused(ashvale: Session, tmp_path: Path) -> None:
    book, key = ashvale.book, ashvale.key
    first = sent_draft(ashvale, tmp_path)
    old_copy = save(docx.Document(str(first)), tmp_path / "old copy.docx")
    ashvale.workspace.notebook.edit(ashvale.note_id(BUDGET), text="Budget is not fixed.")
    book.export(key, ashvale.builder, tmp_path / "v2.docx")
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
    returned = director_amends(sent_draft(ashvale, tmp_path), tmp_path)
    ashvale.book.agree(ashvale.key, dt.date(2027, 3, 1))
    with pytest.raises(AmendedFileError, match="agreed on 1 March 2027 and is locked"):
        ashvale.trip.read_amended(returned, ashvale.key)


def test_taking_in_is_all_or_nothing_when_a_step_fails(
    ashvale: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    returned = director_amends(sent_draft(ashvale, tmp_path), tmp_path)
    amended = ashvale.trip.read_amended(returned, ashvale.key)
    before = {kind: ashvale.texts(kind) for kind in ashvale.stages}

    def broken_add(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk I/O error")

    monkeypatch.setattr(ashvale.workspace.notebook, "add", broken_add)
    with pytest.raises(ApplyError, match=r"failed \(disk I/O error\)\. Nothing was changed\."):
        ashvale.trip.apply(amended, Choice.ACCEPT, placements=placements(ashvale))

    assert {kind: ashvale.texts(kind) for kind in ashvale.stages} == before
    assert ashvale.book.status(ashvale.key).status is RecordStatus.SENT
    assert len(ashvale.book.versions(ashvale.key)) == 1


def test_changes_that_cannot_be_taken_in_are_listed_and_nothing_is_changed(
    ashvale: Session, tmp_path: Path
) -> None:
    returned = director_amends(sent_draft(ashvale, tmp_path), tmp_path)
    amended = ashvale.trip.read_amended(returned, ashvale.key)
    # The facilitator edited the bullet after sending it; and no place is given for additions.
    ashvale.workspace.notebook.edit(ashvale.note_id(BUDGET), text="Budget: see finance paper.")
    before = {kind: ashvale.texts(kind) for kind in ashvale.stages}

    with pytest.raises(ApplyError) as refused:
        ashvale.trip.apply(amended, Choice.ACCEPT)

    assert refused.value.problems == (
        f"“{BUDGET[:59]}…” was edited in Balcony after version 1 was sent (it now reads "
        "“Budget: see finance paper.”): taking the returned wording in would overwrite "
        "that. Leave this change out, or keep the amended text.",
        f"The added “{ADDED[:59]}…” is under “Insights from the balcony”, which has no "
        "place in the notes. Leave this change out, or keep the amended text.",
    )
    assert {kind: ashvale.texts(kind) for kind in ashvale.stages} == before
    # Leaving those two out takes the deletion alone.
    deletion = [c for c in amended.changes if c.kind is ChangeKind.DELETED]
    assert ashvale.trip.problems(amended, changes=deletion) == []
    ashvale.trip.apply(amended, Choice.ACCEPT, changes=deletion)
    assert ashvale.texts(StageKind.AFFIRMATION) == [CANDID]


def test_actions_and_asks_are_edited_through_their_services(
    ashvale: Session, tmp_path: Path
) -> None:
    ws = ashvale.workspace
    action = ws.actions.add(ashvale.session_id, "Review sufficiency plan", "AD")
    ask = ws.exchanges.add(
        ashvale.session_id, ExchangeKind.ASK, ashvale.authority_id, "Fostering hub", "Set up"
    )
    doc = docx.Document(str(sent_draft(ashvale, tmp_path)))
    retype(doc, "Review sufficiency", "Review the sufficiency plan with the lead member")
    retype(doc, "Fostering hub", "Fostering hub: set up jointly with Brackenmoor")
    add_after(doc, "Review the sufficiency", "Brief the corporate parenting board")
    amended = ashvale.trip.read_amended(save(doc, tmp_path / "r.docx"), ashvale.key)
    assert [(c.kind, c.section) for c in amended.changes] == [
        (ChangeKind.CHANGED, ACTIONS),
        (ChangeKind.ADDED, ACTIONS),
        (ChangeKind.CHANGED, EXCHANGES),
    ]

    ashvale.trip.apply(amended, Choice.ACCEPT, placements=placements(ashvale))

    actions = ws.actions.for_session(ashvale.session_id)
    assert [(a.id, a.text, a.owner) for a in actions] == [
        (action.id, "Review the sufficiency plan with the lead member", "AD"),
        (actions[1].id, "Brief the corporate parenting board", ""),
    ]
    (edited,) = ws.exchanges.for_session(ashvale.session_id)
    assert (edited.id, edited.topic, edited.detail) == (
        ask.id,
        "Fostering hub",
        "set up jointly with Brackenmoor",
    )


def test_words_outside_the_bookmark_are_not_stored_with_the_note(
    ashvale: Session, tmp_path: Path
) -> None:
    doc = docx.Document(str(sent_draft(ashvale, tmp_path)))
    p = next(p for p in doc.paragraphs if p.text.startswith(PRACTICE))
    assert p.text == f"{PRACTICE} — best practice"
    p.runs[0].text = "Practice weeks where senior leaders shadow front-line teams monthly."
    p.runs[1].text = " — best practice (Brackenmoor)"
    amended = ashvale.trip.read_amended(save(doc, tmp_path / "r.docx"), ashvale.key)
    (change,) = amended.changes
    assert (
        change.after_marked
        == "Practice weeks where senior leaders shadow front-line teams monthly."
    )

    ashvale.trip.apply(amended, Choice.ACCEPT)

    assert PRACTICE.replace(".", " monthly.") in ashvale.texts(StageKind.INSIGHTS)


def test_words_typed_after_the_bookmark_belong_to_the_note(
    ashvale: Session, tmp_path: Path
) -> None:
    """Word does not stretch a bookmark over words typed at its end."""
    doc = docx.Document(str(sent_draft(ashvale, tmp_path)))
    budget = next(p for p in doc.paragraphs if p.text == BUDGET)
    budget.add_run(" Ask the DfE.")  # after the bookmark's end
    practice = next(p for p in doc.paragraphs if p.text.startswith(PRACTICE))
    practice.runs[1].text = " Monthly. — best practice"  # before the attribution, outside
    amended = ashvale.trip.read_amended(save(doc, tmp_path / "r.docx"), ashvale.key)

    assert [c.after_marked for c in amended.changes] == [
        f"{BUDGET} Ask the DfE.",
        f"{PRACTICE} Monthly.",
    ]
    ashvale.trip.apply(amended, Choice.ACCEPT)
    assert ashvale.texts(StageKind.INSIGHTS) == [f"{BUDGET} Ask the DfE.", f"{PRACTICE} Monthly."]


def test_a_bullet_retyped_whole_loses_its_bookmark_but_is_still_recognised(
    ashvale: Session, tmp_path: Path
) -> None:
    doc = docx.Document(str(sent_draft(ashvale, tmp_path)))
    p = next(p for p in doc.paragraphs if p.text.startswith(PRACTICE))
    p.text = (
        "Practice weeks where senior leaders shadow front-line teams each term. — best practice"
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
    doc = docx.Document(str(sent_draft(ashvale, tmp_path)))
    budget = next(p for p in doc.paragraphs if p.text == BUDGET)._p
    candid = next(p for p in doc.paragraphs if p.text == CANDID)._p
    candid.addnext(budget)  # lxml moves the element
    amended = ashvale.trip.read_amended(save(doc, tmp_path / "r.docx"), ashvale.key)

    assert render_diff(amended.changes) == [f"Moved from {INSIGHTS} to {STRENGTHS}: “{BUDGET}”"]
    assert "was moved" in ashvale.trip.problems(amended)[0]


def test_no_changes_read_as_such(ashvale: Session, tmp_path: Path) -> None:
    amended = ashvale.trip.read_amended(sent_draft(ashvale, tmp_path), ashvale.key)
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
    doc.add_heading("Insights from the balcony", level=2)
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
        DocParagraph("Heading 2", "Insights from the balcony"),
        DocParagraph("List Bullet", "Wrapped from outside", "note-7", "Wrapped from outside"),
        DocParagraph("List Bullet", "Cursor was here"),
        DocParagraph("List Bullet", "Inside — named by Corriford", "note-9", "Inside"),
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


def test_a_chosen_change_must_come_from_the_file(ashvale: Session, tmp_path: Path) -> None:
    amended: AmendedFile = ashvale.trip.read_amended(sent_draft(ashvale, tmp_path), ashvale.key)
    stranger = ParagraphChange(ChangeKind.ADDED, INSIGHTS, "", "x")
    with pytest.raises(ValueError, match="not one of this file"):
        ashvale.trip.apply(amended, Choice.ACCEPT, changes=[stranger])


def test_added_notes_take_the_tag_of_their_placement(ashvale: Session, tmp_path: Path) -> None:
    doc = docx.Document(str(sent_draft(ashvale, tmp_path)))
    add_after(doc, PRACTICE, ADDED)
    amended = ashvale.trip.read_amended(save(doc, tmp_path / "r.docx"), ashvale.key)
    stage = ashvale.stages[StageKind.INSIGHTS]
    ashvale.trip.apply(
        amended, Choice.ACCEPT, placements={INSIGHTS: NotesOf(stage, NoteTag.INSIGHT)}
    )
    added = ashvale.workspace.notebook.for_stage(stage)[-1]
    assert (added.text, added.tag) == (ADDED, NoteTag.INSIGHT)
