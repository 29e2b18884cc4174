"""Rolling backups of the data file, taken with SQLite's online backup API.

The backup API copies a consistent snapshot even while the app (or anything else) holds the
file open or is half-way through a write, which a plain file copy of a WAL database cannot
promise. Each backup is a standalone SQLite file named by when it was taken and why.
"""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from facilitator.common.clock import Clock
from facilitator.common.events import Event
from facilitator.storage.database import APPLICATION_ID, SCHEMA_VERSION, Database

log = logging.getLogger(__name__)

DAY_STARTED = "day started"
DAY_ENDED = "day ended"
WHILE_RUNNING = "while running"
BEFORE_RESTORE = "before restore"
# The newest backup of each of these is kept past the rolling limit: they mark the moments
# someone would most want to go back to.
MILESTONES = (DAY_STARTED, DAY_ENDED, BEFORE_RESTORE)

DEFAULT_KEEP = 20
DEFAULT_INTERVAL = dt.timedelta(minutes=5)

_STAMP = "%Y-%m-%dT%H-%M-%SZ"
_NAME = re.compile(
    r"^balcony-(?P<stamp>\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ)-(?P<slug>[a-z]+(?:-[a-z]+)*)"
    r"(?:-(?P<count>\d+))?\.sqlite$"
)


class BackupError(Exception):
    """A backup that could not be taken or restored; the message says what to do."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    when: dt.datetime  # aware, UTC
    reason: str
    size: int
    count: int = 1  # tells apart backups taken within the same second
    days: int | None = None  # None when the file could not be read
    notes: int | None = None

    @property
    def order(self) -> tuple[dt.datetime, int]:
        return (self.when, self.count)


class Backups:
    def __init__(
        self,
        source: Database | Path,
        folder: Path,
        clock: Clock,
        *,
        keep: int = DEFAULT_KEEP,
        interval: dt.timedelta = DEFAULT_INTERVAL,
    ) -> None:
        path = source.path if isinstance(source, Database) else Path(source)
        if path is None:
            raise ValueError("an in-memory database has no file to back up")
        self.source = path
        self.folder = Path(folder)
        self.keep = keep
        self.interval = interval
        self._clock = clock
        # Announces the data file replaced, so whatever remembers what it read can forget.
        self.restored: Event[Path] = Event()

    # taking ---------------------------------------------------------------------------

    def take(self, reason: str) -> BackupInfo:
        """Backs up the data file now, then drops the oldest beyond the rolling limit."""
        info = self._copy_out(self.source, reason)
        self.prune(self.keep)
        return info

    def due(self, now: dt.datetime) -> bool:
        """Whether the every-few-minutes backup should be taken at `now`."""
        newest = self.list(contents=False)
        if not newest:
            return True
        age = now - newest[0].when
        # A wall clock put back (a time-zone change, a corrected clock) must not stop
        # backups until it catches up again: a backup "from the future" counts as stale.
        return age >= self.interval or age < dt.timedelta(0)

    # reading --------------------------------------------------------------------------

    def list(self, *, contents: bool = True) -> builtins.list[BackupInfo]:
        """Every backup in the folder, newest first. Files not named by us are ignored."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.iterdir():
            match = _NAME.match(path.name)
            if match is None or not path.is_file():
                continue
            when = dt.datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=dt.UTC)
            info = BackupInfo(
                path=path,
                when=when,
                reason=match["slug"].replace("-", " "),
                size=path.stat().st_size,
                count=int(match["count"] or 1),
            )
            if contents:
                info = _with_contents(info)
            found.append(info)
        return sorted(found, key=lambda x: x.order, reverse=True)

    def prune(self, keep: int) -> builtins.list[Path]:
        """Removes the oldest backups beyond `keep`, sparing the newest of each milestone."""
        backups = self.list(contents=False)
        spared = {x.path for x in backups[:keep]}
        for reason in MILESTONES:
            newest = next((x for x in backups if x.reason == reason), None)
            if newest is not None:
                spared.add(newest.path)
        removed = []
        for info in reversed(backups):  # oldest first
            if info.path not in spared:
                with contextlib.suppress(FileNotFoundError):
                    info.path.unlink()
                removed.append(info.path)
        return removed

    # restoring ------------------------------------------------------------------------

    def restore(self, backup: BackupInfo | Path, target: Path | None = None) -> BackupInfo:
        """Replaces the data at `target` (the data file by default) with `backup`.

        The current data is backed up first, as "before restore", so a restore can itself be
        undone. The copy goes through the backup API into the live file, so connections the
        app holds open see the restored data on their next read; the app should still rebuild
        what it shows, since nothing it has read before is true any more.
        Returns the "before restore" backup.
        """
        source = backup.path if isinstance(backup, BackupInfo) else Path(backup)
        target = Path(target) if target is not None else self.source
        _check_restorable(source)
        kept = self._copy_out(target, BEFORE_RESTORE)
        try:
            src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            try:
                dst = sqlite3.connect(target, timeout=5)
                try:
                    src.backup(dst)
                finally:
                    dst.close()
            finally:
                src.close()
        except sqlite3.Error as exc:
            raise BackupError(
                f"The backup could not be restored ({exc}). Your data is as it was, and is "
                f"also kept as the backup {kept.path.name}."
            ) from exc
        # Pruned only now, so the backup being restored cannot be removed before it is read.
        self.prune(self.keep)
        self.restored.emit(target)
        return kept

    # helpers --------------------------------------------------------------------------

    def _copy_out(self, source: Path, reason: str) -> BackupInfo:
        when = self._clock.wall_now().astimezone(dt.UTC).replace(microsecond=0)
        slug = re.sub(r"[^a-z]+", "-", reason.lower()).strip("-") or "backup"
        self._make_folder()
        count = 1
        final = self.folder / f"balcony-{when.strftime(_STAMP)}-{slug}.sqlite"
        while final.exists():
            count += 1
            final = self.folder / f"balcony-{when.strftime(_STAMP)}-{slug}-{count}.sqlite"
        # A hidden partial name, renamed into place only once complete and checked: a
        # half-written backup never shows in the list, and never replaces a good one.
        partial = self.folder / f".{final.name}.partial"
        try:
            _backup_file(source, partial)
            os.replace(partial, final)
        except (OSError, sqlite3.Error) as exc:
            with contextlib.suppress(OSError):
                partial.unlink()
            raise BackupError(
                f"A backup of {source} could not be written to {self.folder} ({exc})."
            ) from exc
        return BackupInfo(final, when, slug.replace("-", " "), final.stat().st_size, count)

    def _make_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        # The backups hold the same personal notes as the data file: only its owner reads them.
        os.chmod(self.folder, 0o700)


