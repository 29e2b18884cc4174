"""Whose session the bank marks questions in, and which visiting authority it credits.

The bank follows the console: the running session, and the current questioner (the lead
reviewer first, then each F7). The facilitator may choose another session or asker in the
bank on purpose; that choice holds until the turn moves on or another stage starts, when the
bank follows the console again. A stage outside any session (introductions, a break, the
plenary) leaves the bank where it was.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Asking:
    session_id: int | None
    authority_id: int | None  # the visiting authority asking, None when nobody can


class BankFollow:
    """Plain state, no storage: the console's announcements in, what the bank shows out."""

    def __init__(self) -> None:
        self._stage_id: int | None = None
        self._running = Asking(None, None)
        self._chosen: Asking | None = None

    @property
    def shown(self) -> Asking:
        return self._chosen if self._chosen is not None else self._running

    @property
    def chosen(self) -> bool:
        """True while a choice made in the bank overrides the console."""
        return self._chosen is not None

    def stage_running(
        self, stage_id: int | None, session_id: int | None, questioner: int | None
    ) -> Asking:
        """The console's running stage and its session's questioner; a new stage ends a
        choice made in the bank."""
        if stage_id != self._stage_id:
            self._stage_id = stage_id
            self._chosen = None
        if session_id is not None:
            self._running = Asking(session_id, questioner)
        return self.shown

    def turn_moved(self, session_id: int, questioner: int | None) -> Asking:
        """The questioning turn moved on (F7): the bank follows, whatever was chosen."""
        self._chosen = None
        self._running = Asking(session_id, questioner)
        return self.shown

    def choose(self, session_id: int | None, authority_id: int | None) -> Asking:
        """The facilitator chose a session or asker in the bank on purpose."""
        self._chosen = Asking(session_id, authority_id)
        return self.shown
