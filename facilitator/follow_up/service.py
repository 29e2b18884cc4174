"""The follow-up service: what is to be done after each day and review, by whom and when.

Actions agreed in a session get a due date (their owner stays on the action); asks and
offers are tracked to the support agreed from the Annex 1 menu; a review's recommendations
get an owner and a date; a PCTR gets its host's follow-up report and everyone's reflective
process (review_plan.py). `due` lists what is due or overdue, for the home screen and
`balcony due`. Returns frozen views; `changed` carries the id of the follow-up that changed
(0 after planning a review, when several may have).

A follow-up goes with what it follows up: deleting the action, ask, offer, finding or review
deletes it too (the foreign keys cascade).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.common.clock import Clock
from facilitator.common.events import Event
from facilitator.common.support_menu import SupportOption
from facilitator.common.vocabulary import FindingSection, FollowUpKind, FollowUpStatus
from facilitator.common.wording import short_date
from facilitator.follow_up import matching
from facilitator.follow_up.matching import UNKNOWN_EXCHANGE, OfferMatch
from facilitator.follow_up.origins import fetch, last_review_day, place_of_session, view_of
from facilitator.follow_up.review_plan import UNKNOWN_REVIEW, ReviewFollowUpPlan, plan_review
from facilitator.follow_up.rules import (
    by_date,
    due_items,
    not_before,
    one_line,
    saved,
    tracked_once,
    views,
)
from facilitator.follow_up.views import DueItem, FollowUpInputError, FollowUpView
from facilitator.pool.people import NOTE_LIMIT
from facilitator.storage.database import Database
from facilitator.storage.models import Action, Exchange, FollowUp, Review, ReviewFinding

if TYPE_CHECKING:
    from facilitator.records.sources import RecordSources
    from facilitator.word.report_content import TopicalInvitation

__all__ = ["FollowUps", "ForgottenFollowUp"]

# Those a person tracks by choice; a review's report and reflections come from its plan.
FORGETTABLE = (FollowUpKind.ACTION, FollowUpKind.SUPPORT, FollowUpKind.RECOMMENDATION)


@dataclass(frozen=True)
class ForgottenFollowUp:
    """A follow-up taken back, as stored: enough to put it back as it was, under its id."""

    id: int
    columns: tuple[tuple[str, Any], ...]


DUE_WITHIN_DAYS = 14  # the home screen's "coming up" window
UNKNOWN_FOLLOW_UP = "check the id against the list of follow-ups"


class FollowUps:
    def __init__(
        self, db: Database, clock: Clock, *, actions_changed: Event[int] | None = None
    ) -> None:
        self._db = db
        self._clock = clock
        # The Actions service's own event: an owner set here is news to the Outcomes panel.
        self._actions_changed = actions_changed
        self._sources: RecordSources | None = None
        self.changed: Event[int] = Event()

    def read_records_from(self, sources: RecordSources) -> None:
        """Where the cycle report is gathered from (the workspace, once it is built)."""
        self._sources = sources

    def today(self) -> dt.date:
        """The local date by the clock: what the facilitator's own calendar says."""
        return self._clock.wall_now().astimezone().date()

    # actions ----------------------------------------------------------------------------

    def track_action(
        self, action_id: int, due_on: dt.date, owner: str | None = None
    ) -> FollowUpView:
        """Tracks a session's action to `due_on`. The owner is the action's own (the
        Outcomes panel shows it): `owner` replaces it when given. An action is tracked once;
        move its date with set_due."""
        with self._db.session_scope() as s:
            action = fetch(s, Action, action_id, "action", "see the day's actions")
            tracked_once(s, f"Action {action_id}", FollowUp.action_id == action_id)
            not_before(due_on, place_of_session(s, action.session_id).day.date, "the day")
            if owner is not None:
                action.owner = one_line(owner, "The owner")
                s.add(action)
            view = saved(s, FollowUp(kind=FollowUpKind.ACTION, action_id=action_id, due_on=due_on))
            session_id = action.session_id
        self.changed.emit(view.id)
        if owner is not None and self._actions_changed is not None:
            self._actions_changed.emit(session_id)
        return view

    # asks and offers ---------------------------------------------------------------------

    def offers_for(self, ask_id: int) -> tuple[OfferMatch, ...]:
        """Offers from other authorities, on any day of the ask's cycle, that could meet it:
        the cycle report's own pairing (records/cycle_pairing.py), closest first."""
        with self._db.session_scope() as s:
            return matching.offers_for(s, ask_id)

    def agree_support(
        self,
        exchange_id: int,
        option: SupportOption,
        owner: str,
        due_on: dt.date,
        note: str = "",
        *,
        offer_id: int | None = None,
    ) -> FollowUpView:
        """Tracks an ask or offer to the support agreed from the Annex 1 menu, with who sees
        it through (`owner`, kept in `who`) and by when.

        When an offer from another authority meets an ask (offers_for suggests them), give
        its id as `offer_id`: the note then begins "Meets the offer of Brackenmoor, Day 1
        (…): “…”." The match is kept as those words rather than as a link, so what was
        agreed still reads the same if the offer is later edited or deleted. The same
        option is agreed once for each ask or offer; others may be added beside it."""
        with self._db.session_scope() as s:
            x = fetch(s, Exchange, exchange_id, "ask or offer", UNKNOWN_EXCHANGE)
            if not isinstance(option, SupportOption):
                raise FollowUpInputError(
                    f"“{option}” is not on the menu of support: choose one of Annex 1's options."
                )
            tracked_once(
                s,
                f"{x.kind.label} {exchange_id} with {option.label}",
                FollowUp.exchange_id == exchange_id,
                FollowUp.support == option.name,
            )
            not_before(due_on, place_of_session(s, x.session_id).day.date, "the day")
            words = one_line(note, "The note", NOTE_LIMIT)
            if offer_id is not None:
                if offer_id == exchange_id:
                    raise FollowUpInputError("An ask cannot be met by itself: give an offer's id.")
                words = f"{matching.offer_words(s, offer_id)} {words}".strip()
            row = FollowUp(
                kind=FollowUpKind.SUPPORT,
                exchange_id=exchange_id,
                support=option.name,
                who=one_line(owner, "The owner", required=True),
                due_on=due_on,
                note=words,
            )
            view = saved(s, row)
        self.changed.emit(view.id)
        return view

    def topical_invitations(self, cycle_name: str) -> tuple[TopicalInvitation, ...]:
        """Each presenting authority's answer on a topical peer challenge, across the cycle's
        days, as the cycle report gathers them."""
        if self._sources is None:
            raise RuntimeError("read_records_from(workspace) comes before topical_invitations")
        return matching.topical_invitations(self._sources, cycle_name)

    # reviews -----------------------------------------------------------------------------

    def track_recommendation(self, finding_id: int, owner: str, due_on: dt.date) -> FollowUpView:
        """Tracks one of a review report's recommendations to `owner` by `due_on`."""
        with self._db.session_scope() as s:
            finding = fetch(
                s, ReviewFinding, finding_id, "line of a review's report", "see the review's report"
            )
            if finding.section is not FindingSection.RECOMMENDATION:
                raise FollowUpInputError(
                    f"Line {finding_id} of the report is under {finding.section.label}, not "
                    "Recommendations: only a recommendation is tracked. Choose one of those."
                )
            tracked_once(s, f"Recommendation {finding_id}", FollowUp.finding_id == finding_id)
            review = fetch(s, Review, finding.review_id, "review", UNKNOWN_REVIEW)
            if (last_day := last_review_day(review)) is not None:
                not_before(due_on, last_day, "the review's last day")
            row = FollowUp(
                kind=FollowUpKind.RECOMMENDATION,
                finding_id=finding_id,
                review_id=finding.review_id,
                who=one_line(owner, "The owner", required=True),
                due_on=due_on,
            )
            view = saved(s, row)
        self.changed.emit(view.id)
        return view

    def plan_review_follow_up(self, review_id: int) -> ReviewFollowUpPlan:
        """A PCTR's host follow-up report (due three to six months after its last day) and a
        reflective process for each team member and the host DCS. Call it again after the
        team changes: newcomers get theirs, open ones of those who left are removed, and
        nothing done is ever deleted. See review_plan.py (and why a SAV has none)."""
        with self._db.session_scope() as s:
            added, gone = plan_review(s, review_id)
            removed = tuple(view_of(s, row) for row in gone)
            for row in gone:
                s.delete(row)
            s.add_all(added)
            s.flush()
            plan = ReviewFollowUpPlan(
                review_id=review_id,
                added=tuple(view_of(s, row) for row in added),
                removed=removed,
                planned=by_date(
                    views(
                        s,
                        select(FollowUp)
                        .where(FollowUp.review_id == review_id)
                        .where(col(FollowUp.finding_id).is_(None)),
                    )
                ),
            )
        if plan.added or plan.removed:
            self.changed.emit(0)
        return plan

    # every kind ---------------------------------------------------------------------------

    def forget(self, follow_up_id: int) -> ForgottenFollowUp:
        """Takes back an action, support or recommendation tracked by mistake (undoing the
        tracking); `remember` puts it back. A review's planned follow-ups are dropped instead:
        planning again would only make them anew."""
        with self._db.session_scope() as s:
            row = fetch(s, FollowUp, follow_up_id, "follow-up", UNKNOWN_FOLLOW_UP)
            if row.kind not in FORGETTABLE:
                raise FollowUpInputError(
                    f"A {row.kind.label.lower()} comes from the review's follow-up plan: drop it "
                    "instead if it is not needed."
                )
            forgotten = ForgottenFollowUp(follow_up_id, tuple(row.model_dump().items()))
            s.delete(row)
        self.changed.emit(follow_up_id)
        return forgotten

    def remember(self, forgotten: ForgottenFollowUp) -> FollowUpView:
        """Puts back a follow-up `forget` took, under its own id; FollowUpInputError if what it
        followed up has gone since (or its id was taken)."""
        with self._db.session_scope() as s:
            row = FollowUp(**dict(forgotten.columns))
            if s.get(FollowUp, forgotten.id) is not None or not _origin_exists(s, row):
                raise FollowUpInputError(
                    "What this follow-up followed up has been deleted since, so it cannot be "
                    "put back."
                )
            view = saved(s, row)
        self.changed.emit(view.id)
        return view

    def get(self, follow_up_id: int) -> FollowUpView:
        with self._db.session_scope() as s:
            return view_of(s, fetch(s, FollowUp, follow_up_id, "follow-up", UNKNOWN_FOLLOW_UP))

    def set_status(
        self, follow_up_id: int, status: FollowUpStatus, on: dt.date | None = None
    ) -> FollowUpView:
        """Done (on `on`, today by default), dropped, or open again; reopening or dropping
        clears the date it was done on."""
        status = FollowUpStatus(status)
        if on is not None and status is not FollowUpStatus.DONE:
            raise FollowUpInputError(
                "Only a follow-up that is done has a date: leave the date out for "
                f"{status.label.lower()}."
            )
        with self._db.session_scope() as s:
            row = fetch(s, FollowUp, follow_up_id, "follow-up", UNKNOWN_FOLLOW_UP)
            if status is FollowUpStatus.DONE:
                on = on or self.today()
                if on > self.today():
                    raise FollowUpInputError(
                        f"{short_date(on)} is still to come: a follow-up is marked done on or "
                        "before today."
                    )
                if (came_from := view_of(s, row).came_from) is not None and on < came_from:
                    raise FollowUpInputError(
                        f"It cannot be done on {short_date(on)}, before {short_date(came_from)} "
                        "it comes from: give a later date."
                    )
            row.status = status
            row.done_on = on
            view = saved(s, row)
        self.changed.emit(view.id)
        return view

    def set_due(
        self, follow_up_id: int, due_on: dt.date, *, due_from: dt.date | None = None
    ) -> FollowUpView:
        """Moves the due date (and, for a report due within a window, its opening day)."""
        with self._db.session_scope() as s:
            row = fetch(s, FollowUp, follow_up_id, "follow-up", UNKNOWN_FOLLOW_UP)
            came_from = view_of(s, row).came_from
            if came_from is not None:
                where = "the review's last day" if row.review_id is not None else "the day"
                not_before(due_on, came_from, where)
            opens = due_from if due_from is not None else row.due_from
            if opens is not None and due_on < opens:
                raise FollowUpInputError(
                    f"The due date, {short_date(due_on)}, is before the window opens on "
                    f"{short_date(opens)}: give a date from then on."
                )
            row.due_on = due_on
            row.due_from = opens
            view = saved(s, row)
        self.changed.emit(view.id)
        return view

    def due(
        self, today: dt.date | None = None, within_days: int = DUE_WITHIN_DAYS
    ) -> tuple[DueItem, ...]:
        """Every open follow-up overdue or due within `within_days` of `today`, overdue ones
        first, then by due date. A report due within a window (a PCTR host's, from three to
        six months) is listed from the day its window opens, less `within_days`."""
        if within_days < 0:
            raise FollowUpInputError(
                f"A window of {within_days} days is not possible: give 0 or more days."
            )
        return due_items(self.all_open(), today or self.today(), within_days)

    def all_open(self) -> tuple[FollowUpView, ...]:
        """Every open follow-up, by due date (those with none last)."""
        with self._db.session_scope() as s:
            return by_date(views(s, select(FollowUp).where(FollowUp.status == FollowUpStatus.OPEN)))

    def list(self) -> tuple[FollowUpView, ...]:
        """Every follow-up, open, done or dropped, by due date."""
        with self._db.session_scope() as s:
            return by_date(views(s, select(FollowUp)))

    def for_review(self, review_id: int) -> tuple[FollowUpView, ...]:
        """The review's report, reflections and recommendations, by due date."""
        with self._db.session_scope() as s:
            fetch(s, Review, review_id, "review", UNKNOWN_REVIEW)
            return by_date(views(s, select(FollowUp).where(FollowUp.review_id == review_id)))

    def for_cycle(self, cycle_name: str) -> tuple[FollowUpView, ...]:
        """The follow-ups of the actions, asks and offers of the cycle's days, by due date."""
        with self._db.session_scope() as s:
            return by_date(v for v in views(s, select(FollowUp)) if v.cycle_name == cycle_name)


def _origin_exists(s: DbSession, row: FollowUp) -> bool:
    origins = (
        (Action, row.action_id),
        (Exchange, row.exchange_id),
        (ReviewFinding, row.finding_id),
        (Review, row.review_id),
    )
    return any(row_id is not None and s.get(model, row_id) is not None for model, row_id in origins)
