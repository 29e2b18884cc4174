"""The round trip with LibreOffice as the director's word processor: a real exported note,
edited through UNO as a person would, read back by Balcony.

What Writer really writes is the point: tracked deletions that restyle the next heading,
comments in their own part, bookmarks carried through a re-save.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from facilitator.amendments.placements import session_note_placements
from facilitator.amendments.round_trip import AmendedFileError, ChangeKind, Choice
from facilitator.common.vocabulary import NoteTag, StageKind
from facilitator.demo import create_demo_day
from facilitator.records.exporting import DayRecord, RecordExports
from facilitator.records.reading import read_document
from facilitator.word import session_note_words as words
from facilitator.workspace import Workspace
from tests.support.libreoffice import LibreOffice

BUDGET = "The story assumes the budget is fixed; the corporate centre may see it otherwise."
NEW_WORDS = "the council’s finance team may not"
BUDGET_NEW = f"The story assumes the budget is fixed; {NEW_WORDS}."
PRACTICE = "Practice weeks where senior leaders shadow front-line teams."
ADDED = "Visitors were struck by how openly the team talked about drift."
VOICE = "Strong voice of children in the corporate parenting board."
INTERIM = "Two interim heads of service this year"
COMMENT = "Please add the month the permanent posts were filled."
DIRECTOR = "Priya Ellwood"


def the_directors_edits(track: bool) -> list[dict[str, Any]]:
    """A reworded, an added and a deleted bullet, and a comment in the margin. The deleted
    bullet is the last of its section: deleting it with tracking on is what made LibreOffice
    restyle the heading below as a bullet."""
    return [
        {"track": track},
        {"reword": {"find": "the corporate centre may see it otherwise", "to": NEW_WORDS}},
        {"add_after": {"find": PRACTICE, "text": ADDED}},
        {"delete": {"find": VOICE}},
        {"comment": {"find": INTERIM, "text": COMMENT, "author": DIRECTOR}},
    ]


class Note:
    """The demo day's first session note, exported as version 1 and marked as sent."""

    def __init__(self, workspace: Workspace, folder: Path, day_id: int | None = None) -> None:
        self.workspace = workspace
        self.day_id = day_id or create_demo_day(
            workspace.planner, workspace.notebook, workspace.outcome_route
        )
        self.exports = RecordExports(workspace)
        self.record: DayRecord = next(
            r for r in self.exports.day_records(self.day_id) if r.session is not None
        )
        self.sent = folder / "Ashvale session note.docx"
        self.exports.export(self.record, self.sent)
        workspace.records.mark_sent(self.record.key)
        assert self.record.session is not None
        self.session_id = self.record.session.session_id

    def placements(self) -> Any:
        return session_note_placements(self.workspace.planner.day_plan(self.day_id), self.record)

    def texts(self, kind: StageKind, tag: NoteTag | None = None) -> list[str]:
        plan = self.workspace.planner.day_plan(self.day_id)
        stage = next(
            s.id for s in plan.stages if s.session_id == self.session_id and s.kind is kind
        )
        return [
            n.text for n in self.workspace.notebook.for_stage(stage) if tag is None or n.tag is tag
        ]


@pytest.fixture
def note(workspace: Workspace, tmp_path: Path) -> Note:
    return Note(workspace, tmp_path)


def listed(changes: Any) -> list[tuple[str, str, str]]:
    """What `balcony returned FILE` prints: kind, section, text."""
    return [
        (c.kind.value, c.section, c.before if c.kind is ChangeKind.DELETED else c.after)
        for c in changes
    ]


@pytest.mark.parametrize("track", [True, False], ids=["record changes on", "record changes off"])
def test_a_reworded_added_deleted_bullet_and_a_comment_are_listed_exactly(
    libreoffice: LibreOffice,
    note: Note,
    tmp_path: Path,
    track: bool,
) -> None:
    returned = libreoffice.edit(note.sent, tmp_path / "returned.docx", the_directors_edits(track))

    amended = note.workspace.round_trip.read_amended(returned, note.record.key)

    assert listed(amended.changes) == [
        ("comment", words.DISCUSSION, COMMENT),
        ("deleted", words.STRENGTHS, f"{VOICE} (named by Corriford)"),
        ("changed", words.INSIGHTS, BUDGET_NEW),
        ("added", words.INSIGHTS, ADDED),
    ]
    assert amended.comments[0].author == DIRECTOR
    assert amended.comments[0].before.startswith(INTERIM)
    if track:
        assert all(c.tracked for c in amended.edits)


def test_the_changes_go_into_their_own_sections_and_nothing_into_focus_risks(
    libreoffice: LibreOffice,
    note: Note,
    tmp_path: Path,
) -> None:
    returned = libreoffice.edit(note.sent, tmp_path / "returned.docx", the_directors_edits(True))
    trip = note.workspace.round_trip
    amended = trip.read_amended(returned, note.record.key)
    placements = note.placements()
    assert trip.problems(amended, placements=placements) == []
    risks_before = note.texts(StageKind.PRESENTATION, NoteTag.RISK)

    result = trip.apply(amended, Choice.ACCEPT, placements=placements)

    assert note.texts(StageKind.INSIGHTS) == [BUDGET_NEW, PRACTICE, ADDED]
    assert VOICE not in note.texts(StageKind.AFFIRMATION)
    assert note.texts(StageKind.PRESENTATION, NoteTag.RISK) == risks_before
    assert len(result.done) == 3  # the comment is for the facilitator, not a change
    # The next version prints the added bullet under the heading it was added under.
    again = tmp_path / "version 2.docx"
    note.exports.export(note.record, again)
    paragraphs = read_document(again.read_bytes()).paragraphs
    texts = [p.text for p in paragraphs]
    assert texts.index(words.INSIGHTS) < texts.index(ADDED) < texts.index(words.REACTION)
    assert not any(VOICE in t for t in texts)


