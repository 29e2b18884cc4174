"""Importing a cycle's schedule from CSV: one row per day, like the handbook's table.

All or nothing: a file with any bad row imports nothing, and the user gets one message
per problem (row, column, what is wrong) to fix the file and try again.
See docs/schedule-import.md for the columns and rules.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from facilitator.common.clean_text import TITLE_LIMIT, TextFieldError, field_text
from facilitator.common.vocabulary import DayMode
from facilitator.planning.day_list import DaySummary
from facilitator.planning.day_setup import AuthorityEntry, DayInputError, NewDay
from facilitator.planning.planner import Planner
from facilitator.schedule.cells import CellError, decode_schedule
from facilitator.schedule.checks import cycle_and_dates, read_header, repeated_numbers
from facilitator.schedule.cycle_checks import CycleDay, Level, check_cycle
from facilitator.schedule.import_files import read_import_file
from facilitator.schedule.outcome import ScheduleImport, describe_day
from facilitator.schedule.region import Region, default_region
from facilitator.schedule.rows import RowDraft, RowError, extra_cells, read_row
from facilitator.schedule.stored_cycles import stored_days

__all__ = [
    "MAX_ROWS",
    "MAX_SCHEDULE_BYTES",
    "ImportCancelledError",
    "ImportPlan",
    "ImportedDay",
    "RowError",
    "ScheduleImport",
    "check_schedule_file",
    "commit_schedule",
    "describe_day",
    "existing_days",
    "import_schedule_file",
    "parse_schedule",
    "write_schedule",
]

# A cycle is one school year: a few dozen days, a few hundred at the very most. Beyond this
# the file is not a schedule (or is several), and writing it would take minutes.
MAX_ROWS = 1000
MAX_SCHEDULE_BYTES = 5_000_000
# How often (in rows) the progress callback is told; often enough for a smooth bar.
PROGRESS_STEP = 25

Progress = Callable[[int, int], None]
"""Told (rows checked, rows in all) as a file is checked; may raise ImportCancelledError."""
DayKey = tuple[dt.date, frozenset[str]]


class ImportCancelledError(Exception):
    """Raised by a progress callback to stop checking a file; nothing has been written."""


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
    progress: Progress | None = None,
) -> ImportPlan | list[RowError]:
    """The days a schedule file describes, or every problem found in it.

    Without `cycle_name` the cycle is the school year (September to August) holding most
    of the dates. `known_short_names` maps authority names to short names already stored.
    """
    known = dict(known_short_names or {})
    try:
        cycle_name = field_text(cycle_name, "The cycle’s name", TITLE_LIMIT) if cycle_name else None
        records = _records(decode_schedule(data))
    except TextFieldError as exc:
        return [RowError(None, "", str(exc))]
    except CellError as exc:
        return [RowError(exc.line, "", str(exc))]
    if not any(any(cell.strip() for cell in record) for _, record in records):
        return [RowError(None, "", "The file is empty: it needs a header row and a row per day.")]
    (header_row, header), *rows = [(n, r) for n, r in records if any(c.strip() for c in r)]
    if len(rows) > MAX_ROWS:
        return [
            RowError(
                None,
                "",
                f"The file has {len(rows):,} rows of days; a schedule can have at most "
                f"{MAX_ROWS:,}. Check that this is the cycle’s schedule, or split it into "
                "smaller files.",
            )
        ]
    columns, titles, errors = read_header(header_row, header)
    if errors:
        return errors
    if not rows:
        return [RowError(None, "", "The file has a header row but no days under it.")]
    drafts: list[RowDraft] = []
    for done, (row, record) in enumerate(rows):
        if progress is not None and done % PROGRESS_STEP == 0:
            progress(done, len(rows))
        if (extra := extra_cells(row, record, len(header))) is not None:
            errors.append(extra)
            continue
        cells = {c: record[i] if i < len(record) else "" for c, i in columns.items()}
        result = read_row(row, cells, titles, known)
        if isinstance(result, list):
            errors += result
        else:
            drafts.append(result)
    if progress is not None:
        progress(len(rows), len(rows))
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
                        dcs_name=draft.dcs.get(name, ""),
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


def existing_days(planner: Planner) -> dict[DayKey, DaySummary]:
    """The days already stored, by date and authorities: an import must not repeat them."""
    return {_day_key(day.date, day.authorities): day for day in planner.list_days()}


def _day_key(date: dt.date, names: Iterable[str]) -> DayKey:
    return date, frozenset(name.casefold() for name in names)


def check_schedule_file(
    path: Path | str,
    cycle_name: str | None,
    known_short_names: Mapping[str, str],
    existing: Mapping[DayKey, DaySummary],
    progress: Progress | None = None,
    stored: Sequence[CycleDay] = (),
    region: Region | None = None,
) -> ImportPlan | ScheduleImport:
    """The plan for a schedule file, or a ScheduleImport with every problem in it.

    Touches no database (what is stored comes in as `known_short_names`, `existing` and
    `stored`), so the app can run it off the UI thread. The cycle checks (cycle_checks.py)
    run on the file's days with the stored ones, against `region` (the shipped South East
    when None). Time and memory grow in step with the file.
    """
    path = Path(path)
    name = path.name or str(path)
    data = read_import_file(path, MAX_SCHEDULE_BYTES, "schedule")
    if isinstance(data, RowError):
        return ScheduleImport(name, errors=(data,))
    result = parse_schedule(data, name, cycle_name, known_short_names, progress)
    if isinstance(result, list):
        return ScheduleImport(name, cycle_name or "", errors=tuple(result))
    repeats = []
    for imported in result.days:
        key = _day_key(imported.day.date, (a.name for a in imported.day.authorities))
        if (before := existing.get(key)) is not None:
            repeats.append(
                RowError(
                    imported.row,
                    "",
                    f"This day is already in Balcony (day {before.id}, {before.date:%d/%m/%Y}, "
                    f"{before.title}): delete the row, or that day, and import again.",
                )
            )
    if repeats:
        return ScheduleImport(name, result.cycle_name, errors=tuple(repeats))
    return _check_cycle(result, stored, default_region() if region is None else region)


def _check_cycle(
    plan: ImportPlan, stored: Sequence[CycleDay], region: Region
) -> ImportPlan | ScheduleImport:
    """The plan with the cycle's notices, or what stops it: an authority or DCS at two days
    on one date. Only what concerns the file's days is told, not older problems."""
    cycle = plan.cycle_name
    new = [
        CycleDay(
            date=imported.day.date,
            authorities=tuple(a.name for a in imported.day.authorities),
            dcs=tuple(a.dcs_name for a in imported.day.authorities),
            row=imported.row,
            cycle_name=cycle,
        )
        for imported in plan.days
    ]
    mine = [d for d in stored if cycle and d.cycle_name == cycle]
    others = [d for d in stored if not cycle or d.cycle_name != cycle]
    problems = [p for p in check_cycle(cycle, [*mine, *new], region, others) if p.new]
    errors = tuple(RowError(p.row, "", p.message) for p in problems if p.level is Level.ERROR)
    notices = plan.notices + tuple(str(p) for p in problems if p.level is Level.NOTICE)
    if errors:
        return ScheduleImport(plan.source_name, cycle, errors=errors, notices=notices)
    return replace(plan, notices=notices)


def write_schedule(planner: Planner, plan: ImportPlan) -> ScheduleImport:
    """Writes a checked plan, all of it or (on any error) nothing."""
    try:
        ids = commit_schedule(planner, plan)
    except DayInputError as exc:  # read_row checks the same things; this is a safety net
        return ScheduleImport(
            plan.source_name, plan.cycle_name, errors=(RowError(None, "", str(exc)),)
        )
    by_id = {day.id: day for day in planner.list_days()}
    created = tuple(by_id[day_id] for day_id in ids)
    return ScheduleImport(plan.source_name, plan.cycle_name, created, notices=plan.notices)


def import_schedule_file(
    planner: Planner,
    path: Path | str,
    cycle_name: str | None = None,
    progress: Progress | None = None,
    region: Region | None = None,
) -> ScheduleImport:
    """Reads, checks and (only if every row is sound, and the cycle has no error) imports a
    schedule file. `region` is the list of authorities (the shipped South East when None)."""
    checked = check_schedule_file(
        path,
        cycle_name,
        planner.authority_short_names(),
        existing_days(planner),
        progress,
        stored_days(planner),
        region,
    )
    if isinstance(checked, ScheduleImport):
        return checked
    return write_schedule(planner, checked)