def _backup_file(source: Path, target: Path) -> None:
    # Created empty with owner-only access before SQLite opens it, so it is never readable
    # by others even for a moment.
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    os.chmod(target, 0o600)
    if not source.is_file():
        raise FileNotFoundError(f"there is no data file at {source}")
    # Read-write, though only read: a read-only connection cannot open a WAL file whose
    # shared-memory index is gone, as it is once the app has closed the file.
    src = sqlite3.connect(source, timeout=5)
    try:
        dst = sqlite3.connect(target)
        try:
            # One step (pages=-1): a single read snapshot, so writes made elsewhere while
            # copying cannot mix into it.
            src.backup(dst)
            # A standalone file: no -wal or -shm beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
            result = dst.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise sqlite3.DatabaseError(f"the copy failed its check: {result}")
        finally:
            dst.close()
    finally:
        src.close()


def _check_restorable(path: Path) -> None:
    """Refuses a file that is damaged, not ours, or from another version of the data."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BackupError(
            f"The backup {path.name} cannot be read ({exc}). Choose another."
        ) from exc
    if check != "ok" or app_id != APPLICATION_ID:
        raise BackupError(f"The backup {path.name} is damaged or not Balcony's. Choose another.")
    if version != SCHEMA_VERSION:
        raise BackupError(
            f"The backup {path.name} holds data version {version}; this version of Balcony "
            f"restores only version {SCHEMA_VERSION}. Choose a newer backup."
        )


def _with_contents(info: BackupInfo) -> BackupInfo:
    """Counts of days and notes, cheap enough to show beside each backup."""
    try:
        conn = sqlite3.connect(f"file:{info.path}?mode=ro", uri=True)
        try:
            days = conn.execute("SELECT count(*) FROM day").fetchone()[0]
            notes = conn.execute("SELECT count(*) FROM note").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return info
    return BackupInfo(info.path, info.when, info.reason, info.size, info.count, days, notes)
