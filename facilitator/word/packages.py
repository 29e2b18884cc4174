"""Word files from outside Balcony, checked before python-docx reads them.

A .docx is a zip: its size on disk says nothing about what it inflates to. A returned copy of
4 MB once held a part that inflated to 4 GB and took 8 GB of memory before it was refused, so
every .docx or template Balcony reads passes through here first. The checks read only the
zip's central directory (what each part claims to be), never a part itself, so they take
milliseconds whatever the file holds.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from collections.abc import Iterable
from pathlib import Path

MAX_FILE_BYTES = 50 * 1024 * 1024  # on disk: a long report with a logo is well under 5 MB
MAX_MAIN_PART_BYTES = 50 * 1024 * 1024  # word/document.xml, inflated
MAX_PART_BYTES = 20 * 1024 * 1024  # any other part, inflated
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # every part checked, inflated
MAX_PARTS = 2_000
MAX_RATIO = 100  # real Word XML compresses about 10:1; zeros compress 1,000:1
RATIO_FLOOR = 1024 * 1024  # small parts may compress as well as they like

MAIN_PART = "word/document.xml"


class PackageError(ValueError):
    """A Word file Balcony will not open; the message names the file, the cause and the fix."""


def read_word_file(path: Path, fix: str, *, check_parts: bool = True) -> bytes:
    """The bytes of the .docx or template at `path`, once it is known to be a regular file
    of a sane size whose parts (unless not `check_parts`) inflate to sane sizes. `fix` ends
    every refusal."""
    path = Path(path)
    try:
        found = path.stat()
    except OSError as exc:
        raise PackageError(f"{path.name} cannot be read ({exc.strerror}). {fix}") from exc
    if not stat.S_ISREG(found.st_mode):
        # A pipe or a device would block or never end; a folder is a slip of the dialog.
        raise PackageError(f"{path.name} is not a file (it is a folder or a device). {fix}")
    if found.st_size > MAX_FILE_BYTES:
        raise PackageError(
            f"{path.name} is {found.st_size / 1024 / 1024:,.0f} MB, far larger than any Word "
            f"file Balcony reads (at most {MAX_FILE_BYTES // 1024 // 1024} MB). {fix}"
        )
    try:
        # O_NONBLOCK: should the file be swapped for a pipe since the check, do not hang.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(handle, "rb") as source:
            if not stat.S_ISREG(os.fstat(source.fileno()).st_mode):
                raise PackageError(f"{path.name} is not a file. {fix}")
            data = source.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise PackageError(
            f"{path.name} cannot be read ({exc.strerror}). Check it is not open in another "
            f"program and that you may read it. {fix}"
        ) from exc
    if len(data) > MAX_FILE_BYTES:
        raise PackageError(f"{path.name} grew past {MAX_FILE_BYTES // 1024 // 1024} MB. {fix}")
    if check_parts:
        check_package(data, path.name, fix)
    return data


def open_package(data: bytes, name: str, fix: str) -> zipfile.ZipFile:
    """The zip in `data`, its directory read but none of its parts; PackageError if it is
    not a zip or has more parts than any Word file."""
    if len(data) > MAX_FILE_BYTES:
        raise PackageError(
            f"{name} is {len(data) / 1024 / 1024:,.0f} MB, far larger than any Word file "
            f"Balcony reads. {fix}"
        )
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise PackageError(
            f"{name} cannot be read: It is not a Word .docx document, or it is damaged. {fix}"
        ) from exc
    count = len(package.infolist())
    if count > MAX_PARTS:
        package.close()
        raise PackageError(
            f"{name} has {count:,} parts inside it; a Word file has a few dozen "
            f"(at most {MAX_PARTS:,} are read). {fix}"
        )
    return package


def check_package(data: bytes, name: str, fix: str) -> None:
    """PackageError unless every part of the .docx in `data` inflates to a sane size."""
    with open_package(data, name, fix) as package:
        check_sizes(package.infolist(), name, fix)


def check_sizes(parts: Iterable[zipfile.ZipInfo], name: str, fix: str) -> None:
    """PackageError naming the first part that claims too much, or the total; from the zip
    directory only. A part that lies about its size fails its CRC when read instead."""
    total = 0
    for info in parts:
        size = info.file_size
        limit = MAX_MAIN_PART_BYTES if info.filename == MAIN_PART else MAX_PART_BYTES
        if size > limit:
            raise PackageError(
                f"{name} has a part ({info.filename}) that unpacks to {_mb(size)}, more than "
                f"the {_mb(limit)} Balcony allows: it may be a damaged or hostile file. {fix}"
            )
        if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
            raise PackageError(
                f"{name} has a part ({info.filename}) that unpacks from "
                f"{info.compress_size:,} bytes to {_mb(size)}, which no Word file does: "
                f"it may be a damaged or hostile file. {fix}"
            )
        total += size
        if total > MAX_TOTAL_BYTES:
            raise PackageError(
                f"{name} unpacks to more than {_mb(MAX_TOTAL_BYTES)}, far more than any Word "
                f"file Balcony reads. {fix}"
            )


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f} MB"
