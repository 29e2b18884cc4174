"""What every CSV import of Balcony's (schedule, pool, reviews) does alike at its two ends:
reading the file within a bound, and saying that nothing was imported."""

from __future__ import annotations

from pathlib import Path

from facilitator.schedule.rows import RowError
from question_bank.reading import FileRefusedError, read_limited


def read_import_file(path: Path, limit: int, what: str) -> bytes | RowError:
    """The file's bytes, read within `limit` (a device or pipe given as the file would
    otherwise be read for ever), or the error that says why it cannot be read."""
    try:
        return read_limited(path, limit, what)
    except FileRefusedError as exc:
        return RowError(None, "", exc.problem[:1].upper() + exc.problem[1:])
    except OSError as exc:
        return RowError(None, "", f"The file cannot be read ({exc.strerror}).")


def nothing_imported(errors: int, source: str) -> str:
    return (
        f"Nothing was imported: {errors} problem{'s' if errors != 1 else ''} in "
        f"{source}. Correct the file and import it again."
    )
