"""The archive file: one ZIP holding `archive.json`, written whole or not at all.

`archive.json` says what it is (`format`, `format_version`), which Balcony tables it was
written from (`schema_version`, as in storage/identity.py), when (`exported_at`), and holds
`tables`: for each table carried, its rows as objects of column → value (columns.py says how
each value is written). Reading checks everything before anything is imported, and refuses
a file in plain words (ArchiveFileError: the file, the problem, the fix).

Format 2 added the regional scheme's tables (scope.SCHEME_TABLES). An archive without them
(one of days) is still written as format 1, leaving them out, so a Balcony that reads only
format 1 still reads it; one of the scheme is format 2, which such a Balcony refuses as
written by a newer version rather than as damaged.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from sqlalchemy import Table
from sqlmodel import SQLModel

from facilitator.archive.columns import (
    ValueProblemError,
    default_of,
    from_text,
    has_default,
    to_text,
)
from facilitator.archive.scope import CARRIED_TABLES, RECORD_TABLES, SCHEME_TABLES
from facilitator.storage.files import make_owner_only, write_atomically
from facilitator.storage.identity import SCHEMA_VERSION

FORMAT_NAME = "balcony-day-archive"
FORMAT_VERSION = 2
MEMBER = "archive.json"

_NOT_OURS_FIX = "Choose a file made by `balcony archive export` (or Balcony's own archive)."
_DAMAGED_FIX = "Export the archive again from the computer it came from, and copy it whole."
# Ids kept without a foreign key: record rows name their day, session and authority this way.
ID_COLUMNS = {
    "recordversion": {"day_id": "day", "session_id": "session", "authority_id": "authority"},
    "recordstate": {
        "day_id": "day",
        "session_id": "session",
        "authority_id": "authority",
        "kept_version_id": "recordversion",
    },
}


class ArchiveFileError(Exception):
    """A file that cannot be read as an archive: which file, what is wrong, and what to do."""

    def __init__(self, path: Path, problem: str, fix: str) -> None:
        super().__init__(f"{path}: {problem} {fix}")
        self.path = path
        self.problem = problem
        self.fix = fix


@dataclass(frozen=True)
class Archive:
    """An archive's contents, checked: rows as stored values, keyed by column name."""

    format_version: int
    schema_version: int
    exported_at: dt.datetime
    tables: dict[str, list[dict[str, Any]]]

    def rows(self, table: str) -> list[dict[str, Any]]:
        return self.tables.get(table, [])


def table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def write_archive(
    path: Path,
    tables: dict[str, list[dict[str, Any]]],
    exported_at: dt.datetime,
    *,
    overwrite: bool = False,
) -> None:
    """Writes the archive to a temporary file beside `path`, then renames it into place: a
    failure leaves no half-written archive. The file is its owner's only (0600)."""
    scheme = any(tables.get(name) for name in SCHEME_TABLES)
    body = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION if scheme else 1,
        "schema_version": SCHEMA_VERSION,
        "exported_at": exported_at.isoformat(),
        "tables": {
            name: [
                {column.name: to_text(column, row[column.name]) for column in table(name).columns}
                for row in tables.get(name, [])
            ]
            for name in CARRIED_TABLES
            if scheme or name not in SCHEME_TABLES
        },
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr(MEMBER, json.dumps(body, ensure_ascii=False, indent=1))
    write_atomically(path, buffer.getvalue(), overwrite=overwrite)
    make_owner_only(path)


def read_archive(path: Path) -> Archive:
    """The archive at `path`, every row checked; ArchiveFileError saying what is wrong."""
    body = _body(path)

    def refuse(problem: str, fix: str = _DAMAGED_FIX) -> ArchiveFileError:
        return ArchiveFileError(path, problem, fix)

    if not isinstance(body, dict) or body.get("format") != FORMAT_NAME:
        raise refuse("This is not a Balcony day archive.", _NOT_OURS_FIX)
    version = body.get("format_version")
    schema = body.get("schema_version")
    if not _whole(version) or not _whole(schema) or version < 1 or schema < 1:
        raise refuse("This archive is damaged: it does not say which version it is.")
    assert isinstance(version, int)
    assert isinstance(schema, int)
    if version > FORMAT_VERSION or schema > SCHEMA_VERSION:
        raise refuse(
            "This archive was written by a newer version of Balcony "
            f"(archive format {version}, data version {schema}; this version reads up to "
            f"format {FORMAT_VERSION}, data version {SCHEMA_VERSION}).",
            "Update Balcony to import it. Nothing has been changed.",
        )
    try:
        exported_at = dt.datetime.fromisoformat(str(body.get("exported_at")))
    except ValueError:
        raise refuse("This archive is damaged: its export time cannot be read.") from None
    tables = body.get("tables")
    if not isinstance(tables, dict):
        raise refuse("This archive is damaged: it holds no tables.")
    unknown = sorted(set(tables) - set(CARRIED_TABLES))
    if unknown:
        raise refuse(
            f"This archive is damaged: it holds a table Balcony does not know ({unknown[0]})."
        )
    try:
        decoded = {name: _rows(name, tables.get(name, [])) for name in CARRIED_TABLES}
        _check_references(decoded)
    except ValueProblemError as exc:
        raise refuse(f"This archive is damaged: {exc}.") from None
    return Archive(version, schema, exported_at, decoded)


