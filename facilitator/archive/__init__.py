"""Day archives: a day's data (or a cycle's, or everything: every day, the pool and the
reviews, scheme.py) moved whole between data files, through one archive file (format.py),
with conflicts settled by the user (conflicts.py)."""

from facilitator.archive.conflicts import ArchiveConflictError, Keep
from facilitator.archive.format import ArchiveFileError
from facilitator.archive.gather import ArchiveSummary, export_archive
from facilitator.archive.placing import ImportSummary, import_archive
from facilitator.archive.scope import DayKey, DayLabel, ReviewKey, ReviewLabel

__all__ = [
    "ArchiveConflictError",
    "ArchiveFileError",
    "ArchiveSummary",
    "DayKey",
    "DayLabel",
    "ImportSummary",
    "Keep",
    "ReviewKey",
    "ReviewLabel",
    "export_archive",
    "import_archive",
]
