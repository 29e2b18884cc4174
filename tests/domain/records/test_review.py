"""Reviewing a session note before export: the note as it will read, and what to check."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import ExchangeScope, NoteTag, StageKind
from facilitator.demo import create_demo_day
from facilitator.records.collect import collect_session_note
from facilitator.records.exporting import RecordExports
from facilitator.records.review import Check, SessionReview, note_sections, review_session
from facilitator.word.session_note_words import QUESTIONS
from facilitator.workspace import Workspace


class Day:
    """The demo triad run through its first session's stages, five minutes each."""

    def __init__(self, workspace: Workspace, clock: FakeClock) -> None:
        self.workspace, self.clock = workspace, clock
        self.day_id = create_demo_day(
            workspace.planner, workspace.notebook, workspace.outcome_route
        )
        plan = workspace.planner.day_plan(self.day_id)
        self.stage_ids = {
            (s.presenter, s.kind): s.id for s in plan.stages if s.presenter is not None
        }
        self.sessions = {s.presenter: s.session_id for s in plan.stages if s.session_id is not None}
        workspace.conductor.start_day(self.day_id)

    def run_to(self, presenter: str, kind: StageKind) -> None:
        for _ in range(40):
            current = self.workspace.conductor.state(self.day_id).current
            if current is not None and (current.presenter, current.kind) == (presenter, kind):
                return
            self.clock.advance(minutes=5)
            self.workspace.conductor.advance(self.day_id)
        raise AssertionError(f"never reached {presenter}'s {kind}")

    def add(
        self,
        presenter: str,
        kind: StageKind,
        text: str,
        tag: NoteTag = NoteTag.NOTE,
        *,
        nobody: bool = False,
    ) -> int:
        """A bullet credited to the presenting authority, or (`nobody`) to no one."""
        session_id = self.sessions[presenter] or 0
        presenting = self.workspace.session_facts.get(session_id).authority_id
        note = self.workspace.notebook.add(
            self.stage_ids[(presenter, kind)],
            text,
            tag,
            authority_id=None if nobody else presenting,
        )
        assert note is not None
        return note.id

    def review(self, presenter: str = "Ashvale") -> SessionReview:
        session_id = self.sessions[presenter]
        assert session_id is not None
        content = collect_session_note(self.workspace, session_id)
        return review_session(
            self.workspace, content, self.workspace.notebook.for_session(session_id)
        )


@pytest.fixture
def day(workspace: Workspace, clock: FakeClock) -> Day:
    return Day(workspace, clock)


def flags_of(review: SessionReview, words: str) -> list[Check]:
    return [
        f.check
        for s in review.sections
        for line in s.lines
        if words in line.text
        for f in line.flags
    ]


def test_a_bullet_credited_to_nobody_where_someone_spoke_is_flagged(day: Day) -> None:
    day.run_to("Ashvale", StageKind.QUESTIONING)
    day.add("Ashvale", StageKind.QUESTIONING, "An answer nobody was credited with", nobody=True)
    day.add("Ashvale", StageKind.QUESTIONING, "An answer the presenting team gave")
    review = day.review()
    assert flags_of(review, "An answer nobody was credited with") == [Check.NO_PERSON]
    assert flags_of(review, "An answer the presenting team gave") == []


def test_an_insight_of_the_group_needs_nobody_named(day: Day) -> None:
    day.add("Ashvale", StageKind.INSIGHTS, "They take the budget", NoteTag.INSIGHT, nobody=True)
    assert flags_of(day.review(), "They take the budget") == []


def test_an_ask_bilateral_with_nobody_is_flagged_until_it_has_a_scope(day: Day) -> None:
    session_id = day.sessions["Ashvale"] or 0
    (ask, offer) = day.workspace.exchanges.for_session(session_id)
    assert flags_of(day.review(), ask.topic[:30]) == [Check.NO_SCOPE]

    day.workspace.exchanges.edit(ask.id, scope=ExchangeScope.MULTILATERAL)
    assert flags_of(day.review(), ask.topic[:30]) == []
    assert offer.topic


def test_a_line_said_twice_is_flagged_once_on_the_second(day: Day) -> None:
    day.add("Ashvale", StageKind.PRESENTATION, "Caseloads in the south are too high.")
    day.add("Ashvale", StageKind.REACTION, "caseloads in the South are too high")
    review = day.review()
    presentation, reaction = (
        [
            line
            for s in review.sections
            if s.heading == heading
            for line in s.lines
            if "aseloads" in line.text
        ]
        for heading in ("The presentation", "The presenting team’s reaction")
    )
    assert [line.flags for line in presentation] == [()]
    assert [f.check for f in reaction[0].flags] == [Check.REPEAT]
    assert "under “The presentation”" in reaction[0].flags[0].message


def test_a_bullet_added_after_its_stage_ended_is_flagged(day: Day) -> None:
    day.run_to("Ashvale", StageKind.PRESENTATION)
    day.add("Ashvale", StageKind.PRESENTATION, "Said while the presentation ran")
    day.run_to("Ashvale", StageKind.QUESTIONING)
    day.clock.advance(minutes=2)
    day.add("Ashvale", StageKind.PRESENTATION, "Typed into the presentation afterwards")
    review = day.review()
    assert flags_of(review, "Said while the presentation ran") == []
    assert flags_of(review, "Typed into the presentation afterwards") == [Check.LATE]


def test_words_also_in_another_session_are_flagged(day: Day) -> None:
    words = "Our front door takes too long to decide"
    day.add("Ashvale", StageKind.REACTION, words)
    day.add("Brackenmoor", StageKind.REACTION, words)
    (flag,) = [
        f
        for s in day.review().sections
        for line in s.lines
        if words in line.text
        for f in line.flags
    ]
    assert flag.check is Check.ELSEWHERE
    assert "Brackenmoor" in flag.message


def test_a_clean_note_says_it_is_ready_and_counts_what_to_check(day: Day) -> None:
    session_id = day.sessions["Corriford"] or 0
    review = day.review("Corriford")
    assert review.flagged == []
    assert review.summary == "Nothing to check: the note is ready to export."
    day.add("Corriford", StageKind.PRESENTATION, "Nobody said this one", nobody=True)
    assert day.review("Corriford").summary == "1 thing to check before export."
    assert session_id


def test_the_review_reads_in_the_order_the_word_note_prints(
    day: Day, workspace: Workspace, tmp_path: Path
) -> None:
    day.add("Ashvale", StageKind.INSIGHTS, "An insight", NoteTag.INSIGHT, nobody=True)
    session_id = day.sessions["Ashvale"] or 0
    workspace.questions.mark_asked(
        session_id, workspace.bank.bank().all_questions()[0], authority_id=None
    )
    content = collect_session_note(workspace, session_id)
    exports = RecordExports(workspace)
    (record,) = [
        r
        for r in exports.day_records(day.day_id)
        if r.session and r.session.session_id == session_id
    ]
    path = tmp_path / "note.docx"
    exports.export(record, path)
    printed = [
        p.text
        for p in docx.Document(str(path)).paragraphs
        if p.style is not None and p.style.name in ("Heading 2", "Heading 3")
    ]
    reviewed = []
    for heading, _ in note_sections(content):
        if heading.startswith(f"{QUESTIONS}: "):
            reviewed += [QUESTIONS, heading.removeprefix(f"{QUESTIONS}: ")]
        else:
            reviewed.append(heading)
    in_word = [h for h in printed if h in reviewed]
    assert in_word == list(dict.fromkeys(reviewed))
