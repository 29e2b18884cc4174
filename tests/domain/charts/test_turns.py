"""Turns: questions asked by each visiting authority in a session, against an even share."""

from __future__ import annotations

from facilitator.charts.turns import session_turns
from facilitator.workspace import Workspace
from question_bank import Bank
from tests.domain.charts.conftest import ask

ASHVALE, BRACKENMOOR, CORRIFORD = 1, 2, 3  # authority ids, and their sessions' ids on Day 1


def test_an_uneven_share_is_counted_against_the_even_one(
    workspace: Workspace, bank: Bank, day_id: int
) -> None:
    # The demo notes already hold one question from Brackenmoor in Ashvale's session.
    ask(workspace, bank, ASHVALE, "budget-01", by=BRACKENMOOR)
    ask(workspace, bank, ASHVALE, "workforce-01", by=CORRIFORD)

    chart = session_turns(workspace, ASHVALE)

    assert chart.title == "Ashvale’s session: questions by visiting authority"
    assert chart.counts == (("Brackenmoor", 2), ("Corriford", 1))
    assert chart.even_share == 1.5
    assert chart.alt_text == (
        "3 questions asked by 2 visiting authorities: an even share is 1.5 each. "
        "Brackenmoor asked 2 (0.5 more than an even share); "
        "Corriford asked 1 (0.5 fewer than an even share)."
    )


def test_counts_follow_the_sessions_turn_order(
    workspace: Workspace, bank: Bank, day_id: int
) -> None:
    # Brackenmoor presents: Corriford (presenting next) asks first, then Ashvale.
    for question_id in ("budget-01", "budget-02", "workforce-01", "performance-01"):
        ask(workspace, bank, BRACKENMOOR, question_id, by=ASHVALE)
    ask(workspace, bank, BRACKENMOOR, "strengths-01", by=CORRIFORD)
    ask(workspace, bank, BRACKENMOOR, "strengths-02", by=CORRIFORD)

    chart = session_turns(workspace, BRACKENMOOR)

    assert [name for _, name in workspace.turns.current(BRACKENMOOR).order] == [
        "Corriford",
        "Ashvale",
    ]
    assert chart.counts == (("Corriford", 2), ("Ashvale", 4))
    assert chart.even_share == 3
    assert chart.alt_text == (
        "6 questions asked by 2 visiting authorities: an even share is 3 each. "
        "Corriford asked 2 (1 fewer than an even share); "
        "Ashvale asked 4 (1 more than an even share)."
    )


def test_a_session_with_no_questions(workspace: Workspace, day_id: int) -> None:
    chart = session_turns(workspace, CORRIFORD)

    assert chart.counts == (("Ashvale", 0), ("Brackenmoor", 0))
    assert chart.even_share == 0
    assert chart.alt_text == "No questions were asked: Ashvale and Brackenmoor asked none."
