"""The pool service: adds, edits, removes and lists peer challengers, and keeps the reviews
each served on. Returns frozen views; `changed` carries the id of the person who changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.common.clean_text import TITLE_LIMIT, TextFieldError, field_text
from facilitator.common.events import Event
from facilitator.pool.people import (
    ChallengerDetails,
    ChallengerView,
    Expertise,
    PoolInputError,
    Role,
    ServiceView,
    checked,
    joined,
    split,
)
from facilitator.storage.database import Database
from facilitator.storage.models import Challenger, ReviewServed
from facilitator.storage.rows import get_stored, stored_id


class Pool:
    def __init__(self, db: Database) -> None:
        self._db = db
        self.changed: Event[int] = Event()

    def add(self, details: ChallengerDetails) -> ChallengerView:
        """Adds one person; PoolInputError if the entry is unsound or they are already in."""
        (view,) = self.add_all([details])
        return view

    def add_all(self, entries: Sequence[ChallengerDetails]) -> tuple[ChallengerView, ...]:
        """Adds every entry in one unit of work, or (PoolInputError) none of them."""
        cleaned = [checked(details) for details in entries]
        with self._db.session_scope() as s:
            seen = {_details(row).key: stored_id(row.id) for row in s.exec(select(Challenger))}
            rows = []
            for details in cleaned:
                if (known := seen.get(details.key)) is not None:
                    raise PoolInputError(_already_in(details, known))
                seen[details.key] = 0
                row = Challenger(name=details.name, authority=details.authority)
                _write(row, details)
                s.add(row)
                rows.append(row)
            s.flush()
            views = tuple(_view(row) for row in rows)
        for view in views:
            self.changed.emit(view.id)
        return views

    def edit(self, person_id: int, details: ChallengerDetails) -> ChallengerView:
        """Replaces a person's entry (`dataclasses.replace(view.details, …)` changes a field)."""
        cleaned = checked(details)
        with self._db.session_scope() as s:
            row = get_stored(s, Challenger, person_id, "person in the pool")
            for other in s.exec(select(Challenger).where(Challenger.id != person_id)):
                if _details(other).key == cleaned.key:
                    raise PoolInputError(_already_in(cleaned, stored_id(other.id)))
            _write(row, cleaned)
            s.add(row)
            view = _view(row)
        self.changed.emit(person_id)
        return view

    def remove(self, person_id: int) -> ChallengerView:
        """Takes a person out of the pool, with their service history; returns what went."""
        with self._db.session_scope() as s:
            row = get_stored(s, Challenger, person_id, "person in the pool")
            view = _view(row)
            for served in s.exec(
                select(ReviewServed).where(ReviewServed.challenger_id == person_id)
            ):
                s.delete(served)
            s.flush()  # the history first: nothing points at a person who is gone
            s.delete(row)
        self.changed.emit(person_id)
        return view

    def get(self, person_id: int) -> ChallengerView:
        with self._db.session_scope() as s:
            return _view(get_stored(s, Challenger, person_id, "person in the pool"))

    def people(self) -> tuple[ChallengerView, ...]:
        """Everyone in the pool, by name and then authority."""
        with self._db.session_scope() as s:
            views = [_view(row) for row in s.exec(select(Challenger))]
        return tuple(sorted(views, key=lambda v: (*v.details.key, v.id)))

    def record_service(self, person_id: int, review: str, served_on: dt.date) -> ServiceView:
        """Notes that a person served on a review. History is as it happened, so this never
        refuses a second review in a year: `rules.once_a_year_problem` is asked beforehand."""
        try:
            label = field_text(review, "The review", TITLE_LIMIT, required=True)
        except TextFieldError as exc:
            raise PoolInputError(str(exc)) from exc
        with self._db.session_scope() as s:
            get_stored(s, Challenger, person_id, "person in the pool")
            row = ReviewServed(challenger_id=person_id, review=label, served_on=served_on)
            s.add(row)
            s.flush()
            view = _service_view(row)
        self.changed.emit(person_id)
        return view

    def remove_service(self, service_id: int) -> ServiceView:
        with self._db.session_scope() as s:
            row = get_stored(s, ReviewServed, service_id, "review served")
            view = _service_view(row)
            s.delete(row)
        self.changed.emit(view.person_id)
        return view

    def service(self, person_id: int) -> tuple[ServiceView, ...]:
        """The reviews a person served on, oldest first."""
        with self._db.session_scope() as s:
            get_stored(s, Challenger, person_id, "person in the pool")
            return _services(s, person_id)

    def served_in_year(self, person_id: int, year: int) -> tuple[ServiceView, ...]:
        """The reviews a person served on in a calendar year (none: an empty tuple)."""
        return tuple(s for s in self.service(person_id) if s.served_on.year == year)


def _services(s: DbSession, person_id: int) -> tuple[ServiceView, ...]:
    rows = s.exec(
        select(ReviewServed)
        .where(ReviewServed.challenger_id == person_id)
        .order_by(col(ReviewServed.served_on), col(ReviewServed.id))
    )
    return tuple(_service_view(row) for row in rows)


def _already_in(details: ChallengerDetails, known: int) -> str:
    where = f"id {known}" if known else "earlier in the list"
    return (
        f"{details.name} of {details.authority} is already in the pool ({where}): "
        "the pool keeps one entry for each person, so change that one instead."
    )


def _write(row: Challenger, details: ChallengerDetails) -> None:
    row.name = details.name
    row.authority = details.authority
    row.position = details.position
    row.email = details.email
    row.telephone = details.telephone
    row.expertise = joined(details.expertise)
    row.other_expertise = details.other_expertise
    row.roles_applied = joined(details.roles_applied)
    row.roles_approved = joined(details.roles_approved)
    row.sponsor_dcs = details.sponsor_dcs
    row.approved_on = details.approved_on
    row.training = details.training
    row.trained_on = details.trained_on
    row.availability = details.availability


def _details(row: Challenger) -> ChallengerDetails:
    return ChallengerDetails(
        name=row.name,
        authority=row.authority,
        position=row.position,
        email=row.email,
        telephone=row.telephone,
        expertise=split(row.expertise, Expertise),
        other_expertise=row.other_expertise,
        roles_applied=split(row.roles_applied, Role),
        roles_approved=split(row.roles_approved, Role),
        sponsor_dcs=row.sponsor_dcs,
        approved_on=row.approved_on,
        training=row.training,
        trained_on=row.trained_on,
        availability=row.availability,
    )


def _view(row: Challenger) -> ChallengerView:
    return ChallengerView(id=stored_id(row.id), details=_details(row))


def _service_view(row: ReviewServed) -> ServiceView:
    return ServiceView(
        id=stored_id(row.id),
        person_id=row.challenger_id,
        review=row.review,
        served_on=row.served_on,
    )
