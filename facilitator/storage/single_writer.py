"""One writer per data file: a lock file beside it, held by the Balcony process writing it.

Two processes writing one SQLite file do not corrupt it, but they do overwrite each other's
work (two consoles, two turn orders), so a second Balcony is refused or opens it read-only.

The lock is `<data file>.lock`, locked with `flock` (POSIX) or `msvcrt.locking` (Windows). The
operating system drops that lock when the process dies, however it dies, so a lock left by a
killed process never blocks: the pid written inside is only there to say who holds it.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

LOCK_SUFFIX = ".lock"
# Windows locks are mandatory: lock a byte far past the pid so others can still read who holds it.
_WINDOWS_LOCK_OFFSET = 1 << 20


class WriterLockHeldError(Exception):
    """Another process holds the writer lock of a data file."""

    def __init__(self, data_path: Path, holder_pid: int | None) -> None:
        super().__init__(f"{data_path} is being written by process {holder_pid or 'unknown'}")
        self.data_path = data_path
        self.holder_pid = holder_pid


def lock_path_for(data_path: Path) -> Path:
    return data_path.with_name(data_path.name + LOCK_SUFFIX)


class WriterLock:
    """The claim of one process on one data file, until `release()` (or the process ends)."""

    def __init__(self, data_path: Path, lock_path: Path, fd: int) -> None:
        self.data_path = data_path
        self.lock_path = lock_path
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        # Removed while still locked: whoever opens the old file next sees it is gone (see
        # `_still_at`) and starts again with a new one, so two processes never both hold it.
        with contextlib.suppress(OSError):
            if _still_at(fd, self.lock_path):
                self.lock_path.unlink()
        _unlock(fd)
        os.close(fd)

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *_: object) -> None:
        self.release()


def claim(data_path: Path) -> WriterLock:
    """Takes the writer lock of `data_path` or raises WriterLockHeldError, without waiting.

    Raises OSError if the lock file cannot be created (a read-only folder, say).
    """
    data_path = Path(data_path)
    lock_path = lock_path_for(data_path)
    while True:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if os.name == "posix":
                # The mode given to os.open is cut by the umask; the lock must not be readable
                # by others either, as it says which files the user is working on.
                os.fchmod(fd, 0o600)
            if not _try_lock(fd):
                raise WriterLockHeldError(data_path, _read_pid(fd))
            if not _still_at(fd, lock_path):
                # The holder removed it between our open and our lock: try the new one.
                _unlock(fd)
                os.close(fd)
                continue
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        except BaseException:
            with contextlib.suppress(OSError):
                os.close(fd)
            raise
        return WriterLock(data_path, lock_path, fd)


def holder_of(data_path: Path) -> int | None:
    """The pid written in the lock file, if it is locked now; None if nobody holds it."""
    lock_path = lock_path_for(Path(data_path))
    try:
        fd = os.open(lock_path, os.O_RDONLY if os.name == "posix" else os.O_RDWR)
    except OSError:
        return None
    try:
        if _try_lock(fd):
            _unlock(fd)
            return None
        return _read_pid(fd)
    finally:
        os.close(fd)


def _still_at(fd: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except OSError:
        return False
    mine = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0) if hasattr(os, "pread") else _read_from_start(fd)
        return int(text.decode("ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def _read_from_start(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 32)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
