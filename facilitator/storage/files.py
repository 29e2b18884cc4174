"""Writing files the user asked for, safely: a temporary file renamed into place."""

from __future__ import annotations

import errno
import os
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
