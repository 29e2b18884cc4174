"""What is due or overdue: which follow-ups, in what order, in what words."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.common.support_menu import SupportOption
from facilitator.common.vocabulary import FollowUpStatus as Status
from facilitator.follow_up.views import FollowUpInputError, when_words
from facilitator.workspace import Workspace
from tests.domain.follow_up.conftest import TODAY, Pctr, Triad


def add_actions(workspace: Workspace, triad: Triad, dates: dict[str, dt.date]) -> dict[str, int]:
    ids = {}
    for words, due_on in dates.items():
        action = workspace.actions.add(triad.sessions[1], words, "Aisha Karim")
        ids[words] = workspace.follow_ups.track_action(action.id, due_on).id
    return ids


def test_overdue_comes_first_then_by_date_and_the_window_bounds_the_rest(
    workspace: Workspace, triad: Triad
) -> None:
    ids = add_actions(
        workspace,
        triad,
        {
            "in the window": TODAY + dt.timedelta(days=14),
            "long overdue": TODAY - dt.timedelta(days=10),
            "beyond it": TODAY + dt.timedelta(days=15),
            "today": TODAY,
            "just overdue": TODAY - dt.timedelta(days=1),
        },
    )
    done = add_actions(workspace, triad, {"done already": TODAY - dt.timedelta(days=3)})
    workspace.follow_ups.set_status(done["done already"], Status.DONE)

    items = workspace.follow_ups.due()  # today by the clock, within 14 days

    assert [i.follow_up.id for i in items] == [
        ids["long overdue"],
        ids["just overdue"],
        ids["today"],
        ids["in the window"],
    ]
    assert [i.when for i in items] == [
        "overdue by 10 days",
        "overdue by 1 day",
        "due today",
        "due in 14 days",
    ]
    assert [i.overdue for i in items] == [True, True, False, False]
    assert items[0].description == (
        "Action: long overdue — Aisha Karim — Brackenmoor, Day 1 (18 January 2027)"
        " — by 22 January 2027, overdue by 10 days"
    )
    assert [i.follow_up.id for i in workspace.follow_ups.due(within_days=0)] == [
        ids["long overdue"],
        ids["just overdue"],
        ids["today"],
    ]
    later = workspace.follow_ups.due(TODAY + dt.timedelta(days=20), within_days=0)
    assert [i.when for i in later][-1] == "overdue by 5 days"


def test_nothing_is_due_when_nothing_is_tracked_and_a_negative_window_is_refused(
    workspace: Workspace,
) -> None:
    assert workspace.follow_ups.due() == ()
    with pytest.raises(FollowUpInputError, match="A window of -1 days is not possible: give 0"):
        workspace.follow_ups.due(within_days=-1)


def test_the_host_s_report_is_listed_once_its_window_opens(
    workspace: Workspace, pctr: Pctr
) -> None:
    workspace.follow_ups.plan_review_follow_up(pctr.review_id)
    reflections_done = [
        v for v in workspace.follow_ups.for_review(pctr.review_id) if v.due_from is None
    ]
    for view in reflections_done:
        workspace.follow_ups.set_status(view.id, Status.DONE, on=dt.date(2026, 9, 1))

    def listed(on: dt.date) -> list[str]:
        return [i.when for i in workspace.follow_ups.due(on, within_days=0)]

    assert listed(dt.date(2026, 11, 11)) == []
    assert listed(dt.date(2026, 11, 12)) == ["due in 92 days"]  # opens at three months
    assert listed(dt.date(2027, 2, 12)) == ["due today"]  # by six months
    assert listed(dt.date(2027, 2, 13)) == ["overdue by 1 day"]


def test_every_kind_reads_as_one_line_naming_what_who_where_and_when(
    workspace: Workspace, triad: Triad, ask_id: int, pctr: Pctr
) -> None:
    workspace.follow_ups.agree_support(
        ask_id, SupportOption.SLIP_SUPPORT, "Priya Ellwood", TODAY + dt.timedelta(days=2)
    )
    workspace.follow_ups.plan_review_follow_up(pctr.review_id)

    lines = [i.description for i in workspace.follow_ups.due()]

    assert lines == [
        "Reflective process — Alex Tester"
        " — PCTR of Northshire (10-12 Aug 2026) — by 9 September 2026, overdue by 145 days",
        "Reflective process — Bo Sample"
        " — PCTR of Northshire (10-12 Aug 2026) — by 9 September 2026, overdue by 145 days",
        "Reflective process"
        " — Host DCS of Northshire — PCTR of Northshire (10-12 Aug 2026)"
        " — by 9 September 2026, overdue by 145 days",
        "Agreed support: ask “Fostering recruitment hub” → Support from a Sector Led"
        " Improvement Partner (SLIP) — Priya Ellwood — Ashvale, Day 1 (18 January 2027)"
        " — by 3 February 2027, due in 2 days",
        "Follow-up report: what the host did next, for the lead and QA DCSs"
        " — Host DCS of Northshire — PCTR of Northshire (10-12 Aug 2026)"
        " — between 12 November 2026 and 12 February 2027, due in 11 days",
    ]


def test_an_action_with_no_owner_says_so_and_long_words_are_cut(
    workspace: Workspace, triad: Triad
) -> None:
    action = workspace.actions.add(triad.sessions[2], "Review " + "the plan " * 20)
    tracked = workspace.follow_ups.track_action(action.id, TODAY)

    line = tracked.description(TODAY)
    assert " — no owner yet — Corriford, Day 1 (18 January 2027) — by 1 February 2027" in line
    assert len(tracked.what) > 100
    assert "…" in line.split(" — ")[0]


def test_open_lists_by_review_and_by_cycle(
    workspace: Workspace, triad: Triad, action_id: int, pctr: Pctr
) -> None:
    action = workspace.follow_ups.track_action(action_id, TODAY)
    plan = workspace.follow_ups.plan_review_follow_up(pctr.review_id)

    assert workspace.follow_ups.for_cycle("Demo cycle 2026–2027") == (action,)
    assert workspace.follow_ups.for_cycle("Another") == ()
    assert set(workspace.follow_ups.for_review(pctr.review_id)) == set(plan.planned)
    assert len(workspace.follow_ups.all_open()) == 5
    # by due date: the reflections (September), the action (February 1), the report (12th)
    assert [v.due_on for v in workspace.follow_ups.all_open()] == sorted(
        v.due_on for v in workspace.follow_ups.all_open() if v.due_on
    )


@pytest.mark.parametrize(
    ("days", "words"),
    [(-2, "overdue by 2 days"), (-1, "overdue by 1 day"), (0, "due today"), (1, "due in 1 day")],
)
def test_when_words(days: int, words: str) -> None:
    assert when_words(days) == words
