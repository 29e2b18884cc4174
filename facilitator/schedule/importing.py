"""Importing a cycle's schedule from CSV: one row per day, like the handbook's table.

All or nothing: a file with any bad row imports nothing, and the user gets one message
per problem (row, column, what is wrong) to fix the file and try again.
See docs/schedule-import.md for the columns and rules.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from facilitator.common.vocabulary import DayMode
from facilitator.planning.day_plan import DaySummary
from facilitator.planning.day_setup import AuthorityEntry, DayInputError, NewDay
from facilitator.planning.planner import Planner
from facilitator.schedule.cells import CellError, decode_schedule
from facilitator.schedule.checks import cycle_and_dates, read_header, repeated_numbers
from facilitator.schedule.rows import RowDraft, RowError, read_row

__all__ = [
    "ImportPlan",
    "ImportedDay",
    "RowError",
    "ScheduleImport",
    "commit_schedule",
    "import_schedule_file",
    "parse_schedule",
]


@dataclass(frozen=True)
class ImportedDay:
    row: int
    day: NewDay


@dataclass(frozen=True)
class ImportPlan:
    source_name: str
    cycle_name: str
    days: tuple[ImportedDay, ...]
    notices: tuple[str, ...] = ()


def parse_schedule(
    data: bytes,
    source_name: str,
    cycle_name: str | None = None,
    known_short_names: Mapping[str, str] | None = None,
) -> ImportPlan | list[RowError]:
    """The days a schedule file describes, or every problem found in it.

    Without `cycle_name` the cycle is the school year (September to August) holding most
    of the dates. `known_short_names` maps authority names to short names already stored.
    """
    known = dict(known_short_names or {})
    try:
        records = _records(decode_schedule(data))
    except CellError as exc:
        return [RowError(exc.line, "", str(exc))]
    if not any(any(cell.strip() for cell in record) for _, record in records):
        return [RowError(None, "", "The file is empty: it needs a header row and a row per day.")]
    (header_row, header), *rows = [(n, r) for n, r in records if any(c.strip() for c in r)]
    columns, titles, errors = read_header(header_row, header)
    if errors:
        return errors
    if not rows:
        return [RowError(None, "", "The file has a header row but no days under it.")]
    drafts: list[RowDraft] = []
    for row, record in rows:
        if len(record) > len(header) and any(cell.strip() for cell in record[len(header) :]):
            errors.append(
                RowError(
                    row,
                    "",
                    f"The row has {len(record)} cells but the header has {len(header)} columns: "
                    "a comma inside a cell needs the cell in double quotes.",
                )
            )
            continue
        cells = {c: record[i] if i < len(record) else "" for c, i in columns.items()}
        result = read_row(row, cells, titles, known)
        if isinstance(result, list):
            errors += result
        else:
            drafts.append(result)
    cycle, cycle_errors = cycle_and_dates(cycle_name, drafts, titles)
    errors += cycle_errors + repeated_numbers(drafts, titles)
    if errors:
        return sorted(errors, key=lambda e: e.row or 0)
    return _plan(source_name, cycle, drafts, known)


def _records(text: str) -> list[tuple[int, list[str]]]:
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        # A record is a spreadsheet row, even when a quoted cell spans several lines.
        return [(number, record) for number, record in enumerate(reader, start=1)]
    except csv.Error as exc:
        raise CellError(f"The file cannot be read as CSV ({exc}).") from exc


def _plan(
    source_name: str, cycle: str, drafts: list[RowDraft], known: Mapping[str, str]
) -> ImportPlan:
    has_short = {name.casefold() for name, short in known.items() if short}
    short_names: dict[str, str] = {}
    for draft in drafts:
        for name, short in draft.short_names.items():
            if name.casefold() not in has_short:
                short_names.setdefault(name, short)
    days = tuple(
        ImportedDay(
            draft.row,
            NewDay(
                date=draft.date,
                kind=draft.kind,
                mode=draft.mode,
                authorities=tuple(
                    AuthorityEntry(
                        name,
                        short_name=short_names.get(name, ""),
                        reviews=draft.reviews[name],
                        shares_dcs_with=shares,
                    )
                    for name, _column, shares in draft.authorities
                ),
                venue=draft.place if draft.mode is DayMode.FACE_TO_FACE else "",
                meeting_link=draft.place if draft.mode is DayMode.VIRTUAL else "",
                cycle_name=cycle,
                number=draft.number,
            ),
        )
        for draft in drafts
    )
    notices = tuple(notice for draft in drafts for notice in draft.notices)
    return ImportPlan(source_name, cycle, days, notices)


def commit_schedule(planner: Planner, plan: ImportPlan) -> list[int]:
    """Creates every day of the plan in one unit of work; returns their ids in file order."""
    return planner.create_days([imported.day for imported in plan.days])


@dataclass(frozen=True)
class ScheduleImport:
    """What an import did: the days created, or the problems that stopped it."""

    source: str
    cycle_name: str = ""
    created: tuple[DaySummary, ...] = ()
    errors: tuple[RowError, ...] = ()
    notices: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    def lines(self) -> list[str]:
        """One line per problem, or one per day created."""
        if self.errors:
            return [f"{self.source}: {error}" for error in self.errors]
        return [describe_day(day) for day in self.created]

    @property
    def summary(self) -> str:
        if self.errors:
            count = len(self.errors)
            return (
                f"Nothing was imported: {count} problem{'s' if count != 1 else ''} in "
                f"{self.source}. Correct the file and import it again."
            )
        count = len(self.created)
        return f"Imported {count} day{'s' if count != 1 else ''} into the {self.cycle_name} cycle."


def describe_day(day: DaySummary) -> str:
    place = f"{day.mode.label}, {day.place}" if day.place else day.mode.label
    return f"{day.date:%d/%m/%Y} {day.title} ({place}), day id {day.id}"


def import_schedule_file(
    planner: Planner, path: Path | str, cycle_name: str | None = None
) -> ScheduleImport:
    """Reads, checks and (only if every row is sound) imports a schedule file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        problem = RowError(None, "", f"The file cannot be read ({exc.strerror}).")
        return ScheduleImport(path.name, errors=(problem,))
    result = parse_schedule(data, path.name, cycle_name, planner.authority_short_names())
    if isinstance(result, list):
        return ScheduleImport(path.name, cycle_name or "", errors=tuple(result))
    existing = {
        (day.date, frozenset(n.casefold() for n in day.authorities)): day
        for day in planner.list_days()
    }
    repeats = []
    for imported in result.days:
        names = frozenset(a.name.casefold() for a in imported.day.authorities)
        if (before := existing.get((imported.day.date, names))) is not None:
            repeats.append(
                RowError(
                    imported.row,
                    "",
                    f"This day is already in Balcony (day {before.id}, {before.date:%d/%m/%Y}, "
                    f"{before.title}): delete the row, or that day, and import again.",
                )
            )
    if repeats:
        return ScheduleImport(path.name, result.cycle_name, errors=tuple(repeats))
    try:
        ids = commit_schedule(planner, result)
    except DayInputError as exc:  # read_row checks the same things; this is a safety net
        return ScheduleImport(path.name, result.cycle_name, errors=(RowError(None, "", str(exc)),))
    by_id = {day.id: day for day in planner.list_days()}
    created = tuple(by_id[day_id] for day_id in ids)
    return ScheduleImport(path.name, result.cycle_name, created, notices=result.notices)
