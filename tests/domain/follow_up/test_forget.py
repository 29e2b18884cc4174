"""Tracking taken back (the undo of tracking an action or agreeing support), and put back."""

from __future__ import annotations

import pytest

from facilitator.common.support_menu import SupportOption
from facilitator.follow_up.views import FollowUpInputError
from facilitator.workspace import Workspace
from tests.domain.follow_up.conftest import DAY, TODAY, Pctr


def test_a_tracked_action_is_forgotten_and_put_back_as_it_was(
    workspace: Workspace, action_id: int
) -> None:
    tracked = workspace.follow_ups.track_action(action_id, TODAY)
    told: list[int] = []
    workspace.follow_ups.changed.connect(told.append)

    forgotten = workspace.follow_ups.forget(tracked.id)

    assert workspace.follow_ups.list() == ()
    assert workspace.follow_ups.remember(forgotten) == tracked
    assert workspace.follow_ups.list() == (tracked,)
    assert told == [tracked.id, tracked.id]


def test_agreed_support_comes_back_with_its_option_owner_and_note(
    workspace: Workspace, ask_id: int
) -> None:
    agreed = workspace.follow_ups.agree_support(
        ask_id, SupportOption.BENCHMARKING, "Ada Lane", DAY, note="Share the dataset."
    )

    back = workspace.follow_ups.remember(workspace.follow_ups.forget(agreed.id))

    assert back == agreed


def test_a_review_s_planned_follow_ups_are_dropped_not_forgotten(
    workspace: Workspace, pctr: Pctr
) -> None:
    plan = workspace.follow_ups.plan_review_follow_up(pctr.review_id)

    with pytest.raises(FollowUpInputError, match="drop it instead"):
        workspace.follow_ups.forget(plan.planned[0].id)
    assert len(workspace.follow_ups.list()) == len(plan.planned)


def test_nothing_is_put_back_once_what_it_followed_has_gone(
    workspace: Workspace, action_id: int
) -> None:
    forgotten = workspace.follow_ups.forget(workspace.follow_ups.track_action(action_id, TODAY).id)
    workspace.actions.delete(action_id)

    with pytest.raises(FollowUpInputError, match="deleted since"):
        workspace.follow_ups.remember(forgotten)
    assert workspace.follow_ups.list() == ()
