"""The reviews service: stores the regional plan's reviews and their teams drawn from the pool.

Returns frozen views; `changed` carries the id of the review that changed. Putting someone on
a team also writes the review into their service history in the pool (and taking them off
takes it out), in the same unit of work, so the once-a-year rule sees it at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.common.clean_text import NAME_LIMIT, TITLE_LIMIT, TextFieldError, field_text
from facilitator.common.events import Event
from facilitator.pool.people import NOTE_LIMIT
from facilitator.pool.service import Pool
from facilitator.reviews.kinds import (
    Person,
    ReviewDraft,
    ReviewKind,
    authority_key,
    fixed_days,
)
from facilitator.reviews.team_rules import ROLES_BY_KIND, Role
from facilitator.reviews.vague_dates import VagueDate, VagueDateError, parse_vague_date
from facilitator.storage.database import Database
from facilitator.storage.models import Challenger, Review, ReviewMember, ReviewServed
from facilitator.storage.rows import get_stored, stored_id

__all__ = ["MemberView", "ReviewInputError", "ReviewView", "Reviews"]

SEPARATOR = ";"
_PERSON = re.compile(r"^(?P<name>[^()]*?)(?: \((?P<authority>[^()]*)\))?$")


class ReviewInputError(ValueError):
    """Reviews or a team change that cannot be stored as given; the message says why.
    `index`: which of the drafts given to add_all, when it is one of them."""

    def __init__(self, message: str, index: int | None = None) -> None:
        super().__init__(message)
        self.index = index


@dataclass(frozen=True)
class ReviewView:
    id: int
    draft: ReviewDraft

    @property
    def kind(self) -> ReviewKind:
        return self.draft.kind

    @property
    def host(self) -> str:
        return self.draft.host

    @property
    def label(self) -> str:
        """How the review reads in someone's service history."""
        return f"{self.draft.kind} of {self.draft.host} ({self.draft.dates})"


@dataclass(frozen=True)
class MemberView:
    """One person on a review's team, and the service entry it made for them."""

    id: int
    review_id: int
    person_id: int
    role: Role
    service_id: int | None


