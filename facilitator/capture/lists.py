"""What the capture services share: ordered lists of rows, tidied text, "leave as it is".

Asks and offers, actions, introductions and plenary answers are each a short list the
facilitator adds to, edits, reorders and deletes from (with undo), so they keep their
order the same way: positions 0..n-1 with no gaps, renumbered after every change.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Final, Protocol, TypeVar

MAX_TEXT_LENGTH = 100_000


class Keep(enum.Enum):
    """Marks an argument left as it is, where None would be a real value (nobody)."""

    KEEP = "keep"


KEEP: Final = Keep.KEEP


class Positioned(Protocol):
    id: int | None
    position: int


P = TypeVar("P", bound=Positioned)


def tidy(text: str, what: str = "This text", error: type[ValueError] = ValueError) -> str:
    """Unix line ends, no NULs, no surrounding blanks; refuses text too long to be typed with
    `error`, the caller's own input error."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").strip()
    if len(text) > MAX_TEXT_LENGTH:
        raise error(
            f"{what} can hold up to {MAX_TEXT_LENGTH:,} characters; this has {len(text):,}. "
            "Shorten it or split it."
        )
    return text


def next_position(rows: Sequence[Positioned]) -> int:
    return max((row.position for row in rows), default=-1) + 1


def renumber(rows: Sequence[Positioned]) -> None:
    """Positions 0..n-1 in the given order; loaded rows are saved when the unit of work ends."""
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position


def place(rows: Sequence[P], row: P, position: int) -> list[P]:
    """`rows` (without `row`) with `row` put at `position` (clamped), renumbered."""
    others = [r for r in rows if r is not row and (r.id is None or r.id != row.id)]
    others.insert(max(0, min(position, len(others))), row)
    renumber(others)
    return others
