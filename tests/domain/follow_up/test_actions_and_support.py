"""Actions tracked to a date, asks and offers to the support agreed, statuses and dates."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.common.support_menu import SupportOption
from facilitator.common.vocabulary import DayKind, DayMode, ExchangeKind, FollowUpKind
from facilitator.common.vocabulary import FollowUpStatus as Status
from facilitator.demo import DEMO_AUTHORITIES, DEMO_CYCLE
from facilitator.follow_up.views import FollowUpInputError
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.planning.planner import NewDay
from facilitator.workspace import Workspace
from tests.domain.follow_up.conftest import DAY, TODAY, Triad

PEER = SupportOption.PEER_AUTHORITY


def test_an_action_gets_a_due_date_and_keeps_its_owner_on_the_action(
    workspace: Workspace, action_id: int
) -> None:
    heard: list[int] = []
    workspace.follow_ups.changed.connect(heard.append)

    tracked = workspace.follow_ups.track_action(action_id, dt.date(2027, 2, 15))

    assert (tracked.kind, tracked.status, tracked.due_on) == (
        FollowUpKind.ACTION,
        Status.OPEN,
        dt.date(2027, 2, 15),
    )
    assert (tracked.what, tracked.who, tracked.came_from) == (
        "Test the sufficiency plan",
        "Priya",
        DAY,
    )
    assert tracked.where == "Ashvale, Day 1 (18 January 2027)"
    assert tracked.cycle_name == DEMO_CYCLE
    assert heard == [tracked.id]
    assert workspace.follow_ups.get(tracked.id) == tracked


def test_tracking_an_action_with_an_owner_sets_it_on_the_action(
    workspace: Workspace, action_id: int, triad: Triad
) -> None:
    told: list[int] = []
    workspace.actions.changed.connect(told.append)

    tracked = workspace.follow_ups.track_action(action_id, DAY, owner="  Marcus   Thorne ")

    assert tracked.who == "Marcus Thorne"
    assert workspace.actions.for_session(triad.sessions[0])[-1].owner == "Marcus Thorne"
    assert told == [triad.sessions[0]]  # the Outcomes panel shows the new owner at once


def test_an_action_is_tracked_once(workspace: Workspace, action_id: int) -> None:
    first = workspace.follow_ups.track_action(action_id, TODAY)
    with pytest.raises(FollowUpInputError, match=rf"tracked already \(follow-up {first.id}\)"):
        workspace.follow_ups.track_action(action_id, TODAY)
    assert len(workspace.follow_ups.list()) == 1


def test_a_due_date_before_the_day_is_refused_and_changes_nothing(
    workspace: Workspace, action_id: int, triad: Triad
) -> None:
    with pytest.raises(
        FollowUpInputError,
        match=r"17 January 2027, is before the day it comes from \(18 January 2027\): give a",
    ):
        workspace.follow_ups.track_action(action_id, dt.date(2027, 1, 17), owner="Someone Else")

    assert workspace.follow_ups.list() == ()
    assert workspace.actions.for_session(triad.sessions[0])[-1].owner == "Priya"


@pytest.mark.usefixtures("triad")
def test_unknown_ids_are_named_with_the_way_to_find_the_right_one(workspace: Workspace) -> None:
    follow_ups = workspace.follow_ups
    with pytest.raises(FollowUpInputError, match="There is no action with id 99: see the day's"):
        follow_ups.track_action(99, TODAY)
    with pytest.raises(FollowUpInputError, match="There is no ask or offer with id 98: see"):
        follow_ups.agree_support(98, PEER, "Tom", TODAY)
    with pytest.raises(FollowUpInputError, match="There is no follow-up with id 97: check"):
        follow_ups.set_status(97, Status.DONE)
    with pytest.raises(FollowUpInputError, match="There is no follow-up with id 96"):
        follow_ups.set_due(96, TODAY)
    with pytest.raises(FollowUpInputError, match="There is no review with id 95"):
        follow_ups.plan_review_follow_up(95)
    with pytest.raises(FollowUpInputError, match="There is no line of a review's report with"):
        follow_ups.track_recommendation(94, "Tom", TODAY)
    with pytest.raises(FollowUpInputError, match="There is no follow-up with id 93"):
        follow_ups.get(93)


def test_done_is_dated_today_by_default_and_reopening_clears_it(
    workspace: Workspace, action_id: int
) -> None:
    tracked = workspace.follow_ups.track_action(action_id, TODAY)

    done = workspace.follow_ups.set_status(tracked.id, Status.DONE)
    assert (done.status, done.done_on) == (Status.DONE, TODAY)
    assert workspace.follow_ups.all_open() == ()

    on = workspace.follow_ups.set_status(tracked.id, Status.DONE, on=dt.date(2027, 1, 20))
    assert on.done_on == dt.date(2027, 1, 20)
    assert "done on 20 January 2027" in on.description(TODAY)

    reopened = workspace.follow_ups.set_status(tracked.id, Status.OPEN)
    assert (reopened.status, reopened.done_on) == (Status.OPEN, None)

    dropped = workspace.follow_ups.set_status(tracked.id, Status.DROPPED)
    assert (dropped.status, dropped.done_on) == (Status.DROPPED, None)
    assert dropped.description(TODAY).endswith("— dropped")


def test_a_done_date_to_come_or_before_the_day_or_with_drop_is_refused(
    workspace: Workspace, action_id: int
) -> None:
    tracked = workspace.follow_ups.track_action(action_id, TODAY)
    with pytest.raises(FollowUpInputError, match="2 February 2027 is still to come"):
        workspace.follow_ups.set_status(tracked.id, Status.DONE, on=dt.date(2027, 2, 2))
    with pytest.raises(FollowUpInputError, match="before 18 January 2027 it comes from"):
        workspace.follow_ups.set_status(tracked.id, Status.DONE, on=dt.date(2027, 1, 17))
    with pytest.raises(FollowUpInputError, match="leave the date out for dropped"):
        workspace.follow_ups.set_status(tracked.id, Status.DROPPED, on=TODAY)
    assert workspace.follow_ups.get(tracked.id).status is Status.OPEN


def test_the_due_date_moves_but_never_before_the_day(workspace: Workspace, action_id: int) -> None:
    tracked = workspace.follow_ups.track_action(action_id, TODAY)

    moved = workspace.follow_ups.set_due(tracked.id, dt.date(2027, 3, 1))
    assert moved.due_on == dt.date(2027, 3, 1)
    with pytest.raises(FollowUpInputError, match="before the day it comes from"):
        workspace.follow_ups.set_due(tracked.id, dt.date(2027, 1, 1))
    assert workspace.follow_ups.get(tracked.id).due_on == dt.date(2027, 3, 1)


def test_an_ask_is_tracked_to_support_met_by_an_offer(
    workspace: Workspace, ask_id: int, offer_id: int
) -> None:
    agreed = workspace.follow_ups.agree_support(
        ask_id, PEER, "Tom Hallworth", dt.date(2027, 4, 1), "Start with a call", offer_id=offer_id
    )

    assert (agreed.kind, agreed.support, agreed.who) == (
        FollowUpKind.SUPPORT,
        PEER,
        "Tom Hallworth",
    )
    assert agreed.what == "ask “Fostering recruitment hub”"
    assert agreed.description(TODAY).startswith(
        "Agreed support: ask “Fostering recruitment hub” → Support from a peer authority in "
        "the region — Tom Hallworth — Ashvale, Day 1 (18 January 2027) — by 1 April 2027"
    )
    assert agreed.note == (
        "Meets the offer of Brackenmoor, Day 1 (18 January 2027): “Our fostering recruitment "
        "hub”. Start with a call"
    )
    # another option for the same ask is fine; the same one twice is not
    workspace.follow_ups.agree_support(ask_id, SupportOption.BENCHMARKING, "Jo", TODAY)
    with pytest.raises(
        FollowUpInputError, match=r"Ask .* with Support from a peer authority .* is"
    ):
        workspace.follow_ups.agree_support(ask_id, PEER, "Tom", TODAY)


def test_support_needs_an_owner_a_real_offer_and_a_date_from_the_day(
    workspace: Workspace, ask_id: int, offer_id: int
) -> None:
    follow_ups = workspace.follow_ups
    with pytest.raises(FollowUpInputError, match="The owner is empty"):
        follow_ups.agree_support(ask_id, PEER, "  ", TODAY)
    with pytest.raises(FollowUpInputError, match=r"is an ask, “Fostering .*give an offer's id"):
        follow_ups.agree_support(offer_id, PEER, "Tom", TODAY, offer_id=ask_id)
    with pytest.raises(FollowUpInputError, match="cannot be met by itself"):
        follow_ups.agree_support(ask_id, PEER, "Tom", TODAY, offer_id=ask_id)
    with pytest.raises(FollowUpInputError, match="before the day it comes from"):
        follow_ups.agree_support(ask_id, PEER, "Tom", dt.date(2026, 12, 31))
    with pytest.raises(FollowUpInputError, match="not on the menu of support"):
        follow_ups.agree_support(ask_id, "SLIP", "Tom", TODAY)  # type: ignore[arg-type]
    assert follow_ups.list() == ()


def second_day(workspace: Workspace, cycle: str, number: int) -> list[int]:
    day_id = workspace.planner.create_day(
        NewDay(
            date=dt.date(2027, 3, 1),
            kind=DayKind.TRIAD,
            mode=DayMode.VIRTUAL,
            authorities=DEMO_AUTHORITIES[1:] + DEMO_AUTHORITIES[:1],
            cycle_name=cycle,
            number=number,
        )
    )
    return [i.session_id for i in presenting_sessions(workspace.db, day_id)]


def test_offers_are_suggested_from_any_day_of_the_ask_s_cycle_only(
    workspace: Workspace, triad: Triad, ask_id: int
) -> None:
    corriford = triad.authorities[2]
    later = second_day(workspace, DEMO_CYCLE, 2)
    elsewhere = second_day(workspace, "Another cycle", 1)
    for sessions, topic in ((later, "Fostering recruitment hub"), (elsewhere, "Fostering hub")):
        workspace.exchanges.add(
            sessions[1], ExchangeKind.OFFER, corriford, topic, "recruit foster carers"
        )
    workspace.exchanges.add(  # Ashvale's own offer never meets Ashvale's ask
        later[2], ExchangeKind.OFFER, triad.authorities[0], "Fostering recruitment hub", ""
    )

    (match,) = workspace.follow_ups.offers_for(ask_id)

    assert (match.authority, match.where) == ("Corriford", "Corriford, Day 2 (1 March 2027)")
    assert match.shared[:3] == ("fostering", "recruitment", "hub")
    with pytest.raises(FollowUpInputError, match="is an offer"):
        workspace.follow_ups.offers_for(match.exchange_id)


def test_topical_invitations_are_the_cycle_report_s(workspace: Workspace, triad: Triad) -> None:
    workspace.session_facts.set_topical_invitation(triad.sessions[1], True, "Edge of care")
    workspace.session_facts.set_topical_invitation(triad.sessions[2], False)

    invitations = workspace.follow_ups.topical_invitations(DEMO_CYCLE)

    assert [(i.authority, i.answer, i.topic) for i in invitations] == [
        ("Ashvale", "Not discussed", ""),
        ("Brackenmoor", "Yes", "Edge of care"),
        ("Corriford", "No", ""),
    ]
    with pytest.raises(FollowUpInputError, match="no days in the cycle “Nowhere”"):
        workspace.follow_ups.topical_invitations("Nowhere")
