"""Taking a director's returned copy of a real exported session note into the notes, actions
and asks and offers, or keeping it as the amended text. Reading it is test_round_trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from facilitator.amendments.round_trip import (
    AmendedFile,
    AmendedFileError,
    ApplyError,
    ChangeKind,
    Choice,
    ParagraphChange,
)
from facilitator.common.vocabulary import ExchangeKind, ExchangeScope, NoteTag, StageKind
from facilitator.records.versions import RecordError, RecordStatus
from facilitator.workspace import Workspace
from tests.support.real_session_note import (
    ACTIONS,
    ADDED,
    ASKS,
    BUDGET,
    BUDGET_NEW,
    CANDID,
    INSIGHTS,
    PRACTICE,
    VOICE,
    Session,
    add_after,
    demo_sessions,
    director_amends,
    paragraph,
    retype,
    save,
)


@pytest.fixture
def ashvale(workspace: Workspace) -> Session:
    return demo_sessions(workspace)[0]


def amended_copy(session: Session, folder: Path) -> AmendedFile:
    """Version 1 sent, amended by the director and read back."""
    returned = director_amends(session.sent_draft(folder), folder)
    return session.trip.read_amended(returned, session.key)


def test_accepting_takes_the_changes_into_the_notes_in_place(
    ashvale: Session, tmp_path: Path
) -> None:
    returned = director_amends(ashvale.sent_draft(tmp_path), tmp_path)
    amended = ashvale.trip.read_amended(returned, ashvale.key)
    budget_id = ashvale.note_id(BUDGET)

    result = ashvale.trip.apply(amended, Choice.ACCEPT, placements=ashvale.placements)

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
    ashvale.trip.apply(
        amended_copy(ashvale, tmp_path), Choice.ACCEPT, placements=ashvale.placements
    )

    view = ashvale.export(tmp_path / "v2.docx")

    assert (view.version, view.status) == (2, RecordStatus.AMENDED)
    printed = ashvale.book.paragraphs(view.id)
    texts = [p.text for p in printed]
    assert texts.index(BUDGET_NEW) + 2 == texts.index(ADDED)  # after the best practice
    assert not [t for t in texts if t.startswith((VOICE, BUDGET))]
    added = next(p for p in printed if p.text == ADDED)
    assert added.bookmark == f"note-{ashvale.note_id(ADDED)}"


def test_agreeing_after_accepting_prints_the_agreed_note_as_the_next_version(
    ashvale: Session, tmp_path: Path
) -> None:
    ashvale.trip.apply(
        amended_copy(ashvale, tmp_path), Choice.ACCEPT, placements=ashvale.placements
    )
    ashvale.book.agree(ashvale.key, dt.date(2027, 3, 1))

    view = ashvale.export(tmp_path / "agreed.docx")

    assert (view.version, view.status) == (2, RecordStatus.AGREED)
    texts = [p.text for p in ashvale.book.paragraphs(view.id)]
    assert ADDED in texts
    assert "Status: agreed on 1 March 2027" in texts


def test_keeping_the_amended_text_leaves_the_notes_and_stores_the_file(
    ashvale: Session, tmp_path: Path
) -> None:
    returned = director_amends(ashvale.sent_draft(tmp_path), tmp_path)
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
        ashvale.export(tmp_path / "v.docx")
    view = ashvale.export(tmp_path / "v.docx", set_aside_amended_text=True)
    assert view.version == 1  # the notes did not change: a re-print
    # A kept copy can still be taken in later.
    again = ashvale.trip.read_amended(returned, ashvale.key)
    ashvale.trip.apply(again, Choice.ACCEPT, placements=ashvale.placements)
    assert ashvale.texts(StageKind.INSIGHTS) == [BUDGET_NEW, PRACTICE, ADDED]


def test_taking_in_is_all_or_nothing_when_a_step_fails(
    ashvale: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    amended = amended_copy(ashvale, tmp_path)
    before = {kind: ashvale.texts(kind) for kind in ashvale.stages}

    def broken_add(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk I/O error")

    monkeypatch.setattr(ashvale.workspace.notebook, "add", broken_add)
    with pytest.raises(ApplyError, match=r"failed \(disk I/O error\)\. Nothing was changed\."):
        ashvale.trip.apply(amended, Choice.ACCEPT, placements=ashvale.placements)

    assert {kind: ashvale.texts(kind) for kind in ashvale.stages} == before
    assert ashvale.book.status(ashvale.key).status is RecordStatus.SENT
    assert len(ashvale.book.versions(ashvale.key)) == 1


def test_changes_that_cannot_be_taken_in_are_listed_and_nothing_is_changed(
    ashvale: Session, tmp_path: Path
) -> None:
    amended = amended_copy(ashvale, tmp_path)
    # The facilitator edited the bullet after sending it; and no place is given for additions.
    ashvale.workspace.notebook.edit(ashvale.note_id(BUDGET), text="Budget: see finance paper.")
    before = {kind: ashvale.texts(kind) for kind in ashvale.stages}

    with pytest.raises(ApplyError) as refused:
        ashvale.trip.apply(amended, Choice.ACCEPT)

    assert refused.value.problems == (
        f"“{BUDGET[:59]}…” was edited in Balcony after version 1 was sent (it now reads "
        "“Budget: see finance paper.”): taking the returned wording in would overwrite "
        "that. Leave this change out, or keep the amended text.",
        f"The added “{ADDED[:59]}…” is under “{INSIGHTS}”, which has no "
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
    (demo_action,) = ws.actions.for_session(ashvale.session_id)
    action = ws.actions.add(ashvale.session_id, "Review sufficiency plan", "AD")
    ask = ws.exchanges.add(
        ashvale.session_id,
        ExchangeKind.ASK,
        ashvale.authority_id,
        "Fostering hub",
        "Set up",
        ExchangeScope.MULTILATERAL,
    )
    doc = docx.Document(str(ashvale.sent_draft(tmp_path)))
    # The action prints its owner after the bookmark; the ask its topic as a lead-in, inside.
    assert paragraph(doc, "Review sufficiency").text == "Review sufficiency plan (owner: AD)"
    assert paragraph(doc, "Fostering hub").text == (
        "Fostering hub: Set up (multilateral: open to every authority)"
    )
    retype(doc, "Review sufficiency", "Review the sufficiency plan with the lead member")
    retype(doc, "Fostering hub", "Fostering hub: set up jointly with Brackenmoor")
    add_after(doc, "Review the sufficiency", "Brief the corporate parenting board")
    amended = ashvale.trip.read_amended(save(doc, tmp_path / "r.docx"), ashvale.key)
    assert [(c.kind, c.section) for c in amended.changes] == [
        (ChangeKind.CHANGED, ACTIONS),
        (ChangeKind.ADDED, ACTIONS),
        (ChangeKind.CHANGED, ASKS),
    ]

    ashvale.trip.apply(amended, Choice.ACCEPT, placements=ashvale.placements)

    actions = ws.actions.for_session(ashvale.session_id)
    assert [(a.id, a.text, a.owner) for a in actions] == [
        (demo_action.id, demo_action.text, demo_action.owner),
        (action.id, "Review the sufficiency plan with the lead member", "AD"),
        (actions[2].id, "Brief the corporate parenting board", ""),
    ]
    edited = next(x for x in ws.exchanges.for_session(ashvale.session_id) if x.id == ask.id)
    assert (edited.topic, edited.detail) == ("Fostering hub", "set up jointly with Brackenmoor")


def test_words_outside_the_bookmark_are_not_stored_with_the_note(
    ashvale: Session, tmp_path: Path
) -> None:
    doc = docx.Document(str(ashvale.sent_draft(tmp_path)))
    p = paragraph(doc, PRACTICE)
    assert p.text == f"{PRACTICE} (best practice)"
    p.runs[0].text = "Practice weeks where senior leaders shadow front-line teams monthly."
    p.runs[1].text = " (best practice, from Brackenmoor)"
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
    doc = docx.Document(str(ashvale.sent_draft(tmp_path)))
    budget = paragraph(doc, BUDGET)
    assert budget.text == BUDGET  # no attribution
    budget.add_run(" Ask the DfE.")  # after the bookmark's end
    practice = paragraph(doc, PRACTICE)
    practice.runs[1].text = " Monthly. (best practice)"  # before the attribution, outside
    amended = ashvale.trip.read_amended(save(doc, tmp_path / "r.docx"), ashvale.key)

    assert [c.after_marked for c in amended.changes] == [
        f"{BUDGET} Ask the DfE.",
        f"{PRACTICE} Monthly.",
    ]
    ashvale.trip.apply(amended, Choice.ACCEPT)
    assert ashvale.texts(StageKind.INSIGHTS) == [f"{BUDGET} Ask the DfE.", f"{PRACTICE} Monthly."]


def test_a_chosen_change_must_come_from_the_file(ashvale: Session, tmp_path: Path) -> None:
    amended = ashvale.trip.read_amended(ashvale.sent_draft(tmp_path), ashvale.key)
    stranger = ParagraphChange(ChangeKind.ADDED, INSIGHTS, "", "x")
    with pytest.raises(ValueError, match="not one of this file"):
        ashvale.trip.apply(amended, Choice.ACCEPT, changes=[stranger])


def test_added_notes_take_the_tag_of_their_placement(ashvale: Session, tmp_path: Path) -> None:
    doc = docx.Document(str(ashvale.sent_draft(tmp_path)))
    add_after(doc, PRACTICE, ADDED)
    add_after(doc, CANDID, "Leaders who know their front line by name.")
    amended = ashvale.trip.read_amended(save(doc, tmp_path / "r.docx"), ashvale.key)

    ashvale.trip.apply(amended, Choice.ACCEPT, placements=ashvale.placements)

    insight = ashvale.workspace.notebook.for_stage(ashvale.stages[StageKind.INSIGHTS])[-1]
    assert (insight.text, insight.tag) == (ADDED, NoteTag.INSIGHT)
    strength = ashvale.workspace.notebook.for_stage(ashvale.stages[StageKind.AFFIRMATION])[1]
    assert (strength.text, strength.tag) == (
        "Leaders who know their front line by name.",
        NoteTag.STRENGTH,
    )
