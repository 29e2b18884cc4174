"""What the follow-up service hands out: frozen views, the due list's items and their words.

A follow-up reads as one line wherever it is listed (the home screen, `balcony due`): what,
who, where it came from, when it is due and how that stands today, e.g.

    Action: Test the sufficiency plan — Priya Ellwood — Ashvale, Day 1 (18 January 2027) —
    by 1 February 2027, overdue by 3 days
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from facilitator.common.support_menu import SupportOption
from facilitator.common.vocabulary import FollowUpKind, FollowUpStatus
from facilitator.common.wording import short_date

__all__ = [
    "DueItem",
    "FollowUpInputError",
    "FollowUpView",
    "add_months",
    "when_words",
]

WHAT_LIMIT = 80  # characters of an action or recommendation shown in a one-line description
NOBODY = "no owner yet"


class FollowUpInputError(ValueError):
    """A follow-up that cannot be stored or changed as asked; the message names the problem
    and the fix."""


@dataclass(frozen=True)
class FollowUpView:
    """One follow-up as stored, with the words of what it follows up.

    `what` is the action's words, the ask's or offer's topic (`support` the option agreed
    for it), the recommendation, or the report or reflective process due; `where` names the
    authority and day, or the review, it came from (`came_from` that day, or the review's
    last day).
    `cycle_name` is the day's cycle, "" for a review's.
    """

    id: int
    kind: FollowUpKind
    status: FollowUpStatus
    what: str
    who: str
    where: str
    cycle_name: str
    came_from: dt.date | None
    due_from: dt.date | None
    due_on: dt.date | None
    done_on: dt.date | None
    support: SupportOption | None
    note: str
    action_id: int | None = None
    exchange_id: int | None = None
    finding_id: int | None = None
    review_id: int | None = None
    challenger_id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.status is FollowUpStatus.OPEN

    def description(self, today: dt.date) -> str:
        """The one line a list shows: what, who, where, and when it is due as of `today`."""
        what = _shortened(self.what)
        if self.support is not None:
            what += f" → {self.support.label}"
        parts = [f"{self.kind.label}: {what}" if what else self.kind.label, self.who or NOBODY]
        parts.append(self.where)
        if self.due_on is None:
            parts.append("no due date yet")
        else:
            if self.due_from is not None and self.due_from < self.due_on:
                by = f"between {short_date(self.due_from)} and {short_date(self.due_on)}"
            else:
                by = f"by {short_date(self.due_on)}"
            if self.status is FollowUpStatus.OPEN:
                by += f", {when_words((self.due_on - today).days)}"
            parts.append(by)
        if self.status is FollowUpStatus.DONE and self.done_on is not None:
            parts.append(f"done on {short_date(self.done_on)}")
        elif self.status is FollowUpStatus.DROPPED:
            parts.append("dropped")
        return " — ".join(part for part in parts if part)


@dataclass(frozen=True)
class DueItem:
    """An open follow-up on the due list, as it stands on `today`."""

    follow_up: FollowUpView
    today: dt.date

    @property
    def days(self) -> int:
        """Days until it is due: negative once overdue."""
        assert self.follow_up.due_on is not None  # the due list holds only dated ones
        return (self.follow_up.due_on - self.today).days

    @property
    def overdue(self) -> bool:
        return self.days < 0

    @property
    def when(self) -> str:
        return when_words(self.days)

    @property
    def description(self) -> str:
        return self.follow_up.description(self.today)


def when_words(days: int) -> str:
    """ "overdue by 3 days", "due today", "due in 1 day"."""
    if days < 0:
        return f"overdue by {_days(-days)}"
    if days == 0:
        return "due today"
    return f"due in {_days(days)}"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` later; the month's last day when it has no such
    day (31 August + 3 months is 30 November)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def _shortened(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= WHAT_LIMIT else line[: WHAT_LIMIT - 1].rstrip() + "…"