class Reviews:
    def __init__(self, db: Database, pool: Pool) -> None:
        self._db = db
        self._pool = pool
        self.changed: Event[int] = Event()

    def add_all(self, drafts: Sequence[ReviewDraft]) -> tuple[ReviewView, ...]:
        """Stores every draft in one unit of work, or (ReviewInputError) none of them: a
        review already stored (same kind, authority and dates) or a field too long."""
        cleaned = []
        for index, draft in enumerate(drafts):
            try:
                cleaned.append(_cleaned(draft))
            except ReviewInputError as exc:
                raise ReviewInputError(str(exc), index) from exc
        with self._db.session_scope() as s:
            seen = {_key(_draft(row)): stored_id(row.id) for row in s.exec(select(Review))}
            rows = []
            for index, draft in enumerate(cleaned):
                if (known := seen.get(_key(draft))) is not None:
                    where = f"id {known}" if known else "earlier in the list"
                    raise ReviewInputError(
                        f"The {draft.kind} of {draft.host} ({draft.dates}) is already stored "
                        f"({where}): each review is stored once.",
                        index,
                    )
                seen[_key(draft)] = 0
                row = _row(draft)
                s.add(row)
                rows.append(row)
            s.flush()
            views = tuple(_view(row) for row in rows)
        for view in views:
            self.changed.emit(view.id)
        return views

    def change(
        self, review_id: int, *, dates: str | None = None, kloe: str | None = None
    ) -> ReviewView:
        """Fixes a review's dates (words as the schedule writes them: "10-12 Aug 2015", "June
        2016", "TBC") or its key lines of enquiry (a SAV's focus), as the plan firms up. Its
        team's service is re-dated to the new first day. ReviewInputError, nothing changed,
        for words that are no date, a review that would then be stored twice, a text too
        long, or a team named when the dates go back to TBC."""
        with self._db.session_scope() as s:
            row = get_stored(s, Review, review_id, "review")
            before = _draft(row)
            draft = before
            if dates is not None:
                try:
                    vague = parse_vague_date(dates)
                except VagueDateError as exc:
                    raise ReviewInputError(str(exc)) from exc
                draft = replace(draft, dates=vague, days=fixed_days(draft.kind, vague))
            if kloe is not None:
                draft = replace(draft, kloe=kloe)
            draft = _cleaned(draft)
            others = {
                _key(_draft(other)): stored_id(other.id)
                for other in s.exec(select(Review).where(Review.id != review_id))
            }
            if (known := others.get(_key(draft))) is not None:
                raise ReviewInputError(
                    f"The {draft.kind} of {draft.host} ({draft.dates}) is stored already (id "
                    f"{known}): give this one other dates."
                )
            members = _members(s, review_id)
            first_day = _first_day(draft)
            if members and first_day is None:
                raise ReviewInputError(
                    f"The {draft.kind} of {draft.host} has a team: its dates cannot go back to "
                    "being unknown. Take the team off first, or give dates."
                )
            fresh = _row(draft)
            for field_name in ("date_words", "earliest", "latest", "kloe", "days"):
                setattr(row, field_name, getattr(fresh, field_name))
            s.add(row)
            view = _view(row)
            for member in members:
                served = s.get(ReviewServed, member.service_id) if member.service_id else None
                if served is not None and first_day is not None:
                    served.served_on = first_day
                    served.review = view.label[:TITLE_LIMIT]
                    s.add(served)
        self.changed.emit(review_id)
        if dates is not None:
            for member in members:
                self._pool.changed.emit(member.person_id)
        return view

    def list(self) -> tuple[ReviewView, ...]:
        """Every review, in the order they were stored."""
        with self._db.session_scope() as s:
            return tuple(_view(row) for row in s.exec(select(Review).order_by(col(Review.id))))

    def get(self, review_id: int) -> ReviewView:
        with self._db.session_scope() as s:
            return _view(get_stored(s, Review, review_id, "review"))

    def members(self, review_id: int) -> tuple[MemberView, ...]:
        """The review's team, in the order they joined it."""
        with self._db.session_scope() as s:
            get_stored(s, Review, review_id, "review")
            return _members(s, review_id)

    def add_member(self, review_id: int, person_id: int, role: Role) -> MemberView:
        """Puts someone from the pool on the team, and the review in their service history
        (dated its first day). Refused (ReviewInputError) for a role the kind of review has
        not, someone already on the team, or dates still to be confirmed. The team rules
        (team_rules.check_candidate) are asked beforehand: history is as it happened."""
        with self._db.session_scope() as s:
            review = _view(get_stored(s, Review, review_id, "review"))
            person = get_stored(s, Challenger, person_id, "person in the pool")
            if role not in ROLES_BY_KIND[review.kind]:
                roles = " or ".join(r.value for r in ROLES_BY_KIND[review.kind])
                raise ReviewInputError(f"A {review.kind} has no {role}: choose {roles}.")
            if any(m.person_id == person_id for m in _members(s, review_id)):
                raise ReviewInputError(f"{person.name} is on this review's team already.")
            first_day = _first_day(review.draft)
            if first_day is None:
                raise ReviewInputError(
                    f"The {review.label} has no dates yet: fix them before naming its team, "
                    "so that each person's service can be dated."
                )
            served = ReviewServed(
                challenger_id=person_id, review=review.label[:TITLE_LIMIT], served_on=first_day
            )
            s.add(served)
            s.flush()
            row = ReviewMember(
                review_id=review_id, challenger_id=person_id, role=role.name, service_id=served.id
            )
            s.add(row)
            s.flush()
            view = _member_view(row)
        self.changed.emit(review_id)
        self._pool.changed.emit(person_id)
        return view

    def remove_member(self, member_id: int) -> MemberView:
        """Takes someone off a team, and that review out of their service history."""
        with self._db.session_scope() as s:
            row = get_stored(s, ReviewMember, member_id, "member of a review's team")
            view = _member_view(row)
            s.delete(row)
            s.flush()
            if (
                view.service_id is not None
                and (served := s.get(ReviewServed, view.service_id)) is not None
            ):
                s.delete(served)
        self.changed.emit(view.review_id)
        self._pool.changed.emit(view.person_id)
        return view


