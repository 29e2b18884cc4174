"""Reading stored rows: one by its id (or a LookupError naming what is missing), and the id
a row has once it is written."""

from __future__ import annotations

from typing import TypeVar

from sqlmodel import Session as DbSession
from sqlmodel import SQLModel

M = TypeVar("M", bound=SQLModel)


def get_stored(s: DbSession, model: type[M], row_id: int, noun: str) -> M:
    """The row of `model` with id `row_id`; LookupError ("There is no {noun} with id 3.")
    when there is none."""
    row = s.get(model, row_id)
    if row is None:
        raise LookupError(f"There is no {noun} with id {row_id}.")
    return row


def stored_id(value: int | None) -> int:
    """A row's id, which exists once the row is written: flush before reading it."""
    if value is None:
        raise RuntimeError("a stored row has no id; flush before reading ids")
    return value
