"""Writing files the user asked for, safely: a temporary file renamed into place."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


class WriteError(OSError):
    """A file could not be written; the message names the file, the cause and the fix."""


def write_atomically(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Writes `data` to `path` so that a failure leaves any previous file untouched."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise WriteError(
            f"{path} already exists. Choose another name, or confirm that it may be replaced."
        )
    if path.is_dir():
        raise WriteError(f"{path} is a folder. Choose a file name inside it.")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriteError(_explain(path, exc)) from exc
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise WriteError(_explain(path, exc)) from exc


def _explain(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return f"{path} could not be written: the disk is full. Free some space and try again."
    if exc.errno in (errno.EACCES, errno.EPERM):
        return (
            f"{path} could not be written: permission denied, or the file is open in "
            "another program. Close it there, or choose another folder."
        )
    if exc.errno == errno.ENOENT:
        return f"{path} could not be written: the folder does not exist. Choose another folder."
    if exc.errno == errno.EROFS:
        return f"{path} could not be written: the disk is read-only. Choose another folder."
    return f"{path} could not be written ({exc.strerror}). Choose another folder and try again."


# Read and written by this user only: the data file holds what people said in confidence.
OWNER_ONLY_FILE = 0o600
OWNER_ONLY_FOLDER = 0o700


def make_owner_only(path: Path) -> None:
    """Takes group and others' access away from `path` (POSIX; nothing elsewhere).

    Only access is taken away, never given: a file the user made read-only stays read-only.
    A file someone else owns is left alone, as only its owner may change it.
    """
    if os.name != "posix":
        return
    try:
        status = os.stat(path)
        # Never a device or pipe: /dev/null made owner-only would break every other program.
        if not (stat.S_ISREG(status.st_mode) or stat.S_ISDIR(status.st_mode)):
            return
        if status.st_uid != os.geteuid():
            return
        mode = status.st_mode & 0o777
        if mode & 0o077:
            os.chmod(path, mode & 0o700)
    except OSError:
        pass


def create_owner_only_file(path: Path) -> bool:
    """Creates an empty `path` readable by its owner only; False if it already exists.

    The mode is set again after creation because the one given to open() is cut by the umask.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY_FILE)
    except FileExistsError:
        return False
    try:
        if os.name == "posix":
            os.fchmod(fd, OWNER_ONLY_FILE)
    finally:
        os.close(fd)
    return True


def create_owner_only_folders(folder: Path) -> None:
    """Creates `folder` and any missing parents, each one 0700; existing ones are left as they
    are (the user's own folder, or /tmp, is not ours to change)."""
    missing: list[Path] = []
    probe = Path(folder)
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for each in reversed(missing):
        try:
            each.mkdir(mode=OWNER_ONLY_FOLDER)
        except FileExistsError:
            continue
        if os.name == "posix":
            os.chmod(each, OWNER_ONLY_FOLDER)


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a pipe"),
    (stat.S_ISSOCK, "a socket"),
)


def special_kind(mode: int) -> str | None:
    """What a path of this `st_mode` is if it is not an ordinary file: "a folder", "a device"..."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "a special file")


def files_beside(path: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """The files named `path` + each suffix that exist."""
    return [
        beside
        for beside in (path.with_name(path.name + suffix) for suffix in suffixes)
        if beside.exists()
    ]


def nearest_existing_folder(path: Path) -> Path:
    """`path` if it exists, else its nearest parent that does."""
    while not path.exists() and path != path.parent:
        path = path.parent
    return path
