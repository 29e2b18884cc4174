"""On a shared database, the day-start and day-end backups are archives of that day, kept
on this computer: the counterpart of a data file's backups (storage/backups.py).

A data file is backed up whole with SQLite's online backup. A shared database is not this
computer's to copy whole (the server's own backups, pg_dump, guard it), but the facilitator
still wants the day as it stood when it started and when it ended, with every word typed,
even if someone later changes or deletes it on the server. Each snapshot is an archive of
the one day; `balcony archive import FILE --keep theirs` (or File ▸ Import an archive…)
puts it back.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from facilitator.common.clock import Clock
from facilitator.storage.database import Database

DEFAULT_KEEP_PER_DAY = 6
_STAMP = "%Y-%m-%dT%H-%M-%SZ"
_NAME = re.compile(r"^day-(?P<day>\d+)-(?P<stamp>[0-9T:-]+Z)-(?P<slug>[a-z-]+)\.balcony$")


@dataclass(frozen=True)
class Snapshot:
    path: Path
    day_id: int
    when: dt.datetime  # aware, UTC
    reason: str


class DaySnapshots:
    """Archives of single days of the database `db`, in `folder` (one per database)."""

    def __init__(
        self, db: Database, folder: Path, clock: Clock, *, keep: int = DEFAULT_KEEP_PER_DAY
    ) -> None:
        self._db, self.folder, self._clock, self.keep = db, Path(folder), clock, keep

    def take(self, day_id: int, reason: str) -> Snapshot:
        """Archives the day as it stands now; the oldest of its snapshots past `keep` go."""
        from facilitator.archive.gather import export_archive

        now = self._clock.wall_now().astimezone(dt.UTC).replace(microsecond=0)
        slug = re.sub(r"[^a-z]+", "-", reason.lower()).strip("-") or "snapshot"
        target = self.folder / f"day-{day_id}-{now.strftime(_STAMP)}-{slug}.balcony"
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        export_archive(self._db, target, day_id=day_id, now=now, overwrite=True)
        self._prune(day_id)
        return Snapshot(target, day_id, now, reason)

    def list(self, day_id: int | None = None) -> list[Snapshot]:
        """The snapshots kept (of one day, or of every day), newest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.iterdir():
            match = _NAME.match(path.name)
            if match is None or (day_id is not None and int(match["day"]) != day_id):
                continue
            when = dt.datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=dt.UTC)
            found.append(Snapshot(path, int(match["day"]), when, match["slug"].replace("-", " ")))
        return sorted(found, key=lambda s: (s.when, s.path.name), reverse=True)

    def _prune(self, day_id: int) -> None:
        for old in self.list(day_id)[self.keep :]:
            old.path.unlink(missing_ok=True)


def snapshot_folder(data_folder: Path, server_name: str) -> Path:
    """Where a database's snapshots live on this computer: one folder per server address."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", server_name).strip("_") or "server"
    return data_folder / "server-snapshots" / safe
