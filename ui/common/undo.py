"""Small undo commands: one made of two functions (what to do, how to take it back), and
one that edits a stored row on the version its editor saw (EditRow)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol, Self

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


class HasVersion(Protocol):
    """A view of a row that says the stored version it was read at (or saved as)."""

    @property
    def row_version(self) -> int: ...


class EditRow(QUndoCommand):
    """A row's fields changed by a capture service's `edit(row_id, **fields, seen_version=…)`,
    from `old` to `new`. `seen_version`: the row's version the change was made on (its
    view's row_version); on a shared database the edit is refused (ChangedElsewhereError)
    if someone else has changed the row since. Undo and redo then each name the version
    this command itself wrote last, and no other."""

    def __init__(
        self,
        text: str,
        edit: Callable[..., HasVersion],
        row_id: int,
        old: Mapping[str, object],
        new: Mapping[str, object],
        seen_version: int | None = None,
    ) -> None:
        super().__init__(text)
        self._edit, self._id, self._old, self._new = edit, row_id, dict(old), dict(new)
        self._version = seen_version
        self._done = False

    def done_now(self) -> Self:
        """Makes the change before the command is pushed, so a refused one is never on the
        undo stack; the push's own redo then does nothing."""
        self._apply(self._new)
        self._done = True
        return self

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._apply(self._new)

    def undo(self) -> None:
        self._apply(self._old)

    def _apply(self, values: dict[str, object]) -> None:
        saved = self._edit(self._id, **values, seen_version=self._version)
        self._version = saved.row_version
