"""Why a data file cannot be used: each error says which file, what is wrong, and the fix."""

from __future__ import annotations

from pathlib import Path

from facilitator.storage.location import DataLocation


class DataFileError(Exception):
    """A data file (or shared database) we cannot use. Says which, what is wrong, and what
    to do. `path` is a ServerAddress for a database server."""

    path: DataLocation

    def __init__(self, path: DataLocation, problem: str, fix: str) -> None:
        super().__init__(f"{path}: {problem} {fix}")
        self.path = path
        self.problem = problem
        self.fix = fix


class DataFileTooNewError(DataFileError):
    """Balcony's own file, written by a newer Balcony (its data version is higher)."""


class DataFileLockedError(DataFileError):
    """Another program (not a Balcony window) holds SQLite's lock on the file."""


class DataFileDamagedError(DataFileError):
    """The file fails SQLite's check: it is never written, so a backup can still be restored."""


class DataFileNotOursError(DataFileError):
    """Not a Balcony data file: not SQLite at all, or another program's database."""


class DataFileReadOnlyError(DataFileError):
    """The file or its folder cannot be written, or the file was opened read-only."""


class DataServerError(DataFileError):
    """A shared database server that cannot be reached or signed in to, or that holds
    something other than Balcony's tables."""


class ChangedElsewhereError(Exception):
    """Someone else changed (or deleted) the row being saved since it was read: on a shared
    database two people may edit the same day, and neither overwrites the other silently."""


class DataFileInUseError(DataFileError):
    """Another Balcony process is the file's writer; it may still be opened read-only."""

    def __init__(self, path: Path, holder_pid: int | None) -> None:
        who = f"process {holder_pid}" if holder_pid else "another process"
        super().__init__(
            path,
            f"This data file is open in another Balcony window ({who}).",
            "Bring that window forward, or open the file read-only.",
        )
        self.holder_pid = holder_pid


__all__ = [
    "ChangedElsewhereError",
    "DataFileDamagedError",
    "DataFileError",
    "DataFileInUseError",
    "DataFileLockedError",
    "DataFileNotOursError",
    "DataFileReadOnlyError",
    "DataFileTooNewError",
    "DataServerError",
]
