"""A follow-up goes with what it follows up (the foreign keys cascade, with the pragma on)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from facilitator.common.support_menu import SupportOption
from facilitator.common.vocabulary import FindingSection, FollowUpStatus
from facilitator.storage.models import Review, ReviewFinding
from facilitator.workspace import Workspace
from tests.domain.follow_up.conftest import TODAY, Pctr, Triad, add_finding


def test_foreign_keys_are_enforced(workspace: Workspace) -> None:
    with workspace.db.session_scope() as s:
        assert s.connection().execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_deleting_an_action_or_an_ask_deletes_its_follow_up(
    workspace: Workspace, action_id: int, ask_id: int
) -> None:
    workspace.follow_ups.track_action(action_id, TODAY)
    support = workspace.follow_ups.agree_support(
        ask_id, SupportOption.BENCHMARKING, "Jo Whitlock", TODAY
    )

    workspace.actions.delete(action_id)
    assert [v.id for v in workspace.follow_ups.list()] == [support.id]
    workspace.exchanges.delete(ask_id)
    assert workspace.follow_ups.list() == ()


def test_deleting_a_day_deletes_the_follow_ups_of_its_sessions(
    workspace: Workspace, triad: Triad, action_id: int
) -> None:
    workspace.follow_ups.track_action(action_id, TODAY)
    workspace.planner.delete_day(triad.day_id)
    assert workspace.follow_ups.list() == ()


def test_deleting_a_finding_or_a_review_deletes_what_follows_it(
    workspace: Workspace, pctr: Pctr
) -> None:
    finding = add_finding(workspace, pctr.review_id, FindingSection.RECOMMENDATION, "Act")
    workspace.follow_ups.track_recommendation(finding, "Dee", dt.date(2026, 12, 1))
    workspace.follow_ups.plan_review_follow_up(pctr.review_id)
    with workspace.db.session_scope() as s:
        s.delete(s.get(ReviewFinding, finding))
    assert len(workspace.follow_ups.list()) == 4  # the report and three reflections

    with workspace.db.session_scope() as s:
        s.delete(s.get(Review, pctr.review_id))
    assert workspace.follow_ups.list() == ()


def test_someone_deleted_from_the_pool_leaves_a_done_reflection_unnamed_but_kept(
    workspace: Workspace, pctr: Pctr
) -> None:
    plan = workspace.follow_ups.plan_review_follow_up(pctr.review_id)
    alex = next(v for v in plan.added if v.who == "Alex Tester")
    bo = next(v for v in plan.added if v.who == "Bo Sample")
    workspace.follow_ups.set_status(alex.id, FollowUpStatus.DONE, on=dt.date(2026, 9, 1))
    workspace.pool.remove(pctr.people[0])
    workspace.pool.remove(pctr.people[1])

    assert workspace.follow_ups.get(alex.id).challenger_id is None
    again = workspace.follow_ups.plan_review_follow_up(pctr.review_id)
    assert [v.id for v in again.removed] == [bo.id]  # open, and nobody owes it now
    assert workspace.follow_ups.get(alex.id).who == "Alex Tester"
