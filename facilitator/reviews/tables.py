"""Reading the review schedules of the regional plan (seed 001) from CSV.

Two tables, told apart by their header (matched case-insensitively, spacing aside):
`LA to receive PCTR, Lead DCS, QA DCS, Date, KLoE` and `LA to receive SAV, Lead AD, Date`.
A SAV row whose authority ends "SAV MAX" ("Leicester SAV MAX") is a SAV MAX. Lead ADs may
give their authority in brackets: "Stuart and Janice (Lincs) Mel (Derbyshire)".
All or nothing: a table with any bad row gives no drafts, and one RowError per problem
(row as counted in the file, the header being row 1; column; what to change).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from facilitator.reviews.kinds import (
    Person,
    ReviewDraft,
    ReviewKind,
    fixed_days,
    same_authority,
)
from facilitator.reviews.vague_dates import VagueDate, VagueDateError, parse_vague_date
from facilitator.schedule.rows import RowError, extra_cells
from question_bank.decoding import UndecodableError, decode_text

__all__ = [
    "PCTR_COLUMNS",
    "SAV_COLUMNS",
    "ReviewTable",
    "RowError",
    "read_review_file",
    "read_review_table",
]

PCTR_COLUMNS = ("LA to receive PCTR", "Lead DCS", "QA DCS", "Date", "KLoE")
SAV_COLUMNS = ("LA to receive SAV", "Lead AD", "Date")
_HEADERS = {ReviewKind.PCTR: PCTR_COLUMNS, ReviewKind.SAV: SAV_COLUMNS}
# Seed 001's tables have a dozen rows; thousands would be some other file.
MAX_ROWS = 500
_SAV_MAX = re.compile(r"\s+SAV\s*MAX\s*$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:/|,|&|\+|;|\band\b)\s*", re.IGNORECASE)
_TO_COME = frozenset({"tbc", "tba", "tbd"})
# Told (column, message) for each problem found in a row.
_Problem = Callable[[str, str], None]


@dataclass(frozen=True)
class ReviewTable:
    """The drafts of a whole table, or (never both) every problem found in it."""

    kind: ReviewKind | None
    drafts: tuple[ReviewDraft, ...] = ()
    errors: tuple[RowError, ...] = ()
    rows: tuple[int, ...] = ()  # each draft's row number in the file

    @property
    def ok(self) -> bool:
        return not self.errors


def read_review_file(data: bytes) -> ReviewTable:
    """read_review_table on a file's bytes, decoded as every imported file is."""
    if data.startswith(b"PK\x03\x04"):
        return _refused(None, "This is a spreadsheet workbook: save it as CSV UTF-8 and try again.")
    try:
        text = decode_text(data)
    except UndecodableError as exc:
        return _refused(
            exc.line,
            f"A character here is not {exc.encoding} (byte 0x{exc.byte:02X}): save the file "
            "as CSV UTF-8 and try again.",
        )
    return read_review_table(text)


def read_review_table(text: str) -> ReviewTable:
    """The review drafts a PCTR or SAV schedule table describes, or every problem in it."""
    try:
        records = list(enumerate(csv.reader(io.StringIO(text, newline="")), start=1))
    except csv.Error as exc:
        return _refused(None, f"The file cannot be read as CSV ({exc}).")
    rows = [(n, r) for n, r in records if any(cell.strip() for cell in r)]
    if not rows:
        return _refused(None, "The file is empty: it needs a header row and a row per review.")
    (header_row, header), *rows = rows
    kind, columns, errors = _read_header(header_row, header)
    if kind is None or errors:
        return ReviewTable(kind, errors=tuple(errors))
    if not rows:
        return _refused(None, "The file has a header row but no reviews under it.", kind)
    if len(rows) > MAX_ROWS:
        message = f"The file has {len(rows):,} rows; a review schedule can have {MAX_ROWS}."
        return _refused(None, message, kind)
    drafts, numbers = [], []
    for number, record in rows:
        if (extra := extra_cells(number, record, len(header))) is not None:
            errors.append(extra)
            continue
        cells = {name: record[i].strip() if i < len(record) else "" for name, i in columns.items()}
        titles = {name: header[i].strip() for name, i in columns.items()}
        result = _read_row(kind, number, cells, titles)
        if isinstance(result, ReviewDraft):
            drafts.append(result)
            numbers.append(number)
        else:
            errors += result
    if errors:
        return ReviewTable(kind, errors=tuple(errors))
    return ReviewTable(kind, tuple(drafts), rows=tuple(numbers))


