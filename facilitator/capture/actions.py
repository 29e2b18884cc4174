"""Actions: what the presenting team will take away, agreed in reflection and actions.

A session's actions are an ordered list (the order the room gives them, or a priority
the facilitator sets by moving them); the day's list runs in presenting order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitator.capture.lists import next_position, tidy
from facilitator.capture.ordered_lists import SessionList
from facilitator.storage.models import Action, Session
from facilitator.storage.rows import get_stored, stored_id
from facilitator.storage.versioned import check_seen


@dataclass(frozen=True)
class ActionView:
    id: int
    session_id: int
    text: str
    owner: str
    position: int
    # The stored row's version when read (storage/versioned.py): an edit naming it is
    # refused if someone else has changed the row since, on a shared database. Not part of
    # what the item is: views read before and after a change that was undone are equal.
    row_version: int = field(default=1, compare=False)


class ActionInputError(ValueError):
    """An action that cannot be saved as typed; the message says what to change."""


class Actions(SessionList[Action, ActionView]):
    """Adds, edits, moves, deletes and lists actions; `changed` carries the session id."""

    model = Action
    noun = "action"

    def view(self, row: Action) -> ActionView:
        return ActionView(
            id=stored_id(row.id),
            session_id=row.session_id,
            text=row.text,
            owner=row.owner,
            position=row.position,
            row_version=row.row_version,
        )

    def add(self, session_id: int, text: str, owner: str = "") -> ActionView:
        """Adds an action at the end of the session's list."""
        with self._db.session_scope() as s:
            get_stored(s, Session, session_id, "session")
            row = Action(
                session_id=session_id,
                text=_text(text),
                owner=tidy(owner, "An owner"),
                position=next_position(self._ordered(s, session_id=session_id)),
            )
            s.add(row)
            s.flush()
            view = self.view(row)
        self.changed.emit(session_id)
        return view

    def edit(
        self,
        action_id: int,
        *,
        text: str | None = None,
        owner: str | None = None,
        seen_version: int | None = None,
    ) -> ActionView:
        """Changes the fields given; `owner=""` clears the owner. `seen_version`: the version
        of the action the change was made on (ActionView.row_version); ChangedElsewhereError
        if it has been changed since. None (the command line) changes whatever is stored."""
        with self._db.session_scope() as s:
            row = self._get(s, action_id)
            check_seen(row, seen_version)
            if text is not None:
                row.text = _text(text)
            if owner is not None:
                row.owner = tidy(owner, "An owner")
            s.add(row)
            s.flush()  # counts the version on, for the view
            view = self.view(row)
        self.changed.emit(view.session_id)
        return view


def _text(text: str) -> str:
    cleaned = tidy(text, "An action")
    if not cleaned:
        raise ActionInputError("An action needs some words: what will be done?")
    return cleaned
