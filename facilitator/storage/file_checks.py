"""What a data file's path must be before SQLite is let near it: an ordinary file (not a
device, pipe or folder), readable, SQLite's (or empty), and in a folder we can write to.
Nothing here creates or changes a file."""

from __future__ import annotations

import os
from pathlib import Path

from facilitator.storage.errors import DataFileError, DataFileNotOursError, DataFileReadOnlyError
from facilitator.storage.files import nearest_existing_folder, special_kind

SQLITE_HEADER = b"SQLite format 3\x00"
NOT_OURS_FIX = "Open another data file, or start a fresh one: this file will not be changed."


def check_file(path: Path) -> None:
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DataFileError(
            path,
            f"The data file cannot be read ({exc.strerror}).",
            "Check you have permission to open it, or open another data file.",
        ) from exc
    kind = special_kind(status.st_mode)
    if kind is not None:
        # Checked before reading: opening a pipe would wait for ever, and /dev/null would
        # swallow every write while seeming to work.
        raise DataFileError(
            path,
            f"This is {kind}, not a data file.",
            "Choose an ordinary file, such as balcony.sqlite in a folder you can write to.",
        )
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DataFileError(
            path,
            f"The data file cannot be read ({exc.strerror}).",
            "Check you have permission to open it, or open another data file.",
        ) from exc
    if header and header != SQLITE_HEADER:
        raise DataFileNotOursError(
            path,
            "This file is not a Balcony data file (it is not an SQLite database).",
            NOT_OURS_FIX,
        )


def check_writable(path: Path) -> None:
    if path.exists() and not os.access(path, os.W_OK):
        raise DataFileReadOnlyError(
            path,
            "This data file is read-only, so Balcony cannot save to it.",
            "Make it writable, open it read-only, or open another data file.",
        )
    folder = nearest_existing_folder(path.parent)
    # SQLite writes its journal beside the data file, so the folder must be writable too.
    if not os.access(folder, os.W_OK | os.X_OK):
        raise read_only_folder(path, folder)


def read_only_folder(path: Path, folder: Path) -> DataFileReadOnlyError:
    return DataFileReadOnlyError(
        path,
        f"The folder {folder} is read-only, so Balcony cannot save the data file there.",
        "Choose a data file in a folder you can write to, or open it read-only.",
    )