def _refused(row: int | None, message: str, kind: ReviewKind | None = None) -> ReviewTable:
    return ReviewTable(kind, errors=(RowError(row, "", message),))


def _key(title: str) -> str:
    return re.sub(r"[^a-z0-9]", "", title.casefold())


def _read_header(
    number: int, header: list[str]
) -> tuple[ReviewKind | None, dict[str, int], list[RowError]]:
    keys = [_key(title) for title in header]
    kind = next((k for k, cols in _HEADERS.items() if keys and keys[0] == _key(cols[0])), None)
    if kind is None:
        wanted = " or ".join(f"“{', '.join(columns)}”" for columns in _HEADERS.values())
        return None, {}, [RowError(number, "", f"The header row must be {wanted}.")]
    expected = _HEADERS[kind]
    wanted_keys = {_key(name): name for name in expected}
    columns: dict[str, int] = {}
    errors = []
    for index, (title, key) in enumerate(zip(header, keys, strict=True)):
        if not key:
            continue
        if key not in wanted_keys:
            message = f"“{title.strip()}” is not a column of this table: delete it or rename it."
            errors.append(RowError(number, title.strip(), message))
        elif wanted_keys[key] in columns:
            message = "This column appears twice: delete one of them."
            errors.append(RowError(number, title.strip(), message))
        else:
            columns[wanted_keys[key]] = index
    for name in expected:
        if name not in columns:
            errors.append(RowError(number, name, f"The column “{name}” is missing: add it."))
    return kind, columns, errors


def _read_row(
    kind: ReviewKind, number: int, cells: dict[str, str], titles: dict[str, str]
) -> ReviewDraft | list[RowError]:
    errors: list[RowError] = []

    def problem(column: str, message: str) -> None:
        errors.append(RowError(number, titles[column], message))

    host_column, lead_column = _HEADERS[kind][0], _HEADERS[kind][1]
    host = cells[host_column]
    if _SAV_MAX.search(host):
        if kind is ReviewKind.PCTR:
            problem(host_column, "A SAV MAX belongs in the SAV table: move this row there.")
        host, kind = _SAV_MAX.sub("", host), ReviewKind.SAV_MAX
    if not host:
        problem(host_column, "The authority is empty: name the authority that receives it.")
    leads = _people(cells[lead_column], lead_column, problem)
    for lead in leads:
        if host and same_authority(lead.authority, host):
            problem(
                lead_column,
                f"{lead} is from the authority under review: choose someone from another one.",
            )
    qa: tuple[Person, ...] = ()
    if kind is ReviewKind.PCTR:
        qa = _people(cells["QA DCS"], "QA DCS", problem)
        shared = {p.name.casefold() for p in leads} & {p.name.casefold() for p in qa}
        if shared:
            problem("QA DCS", "The QA DCS is also the lead DCS: name another DCS to assure it.")
    dates = VagueDate("")
    try:
        dates = parse_vague_date(cells["Date"])
    except VagueDateError as exc:
        problem("Date", str(exc))
    if errors:
        return errors
    return ReviewDraft(
        kind=kind,
        host=host,
        dates=dates,
        leads=leads,
        qa=qa,
        kloe=cells.get("KLoE", ""),
        days=fixed_days(kind, dates),
        lead_words=cells[lead_column],
    )


def _people(text: str, column: str, problem: _Problem) -> tuple[Person, ...]:
    """The people a cell names: "Derek/Colin", "Stuart and Janice (Lincs) Mel (Derbyshire)"."""
    if not text:
        problem(column, f"The {column} is empty: name them, or write TBC if not yet known.")
        return ()
    if text.casefold() in _TO_COME:
        return ()
    if text.count("(") != text.count(")") or re.search(r"\([^)]*\(", text):
        problem(column, "A bracket is not closed: write each authority as (Authority).")
        return ()
    people: list[Person] = []
    rest = 0
    for match in re.finditer(r"([^()]*)\(([^()]*)\)", text):
        names, authority = _names(match.group(1)), match.group(2).strip()
        if not names:
            problem(column, f"“({authority})” follows no name: put the name before it.")
            return ()
        people += [Person(name, authority) for name in names]
        rest = match.end()
    people += [Person(name) for name in _names(text[rest:])]
    if not people:
        problem(column, f"“{text}” names nobody: give the first name of each person.")
    return tuple(people)


def _names(text: str) -> list[str]:
    return [name for part in _NAME_SPLIT.split(text) if (name := part.strip())]