def _body(path: Path) -> Any:
    if not path.exists():
        raise ArchiveFileError(path, "There is no file here.", "Check the name and the folder.")
    if not path.is_file():
        raise ArchiveFileError(path, "This is a folder, not an archive.", _NOT_OURS_FIX)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArchiveFileError(
            path, f"The archive cannot be read ({exc.strerror}).", "Check you may read it."
        ) from exc
    if not data:
        raise ArchiveFileError(path, "This file is empty: it is not an archive.", _NOT_OURS_FIX)
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        if data.startswith(b"PK"):
            raise ArchiveFileError(
                path, "This archive is damaged or cut short: it cannot be opened.", _DAMAGED_FIX
            ) from None
        raise ArchiveFileError(path, "This is not a Balcony day archive.", _NOT_OURS_FIX) from None
    with package:
        names = set(package.namelist())
        if MEMBER not in names:
            what = "a Word document" if "word/document.xml" in names else "another kind of ZIP file"
            raise ArchiveFileError(
                path, f"This is {what}, not a Balcony day archive.", _NOT_OURS_FIX
            )
        try:
            return json.loads(package.read(MEMBER).decode("utf-8"))
        except (zipfile.BadZipFile, zlib.error, EOFError, UnicodeDecodeError, ValueError):
            # A bad CRC, a cut-short member or garbled JSON: the file was damaged on its way.
            raise ArchiveFileError(
                path, "This archive is damaged: its contents cannot be read.", _DAMAGED_FIX
            ) from None


def _whole(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _rows(name: str, rows: Any) -> list[dict[str, Any]]:
    if not isinstance(rows, list):
        raise ValueProblemError(f"its {name} table is not a list of rows")
    columns = list(table(name).columns)
    known = {column.name for column in columns}
    decoded: list[dict[str, Any]] = []
    keys: set[Any] = set()
    for number, row in enumerate(rows, start=1):
        where = f"row {number} of its {name} table"
        if not isinstance(row, dict):
            raise ValueProblemError(f"{where} is not a row of columns")
        extra = sorted(set(row) - known)
        if extra:
            raise ValueProblemError(f"{where} has a column Balcony does not know ({extra[0]})")
        values: dict[str, Any] = {}
        for column in columns:
            if column.name in row:
                try:
                    values[column.name] = from_text(column, row[column.name])
                except ValueProblemError as exc:
                    raise ValueProblemError(f"in {where}, {column.name} {exc}") from None
            elif has_default(column):  # a column added after the archive's Balcony
                values[column.name] = default_of(column)
            else:
                raise ValueProblemError(f"{where} lacks its {column.name}")
        key = values["record_key"] if name == "recordstate" else values.get("id")
        if key is None or key in keys:
            raise ValueProblemError(f"{where} has no id of its own, or the id of another row")
        keys.add(key)
        decoded.append(values)
    return decoded


def links(name: str) -> dict[str, str]:
    """Column → the table whose id it holds: the foreign keys, and a record's kept ids."""
    found = {
        column.name: key.column.table.name
        for column in table(name).columns
        for key in column.foreign_keys
    }
    found.update(ID_COLUMNS.get(name, {}) if name in RECORD_TABLES else {})
    return found


def remapped(name: str, row: dict[str, Any], ids: dict[str, dict[Any, Any]]) -> dict[str, Any]:
    """`row` with each id it holds (links) changed to the new id `ids` gives that row."""
    values = dict(row)
    for column, target in links(name).items():
        if values[column] is not None:
            values[column] = ids[target][values[column]]
    return values


def _check_references(tables: dict[str, list[dict[str, Any]]]) -> None:
    """Every id a row names is a row of the archive."""
    ids = {name: {row.get("id") for row in rows} for name, rows in tables.items()}
    for name, rows in tables.items():
        for number, row in enumerate(rows, start=1):
            for column_name, target in links(name).items():
                value = row[column_name]
                if value is not None and value not in ids.get(target, set()):
                    raise ValueProblemError(
                        f"row {number} of its {name} table names {target} {value} "
                        f"({column_name}), which is not in the archive"
                    )
