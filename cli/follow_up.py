"""`balcony due` and `balcony follow-up …`: what is due or overdue after the days and reviews,
and tracking it (actions, agreed support, a PCTR's follow-up report and reflections).

Every line is tab-separated with an id first, so the output can be read by a script. Bad
input is one line on stderr naming the problem and the fix, status 2, nothing changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.follow_up.views import FollowUpView
    from facilitator.workspace import Workspace

EX_USAGE = 2
NOTHING_DUE = "Nothing is due."


def run_follow_up_command(workspace: Workspace, args: argparse.Namespace) -> int:
    from facilitator.follow_up.views import FollowUpInputError

    try:
        if args.command == "due":
            return list_due(workspace, args.within, args.on)
        return _run(workspace, args)
    except FollowUpInputError as exc:
        print(f"balcony: {exc}", file=sys.stderr)
        return EX_USAGE


def list_due(workspace: Workspace, within: int, on: dt.date | None) -> int:
    """What is overdue, then what is due within `within` days: id, due date, description."""
    items = workspace.follow_ups.due(on, within)
    if not items:
        print(NOTHING_DUE)
    for item in items:
        due_on = item.follow_up.due_on.isoformat() if item.follow_up.due_on else ""
        print(f"{item.follow_up.id}\t{due_on}\t{item.description}")
    return 0


def _run(workspace: Workspace, args: argparse.Namespace) -> int:
    from facilitator.common.support_menu import SupportOption
    from facilitator.common.vocabulary import FollowUpStatus
    from facilitator.follow_up.views import FollowUpInputError

    follow_ups = workspace.follow_ups
    command = args.follow_up_command
    if command == "done":
        _print(workspace, follow_ups.set_status(args.id, FollowUpStatus.DONE, args.on))
    elif command == "drop":
        _print(workspace, follow_ups.set_status(args.id, FollowUpStatus.DROPPED))
    elif command == "reopen":
        _print(workspace, follow_ups.set_status(args.id, FollowUpStatus.OPEN))
    elif command == "action":
        _print(workspace, follow_ups.track_action(args.action_id, args.due, args.owner))
    elif command == "support":
        try:
            option = SupportOption.named(args.option)
        except ValueError as exc:
            raise FollowUpInputError(str(exc)) from exc
        view = follow_ups.agree_support(
            args.exchange_id, option, args.owner, args.due, args.note, offer_id=args.offer
        )
        _print(workspace, view)
    elif command == "review":
        return plan_review(workspace, args.review_id)
    elif command == "offers":
        for match in follow_ups.offers_for(args.ask_id):
            words = ", ".join(match.shared)
            print(f"{match.exchange_id}\t{match.authority}\t{match.where}\t{match.topic}\t{words}")
    elif command == "invitations":
        for invitation in follow_ups.topical_invitations(args.cycle):
            cells = (invitation.day, invitation.authority, invitation.answer, invitation.topic)
            print("\t".join(cells))
    else:
        views = follow_ups.list() if getattr(args, "all", False) else follow_ups.all_open()
        for view in views:
            _print(workspace, view)
    return 0


def plan_review(workspace: Workspace, review_id: int) -> int:
    """A summary line on stderr (so stdout stays one follow-up a line), then the review's
    report and reflections."""
    plan = workspace.follow_ups.plan_review_follow_up(review_id)
    added, removed = len(plan.added), len(plan.removed)
    print(
        f"Added {added} follow-up{'s' * (added != 1)}, removed {removed}.",
        file=sys.stderr,
    )
    for view in plan.planned:
        _print(workspace, view)
    return 0


def _print(workspace: Workspace, view: FollowUpView) -> None:
    """id, status, due date (YYYY-MM-DD, or empty), the one-line description."""
    due_on = view.due_on.isoformat() if view.due_on else ""
    today = workspace.follow_ups.today()
    print(f"{view.id}\t{view.status.value}\t{due_on}\t{view.description(today)}")
