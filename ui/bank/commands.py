"""Undoable uses of the bank in a session: mark asked, pin a focus risk, a scale answer."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from facilitator.capture.question_use import Answer, Asked, QuestionLog
from question_bank import Question, Theme


class MarkAsked(QUndoCommand):
    def __init__(
        self,
        log: QuestionLog,
        session_id: int,
        question: Question,
        theme: Theme | None,
        authority_id: int | None,
        who: str,
    ) -> None:
        super().__init__(f"Mark asked{f' by {who}' if who else ''}")
        self._log = log
        self._session_id = session_id
        self._question = question
        self._theme = theme
        self._authority_id = authority_id
        self._asked: Asked | None = None

    def redo(self) -> None:
        if self._asked is None:
            self._asked = self._log.mark_asked(
                self._session_id, self._question, self._theme, authority_id=self._authority_id
            )
        else:
            self._log.restore(self._asked)

    def undo(self) -> None:
        if self._asked is not None:
            self._log.unmark(self._asked.id)


class Unmark(QUndoCommand):
    def __init__(self, log: QuestionLog, asked: Asked) -> None:
        super().__init__("Unmark asked")
        self._log = log
        self._asked = asked

    def redo(self) -> None:
        self._log.unmark(self._asked.id)

    def undo(self) -> None:
        self._log.restore(self._asked)


class TogglePin(QUndoCommand):
    def __init__(
        self, log: QuestionLog, session_id: int, theme_id: str, question_id: str | None, pin: bool
    ) -> None:
        super().__init__("Pin focus risk" if pin else "Unpin focus risk")
        self._log = log
        self._args = (session_id, theme_id, question_id)
        self._pin = pin

    def _apply(self, pin: bool) -> None:
        if pin:
            self._log.pin(*self._args)
        else:
            self._log.unpin(*self._args)

    def redo(self) -> None:
        self._apply(self._pin)

    def undo(self) -> None:
        self._apply(not self._pin)


class SetScale(QUndoCommand):
    """The presenting authority's own rating, with who asked; undo puts back the old one."""

    def __init__(
        self,
        log: QuestionLog,
        session_id: int,
        question_id: str,
        old: Answer | None,
        new: int | None,
        asked_by: int | None,
    ) -> None:
        super().__init__("Scale answer")
        self._log = log
        self._args = (session_id, question_id)
        self._old, self._new, self._asked_by = old, new, asked_by

    def redo(self) -> None:
        self._log.record_scale(*self._args, self._new, asked_by=self._asked_by)

    def undo(self) -> None:
        old = self._old
        if old is None:
            self._log.record_scale(*self._args, None)
        else:
            self._log.record_scale(*self._args, old.value, asked_by=old.asked_by_authority_id)
