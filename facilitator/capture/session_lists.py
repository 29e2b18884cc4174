"""What a session's ordered lists (actions, asks and offers) share: each item is deleted with
a copy kept for undo, restored where it was, moved, and listed by session or by day."""

from __future__ import annotations

from dataclasses import fields
from typing import Any, Generic, TypeVar

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.capture.lists import place, renumber
from facilitator.common.events import Event
from facilitator.storage.database import Database
from facilitator.storage.models import Action, Exchange, Session

R = TypeVar("R", Action, Exchange)
V = TypeVar("V")


class SessionList(Generic[R, V]):
    """The shared half of a list service; `changed` carries the session id."""

    model: type[R]
    noun: str  # as in "There is no {noun} with id 3."

    def __init__(self, db: Database) -> None:
        self._db = db
        self.changed: Event[int] = Event()

    def view(self, row: R) -> V:
        raise NotImplementedError

    def delete(self, item_id: int) -> V:
        """Deletes an item and returns it whole, so an undo can put it back."""
        with self._db.session_scope() as s:
            row = self._get(s, item_id)
            session_id = row.session_id
            view = self.view(row)
            s.delete(row)
            s.flush()
            renumber(self._ordered(s, session_id))
        self.changed.emit(session_id)
        return view

    def restore(self, view: V) -> V:
        """Puts a deleted item back where it was (with its id, if still free)."""
        values: dict[str, Any] = {f.name: getattr(view, f.name) for f in fields(view)}  # type: ignore[arg-type]
        session_id = int(values["session_id"])
        with self._db.session_scope() as s:
            require_session(s, session_id)
            row = self.model(**values)
            if s.get(self.model, values["id"]) is not None:
                row.id = None
            place(self._ordered(s, session_id), row, int(values["position"]))
            s.add(row)
            s.flush()
            restored = self.view(row)
        self.changed.emit(session_id)
        return restored

    def move(self, item_id: int, new_position: int) -> V:
        """Moves an item to `new_position` (0 is first; beyond the end means last)."""
        with self._db.session_scope() as s:
            row = self._get(s, item_id)
            place(self._ordered(s, row.session_id), row, new_position)
            session_id = row.session_id
            view = self.view(row)
        self.changed.emit(session_id)
        return view

    def for_session(self, session_id: int) -> list[V]:
        with self._db.session_scope() as s:
            return [self.view(row) for row in self._ordered(s, session_id)]

    def for_day(self, day_id: int) -> list[V]:
        """Every item of the day: by presenting order, then as listed in each session."""
        with self._db.session_scope() as s:
            rows = s.exec(
                select(self.model)
                .join(Session, col(Session.id) == col(self.model.session_id))
                .where(Session.day_id == day_id)
                .order_by(col(Session.position), col(self.model.position), col(self.model.id))
            ).all()
            return [self.view(row) for row in rows]

    def _get(self, s: DbSession, item_id: int) -> R:
        row = s.get(self.model, item_id)
        if row is None:
            raise LookupError(f"There is no {self.noun} with id {item_id}.")
        return row

    def _ordered(self, s: DbSession, session_id: int) -> list[R]:
        return list(
            s.exec(
                select(self.model)
                .where(col(self.model.session_id) == session_id)
                .order_by(col(self.model.position), col(self.model.id))
            ).all()
        )


def require_session(s: DbSession, session_id: int) -> Session:
    session = s.get(Session, session_id)
    if session is None:
        raise LookupError(f"There is no session with id {session_id}.")
    return session
