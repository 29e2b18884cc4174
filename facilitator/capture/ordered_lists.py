"""What the capture services' ordered lists share: each item is deleted with a copy kept for
undo, restored where it was, moved, and listed.

Actions and asks and offers are lists of a session; introductions and the answers to each
plenary question are lists of a day. A subclass names its table, its parent (the session or
the day) and, when a parent holds several lists, what else tells them apart.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, Generic, TypeVar

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.capture.lists import place, renumber
from facilitator.common.events import Event
from facilitator.storage.database import Database
from facilitator.storage.models import (
    Action,
    Day,
    Exchange,
    FocusRisk,
    Introduction,
    PlenaryItem,
    Session,
)
from facilitator.storage.rows import get_stored

R = TypeVar("R", Action, Exchange, FocusRisk, Introduction, PlenaryItem)
SessionRow = TypeVar("SessionRow", Action, Exchange, FocusRisk)
DayRow = TypeVar("DayRow", Introduction, PlenaryItem)
V = TypeVar("V")


class OrderedList(Generic[R, V]):
    """The shared half of a list service; `changed` carries the parent's id."""

    model: type[R]
    noun: str  # as in "There is no {noun} with id 3."
    parent: type[Session | Day]
    parent_noun: str
    parent_key: str  # the column holding the parent's id, in the row and in its view

    def __init__(self, db: Database) -> None:
        self._db = db
        self.changed: Event[int] = Event()

    def view(self, row: R) -> V:
        raise NotImplementedError

    def delete(self, item_id: int) -> V:
        """Deletes an item and returns it whole, so an undo can put it back."""
        with self._db.session_scope() as s:
            row = self._get(s, item_id)
            view = self.view(row)
            s.delete(row)
            s.flush()
            renumber(self._ordered(s, **self._list_of(view)))
        self.changed.emit(self._parent_of(view))
        return view

    def restore(self, view: V) -> V:
        """Puts a deleted item back where it was (with its id, if still free)."""
        values: dict[str, Any] = {f.name: getattr(view, f.name) for f in fields(view)}  # type: ignore[arg-type]
        parent_id = self._parent_of(view)
        with self._db.session_scope() as s:
            get_stored(s, self.parent, parent_id, self.parent_noun)
            row = self.model(**values)
            if s.get(self.model, values["id"]) is not None:
                row.id = None
            place(self._ordered(s, **self._list_of(view)), row, int(values["position"]))
            s.add(row)
            s.flush()
            restored = self.view(row)
        self.changed.emit(parent_id)
        return restored

    def move(self, item_id: int, new_position: int) -> V:
        """Moves an item within its list (0 is first; beyond the end means last)."""
        with self._db.session_scope() as s:
            row = self._get(s, item_id)
            place(self._ordered(s, **self._list_of(row)), row, new_position)
            view = self.view(row)
        self.changed.emit(self._parent_of(view))
        return view

    def _list_of(self, item: R | V) -> dict[str, object]:
        """The columns and values that pick out the list an item (a row or a view) is in."""
        return {self.parent_key: getattr(item, self.parent_key)}

    def _parent_of(self, item: R | V) -> int:
        return int(getattr(item, self.parent_key))

    def _listed(self, **where: object) -> list[V]:
        with self._db.session_scope() as s:
            return [self.view(row) for row in self._ordered(s, **where)]

    def _get(self, s: DbSession, item_id: int) -> R:
        return get_stored(s, self.model, item_id, self.noun)

    def _ordered(self, s: DbSession, **where: object) -> list[R]:
        query = select(self.model)
        for name, value in where.items():
            query = query.where(col(getattr(self.model, name)) == value)
        return list(s.exec(query.order_by(col(self.model.position), col(self.model.id))).all())


class SessionList(OrderedList[SessionRow, V]):
    """A session's list, whose items are also listed for the whole day."""

    parent = Session
    parent_noun = "session"
    parent_key = "session_id"

    def for_session(self, session_id: int) -> list[V]:
        return self._listed(session_id=session_id)

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


class DayList(OrderedList[DayRow, V]):
    """A day's list."""

    parent = Day
    parent_noun = "day"
    parent_key = "day_id"
