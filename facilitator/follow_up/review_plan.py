"""A Peer Challenge Team Review's follow-up, as the memorandum (seed 003) asks for it.

The host DCS will "Submit a follow-up report to the Lead and QA DCSs 3-6 months after the
review that describes their subsequent actions" (2.4; 2.2 d and 2.3 f say the lead and QA
DCSs receive it), and the QA DCS will "Ensure that the reflective process is completed at the
end of each review process by each member of the review team and the host DCS" (2.3 c).

Safeguarding Assurance Visits have neither: section 3 of the memorandum, on SAVs, asks only
that each DCS host one and release officers for others, and the regional plan (seed 001)
gives them no follow-up report either. A SAV's recommendations are still tracked one by one
(FollowUps.track_recommendation).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.common.vocabulary import FollowUpKind, FollowUpStatus
from facilitator.follow_up.origins import fetch, host_dcs, last_review_day, review_label
from facilitator.follow_up.views import FollowUpInputError, FollowUpView, add_months
from facilitator.reviews.kinds import ReviewKind
from facilitator.storage.models import Challenger, FollowUp, Review, ReviewMember

# "3-6 months after the review", counted from its last day.
REPORT_FROM_MONTHS = 3
REPORT_BY_MONTHS = 6
# The memorandum says only "at the end of each review process", with no number of days.
# Four weeks after the last day leaves time for the review's report to be written and shared
# (which the reflection looks back on) while the days are still fresh, and well before the
# host's report window opens at three months.
REFLECTION_AFTER = dt.timedelta(weeks=4)

UNKNOWN_REVIEW = "check the id against the list of reviews"


@dataclass(frozen=True)
class ReviewFollowUpPlan:
    """What planning a review's follow-up did: the report and reflections `added`, the open
    reflections of people no longer on the team `removed`, and all of the review's report
    and reflections as they now stand (`planned`, by due date)."""

    review_id: int
    added: tuple[FollowUpView, ...]
    removed: tuple[FollowUpView, ...]
    planned: tuple[FollowUpView, ...]


def plan_review(s: DbSession, review_id: int) -> tuple[list[FollowUp], list[FollowUp]]:
    """Adds what is missing and deletes open reflections nobody on the team owes any more,
    inside the caller's unit of work; (rows added, rows to delete). Idempotent: a second
    call with the same team changes nothing. Dates of rows already there are left as they
    are (they may have been moved on purpose), and a reflection done or dropped is kept."""
    review = fetch(s, Review, review_id, "review", UNKNOWN_REVIEW)
    if ReviewKind[review.kind] is not ReviewKind.PCTR:
        raise FollowUpInputError(
            f"The {review_label(review)} is a Safeguarding Assurance Visit: the memorandum asks "
            "for a follow-up report and reflective process only after a Peer Challenge Team "
            "Review. Track the visit's recommendations one by one instead."
        )
    last_day = last_review_day(review)
    if last_day is None:
        raise FollowUpInputError(
            f"The {review_label(review)} has no dates yet: fix its days first, since its "
            "follow-up is due three to six months after the last of them."
        )
    existing = list(
        s.exec(
            select(FollowUp)
            .where(FollowUp.review_id == review_id)
            .where(col(FollowUp.kind).in_([FollowUpKind.HOST_REPORT, FollowUpKind.REFLECTION]))
            .order_by(col(FollowUp.id))
        )
    )
    team = _team(s, review_id)
    host = host_dcs(review)
    added: list[FollowUp] = []
    if not any(row.kind is FollowUpKind.HOST_REPORT for row in existing):
        added.append(
            FollowUp(
                kind=FollowUpKind.HOST_REPORT,
                review_id=review_id,
                who=host,
                due_from=add_months(last_day, REPORT_FROM_MONTHS),
                due_on=add_months(last_day, REPORT_BY_MONTHS),
            )
        )
    reflections = [row for row in existing if row.kind is FollowUpKind.REFLECTION]
    owed_by = {row.challenger_id for row in reflections if row.challenger_id is not None}
    wanted: list[tuple[int | None, str]] = [
        (person_id, name) for person_id, name in team if person_id not in owed_by
    ]
    if not any(_is_host_dcs(row, host) for row in reflections):
        wanted.append((None, host))
    for person_id, name in wanted:
        added.append(
            FollowUp(
                kind=FollowUpKind.REFLECTION,
                review_id=review_id,
                challenger_id=person_id,
                who=name,
                due_on=last_day + REFLECTION_AFTER,
            )
        )
    on_team = {person_id for person_id, _ in team}
    gone = [
        row
        for row in reflections
        if row.status is FollowUpStatus.OPEN
        and not _is_host_dcs(row, host)
        # a person deleted from the pool leaves their reflection with no challenger
        and (row.challenger_id is None or row.challenger_id not in on_team)
    ]
    return added, gone


def _is_host_dcs(row: FollowUp, host: str) -> bool:
    return row.challenger_id is None and row.who == host


def _team(s: DbSession, review_id: int) -> list[tuple[int, str]]:
    """(pool id, name) of each person on the team, in the order they joined it."""
    rows = s.exec(
        select(ReviewMember, Challenger)
        .join(Challenger, col(Challenger.id) == col(ReviewMember.challenger_id))
        .where(ReviewMember.review_id == review_id)
        .order_by(col(ReviewMember.id))
    ).all()
    team: list[tuple[int, str]] = []
    for member, person in rows:
        if all(member.challenger_id != known for known, _ in team):
            team.append((member.challenger_id, person.name))
    return team
