"""Asks (support wanted) and offers (good practice to share), captured in a session.

They start in reflection and actions and end up in the day's asks and offers list, so the
list for a day runs in presenting order. An ask or offer made in a session usually comes
from the presenting authority; the caller passes it, since the room may say otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session as DbSession
from sqlmodel import select

from facilitator.capture.lists import KEEP, Keep, next_position, tidy
from facilitator.capture.ordered_lists import SessionList
from facilitator.common.vocabulary import ExchangeKind, ExchangeScope
from facilitator.storage.models import DayAuthority, Exchange, Session
from facilitator.storage.rows import get_stored, stored_id
from facilitator.storage.versioned import check_seen


@dataclass(frozen=True)
class ExchangeView:
    id: int
    session_id: int
    kind: ExchangeKind
    authority_id: int
    topic: str
    detail: str
    scope: ExchangeScope
    counterpart_id: int | None
    position: int
    # The stored row's version when read (storage/versioned.py): an edit naming it is
    # refused if someone else has changed the row since, on a shared database. Not part of
    # what the item is: views read before and after a change that was undone are equal.
    row_version: int = field(default=1, compare=False)


class ExchangeInputError(ValueError):
    """An ask or offer that cannot be saved as typed; the message says what to change."""


class Exchanges(SessionList[Exchange, ExchangeView]):
    """Adds, edits, deletes and lists asks and offers; `changed` carries the session id."""

    model = Exchange
    noun = "ask or offer"

    def view(self, row: Exchange) -> ExchangeView:
        return ExchangeView(
            id=stored_id(row.id),
            session_id=row.session_id,
            kind=row.kind,
            authority_id=row.authority_id,
            topic=row.topic,
            detail=row.detail,
            scope=row.scope,
            counterpart_id=row.counterpart_id,
            position=row.position,
            row_version=row.row_version,
        )

    def add(
        self,
        session_id: int,
        kind: ExchangeKind,
        authority_id: int,
        topic: str,
        detail: str = "",
        scope: ExchangeScope = ExchangeScope.BILATERAL,
        counterpart_id: int | None = None,
    ) -> ExchangeView:
        """Adds an ask or offer at the end of the session's list."""
        with self._db.session_scope() as s:
            get_stored(s, Session, session_id, "session")
            row = Exchange(
                session_id=session_id,
                kind=ExchangeKind(kind),
                authority_id=authority_id,
                topic=tidy(topic, "A topic"),
                detail=tidy(detail, "The detail"),
                scope=ExchangeScope(scope),
                counterpart_id=counterpart_id,
                position=next_position(self._ordered(s, session_id=session_id)),
            )
            _check(s, row)
            s.add(row)
            s.flush()
            view = self.view(row)
        self.changed.emit(session_id)
        return view

    def edit(
        self,
        exchange_id: int,
        *,
        kind: ExchangeKind | None = None,
        authority_id: int | None = None,
        topic: str | None = None,
        detail: str | None = None,
        scope: ExchangeScope | None = None,
        counterpart_id: int | Keep | None = KEEP,
        seen_version: int | None = None,
    ) -> ExchangeView:
        """Changes the fields given; `counterpart_id=None` removes the counterpart.
        `seen_version`: the version of the ask or offer the change was made on
        (ExchangeView.row_version); ChangedElsewhereError if it has been changed since."""
        with self._db.session_scope() as s:
            row = self._get(s, exchange_id)
            check_seen(row, seen_version)
            if kind is not None:
                row.kind = ExchangeKind(kind)
            if authority_id is not None:
                row.authority_id = authority_id
            if topic is not None:
                row.topic = tidy(topic, "A topic")
            if detail is not None:
                row.detail = tidy(detail, "The detail")
            if scope is not None:
                row.scope = ExchangeScope(scope)
            if counterpart_id is not KEEP:
                row.counterpart_id = counterpart_id
            with s.no_autoflush:  # check the edited row before it is written
                _check(s, row)
            s.add(row)
            s.flush()  # counts the version on, for the view
            view = self.view(row)
        self.changed.emit(view.session_id)
        return view


def _check(s: DbSession, row: Exchange) -> None:
    word = "An ask" if row.kind is ExchangeKind.ASK else "An offer"
    if not row.topic:
        wanted = "support is wanted" if row.kind is ExchangeKind.ASK else "is offered"
        raise ExchangeInputError(f"{word} needs a topic: a few words on what {wanted}.")
    taking_part = _day_authorities(s, row.session_id)
    if row.authority_id not in taking_part:
        raise ExchangeInputError(f"{word} must come from one of the day’s authorities.")
    if row.counterpart_id is None:
        return
    if row.scope is ExchangeScope.MULTILATERAL:
        raise ExchangeInputError(
            f"{word} open to every authority (multilateral) has no single counterpart. "
            "Make it bilateral, or remove the counterpart."
        )
    if row.counterpart_id == row.authority_id:
        raise ExchangeInputError(f"{word} needs a counterpart other than the authority making it.")
    if row.counterpart_id not in taking_part:
        raise ExchangeInputError("The counterpart must be one of the day’s authorities.")


def _day_authorities(s: DbSession, session_id: int) -> set[int]:
    day_id = get_stored(s, Session, session_id, "session").day_id
    return set(s.exec(select(DayAuthority.authority_id).where(DayAuthority.day_id == day_id)))
