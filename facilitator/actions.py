"""Actions: what the presenting team will take away, agreed in reflection and actions.

A session's actions are an ordered list (the order the room gives them, or a priority
the facilitator sets by moving them); the day's list runs in presenting order.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.capture_lists import next_position, place, renumber, tidy
from facilitator.db import Database
from facilitator.events import Event
from facilitator.models import Action, Session


@dataclass(frozen=True)
class ActionView:
    id: int
    session_id: int
    text: str
    owner: str
    position: int


class ActionInputError(ValueError):
    """An action that cannot be saved as typed; the message says what to change."""


class Actions:
    """Adds, edits, moves, deletes and lists actions; `changed` carries the session id."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.changed: Event[int] = Event()

    def add(self, session_id: int, text: str, owner: str = "") -> ActionView:
        """Adds an action at the end of the session's list."""
        with self._db.session_scope() as s:
            _require_session(s, session_id)
            row = Action(
                session_id=session_id,
                text=_text(text),
                owner=tidy(owner, "An owner"),
                position=next_position(_ordered(s, session_id)),
            )
            s.add(row)
            s.flush()
            view = _view(row)
        self.changed.emit(session_id)
        return view

    def edit(
        self, action_id: int, *, text: str | None = None, owner: str | None = None
    ) -> ActionView:
        """Changes the fields given; `owner=""` clears the owner."""
        with self._db.session_scope() as s:
            row = _get(s, action_id)
            if text is not None:
                row.text = _text(text)
            if owner is not None:
                row.owner = tidy(owner, "An owner")
            s.add(row)
            view = _view(row)
        self.changed.emit(view.session_id)
        return view

    def delete(self, action_id: int) -> ActionView:
        """Deletes an action and returns it whole, so an undo can put it back."""
        with self._db.session_scope() as s:
            row = _get(s, action_id)
            view = _view(row)
            s.delete(row)
            s.flush()
            renumber(_ordered(s, view.session_id))
        self.changed.emit(view.session_id)
        return view

    def restore(self, view: ActionView) -> ActionView:
        """Puts a deleted action back where it was (with its id, if still free)."""
        with self._db.session_scope() as s:
            _require_session(s, view.session_id)
            row = Action(**{k: getattr(view, k) for k in ActionView.__dataclass_fields__})
            if s.get(Action, view.id) is not None:
                row.id = None
            place(_ordered(s, view.session_id), row, view.position)
            s.add(row)
            s.flush()
            restored = _view(row)
        self.changed.emit(view.session_id)
        return restored

    def move(self, action_id: int, new_position: int) -> ActionView:
        """Moves an action to `new_position` (0 is first; beyond the end means last)."""
        with self._db.session_scope() as s:
            row = _get(s, action_id)
            place(_ordered(s, row.session_id), row, new_position)
            view = _view(row)
        self.changed.emit(view.session_id)
        return view

    def for_session(self, session_id: int) -> list[ActionView]:
        with self._db.session_scope() as s:
            return [_view(row) for row in _ordered(s, session_id)]

    def for_day(self, day_id: int) -> list[ActionView]:
        """Every action of the day: by presenting order, then as listed in each session."""
        with self._db.session_scope() as s:
            rows = s.exec(
                select(Action)
                .join(Session, col(Session.id) == col(Action.session_id))
                .where(Session.day_id == day_id)
                .order_by(col(Session.position), col(Action.position), col(Action.id))
            ).all()
            return [_view(row) for row in rows]


def _text(text: str) -> str:
    cleaned = tidy(text, "An action")
    if not cleaned:
        raise ActionInputError("An action needs some words: what will be done?")
    return cleaned


def _require_session(s: DbSession, session_id: int) -> None:
    if s.get(Session, session_id) is None:
        raise LookupError(f"There is no session with id {session_id}.")


def _get(s: DbSession, action_id: int) -> Action:
    row = s.get(Action, action_id)
    if row is None:
        raise LookupError(f"There is no action with id {action_id}.")
    return row


def _ordered(s: DbSession, session_id: int) -> list[Action]:
    return list(
        s.exec(
            select(Action)
            .where(Action.session_id == session_id)
            .order_by(col(Action.position), col(Action.id))
        ).all()
    )


def _view(row: Action) -> ActionView:
    if row.id is None:
        raise RuntimeError("an action must be flushed before it is viewed")
    return ActionView(
        id=row.id, session_id=row.session_id, text=row.text, owner=row.owner, position=row.position
    )
