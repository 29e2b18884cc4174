"""Question coverage: questions per bank theme in a session, and theme by authority over a
day or a cycle."""

from __future__ import annotations

import pytest

from facilitator.charts.coverage import coverage_heatmap, session_coverage
from facilitator.demo import DEMO_CYCLE
from facilitator.workspace import Workspace
from question_bank import Bank
from tests.domain.charts.conftest import ask, second_day

ASHVALE, BRACKENMOOR, CORRIFORD = 1, 2, 3  # authority ids, and their sessions' ids on Day 1
SIGNATURES = (
    "Strengths",
    "The political climate",
    "Corporate support",
    "Meaningful indicators",
    "Turnover in senior leadership",
    "Service reorganisation",
    "Budget",
    "Performance",
    "Leading with others",
    "Workforce",
    "Learning culture",
    "Practice leadership",
    "Challenge and feedback",
)


def test_a_session_counts_questions_by_theme_with_focus_risks_flagged(
    workspace: Workspace, bank: Bank, day_id: int
) -> None:
    ask(workspace, bank, ASHVALE, "budget-01", by=BRACKENMOOR)
    ask(workspace, bank, ASHVALE, "budget-02", by=CORRIFORD)
    ask(workspace, bank, ASHVALE, "workforce-01", by=CORRIFORD)
    workspace.questions.pin(ASHVALE, "budget")
    workspace.questions.pin(ASHVALE, "learning-culture")
    workspace.questions.focus_risks.add(ASHVALE, "Our own words: no theme")

    chart = session_coverage(workspace, ASHVALE)

    assert chart.title == "Ashvale’s session: questions by theme"
    assert tuple(t.title for t in chart.themes) == SIGNATURES
    counts = {t.theme_id: (t.asked, t.focus, t.untouched) for t in chart.themes}
    assert counts["budget"] == (2, True, False)
    assert counts["workforce"] == (1, False, False)
    assert counts["learning-culture"] == (0, True, False)  # named, though never asked about
    assert counts["strengths"] == (0, False, True)
    assert sum(t.asked for t in chart.themes) == 3
    assert [t.theme_id for t in chart.themes if t.focus] == ["budget", "learning-culture"]
    assert chart.alt_text == (
        "Ashvale’s session: 3 questions asked, from 2 of 13 themes: Budget 2 (a focus risk), "
        "Workforce 1. Explored most: Budget (2 questions). Focus risks with no question asked: "
        "Learning culture. Not touched at all: Strengths, The political climate, Corporate "
        "support, Meaningful indicators, Turnover in senior leadership, Service "
        "reorganisation, Performance, Leading with others, Practice leadership and Challenge "
        "and feedback."
    )


def test_a_session_with_no_questions_leaves_every_theme_untouched(
    workspace: Workspace, day_id: int
) -> None:
    chart = session_coverage(workspace, BRACKENMOOR)

    assert tuple(t.title for t in chart.themes) == SIGNATURES
    assert all(t.asked == 0 and t.untouched for t in chart.themes)
    assert chart.alt_text == (
        "No questions were asked in Brackenmoor’s session. None of its 13 themes was touched."
    )


def test_a_theme_from_outside_the_signatures_joins_in_bank_order(
    workspace: Workspace, bank: Bank, day_id: int
) -> None:
    ask(workspace, bank, CORRIFORD, "balcony-01", by=ASHVALE)

    chart = session_coverage(workspace, CORRIFORD)

    assert tuple(t.title for t in chart.themes) == (*SIGNATURES, "Questions on the balcony")
    assert chart.themes[-1].asked == 1
    assert chart.alt_text.startswith(
        "Corriford’s session: 1 question asked, from 1 of 14 themes: Questions on the balcony 1."
        " Explored most: Questions on the balcony (1 question). Not touched at all: Strengths,"
    )


def test_a_cycle_heat_map_sums_an_authority_presenting_on_two_days(
    workspace: Workspace, bank: Bank, day_id: int
) -> None:
    day_two = second_day(workspace)
    ashvale_again, dunmere = workspace.planner.presenting_sessions(day_two)[:2]
    ask(workspace, bank, ASHVALE, "budget-01", by=BRACKENMOOR)
    ask(workspace, bank, ASHVALE, "workforce-01", by=CORRIFORD)
    ask(workspace, bank, BRACKENMOOR, "budget-02", by=CORRIFORD)
    ask(workspace, bank, ashvale_again.session_id, "budget-02", by=dunmere.authority_id)
    ask(workspace, bank, dunmere.session_id, "strengths-01", by=ASHVALE)

    heat_map = coverage_heatmap(workspace, cycle_name=DEMO_CYCLE)

    assert heat_map.title == "Demo cycle 2026–2027: questions by theme and authority"
    assert heat_map.columns == ("Ashvale", "Brackenmoor", "Corriford", "Dunmere", "Eskdale")
    assert heat_map.rows == SIGNATURES
    row = dict(zip(heat_map.rows, heat_map.counts, strict=True))
    assert row["Budget"] == (2, 1, 0, 0, 0)  # Ashvale: once on each day
    assert row["Workforce"] == (1, 0, 0, 0, 0)
    assert row["Strengths"] == (0, 0, 0, 1, 0)
    assert sum(map(sum, heat_map.counts)) == 5
    assert heat_map.alt_text == (
        "Questions asked by theme and presenting authority, Demo cycle 2026–2027: 5 questions "
        "in all. Ashvale: 3 questions (Budget 2, Workforce 1). Brackenmoor: 1 question "
        "(Budget 1). Corriford: no questions. Dunmere: 1 question (Strengths 1). Eskdale: no "
        "questions. Explored most: Budget (3 questions). Not explored at all: The political "
        "climate, Corporate support, Meaningful indicators, Turnover in senior leadership, "
        "Service reorganisation, Performance, Leading with others, Learning culture, Practice "
        "leadership and Challenge and feedback."
    )

    day_one = coverage_heatmap(workspace, day_id=day_id)
    assert day_one.title == "Triad on Monday 18 January 2027: questions by theme and authority"
    assert day_one.columns == ("Ashvale", "Brackenmoor", "Corriford")
    assert dict(zip(day_one.rows, day_one.counts, strict=True))["Budget"] == (1, 1, 0)


def test_a_heat_map_needs_a_day_or_a_cycle_but_not_both(workspace: Workspace, day_id: int) -> None:
    with pytest.raises(ValueError, match="either a day or a cycle"):
        coverage_heatmap(workspace)
    with pytest.raises(ValueError, match="either a day or a cycle"):
        coverage_heatmap(workspace, day_id=day_id, cycle_name=DEMO_CYCLE)
    with pytest.raises(LookupError, match="no days in the cycle"):
        coverage_heatmap(workspace, cycle_name="No such cycle")
