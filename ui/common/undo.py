"""A small undo command made of two functions: what to do, and how to take it back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class Change(QUndoCommand):
    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        super().__init__(text)
        self._do, self._undo = do, undo

    def redo(self) -> None:
        self._do()

    def undo(self) -> None:
        self._undo()


class AlreadyDone(Change):
    """A change made before it was pushed (autosave, a run step): the first redo is a no-op."""

    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        super().__init__(text, do, undo)
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        super().redo()
