"""Putting someone on a review's team and taking them off, as steps the coordinator can undo.

Each change is made before its command is pushed, so a refusal is told at once and nothing
lands on the undo stack; the first redo (Qt's, on push) does nothing. Undoing or redoing later
goes back to the reviews service, which gives the member a new id each time they join: the
command keeps the one now stored. If the service refuses then (the person has left the pool
meanwhile), the reason is told and the step is dropped from the stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from facilitator.reviews.service import MemberView, ReviewInputError, Reviews
from facilitator.storage.errors import DataFileError

# What a team change may be refused with, each worded for the coordinator.
TEAM_ERRORS = (ReviewInputError, LookupError, DataFileError)


class _TeamChange(QUndoCommand):
    def __init__(
        self, text: str, reviews: Reviews, member: MemberView, report: Callable[[str], None]
    ) -> None:
        super().__init__(text)
        self._reviews = reviews
        self.member = member
        self._report = report
        self._first = True

    def _join(self) -> None:
        m = self.member
        try:
            self.member = self._reviews.add_member(m.review_id, m.person_id, m.role)
        except TEAM_ERRORS as exc:
            self._refused(exc)

    def _leave(self) -> None:
        try:
            self._reviews.remove_member(self.member.id)
        except TEAM_ERRORS as exc:
            self._refused(exc)

    def _refused(self, exc: Exception) -> None:
        self._report(f"“{self.text()}” cannot be undone or redone now: {exc}")
        self.setObsolete(True)


class AddMember(_TeamChange):
    """Someone put on a team (already done when pushed)."""

    def __init__(
        self, reviews: Reviews, member: MemberView, name: str, report: Callable[[str], None]
    ) -> None:
        super().__init__(f"Add {name} to the team", reviews, member, report)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._join()

    def undo(self) -> None:
        self._leave()


class RemoveMember(_TeamChange):
    """Someone taken off a team (already done when pushed)."""

    def __init__(
        self, reviews: Reviews, member: MemberView, name: str, report: Callable[[str], None]
    ) -> None:
        super().__init__(f"Remove {name} from the team", reviews, member, report)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._leave()

    def undo(self) -> None:
        self._join()
