"""The bank's session and asker follow the console unless chosen in the bank on purpose."""

from __future__ import annotations

from facilitator.capture.bank_follow import Asking, BankFollow

ASHVALE, BRACKENMOOR, CORRIFORD = 1, 2, 3


def test_the_bank_follows_the_running_session_and_its_questioner() -> None:
    follow = BankFollow()
    assert follow.stage_running(10, 100, BRACKENMOOR) == Asking(100, BRACKENMOOR)
    assert follow.turn_moved(100, CORRIFORD) == Asking(100, CORRIFORD)
    assert follow.stage_running(20, 200, CORRIFORD) == Asking(200, CORRIFORD)
    assert not follow.chosen


def test_a_choice_in_the_bank_holds_while_the_stage_runs_on() -> None:
    follow = BankFollow()
    follow.stage_running(10, 100, BRACKENMOOR)

    assert follow.choose(100, CORRIFORD) == Asking(100, CORRIFORD)
    assert follow.chosen
    # The same stage announced again (a pause, a resume, a re-plan): the choice holds.
    assert follow.stage_running(10, 100, BRACKENMOOR) == Asking(100, CORRIFORD)


def test_the_next_questioner_ends_a_choice() -> None:
    follow = BankFollow()
    follow.stage_running(10, 100, BRACKENMOOR)
    follow.choose(300, ASHVALE)  # looking at another session's bank

    assert follow.turn_moved(100, CORRIFORD) == Asking(100, CORRIFORD)
    assert not follow.chosen


def test_the_next_stage_ends_a_choice() -> None:
    follow = BankFollow()
    follow.stage_running(10, 100, BRACKENMOOR)
    follow.choose(100, CORRIFORD)

    assert follow.stage_running(11, 100, BRACKENMOOR) == Asking(100, BRACKENMOOR)
    assert not follow.chosen


def test_a_stage_outside_any_session_leaves_the_bank_where_it_was() -> None:
    follow = BankFollow()
    assert follow.stage_running(None, None, None) == Asking(None, None)  # not started
    follow.stage_running(10, 100, BRACKENMOOR)

    assert follow.stage_running(12, None, None) == Asking(100, BRACKENMOOR)  # lunch
    assert follow.stage_running(13, 200, CORRIFORD) == Asking(200, CORRIFORD)
