"""Importing the pool from CSV: one row per expression of interest, the form's boxes as
columns. All or nothing: a file with any bad row adds nobody, and every problem is told as
"Row N, Column: what is wrong and how to put it right".

Columns (headers in any case, in any order; only Name and Local authority are required):
Name, Local authority, Current position, Expertise, Roles applied, Roles approved,
Sponsor DCS, Approved on, Training attended, Email, Telephone. Expertise and the roles are
lists separated by semicolons; dates are dd/mm/yyyy.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from facilitator.pool.people import (
    SEPARATOR,
    ChallengerDetails,
    ChallengerView,
    Expertise,
    PoolInputError,
    Role,
    checked,
)
from facilitator.pool.service import Pool
from facilitator.schedule.cells import CellError, decode_schedule, parse_date
from facilitator.schedule.import_files import nothing_imported, read_import_file
from facilitator.schedule.rows import RowError, extra_cells

# A region's pool is some dozens of people, a few hundred at most.
MAX_ROWS = 2000
MAX_POOL_BYTES = 2_000_000


class Column(StrEnum):
    NAME = "Name"
    AUTHORITY = "Local authority"
    POSITION = "Current position"
    EXPERTISE = "Expertise"
    ROLES_APPLIED = "Roles applied"
    ROLES_APPROVED = "Roles approved"
    SPONSOR = "Sponsor DCS"
    APPROVED_ON = "Approved on"
    TRAINING = "Training attended"
    EMAIL = "Email"
    TELEPHONE = "Telephone"


REQUIRED = (Column.NAME, Column.AUTHORITY)
# Where each field of an entry comes from, to name the column of a problem the entry has.
FIELD_COLUMNS = {
    "name": Column.NAME,
    "authority": Column.AUTHORITY,
    "position": Column.POSITION,
    "email": Column.EMAIL,
    "telephone": Column.TELEPHONE,
    "other_expertise": Column.EXPERTISE,
    "roles_approved": Column.ROLES_APPROVED,
    "sponsor_dcs": Column.SPONSOR,
    "training": Column.TRAINING,
}
T = TypeVar("T")
# A date written inside the training cell ("PCR training, 23/01/2012").
_DATE_IN_TEXT = re.compile(r"\b[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}\b")
_OTHER = re.compile(r"^other\b\s*(?:\(please specify\))?\s*[:(–-]?\s*(.*?)\)?$", re.IGNORECASE)


@dataclass(frozen=True)
class PoolImport:
    """What an import did: the people added, or every problem that stopped it."""

    source: str
    added: tuple[ChallengerView, ...] = ()
    errors: tuple[RowError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def summary(self) -> str:
        if self.errors:
            return nothing_imported(len(self.errors), self.source)
        count = len(self.added)
        return f"Imported {count} {'person' if count == 1 else 'people'} into the pool."


def import_pool_file(pool: Pool, path: Path | str) -> PoolImport:
    """Reads, checks and (only if every row is sound) adds a file of people to the pool."""
    path = Path(path)
    name = path.name or str(path)
    data = read_import_file(path, MAX_POOL_BYTES, "pool list")
    if isinstance(data, RowError):
        return PoolImport(name, errors=(data,))
    known = {person.details.key: person.id for person in pool.people()}
    result = parse_pool(data, known)
    if isinstance(result, list):
        return PoolImport(name, errors=tuple(result))
    try:
        added = pool.add_all([details for _, details in result])
    except PoolInputError as exc:  # the rows were checked already; a safety net
        return PoolImport(name, errors=(RowError(None, "", str(exc)),))
    return PoolImport(name, added=added)


def parse_pool(
    data: bytes, known: Mapping[tuple[str, str], int]
) -> tuple[tuple[int, ChallengerDetails], ...] | list[RowError]:
    """Each row's entry (with its row number), or (a list) every problem in the file. `known` maps
    the (name, authority) keys of people already in the pool to their ids."""
    try:
        records = _records(decode_schedule(data))
    except CellError as exc:
        return [RowError(exc.line, "", str(exc))]
    records = [(n, r) for n, r in records if any(cell.strip() for cell in r)]
    if not records:
        return [
            RowError(None, "", "The file is empty: it needs a header row and a row per person.")
        ]
    (header_row, header), *rows = records
    if len(rows) > MAX_ROWS:
        return [
            RowError(
                None,
                "",
                f"The file has {len(rows):,} rows; a pool file can have at most {MAX_ROWS:,}. "
                "Check that this is the pool, or split it into smaller files.",
            )
        ]
    columns, errors = _header(header_row, header)
    if errors:
        return errors
    if not rows:
        return [RowError(None, "", "The file has a header row but no people under it.")]
    entries: list[tuple[int, ChallengerDetails]] = []
    first_row: dict[tuple[str, str], int] = {}
    for row, record in rows:
        if (extra := extra_cells(row, record, len(header))) is not None:
            errors.append(extra)
            continue
        cells = {c: record[i].strip() if i < len(record) else "" for c, i in columns.items()}
        result = _entry(row, cells)
        if isinstance(result, list):
            errors += result
            continue
        if (person_id := known.get(result.key)) is not None:
            errors.append(
                _repeat(
                    row,
                    result,
                    f"is already in the pool (id {person_id})",
                    "delete the row, or edit the entry in Balcony",
                )
            )
        elif (earlier := first_row.get(result.key)) is not None:
            errors.append(_repeat(row, result, f"is also on row {earlier}", "keep one of the rows"))
        else:
            first_row[result.key] = row
            entries.append((row, result))
    return errors if errors else tuple(entries)


def _records(text: str) -> list[tuple[int, list[str]]]:
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        return list(enumerate(reader, start=1))
    except csv.Error as exc:
        raise CellError(f"The file cannot be read as CSV ({exc}).") from exc


def _header(row: int, header: list[str]) -> tuple[dict[Column, int], list[RowError]]:
    by_title = {column.value.casefold(): column for column in Column}
    columns: dict[Column, int] = {}
    errors: list[RowError] = []
    expected = ", ".join(column.value for column in Column)
    for index, title in enumerate(header):
        key = " ".join(title.split()).casefold()
        if not key:
            continue
        column = by_title.get(key)
        if column is None:
            errors.append(
                RowError(row, title.strip(), f"This is not a column Balcony knows: use {expected}.")
            )
        elif column in columns:
            errors.append(
                RowError(row, column.value, "This column is in the header twice: keep one.")
            )
        else:
            columns[column] = index
    for column in REQUIRED:
        if column not in columns:
            errors.append(RowError(row, column.value, "The header has no such column: add it."))
    return columns, errors


def _entry(row: int, cells: Mapping[Column, str]) -> ChallengerDetails | list[RowError]:
    errors: list[RowError] = []

    def read(column: Column, reader: Callable[[str], T], empty: T) -> T:
        text = cells.get(column, "")
        if not text:
            return empty
        try:
            return reader(text)
        except CellError as exc:
            errors.append(RowError(row, column.value, str(exc)))
            return empty

    name = cells.get(Column.NAME, "")
    if not name:
        errors.append(
            RowError(row, Column.NAME.value, "The name is empty: type the person’s name.")
        )
    if not cells.get(Column.AUTHORITY, ""):
        errors.append(
            RowError(
                row,
                Column.AUTHORITY.value,
                "The local authority is empty: type the council the person works for.",
            )
        )
    no_areas: tuple[tuple[Expertise, ...], str] = ((), "")
    no_roles: tuple[Role, ...] = ()
    expertise = read(Column.EXPERTISE, _expertise, no_areas)
    applied = read(Column.ROLES_APPLIED, _roles, no_roles)
    approved = read(Column.ROLES_APPROVED, _roles, no_roles)
    approved_on = read(Column.APPROVED_ON, parse_date, None)
    training = cells.get(Column.TRAINING, "")
    trained_on = read(Column.TRAINING, _training_date, None)
    if errors:
        return errors
    details = ChallengerDetails(
        name=name,
        authority=cells.get(Column.AUTHORITY, ""),
        position=cells.get(Column.POSITION, ""),
        email=cells.get(Column.EMAIL, ""),
        telephone=cells.get(Column.TELEPHONE, ""),
        expertise=expertise[0],
        other_expertise=expertise[1],
        roles_applied=applied,
        roles_approved=approved,
        sponsor_dcs=cells.get(Column.SPONSOR, ""),
        approved_on=approved_on,
        training=training,
        trained_on=trained_on,
    )
    try:
        return checked(details)
    except PoolInputError as exc:
        column = FIELD_COLUMNS.get(exc.field)
        return [RowError(row, column.value if column else "", str(exc))]


def _expertise(text: str) -> tuple[tuple[Expertise, ...], str]:
    """The areas ticked, and what "Other" specifies ("Other (finance)", "Other: finance")."""
    by_word = {area.value.casefold(): area for area in Expertise}
    areas: list[Expertise] = []
    other = ""
    for part in _parts(text):
        if (area := by_word.get(part.casefold())) is not None:
            areas.append(area)
        elif match := _OTHER.match(part):
            areas.append(Expertise.OTHER)
            other = match.group(1).strip()
        else:
            choices = ", ".join(area.value for area in Expertise)
            raise CellError(
                f"“{part}” is not one of the form’s areas of expertise: use {choices} "
                "(as “Other (what it is)” for anything else), separated by semicolons."
            )
    return tuple(areas), other


def _roles(text: str) -> tuple[Role, ...]:
    by_word = {role.value.casefold(): role for role in Role}
    roles = []
    for part in _parts(text):
        if (role := by_word.get(part.casefold())) is None:
            choices = ", ".join(role.value for role in Role)
            raise CellError(
                f"“{part}” is not one of the form’s roles: use {choices}, separated by semicolons."
            )
        roles.append(role)
    return tuple(roles)


def _training_date(text: str) -> dt.date | None:
    """The date in the training cell, if it gives one ("PCR training, 23/01/2012")."""
    found = _DATE_IN_TEXT.search(text)
    return parse_date(found.group(0)) if found else None


def _parts(text: str) -> list[str]:
    return [" ".join(part.split()) for part in text.split(SEPARATOR) if part.strip()]


def _repeat(row: int, details: ChallengerDetails, what: str, fix: str) -> RowError:
    return RowError(row, Column.NAME.value, f"{details.name} of {details.authority} {what}: {fix}.")
