"""What the record documents say, gathered without Word: sections, pairings and priorities."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import dataclass

import pytest

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import ExchangeKind, NoteTag, PlenaryQuestion, StageKind
from facilitator.demo import DEMO_CYCLE, create_demo_day
from facilitator.records.collect import (
    PriorityMention,
    agreed_status_line,
    collect_cycle_report,
    collect_day_summary,
    collect_session_note,
    draft_status_line,
    first_foreign,
    other_sessions_texts,
)
from facilitator.records.pairing import (
    group_similar,
    suggest_pairings,
    topic_words,
)
from facilitator.records.summaries import rank_priorities
from facilitator.workspace import Workspace
from tests.support.record_day import FilledSession, fill_day, marker, quartet_day


@dataclass(frozen=True)
class Filled:
    day_id: int
    sessions: list[FilledSession]


@pytest.fixture
def triad(workspace: Workspace, clock: FakeClock) -> Filled:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    return Filled(day_id, fill_day(workspace, day_id, clock))


def texts(bullets: tuple[object, ...]) -> list[str]:
    return [getattr(b, "text", "") for b in bullets]


# pairing: pure functions -----------------------------------------------------------------


def test_topic_words_drop_filler_plurals_numbers_and_case() -> None:
    assert topic_words("Support with our Foster Carers’ recruitment in 2027") == {
        "foster",
        "carer",
        "recruitment",
    }
    assert topic_words("Policies, processes and approaches") == {"policy", "process", "approach"}
    assert topic_words("Analysis of status") == {"analysis", "status"}
    assert topic_words("the and of") == frozenset()


@dataclass(frozen=True)
class Item:
    kind: ExchangeKind
    authority: str
    topic: str


def pairing_score(offer: str, ask: str) -> float:
    exchanges = [Item(ExchangeKind.OFFER, "A", offer), Item(ExchangeKind.ASK, "B", ask)]
    found = suggest_pairings(exchanges, threshold=0.01)
    return found[0].score if found else 0.0


def test_a_pairings_score_is_shared_words_over_all_words() -> None:
    assert pairing_score("Practice weeks for senior leaders", "Senior leaders’ practice weeks") == 1
    assert pairing_score("Foster carer recruitment", "Recruiting foster carers") == 0.5
    assert pairing_score("Edge of care", "Care leavers") == pytest.approx(1 / 3)
    assert pairing_score("", "Care leavers") == 0


def test_an_offer_pairs_with_another_authoritys_ask_on_the_same_topic() -> None:
    offer = Item(ExchangeKind.OFFER, "Ashvale", "Practice weeks for senior leaders")
    ask = Item(ExchangeKind.ASK, "Brackenmoor", "Senior leaders practice weeks")
    half = Item(ExchangeKind.ASK, "Corriford", "Practice weeks for new starters")
    own = Item(ExchangeKind.ASK, "ashvale ", "Practice weeks for senior leaders")
    unrelated = Item(ExchangeKind.ASK, "Upton", "Youth justice")
    another_offer = Item(ExchangeKind.OFFER, "Upton", "Senior leaders practice weeks")

    pairings = suggest_pairings([offer, ask, half, own, unrelated, another_offer])

    # Half the words is not enough ("new starters"); Ashvale's own ask is not its match.
    assert [(p.offer.authority, p.ask.authority, p.score) for p in pairings] == [
        ("Ashvale", "Brackenmoor", 1.0),
        ("Upton", "Brackenmoor", 1.0),
        ("Upton", "ashvale ", 1.0),
    ]
    assert pairings[0].shared == ("leader", "practice", "senior", "week")
    assert suggest_pairings([offer, half], threshold=0.4)[0].ask is half


def test_similar_texts_group_around_the_first_that_said_it() -> None:
    groups = group_similar(
        ["Workforce stability", "Placement sufficiency", "Stability of the workforce", "SEND"]
    )
    assert groups == [[0, 2], [1], [3]]


def test_the_cycles_priorities_merge_and_rank_by_days_then_rank() -> None:
    mentions = [
        PriorityMention("Day 1", 1, "SEND transport"),
        PriorityMention("Day 1", 2, "Workforce stability"),
        PriorityMention("Day 2", 1, "Stability of the workforce"),
        PriorityMention("Day 2", 2, "Edge of care"),
        PriorityMention("Day 3", 3, "Workforce stability"),
    ]
    ranked = rank_priorities(mentions, ["Day 1", "Day 2", "Day 3"])

    assert [(p.rank, p.text, p.days) for p in ranked] == [
        (1, "Stability of the workforce", 3),
        (2, "SEND transport", 1),
        (3, "Edge of care", 1),
    ]
    assert [(m.day, m.rank) for m in ranked[0].mentions] == [
        ("Day 1", 2),
        ("Day 2", 1),
        ("Day 3", 3),
    ]


def test_status_lines_read_as_plain_english() -> None:
    assert draft_status_line(2, dt.date(2027, 2, 3)) == (
        "Status: draft for amendment, version 2, sent 3 February 2027"
    )
    assert draft_status_line(1) == "Status: draft for amendment, version 1"
    assert agreed_status_line(dt.date(2027, 2, 20)) == "Status: agreed on 20 February 2027"


# the session note's content --------------------------------------------------------------


def test_a_session_note_holds_each_kind_of_row_in_its_section(
    workspace: Workspace, triad: Filled
) -> None:
    ashvale = triad.sessions[0]
    content = collect_session_note(workspace, ashvale.session_id)
    m = ashvale.markers

    assert content.authority == "Ashvale"
    assert content.identifier == (
        f"balcony:session-note:{triad.day_id}:{ashvale.session_id}:{content.authority_id}"
    )
    assert content.lead_reviewer == "Tom Hallworth, Brackenmoor"
    assert [t.authority for t in content.attendance] == ["Ashvale", "Brackenmoor", "Corriford"]
    assert content.attendance[0].people[0].name == "Priya Ellwood"
    assert texts(content.focus_risks)[0] == "Budget"
    assert f"Focus on placement sufficiency {m[0]}" in texts(content.focus_risks)
    assert texts(content.presentation)[-1] == f"New locality model since September {m[1]}"
    strength = next(b for b in content.strengths if m[4] in b.text)
    assert strength.attribution == "named by Tom Hallworth, Brackenmoor"
    assert strength.bookmark.startswith("note-")
    (budget,) = content.themes
    assert budget.title == "Budget"
    (explored,) = budget.questions
    assert explored.question.bookmark.startswith("asked-")
    # Ashvale's own rating; Brackenmoor asked.
    assert [(s.authority, s.value, s.asked_by) for s in explored.scores] == [
        ("Ashvale", 4, "Brackenmoor")
    ]
    assert explored.scale_low == "not confident at all"
    assert f"What would your children say? {m[11]}" in texts(content.new_questions)
    assert f"How do you hear from care leavers? {m[3]}" in texts(content.new_questions)
    assert f"Caseloads have fallen to eighteen {m[2]}" in texts(content.discussion)
    best = next(b for b in content.insights if m[6] in b.text)
    assert best.attribution == "best practice"
    assert texts(content.reaction) == [f"The team recognised the budget point {m[8]}"]
    assert texts(content.reflection) == [f"Will revisit the sufficiency plan {m[9]}"]
    assert texts(content.actions)[0] == f"Review the front door {m[12]}"
    assert content.actions[0].attribution == "owner: The DCS"
    assert f"Brief the lead member on placements {m[10]}" in texts(content.actions)
    offer = content.offers[0]
    assert (offer.lead, offer.text) == ("Practice weeks for senior leaders: ", f"Detail {m[13]}")
    assert offer.attribution == "multilateral: open to every authority"
    assert content.asks[0].attribution == "bilateral, with Brackenmoor"
    assert content.asks[0].bookmark.startswith("exchange-")
    assert content.topical_invitation.endswith(f"next year on: Edge of care {m[15]}")
    assert content.other_notes == ()


def test_a_session_note_holds_nothing_of_another_session(
    workspace: Workspace, triad: Filled
) -> None:
    for session in triad.sessions:
        said = repr(collect_session_note(workspace, session.session_id))
        for other in triad.sessions:
            for mark in other.markers:
                assert (mark in said) is (other is session), (session.authority, mark)


def test_stage_times_are_planned_against_run_less_pauses(
    workspace: Workspace, clock: FakeClock
) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    plan = workspace.planner.day_plan(day_id)
    session_id = plan.stages[1].session_id
    assert session_id is not None
    workspace.conductor.start_day(day_id)
    clock.advance(minutes=15)
    workspace.conductor.advance(day_id)  # introductions done, presentation starts
    clock.advance(minutes=10)
    workspace.conductor.pause(day_id)
    clock.advance(minutes=30)
    workspace.conductor.resume(day_id)
    clock.advance(minutes=8)
    workspace.conductor.advance(day_id)  # presentation: 18 minutes run, 30 paused
    clock.advance(minutes=20)

    times = collect_session_note(workspace, session_id).stage_times

    assert [(t.title, t.planned_minutes, t.actual_minutes, t.running) for t in times[:3]] == [
        ("Presentation of the self-assessment", 15, 18, False),
        ("Questioning: strengths and signatures of risk", 70, 20, True),
        ("Affirmation", 5, None, False),
    ]
    assert times[0].difference == 3


def test_notes_go_by_tag_for_lists_then_by_stage(workspace: Workspace) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    plan = workspace.planner.day_plan(day_id)
    session_id = plan.stages[1].session_id
    assert session_id is not None
    stages = {s.kind: s.id for s in plan.stages if s.session_id == session_id}
    add = workspace.notebook.add
    add(stages[StageKind.INSIGHTS], "An offer typed on the balcony", NoteTag.OFFER)
    add(stages[StageKind.REACTION], "A risk named in the reaction", NoteTag.RISK)
    add(stages[StageKind.QUESTIONING], "Against a bank question", question_id="budget-02")

    content = collect_session_note(workspace, session_id)

    assert "An offer typed on the balcony" in texts(content.offers)
    assert "A risk named in the reaction" in texts(content.reaction)
    (theme,) = content.themes  # the linked note brings its question with it
    assert texts(theme.questions[0].notes) == ["Against a bank question"]


# the confidentiality check's parts -------------------------------------------------------


def test_other_sessions_texts_are_long_enough_and_not_our_own(
    workspace: Workspace, triad: Filled
) -> None:
    ashvale, brackenmoor = triad.sessions[0], triad.sessions[1]
    stage = next(
        s.id
        for s in workspace.planner.day_plan(triad.day_id).stages
        if s.session_id == brackenmoor.session_id and s.kind is StageKind.INSIGHTS
    )
    workspace.notebook.add(stage, "Short one")
    workspace.notebook.add(stage, "Words both sessions said")
    own = collect_session_note(workspace, ashvale.session_id).own_texts | {
        "Words both sessions said"
    }

    foreign = other_sessions_texts(workspace, ashvale.session_id, own)

    assert foreign[f"Caseloads have fallen to eighteen {marker('Brackenmoor', 3)}"] == (
        "Brackenmoor"
    )
    assert foreign[f"Edge of care {marker('Corriford', 16)}"] == "Corriford"
    assert "Short one" not in foreign
    assert "Words both sessions said" not in foreign
    assert not any("ASHVALE" in text for text in foreign)


def test_first_foreign_finds_a_leak_unless_the_words_are_allowed() -> None:
    foreign = {"A phrase from Brackenmoor": "Brackenmoor", "Priya Ellwood, DCS": "Corriford"}
    lines = ["Intro", "Priya Ellwood, DCS"]

    assert first_foreign(lines, foreign) == ("Priya Ellwood, DCS", "Corriford")
    assert first_foreign(lines, foreign, ["Priya Ellwood, DCS"]) is None
    # Case, spacing and line breaks do not hide a leak.
    lines.append("Leak:  a PHRASE\nfrom Brackenmoor")
    assert first_foreign(lines, foreign, ["Priya Ellwood, DCS"]) == (
        "A phrase from Brackenmoor",
        "Brackenmoor",
    )


# the day summary and cycle report's content ----------------------------------------------


def test_the_day_summary_groups_by_authority_and_keeps_the_ranking(
    workspace: Workspace, triad: Filled
) -> None:
    priorities = workspace.plenary.priorities(triad.day_id)
    workspace.plenary.move(priorities[2].id, 0)
    workspace.introductions.record(triad.day_id, name="Ola Brightwater", gives="Notes")

    content = collect_day_summary(workspace, triad.day_id)

    assert content.identifier == f"balcony:day-summary:{triad.day_id}"
    assert [g.heading for g in content.best_practice] == ["Ashvale", "Brackenmoor", "Corriford"]
    assert texts(content.best_practice[0].bullets) == [
        "Practice weeks where senior leaders shadow front-line teams.",
        f"Practice weeks for senior leaders {marker('Ashvale', 7)}",
    ]
    assert texts(content.systemic_issues[2].bullets) == [
        f"Shortage of residential places {marker('Corriford', 8)}"
    ]
    assert [(p.rank, p.text) for p in content.priorities] == [
        (1, "SEND (priority 3)"),
        (2, "Workforce stability (priority 1)"),
        (3, "Placement sufficiency (priority 2)"),
    ]
    rows = [(r.authority, r.kind_label, r.scope, r.counterpart) for r in content.exchanges]
    assert rows[:4] == [
        ("Ashvale", "Offer", "Multilateral", "Any authority"),
        ("Ashvale", "Ask", "Bilateral", "Brackenmoor"),
        ("Ashvale", "Ask", "Not set", ""),  # the demo's notes tagged ask and offer
        ("Ashvale", "Offer", "Not set", ""),
    ]
    assert len(content.exchanges) == 8
    assert [a.question for a in content.plenary] == [
        PlenaryQuestion.KEY_LEARNING.label,
        PlenaryQuestion.PROBLEM_SOLVING.label,
        PlenaryQuestion.NETWORKING.label,
    ]
    assert content.attendance[-1].authority == "Guests"
    assert content.attendance[-1].people[0].name == "Ola Brightwater"


def test_the_cycle_report_reads_every_day_of_its_cycle_only(
    workspace: Workspace, triad: Filled
) -> None:
    quartet = quartet_day(workspace)
    fill_day(workspace, quartet)
    elsewhere = quartet_day(workspace, cycle="Another cycle", number=1)
    fill_day(workspace, elsewhere)

    content = collect_cycle_report(workspace, DEMO_CYCLE)

    assert content.identifier == f"balcony:cycle-report:{DEMO_CYCLE}"
    assert [d.label for d in content.days] == ["Day 1", "Day 2"]
    assert content.facilitators == ("Sam Okafor", "Idris Penhallow")
    budget = content.themes[0]
    assert (budget.title, budget.sessions_asked, budget.sessions_focus, budget.days) == (
        "Budget",
        7,
        7,
        2,
    )
    assert [g.heading for g in content.systemic_issues] == [
        "Day 1: 18 January 2027",
        "Day 2: 9 March 2027",
    ]
    assert len(content.exchanges) == 8 + 8
    pairs = {(p.offer.authority, p.ask.authority, p.ask.topic) for p in content.pairings}
    assert ("Ashvale", "Brackenmoor", "Senior leaders practice weeks") in pairs
    assert ("Redbank", "Corriford", "Recruiting foster carers") in pairs
    assert all(p.offer.authority != p.ask.authority for p in content.pairings)
    assert [(p.rank, p.days) for p in content.priorities] == [(1, 2), (2, 2), (3, 2)]
    with pytest.raises(LookupError, match="no days"):
        collect_cycle_report(workspace, "No such cycle")


def test_gathering_a_record_does_not_load_python_docx() -> None:
    code = (
        "import sys, facilitator.records.collect, facilitator.records.summaries; "
        "assert not any(m == 'docx' or m.startswith('docx.') for m in sys.modules), 'docx'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
