"""Refusing to write over a file another program has open (Word, most likely).

write_atomically (storage/files.py) already keeps the previous file whole on any failure;
this adds the check Windows users need: Word's owner file ("~$…") beside the target, or a
target that cannot be opened for writing. (A candidate for files.py itself.)
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from facilitator.storage.files import WriteError


def word_lock_files(path: Path) -> list[Path]:
    """Where Word puts its owner file ("~$…") while `path` is open in it.

    Word keeps names of up to six characters (before the extension) whole, drops the first
    character of a seven-character name and the first two of longer ones.
    """
    name, stem = path.name, path.stem
    names = {f"~${name}"}
    if len(stem) == 7:
        names.add(f"~${name[1:]}")
    elif len(stem) >= 8:
        names.add(f"~${name[2:]}")
    return [path.with_name(n) for n in sorted(names)]


def refuse_if_open(path: Path) -> None:
    """WriteError if another program (Word, most likely) has `path` open."""
    path = Path(path)
    message = (
        f"{path} is open in another program (Word?). Close it and try again; "
        "the previous file is unchanged."
    )
    if any(lock.exists() for lock in word_lock_files(path)):
        raise WriteError(message)
    if not path.is_file():
        return
    if not os.access(path, os.W_OK):
        raise WriteError(
            f"{path} is read-only. Choose another name, or make the file writable and try "
            "again; the previous file is unchanged."
        )
    try:
        with path.open("r+b"):
            pass  # Windows refuses this while Word holds the file; nothing is written
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY):
            raise WriteError(message) from exc
        raise WriteError(
            f"{path} cannot be opened ({exc.strerror}). Close it in any other program and try "
            "again; the previous file is unchanged."
        ) from exc
