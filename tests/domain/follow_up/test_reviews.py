"""A PCTR's follow-up report and reflective processes; recommendations; SAVs."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.common.vocabulary import FindingSection, FollowUpKind
from facilitator.common.vocabulary import FollowUpStatus as Status
from facilitator.follow_up.review_plan import REFLECTION_AFTER
from facilitator.follow_up.views import FollowUpInputError, add_months
from facilitator.reviews.kinds import ReviewKind
from facilitator.reviews.team_rules import Role
from facilitator.workspace import Workspace
from tests.domain.follow_up.conftest import LAST_REVIEW_DAY, TODAY, Pctr, add_finding, add_review

HOST = "Host DCS of Northshire"


def reflections(workspace: Workspace, review_id: int) -> list[tuple[str, Status]]:
    return [
        (v.who, v.status)
        for v in workspace.follow_ups.for_review(review_id)
        if v.kind is FollowUpKind.REFLECTION
    ]


def test_a_pctr_gets_the_host_s_report_three_to_six_months_after_its_last_day(
    workspace: Workspace, pctr: Pctr
) -> None:
    plan = workspace.follow_ups.plan_review_follow_up(pctr.review_id)

    report = next(v for v in plan.added if v.kind is FollowUpKind.HOST_REPORT)
    assert (report.due_from, report.due_on) == (dt.date(2026, 11, 12), dt.date(2027, 2, 12))
    assert (report.who, report.review_id, report.came_from) == (
        HOST,
        pctr.review_id,
        LAST_REVIEW_DAY,
    )
    assert report.where == "PCTR of Northshire (10-12 Aug 2026)"
    assert report.description(TODAY) == (
        "Follow-up report: what the host did next, for the lead and QA DCSs"
        " — Host DCS of Northshire — PCTR of Northshire (10-12 Aug 2026)"
        " — between 12 November 2026 and 12 February 2027, due in 11 days"
    )


def test_each_team_member_and_the_host_dcs_owe_a_reflection_four_weeks_on(
    workspace: Workspace, pctr: Pctr
) -> None:
    plan = workspace.follow_ups.plan_review_follow_up(pctr.review_id)

    owed = [v for v in plan.added if v.kind is FollowUpKind.REFLECTION]
    assert [(v.who, v.challenger_id) for v in owed] == [
        ("Alex Tester", pctr.people[0]),
        ("Bo Sample", pctr.people[1]),
        (HOST, None),
    ]
    assert {v.due_on for v in owed} == {dt.date(2026, 9, 9)} == {LAST_REVIEW_DAY + REFLECTION_AFTER}
    assert len(plan.planned) == 4
    assert plan.removed == ()


def test_planning_again_changes_nothing(workspace: Workspace, pctr: Pctr) -> None:
    first = workspace.follow_ups.plan_review_follow_up(pctr.review_id)
    heard: list[int] = []
    workspace.follow_ups.changed.connect(heard.append)

    again = workspace.follow_ups.plan_review_follow_up(pctr.review_id)

    assert (again.added, again.removed) == ((), ())
    assert again.planned == first.planned
    assert heard == []


def test_a_team_change_adds_and_removes_open_reflections_but_keeps_done_ones(
    workspace: Workspace, pctr: Pctr
) -> None:
    workspace.follow_ups.plan_review_follow_up(pctr.review_id)
    alex, bo = workspace.reviews.members(pctr.review_id)
    bo_done = next(
        v for v in workspace.follow_ups.for_review(pctr.review_id) if v.who == "Bo Sample"
    )
    workspace.follow_ups.set_status(bo_done.id, Status.DONE, on=dt.date(2026, 9, 1))
    workspace.reviews.remove_member(alex.id)
    workspace.reviews.remove_member(bo.id)
    workspace.reviews.add_member(pctr.review_id, pctr.people[2], Role.DATA_SPECIALIST)

    plan = workspace.follow_ups.plan_review_follow_up(pctr.review_id)

    assert [v.who for v in plan.added] == ["Cal Example"]
    assert [v.who for v in plan.removed] == ["Alex Tester"]
    assert sorted(reflections(workspace, pctr.review_id)) == [
        ("Bo Sample", Status.DONE),
        ("Cal Example", Status.OPEN),
        (HOST, Status.OPEN),
    ]


def test_a_report_moved_by_hand_stays_where_it_was_put(workspace: Workspace, pctr: Pctr) -> None:
    plan = workspace.follow_ups.plan_review_follow_up(pctr.review_id)
    report = next(v for v in plan.added if v.kind is FollowUpKind.HOST_REPORT)
    workspace.follow_ups.set_due(report.id, dt.date(2027, 1, 31))
    with pytest.raises(FollowUpInputError, match="before the window opens on 12 November 2026"):
        workspace.follow_ups.set_due(report.id, dt.date(2026, 10, 1))
    with pytest.raises(FollowUpInputError, match="before the review's last day it comes from"):
        workspace.follow_ups.set_due(report.id, dt.date(2026, 8, 1), due_from=dt.date(2026, 8, 1))

    workspace.follow_ups.plan_review_follow_up(pctr.review_id)

    assert workspace.follow_ups.get(report.id).due_on == dt.date(2027, 1, 31)


def test_a_sav_has_no_report_or_reflections_and_a_review_needs_its_dates(
    workspace: Workspace,
) -> None:
    sav = add_review(workspace, ReviewKind.SAV, "Eastshire", "June 2026")
    with pytest.raises(FollowUpInputError, match="is a Safeguarding Assurance Visit: the memo"):
        workspace.follow_ups.plan_review_follow_up(sav)
    undated = add_review(workspace, ReviewKind.PCTR, "Westshire", "TBC")
    with pytest.raises(FollowUpInputError, match=r"Westshire .* has no dates yet: fix its days"):
        workspace.follow_ups.plan_review_follow_up(undated)
    assert workspace.follow_ups.list() == ()


def test_a_recommendation_gets_an_owner_and_a_date(workspace: Workspace, pctr: Pctr) -> None:
    finding = add_finding(
        workspace, pctr.review_id, FindingSection.RECOMMENDATION, "Refresh the sufficiency plan"
    )

    tracked = workspace.follow_ups.track_recommendation(finding, "Dee Owner", dt.date(2026, 12, 1))

    assert (tracked.kind, tracked.who, tracked.what) == (
        FollowUpKind.RECOMMENDATION,
        "Dee Owner",
        "Refresh the sufficiency plan",
    )
    assert tracked.review_id == pctr.review_id
    assert workspace.follow_ups.for_review(pctr.review_id) == (tracked,)
    with pytest.raises(FollowUpInputError, match=r"Recommendation .* is tracked already"):
        workspace.follow_ups.track_recommendation(finding, "Dee Owner", dt.date(2026, 12, 1))


def test_only_a_recommendation_is_tracked_and_not_before_the_review(
    workspace: Workspace, pctr: Pctr
) -> None:
    strength = add_finding(workspace, pctr.review_id, FindingSection.STRENGTH, "Stable leaders")
    with pytest.raises(FollowUpInputError, match="under Strengths, not Recommendations"):
        workspace.follow_ups.track_recommendation(strength, "Dee", TODAY)
    finding = add_finding(workspace, pctr.review_id, FindingSection.RECOMMENDATION, "Act")
    with pytest.raises(FollowUpInputError, match="before the review's last day it comes from"):
        workspace.follow_ups.track_recommendation(finding, "Dee", dt.date(2026, 8, 11))
    with pytest.raises(FollowUpInputError, match="The owner is empty"):
        workspace.follow_ups.track_recommendation(finding, "", TODAY)
    assert workspace.follow_ups.list() == ()


def test_a_sav_s_recommendation_can_still_be_tracked(workspace: Workspace) -> None:
    sav = add_review(workspace, ReviewKind.SAV, "Eastshire", "June 2026")
    finding = add_finding(workspace, sav, FindingSection.RECOMMENDATION, "Audit the front door")
    with pytest.raises(FollowUpInputError, match=r"before the review's last day .*30 June 2026"):
        workspace.follow_ups.track_recommendation(finding, "Eli", dt.date(2026, 6, 29))
    assert workspace.follow_ups.track_recommendation(finding, "Eli", TODAY).where == (
        "SAV of Eastshire (June 2026)"
    )


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 8, 31), 3, dt.date(2026, 11, 30)),
        (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),
        (dt.date(2027, 8, 31), 6, dt.date(2028, 2, 29)),
        (dt.date(2026, 11, 15), 3, dt.date(2027, 2, 15)),
        (dt.date(2026, 1, 10), 12, dt.date(2027, 1, 10)),
    ],
)
def test_months_are_counted_by_the_calendar(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected
