"""Importing a review schedule table of the regional plan (seed 001) from a CSV file: all
rows or none, every problem told as "Row N, Column: what is wrong and how to put it right"."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitator.reviews.service import ReviewInputError, Reviews, ReviewView
from facilitator.reviews.tables import RowError, read_review_file
from facilitator.schedule.import_files import nothing_imported, read_import_file

__all__ = ["MAX_REVIEW_BYTES", "ReviewImport", "import_review_file"]

# A table of some dozen reviews is a few kilobytes.
MAX_REVIEW_BYTES = 1_000_000


@dataclass(frozen=True)
class ReviewImport:
    """What an import did: the reviews stored, or every problem that stopped it."""

    source: str
    added: tuple[ReviewView, ...] = ()
    errors: tuple[RowError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def summary(self) -> str:
        if self.errors:
            return nothing_imported(len(self.errors), self.source)
        count = len(self.added)
        return f"Imported {count} review{'s' if count != 1 else ''}."


def import_review_file(reviews: Reviews, path: Path | str) -> ReviewImport:
    """Reads a PCTR or SAV table and, only if every row is sound, stores its reviews."""
    path = Path(path)
    name = path.name or str(path)
    data = read_import_file(path, MAX_REVIEW_BYTES, "review schedule")
    if isinstance(data, RowError):
        return ReviewImport(name, errors=(data,))
    table = read_review_file(data)
    if not table.ok:
        return ReviewImport(name, errors=table.errors)
    try:
        added = reviews.add_all(table.drafts)
    except ReviewInputError as exc:
        row = table.rows[exc.index] if exc.index is not None else None
        return ReviewImport(name, errors=(RowError(row, "", str(exc)),))
    return ReviewImport(name, added=added)
