"""Importing the pool or a review schedule table from CSV: a file dialog, then the domain's
all-or-nothing import; when anything is wrong, every row's problem in one message."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from facilitator.pool.importing import PoolImport, import_pool_file
from facilitator.pool.service import Pool
from facilitator.reviews.importing import ReviewImport, import_review_file
from facilitator.reviews.service import Reviews
from facilitator.storage.errors import DataFileError

CSV_FILES = "CSV files (*.csv);;All files (*)"
# A message box longer than this scrolls off a 768-pixel screen: the rest are counted.
MAX_ERRORS_SHOWN = 15


def choose_csv(parent: QWidget, title: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, "", CSV_FILES)
    return Path(name) if name else None


def import_pool(parent: QWidget, pool: Pool) -> str | None:
    """Asks for the expression-of-interest CSV and imports it; what was done, or None."""
    path = choose_csv(parent, "Import the pool from the expression-of-interest CSV")
    if path is None:
        return None
    try:
        result: PoolImport | ReviewImport = import_pool_file(pool, path)
    except DataFileError as exc:
        QMessageBox.warning(parent, "Import pool", str(exc))
        return None
    return _told(parent, "Import pool", result)


def import_reviews(parent: QWidget, reviews: Reviews) -> str | None:
    """Asks for a PCTR or SAV schedule table and imports it; what was done, or None."""
    path = choose_csv(parent, "Import a review schedule table (PCTR or SAV)")
    if path is None:
        return None
    try:
        result: PoolImport | ReviewImport = import_review_file(reviews, path)
    except DataFileError as exc:
        QMessageBox.warning(parent, "Import schedule table", str(exc))
        return None
    return _told(parent, "Import schedule table", result)


def problems_text(result: PoolImport | ReviewImport) -> str:
    """The summary, then each problem on a line of its own."""
    lines = [str(error) for error in result.errors[:MAX_ERRORS_SHOWN]]
    if (more := len(result.errors) - MAX_ERRORS_SHOWN) > 0:
        lines.append(f"…and {more} more.")
    return result.summary + "\n\n" + "\n".join(f"• {line}" for line in lines)


def _told(parent: QWidget, title: str, result: PoolImport | ReviewImport) -> str | None:
    if result.ok:
        return result.summary
    QMessageBox.warning(parent, title, problems_text(result))
    return None
