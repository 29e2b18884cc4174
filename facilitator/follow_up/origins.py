"""Where each follow-up came from, read inside the caller's unit of work: the action, ask or
offer and the authority and day it was said on, or the review and its last day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from sqlmodel import Session as DbSession

from facilitator.common.support_menu import SupportOption
from facilitator.common.vocabulary import FollowUpKind
from facilitator.common.wording import short_date
from facilitator.follow_up.views import FollowUpInputError, FollowUpView
from facilitator.reviews.kinds import ReviewKind
from facilitator.storage.models import (
    Action,
    Authority,
    Cycle,
    Day,
    Exchange,
    FollowUp,
    Review,
    ReviewFinding,
    Session,
)
from facilitator.storage.rows import stored_id

REVIEW_DAY_SEPARATOR = ";"  # Review.days: ISO dates joined so (reviews/service.py)
M = TypeVar("M", Action, Exchange, Review, ReviewFinding, FollowUp)

HOST_REPORT_WHAT = "what the host did next, for the lead and QA DCSs"
REFLECTION_WHAT = ""  # the kind says it all: "Reflective process — Ann Example — …"


@dataclass(frozen=True)
class DayPlace:
    """The authority and day an action, ask or offer was said on."""

    authority: str
    day: Day
    cycle_name: str

    @property
    def words(self) -> str:
        when = short_date(self.day.date)
        day = f"Day {self.day.number} ({when})" if self.day.number else when
        return f"{self.authority}, {day}"


def fetch(s: DbSession, model: type[M], row_id: int, noun: str, fix: str) -> M:
    """The row, or FollowUpInputError naming the unknown id and how to find the right one."""
    row = s.get(model, row_id)
    if row is None:
        raise FollowUpInputError(f"There is no {noun} with id {row_id}: {fix}.")
    return row


def place_of_session(s: DbSession, session_id: int, authority_id: int | None = None) -> DayPlace:
    """The day of a session, named with `authority_id`'s name (the presenter's by default)."""
    session = s.get(Session, session_id)
    day = s.get(Day, session.day_id) if session else None
    if session is None or day is None:  # a foreign key stops this; read defensively
        raise FollowUpInputError(f"Session {session_id} is no longer stored.")
    authority = s.get(Authority, authority_id or session.authority_id)
    cycle = s.get(Cycle, day.cycle_id) if day.cycle_id is not None else None
    return DayPlace(authority.name if authority else "", day, cycle.name if cycle else "")


def review_label(review: Review) -> str:
    """ "PCTR of Northshire (10-12 Aug 2026)"."""
    kind = ReviewKind[review.kind].name.replace("_", " ")
    dates = f" ({review.date_words})" if review.date_words else ""
    return f"{kind} of {review.host}{dates}"


def review_days(review: Review) -> tuple[dt.date, ...]:
    return tuple(
        dt.date.fromisoformat(day) for day in review.days.split(REVIEW_DAY_SEPARATOR) if day
    )


def last_review_day(review: Review) -> dt.date | None:
    """A PCTR's last fixed day, else the last day its dates can mean; None while TBC."""
    days = review_days(review)
    return days[-1] if days else review.latest


def host_dcs(review: Review) -> str:
    return f"Host DCS of {review.host}"


def view_of(s: DbSession, row: FollowUp) -> FollowUpView:
    """The follow-up with the words of what it follows up."""
    what, who, where, cycle, came_from = "", row.who, "", "", None
    if row.action_id is not None and (action := s.get(Action, row.action_id)) is not None:
        place = place_of_session(s, action.session_id)
        what, who = action.text, action.owner
        where, cycle, came_from = place.words, place.cycle_name, place.day.date
    elif row.exchange_id is not None and (x := s.get(Exchange, row.exchange_id)) is not None:
        place = place_of_session(s, x.session_id, x.authority_id)
        what = f"{x.kind.label.lower()} “{x.topic}”"
        where, cycle, came_from = place.words, place.cycle_name, place.day.date
    elif (
        row.finding_id is not None and (finding := s.get(ReviewFinding, row.finding_id)) is not None
    ):
        review = s.get(Review, finding.review_id)
        what = finding.text
        if review is not None:
            where, came_from = review_label(review), last_review_day(review)
    elif row.review_id is not None and (review := s.get(Review, row.review_id)) is not None:
        what = HOST_REPORT_WHAT if row.kind is FollowUpKind.HOST_REPORT else REFLECTION_WHAT
        where, came_from = review_label(review), last_review_day(review)
    support = SupportOption[row.support] if row.support in SupportOption.__members__ else None
    return FollowUpView(
        id=stored_id(row.id),
        kind=row.kind,
        status=row.status,
        what=what,
        who=who,
        where=where,
        cycle_name=cycle,
        came_from=came_from,
        due_from=row.due_from,
        due_on=row.due_on,
        done_on=row.done_on,
        support=support,
        note=row.note,
        action_id=row.action_id,
        exchange_id=row.exchange_id,
        finding_id=row.finding_id,
        review_id=row.review_id,
        challenger_id=row.challenger_id,
    )
