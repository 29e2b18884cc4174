"""Marking a follow-up done, dropping it, reopening it and moving its due date, as steps that
can be undone.

Each change is made before its command is pushed (`mark` and `move_due` make it and return the
command), so a refusal is told at once and nothing lands on the undo stack; the first redo
(Qt's, on push) does nothing. Undoing or redoing later goes back to the follow-up service; if
it refuses then (the follow-up went with the action it followed up, say), the reason is told
and the step is dropped from the stack.

Tracking an action and agreeing support are steps too (`Tracked`): undo forgets the follow-up,
redo puts it back under its id. An owner given to an action when tracking it stays on the
action: it is the action's, shown in the notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from facilitator.common.vocabulary import FollowUpStatus
from facilitator.common.wording import short_date
from facilitator.follow_up.service import FollowUps, ForgottenFollowUp
from facilitator.follow_up.views import FollowUpInputError, FollowUpView
from facilitator.storage.errors import DataFileError

# What a change may be refused with, each worded for the facilitator.
FOLLOW_UP_ERRORS = (FollowUpInputError, LookupError, DataFileError)
Report = Callable[[str], None]
SHORT = 48  # characters of what is followed up, in an Undo menu item


def short_what(view: FollowUpView) -> str:
    line = " ".join(view.what.split()) or view.kind.label
    return line if len(line) <= SHORT else line[: SHORT - 1].rstrip() + "…"


def status_step(view: FollowUpView, status: FollowUpStatus) -> str:
    """ "Mark “Test the sufficiency plan” done", "Drop “…”", "Reopen “…”"."""
    what = f"“{short_what(view)}”"
    if status is FollowUpStatus.DONE:
        return f"Mark {what} done"
    if status is FollowUpStatus.DROPPED:
        return f"Drop {what}"
    return f"Reopen {what}"


class _Change(QUndoCommand):
    def __init__(self, text: str, report: Report) -> None:
        super().__init__(text)
        self._report = report
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._try(self.forward)

    def undo(self) -> None:
        self._try(self.back)

    def forward(self) -> None:
        raise NotImplementedError

    def back(self) -> None:
        raise NotImplementedError

    def _try(self, step: Callable[[], None]) -> None:
        try:
            step()
        except FOLLOW_UP_ERRORS as exc:
            self._report(f"“{self.text()}” cannot be undone or redone now: {exc}")
            self.setObsolete(True)


class StatusChange(_Change):
    """A follow-up marked done, dropped or reopened (already done when pushed)."""

    def __init__(
        self, follow_ups: FollowUps, before: FollowUpView, after: FollowUpView, report: Report
    ) -> None:
        super().__init__(status_step(before, after.status), report)
        self._follow_ups, self.before, self.after = follow_ups, before, after

    def forward(self) -> None:
        self._set(self.after)

    def back(self) -> None:
        self._set(self.before)

    def _set(self, view: FollowUpView) -> None:
        on = view.done_on if view.status is FollowUpStatus.DONE else None
        self._follow_ups.set_status(view.id, view.status, on)


class DueChange(_Change):
    """A follow-up's due date moved (already done when pushed)."""

    def __init__(
        self, follow_ups: FollowUps, before: FollowUpView, after: FollowUpView, report: Report
    ) -> None:
        assert after.due_on is not None
        super().__init__(f"Move “{short_what(before)}” to {short_date(after.due_on)}", report)
        self._follow_ups, self.before, self.after = follow_ups, before, after

    def forward(self) -> None:
        assert self.after.due_on is not None
        self._follow_ups.set_due(self.after.id, self.after.due_on)

    def back(self) -> None:
        if self.before.due_on is None:
            raise FollowUpInputError("it had no due date before, and a date cannot be taken away.")
        self._follow_ups.set_due(self.before.id, self.before.due_on)


class Tracked(_Change):
    """An action tracked, or support agreed (already done when pushed)."""

    def __init__(self, follow_ups: FollowUps, view: FollowUpView, step: str, report: Report):
        super().__init__(f"{step} “{short_what(view)}”", report)
        self._follow_ups, self.view = follow_ups, view
        self._forgotten: ForgottenFollowUp | None = None

    def forward(self) -> None:
        if self._forgotten is not None:
            self.view = self._follow_ups.remember(self._forgotten)

    def back(self) -> None:
        self._forgotten = self._follow_ups.forget(self.view.id)


def mark(
    follow_ups: FollowUps, view: FollowUpView, status: FollowUpStatus, report: Report
) -> StatusChange:
    """Marks `view` done today, dropped or open again, and returns the step to push. Raises
    one of FOLLOW_UP_ERRORS, nothing changed, when the service refuses."""
    after = follow_ups.set_status(view.id, status)
    return StatusChange(follow_ups, view, after, report)


def move_due(
    follow_ups: FollowUps, view: FollowUpView, due_on: dt.date, report: Report
) -> DueChange:
    """Moves `view`'s due date and returns the step to push; raises as `mark` does."""
    after = follow_ups.set_due(view.id, due_on)
    return DueChange(follow_ups, view, after, report)
