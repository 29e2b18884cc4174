"""Read an imported file's bytes safely: a regular file only, and never more than a limit.

`/dev/zero`, a named pipe or a directory chosen by mistake in a file dialog (or given on the
command line) would otherwise be read until memory runs out, or block for ever. So the file
is opened without waiting (a pipe with no writer opens at once), looked at with fstat before
any byte is read, and read with a bounded read that stops one byte past the limit. It lives in
the lowest layer so that question banks and schedules are read the same way.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# Not on Windows, where a pipe cannot be opened by path like a file anyway.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class FileRefusedError(ValueError):
    """A file that was not read: not a regular file, or too big. `problem` says why and what
    to do, in words that follow the file's `name` ("bank.toml: it is a folder, …")."""

    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        self.problem = problem
        super().__init__(f"{name}: {problem}")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not an ordinary file"


def _refuse_kind(name: str, mode: int, what: str) -> FileRefusedError:
    return FileRefusedError(
        name,
        f"it is {_kind(mode)}, not a file, so it cannot be a {what}. "
        f"Choose the {what} file itself, saved on disk.",
    )


def _refuse_size(name: str, size: int | None, limit: int, what: str) -> FileRefusedError:
    found = f"{size / 1_000_000:.1f} MB" if size is not None else "more than that"
    return FileRefusedError(
        name,
        f"the file is {found}; a {what} can be at most {limit / 1_000_000:g} MB. "
        "Check that this is the right file, or split it into smaller files.",
    )


def read_limited(path: str | Path, limit: int, what: str) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them.

    FileRefusedError (naming the file, saying what `what` - "question bank", "schedule" -
    must be) for a folder, pipe, device or socket, or a file over `limit` bytes; OSError
    when the file cannot be opened at all (missing, no permission).
    """
    file = Path(path)
    name = file.name or str(file)
    # A stat before opening refuses a folder or device without touching it.
    mode = os.stat(file).st_mode
    if not stat.S_ISREG(mode):
        raise _refuse_kind(name, mode, what)
    descriptor = os.open(file, _OPEN_FLAGS)
    with os.fdopen(descriptor, "rb", buffering=0) as stream:
        # Checked again on what was opened: the path may have been swapped in between.
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise _refuse_kind(name, status.st_mode, what)
        if status.st_size > limit:
            raise _refuse_size(name, status.st_size, limit, what)
        chunks: list[bytes] = []
        remaining = limit + 1  # one byte more than allowed tells a file that grew
        while remaining > 0:
            chunk = stream.read(min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    if remaining <= 0:
        raise _refuse_size(name, None, limit, what)
    return b"".join(chunks)
