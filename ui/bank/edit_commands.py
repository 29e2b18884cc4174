"""Undoable edits of the facilitator's own bank layer. The shipped file is never touched."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from question_bank import BankService, Question, Scale, Section


class _BankCommand(QUndoCommand):
    def __init__(self, service: BankService, text: str, changed: Callable[[str], None]) -> None:
        super().__init__(text)
        self.service = service
        self.changed = changed


class AddTheme(_BankCommand):
    def __init__(
        self, service: BankService, title: str, section: Section, changed: Callable[[str], None]
    ) -> None:
        super().__init__(service, f"Add theme “{title}”", changed)
        self._title, self._section = title, section
        self.theme_id: str | None = None

    def redo(self) -> None:
        if self.theme_id is None:
            self.theme_id = self.service.add_theme(self._title, self._section).id
        else:
            self.service.unhide(self.theme_id)
        self.changed(self.theme_id)

    def undo(self) -> None:
        # Added items are hidden rather than deleted, so a shared id is never reused.
        if self.theme_id is not None:
            self.service.hide(self.theme_id)
            self.changed(self.theme_id)


class AddQuestion(_BankCommand):
    def __init__(
        self, service: BankService, theme_id: str, words: Question, changed: Callable[[str], None]
    ) -> None:
        super().__init__(service, "Add question", changed)
        self._theme_id, self._words = theme_id, words
        self.question_id: str | None = None

    def redo(self) -> None:
        if self.question_id is None:
            words = self._words
            self.question_id = self.service.add_question(
                self._theme_id, words.text, words.follow_ups, words.scale, words.note
            ).id
        else:
            self.service.unhide(self.question_id)
        self.changed(self.question_id)

    def undo(self) -> None:
        if self.question_id is not None:
            self.service.hide(self.question_id)
            self.changed(self.question_id)


class EditQuestion(_BankCommand):
    def __init__(
        self, service: BankService, old: Question, new: Question, changed: Callable[[str], None]
    ) -> None:
        super().__init__(service, "Edit question", changed)
        self._old, self._new = old, new

    def _write(self, words: Question) -> None:
        self.service.edit_question(
            words.id,
            text=words.text,
            follow_ups=words.follow_ups,
            scale=words.scale,
            note=words.note,
        )
        self.changed(words.id)

    def redo(self) -> None:
        self._write(self._new)

    def undo(self) -> None:
        self._write(self._old)


class SetHidden(_BankCommand):
    def __init__(
        self, service: BankService, item_id: str, hidden: bool, changed: Callable[[str], None]
    ) -> None:
        super().__init__(service, "Hide" if hidden else "Show", changed)
        self._item_id, self._hidden = item_id, hidden

    def _apply(self, hidden: bool) -> None:
        if hidden:
            self.service.hide(self._item_id)
        else:
            self.service.unhide(self._item_id)
        self.changed(self._item_id)

    def redo(self) -> None:
        self._apply(self._hidden)

    def undo(self) -> None:
        self._apply(not self._hidden)


class Move(_BankCommand):
    def __init__(
        self,
        service: BankService,
        item_id: str,
        is_theme: bool,
        old_index: int,
        new_index: int,
        changed: Callable[[str], None],
    ) -> None:
        super().__init__(service, "Move", changed)
        self._item_id, self._is_theme = item_id, is_theme
        self._old, self._new = old_index, new_index

    def _to(self, index: int) -> None:
        if self._is_theme:
            self.service.move_theme(self._item_id, index, include_hidden=True)
        else:
            self.service.move_question(self._item_id, index, include_hidden=True)
        self.changed(self._item_id)

    def redo(self) -> None:
        self._to(self._new)

    def undo(self) -> None:
        self._to(self._old)


def scale_or_none(enabled: bool, low: str, high: str) -> Scale | None:
    return Scale(low.strip() or "0", high.strip() or "10") if enabled else None