def test_an_unchanged_re_save_lists_nothing(
    libreoffice: LibreOffice,
    note: Note,
    tmp_path: Path,
) -> None:
    returned = libreoffice.edit(note.sent, tmp_path / "returned.docx", [])

    amended = note.workspace.round_trip.read_amended(returned, note.record.key)

    assert amended.changes == ()
    assert amended.notices == ()


def test_a_heading_typo_is_left_out_without_blocking_a_bullet_change(
    libreoffice: LibreOffice,
    note: Note,
    tmp_path: Path,
) -> None:
    steps = [
        {"track": True},
        {"retitle_heading": {"find": words.INSIGHTS, "to": "Insights from the Balcony"}},
        {"reword": {"find": "the corporate centre may see it otherwise", "to": NEW_WORDS}},
    ]
    returned = libreoffice.edit(note.sent, tmp_path / "returned.docx", steps)
    trip = note.workspace.round_trip
    amended = trip.read_amended(returned, note.record.key)
    placements = note.placements()

    heading, bullet = amended.changes
    assert (heading.kind, heading.after) == (ChangeKind.CHANGED, "Insights from the Balcony")
    assert trip.problems(amended, placements=placements, changes=(heading,))
    assert trip.problems(amended, placements=placements, changes=(bullet,)) == []
    trip.apply(amended, Choice.ACCEPT, placements=placements, changes=(bullet,))
    assert note.texts(StageKind.INSIGHTS)[0] == BUDGET_NEW


def test_a_corrected_role_in_who_took_part_is_taken_in(
    libreoffice: LibreOffice,
    note: Note,
    tmp_path: Path,
) -> None:
    steps = [
        {"track": True},
        {"reword": {"find": "Head of Quality Assurance", "to": "Head of Quality and Safeguarding"}},
    ]
    returned = libreoffice.edit(note.sent, tmp_path / "returned.docx", steps)
    trip = note.workspace.round_trip
    amended = trip.read_amended(returned, note.record.key)
    assert listed(amended.changes) == [
        ("changed", words.WHO_TOOK_PART, "Head of Quality and Safeguarding")
    ]

    trip.apply(amended, Choice.ACCEPT, placements=note.placements())

    ashvale = note.workspace.planner.teams(note.day_id)[0]
    assert [m.role for m in ashvale.members if m.name == "Jo Whitlock"] == [
        "Head of Quality and Safeguarding"
    ]


def test_a_copy_saved_as_odt_is_refused_with_the_way_to_fix_it(
    libreoffice: LibreOffice,
    note: Note,
    tmp_path: Path,
) -> None:
    returned = libreoffice.edit(note.sent, tmp_path / "returned.odt", [])

    with pytest.raises(AmendedFileError, match=r"\.docx"):
        note.workspace.round_trip.read_amended(returned, note.record.key)


def test_the_heading_libreoffice_restyles_is_read_as_the_heading_and_reported(
    libreoffice: LibreOffice,
    note: Note,
    tmp_path: Path,
) -> None:
    returned = libreoffice.edit(
        note.sent, tmp_path / "returned.docx", [{"track": True}, {"delete": {"find": VOICE}}]
    )
    restyled = {p.text: p.style for p in read_document(returned.read_bytes()).paragraphs}
    assert not restyled[words.INSIGHTS].startswith("Heading")  # what Writer really does

    amended = note.workspace.round_trip.read_amended(returned, note.record.key)

    assert listed(amended.changes) == [
        ("deleted", words.STRENGTHS, f"{VOICE} (named by Corriford)")
    ]
    assert [n for n in amended.notices if words.INSIGHTS in n] == [
        f"The heading “{words.INSIGHTS}” is no longer styled as a heading in the returned "
        "copy (the word processor restyled it); Balcony read it as the heading it was."
    ]


def test_a_widened_topical_topic_is_taken_in(
    libreoffice: LibreOffice,
    workspace: Workspace,
    tmp_path: Path,
) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route)
    session = workspace.planner.presenting_sessions(day_id)[0].session_id
    workspace.session_facts.set_topical_invitation(session, True, "Edge of care")
    note = Note(workspace, tmp_path, day_id)
    steps = [{"track": True}, {"reword": {"find": "Edge of care", "to": "Edge of care and CAMHS"}}]
    returned = libreoffice.edit(note.sent, tmp_path / "returned.docx", steps)
    trip = workspace.round_trip
    amended = trip.read_amended(returned, note.record.key)
    (change,) = amended.changes
    assert (change.section, change.after_marked) == (words.TOPICAL, "Edge of care and CAMHS")

    trip.apply(amended, Choice.ACCEPT, placements=note.placements())

    facts = workspace.session_facts.get(session)
    assert (facts.topical_invitation, facts.topical_topic) == (True, "Edge of care and CAMHS")
