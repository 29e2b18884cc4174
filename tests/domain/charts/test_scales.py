"""Scale answers: each 0–10 question as a dot per authority's own rating."""

from __future__ import annotations

from facilitator.charts.scales import scale_charts
from facilitator.demo import DEMO_CYCLE
from facilitator.workspace import Workspace
from tests.domain.charts.conftest import second_day

ASHVALE, BRACKENMOOR, CORRIFORD = 1, 2, 3  # authority ids, and their sessions' ids on Day 1
BUDGET = (
    "How confident are you that continued improvement is possible within the budget umbrella "
    "you have been set for 2026–2027 from 0 not confident at all to 10 very confident?"
)


def test_a_scale_question_answered_by_two_authorities(workspace: Workspace, day_id: int) -> None:
    # Corriford asks Ashvale; the rating is Ashvale's own, whoever asked.
    workspace.questions.record_scale(ASHVALE, "budget-02", 6, asked_by=CORRIFORD)
    workspace.questions.record_scale(BRACKENMOOR, "budget-02", 8)
    workspace.questions.record_scale(ASHVALE, "practice-leadership-01", 3)

    budget, practice = scale_charts(workspace, day_id=day_id)  # in bank order

    assert budget.question == BUDGET  # "{cycle_years}" read as the demo cycle's years
    assert (budget.low, budget.high) == ("not confident at all", "very confident")
    assert [(p.authority, p.value, p.label) for p in budget.points] == [
        ("Ashvale", 6, "Ashvale"),
        ("Brackenmoor", 8, "Brackenmoor"),
    ]
    assert budget.alt_text == (
        f"{BUDGET} 0 means not confident at all; 10 means very confident. "
        "Ashvale rated 6 and Brackenmoor rated 8."
    )
    # The rating is asked for in the follow-up, so that is the chart's title.
    assert practice.question == (
        "How impactful is it on a scale from 0 to 10 where 0 is no impact and 10 is a very "
        "powerful impact?"
    )
    assert (practice.low, practice.high) == ("no impact", "a very powerful impact")
    assert [(p.authority, p.value) for p in practice.points] == [("Ashvale", 3)]


def test_across_a_cycle_each_rating_says_where_it_was_given(
    workspace: Workspace, day_id: int
) -> None:
    ashvale_again = workspace.planner.presenting_sessions(second_day(workspace))[0]
    workspace.questions.record_scale(ASHVALE, "budget-02", 6)
    workspace.questions.record_scale(BRACKENMOOR, "budget-02", 8)
    workspace.questions.record_scale(ashvale_again.session_id, "budget-02", 7)

    (budget,) = scale_charts(workspace, cycle_name=DEMO_CYCLE)

    assert [(p.authority, p.value, p.label) for p in budget.points] == [
        ("Ashvale", 6, "Ashvale, Day 1"),
        ("Brackenmoor", 8, "Brackenmoor, Day 1"),
        ("Ashvale", 7, "Ashvale, Day 2"),
    ]
    assert budget.alt_text.endswith(
        "Ashvale (Day 1) rated 6, Brackenmoor (Day 1) rated 8 and Ashvale (Day 2) rated 7."
    )


def test_a_day_without_scale_answers_has_no_scale_charts(workspace: Workspace, day_id: int) -> None:
    assert scale_charts(workspace, day_id=day_id) == ()