def _first_day(draft: ReviewDraft) -> dt.date | None:
    return draft.days[0] if draft.days else draft.dates.earliest


def _key(draft: ReviewDraft) -> tuple[str, str, str]:
    return (
        draft.kind.name,
        authority_key(draft.host),
        " ".join(draft.dates.words.casefold().split()),
    )


def _cleaned(draft: ReviewDraft) -> ReviewDraft:
    """The draft as it will be stored; ReviewInputError naming the field too long to keep."""

    def text(value: str, label: str, limit: int) -> str:
        try:
            return field_text(value, f"{label} of the {draft.kind} of {draft.host}", limit)
        except TextFieldError as exc:
            raise ReviewInputError(str(exc)) from exc

    def people(found: tuple[Person, ...], label: str) -> tuple[Person, ...]:
        return tuple(
            Person(text(p.name, label, NAME_LIMIT), text(p.authority, label, NAME_LIMIT))
            for p in found
        )

    return ReviewDraft(
        kind=draft.kind,
        host=text(draft.host, "The authority", NAME_LIMIT),
        dates=draft.dates,
        leads=people(draft.leads, "A lead"),
        qa=people(draft.qa, "The QA DCS"),
        kloe=text(draft.kloe, "The lines of enquiry", NOTE_LIMIT),
        days=draft.days,
        lead_words=text(draft.lead_words, "The leads", TITLE_LIMIT),
    )


def _row(draft: ReviewDraft) -> Review:
    return Review(
        kind=draft.kind.name,
        host=draft.host,
        lead_words=draft.lead_words,
        leads=_people_words(draft.leads),
        qa=_people_words(draft.qa),
        date_words=draft.dates.words,
        earliest=draft.dates.earliest,
        latest=draft.dates.latest,
        kloe=draft.kloe,
        days=SEPARATOR.join(day.isoformat() for day in draft.days),
    )


def _people_words(people: tuple[Person, ...]) -> str:
    return SEPARATOR.join(str(person) for person in people)


def _people(words: str) -> tuple[Person, ...]:
    found = []
    for part in words.split(SEPARATOR):
        if part and (match := _PERSON.match(part)):
            found.append(Person(match["name"], match["authority"] or ""))
    return tuple(found)


def _draft(row: Review) -> ReviewDraft:
    return ReviewDraft(
        kind=ReviewKind[row.kind],
        host=row.host,
        dates=VagueDate(row.date_words, row.earliest, row.latest),
        leads=_people(row.leads),
        qa=_people(row.qa),
        kloe=row.kloe,
        days=tuple(dt.date.fromisoformat(day) for day in row.days.split(SEPARATOR) if day),
        lead_words=row.lead_words,
    )


def _view(row: Review) -> ReviewView:
    return ReviewView(id=stored_id(row.id), draft=_draft(row))


def _members(s: DbSession, review_id: int) -> tuple[MemberView, ...]:
    rows = s.exec(
        select(ReviewMember)
        .where(ReviewMember.review_id == review_id)
        .order_by(col(ReviewMember.id))
    )
    return tuple(_member_view(row) for row in rows)


def _member_view(row: ReviewMember) -> MemberView:
    return MemberView(
        id=stored_id(row.id),
        review_id=row.review_id,
        person_id=row.challenger_id,
        role=Role[row.role],
        service_id=row.service_id,
    )
