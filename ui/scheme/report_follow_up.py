"""What the report hands on to follow-up: a recommendation tracked to an owner by a date, and
a PCTR's follow-up report and reflections planned."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from facilitator.common.vocabulary import FindingSection
from facilitator.follow_up.views import FollowUpInputError
from facilitator.reviews.findings import FindingView
from facilitator.reviews.service import ReviewView
from facilitator.workspace import Workspace
from ui.records import review_steps
from ui.scheme.report_commands import TrackDialog
from ui.scheme.report_models import suggested_due, tracked_note


def track_recommendation(
    workspace: Workspace,
    review: ReviewView,
    line: FindingView,
    say: Callable[[str], None],
    parent: QWidget,
) -> None:
    """Asks who owns the recommendation and by when; the dialog stays open on a refusal."""
    if line.section is not FindingSection.RECOMMENDATION:
        return
    tracked: list[str] = []

    def attempt(owner: str, due_on: dt.date) -> str | None:
        try:
            view = workspace.follow_ups.track_recommendation(line.id, owner, due_on)
        except (FollowUpInputError, LookupError) as exc:
            return str(exc)
        tracked.append(tracked_note(view))
        return None

    today = workspace.clock.wall_now().astimezone().date()
    suggested = suggested_due(today, review.draft.dates.latest)
    dialog = TrackDialog(line.text, suggested, attempt, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted and tracked:
        say(f"The recommendation is {tracked[0]}.")


def plan_review_follow_up(
    workspace: Workspace,
    review: ReviewView,
    say: Callable[[str], None],
    problem: Callable[[str, str], None],
) -> None:
    """Plans what the review still owes, and says what changed (planning twice adds nothing)."""
    try:
        plan = workspace.follow_ups.plan_review_follow_up(review.id)
    except (FollowUpInputError, LookupError) as exc:
        problem("Plan follow-up", str(exc))
        return
    added = len(plan.added)
    said = f"Added {added} follow-up{'' if added == 1 else 's'}"
    if plan.removed:
        said += f", removed {len(plan.removed)} no longer owed"
    if not added and not plan.removed:
        said = "The follow-up was planned already: nothing added"
    say(f"{said} for the {review_steps.review_named(review)}.")
