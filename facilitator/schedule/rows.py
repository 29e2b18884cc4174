"""One row of a schedule, read into a day: its cells, its authorities and who reviews whom.

Every problem is a RowError naming the row (as a spreadsheet numbers it, header = 1),
the column (as the file's header writes it) and what is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from facilitator.common.clean_text import NAME_LIMIT, TextFieldError, field_text, word_safe
from facilitator.common.vocabulary import DayKind, DayMode
from facilitator.common.wording import join_names
from facilitator.planning.lead_reviewers import suggest_assignment
from facilitator.schedule.cells import (
    AUTHORITY_COLUMNS,
    DCS_COLUMNS,
    CellAuthority,
    CellError,
    Column,
    parse_authority_cell,
    parse_date,
    parse_mode,
    parse_number,
)
from facilitator.schedule.short_names import resolve_short_name

# A cell holds at most two authorities with their "(LR for …)" notes, or a venue or a
# meeting link: anything longer is a mistake, and would make every message about it huge.
CELL_LIMIT = 1000


@dataclass(frozen=True)
class RowError:
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = ", ".join(p for p in (f"Row {self.row}" if self.row else "", self.column) if p)
        return f"{where}: {self.message}" if where else self.message


def extra_cells(row: int, record: Sequence[str], columns: int) -> RowError | None:
    """The error for a row with words beyond the header's columns (an unquoted comma), or
    None. Every CSV import of Balcony's tells it alike."""
    if len(record) <= columns or not any(cell.strip() for cell in record[columns:]):
        return None
    return RowError(
        row,
        "",
        f"The row has {len(record)} cells but the header has {columns} columns: "
        "a comma inside a cell needs the cell in double quotes.",
    )


@dataclass
class RowDraft:
    """A row that reads cleanly; the file-level checks (cycle, numbers) come after."""

    row: int
    number: int | None
    date: dt.date
    date_text: str
    mode: DayMode
    place: str
    # (name, column, first name in the same cell when sharing its DCS, "" otherwise)
    authorities: list[tuple[str, Column, str]]
    reviews: dict[str, str]
    # The short name each reviewed authority was called by, for authorities lacking one.
    short_names: dict[str, str] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    # Each authority's DCS from the optional DCS columns (absent when not given); a DCS
    # shared by two authorities is spelt the same for both.
    dcs: dict[str, str] = field(default_factory=dict)

    @property
    def kind(self) -> DayKind:
        return DayKind.QUARTET if len(self.authorities) == 4 else DayKind.TRIAD


def read_row(
    row: int,
    cells: Mapping[Column, str],
    titles: Mapping[Column, str],
    known_short_names: Mapping[str, str],
) -> RowDraft | list[RowError]:
    errors: list[RowError] = []

    def fail(column: Column, exc: Exception | str) -> None:
        errors.append(RowError(row, titles[column], str(exc)))

    # NUL and control characters would break every export of the day: dropped on reading.
    cells = {column: word_safe(text) for column, text in cells.items()}
    for column, text in cells.items():
        if len(text) > CELL_LIMIT:
            fail(
                column,
                f"The cell is {len(text):,} characters long; a cell can be at most "
                f"{CELL_LIMIT:,}. Shorten it.",
            )
    if errors:
        return errors

    number, hint = None, None
    if Column.NUMBER in cells:
        try:
            number, hint = parse_number(cells[Column.NUMBER])
        except CellError as exc:
            fail(Column.NUMBER, exc)
    date = None
    try:
        date = parse_date(cells[Column.DATE])
    except CellError as exc:
        fail(Column.DATE, exc)
    mode, place = DayMode.FACE_TO_FACE, ""
    try:
        mode, place = parse_mode(cells[Column.MODE])
        if mode is DayMode.FACE_TO_FACE:
            place = field_text(place, "The venue", NAME_LIMIT)
    except (CellError, TextFieldError) as exc:
        fail(Column.MODE, exc)
    found: list[tuple[CellAuthority, Column, str]] = []
    readable = True
    for column in AUTHORITY_COLUMNS:
        try:
            in_cell = parse_authority_cell(cells.get(column, ""))
        except CellError as exc:
            fail(column, exc)
            readable = False
            continue
        try:
            for authority in in_cell:
                field_text(authority.name, "The authority’s name", NAME_LIMIT)
        except TextFieldError as exc:
            fail(column, exc)
            readable = False
            continue
        first = in_cell[0].name if len(in_cell) > 1 else ""
        found += [(a, column, first if a.name != first else "") for a in in_cell]
    if not readable or not _team_is_sound(row, found, cells, titles, hint, errors):
        return errors
    dcs, found = _directors(row, found, cells, titles, errors)
    reviews, notices = _lead_reviewers(row, found, titles, known_short_names, errors)
    if errors or date is None:
        return errors
    names = [a.name for a, _, _ in found]
    short_names = {
        reviewed: a.lr_for
        for a, _, _ in found
        if a.lr_for and (reviewed := reviews[a.name]).casefold() != a.lr_for.casefold()
    }
    return RowDraft(
        row=row,
        number=number,
        date=date,
        date_text=cells[Column.DATE].strip(),
        mode=mode,
        place=place,
        authorities=[(a.name, column, shares) for a, column, shares in found],
        reviews={name: reviews[name] for name in names},
        short_names=short_names,
        notices=notices,
        dcs=dcs,
    )


def _directors(
    row: int,
    found: list[tuple[CellAuthority, Column, str]],
    cells: Mapping[Column, str],
    titles: Mapping[Column, str],
    errors: list[RowError],
) -> tuple[dict[str, str], list[tuple[CellAuthority, Column, str]]]:
    """Each authority's DCS from the DCS columns, and `found` with every shared DCS recorded:
    two authorities in one cell share the DCS their column names once; the same name in two
    columns makes the later authority share the earlier one's DCS."""
    by_column: dict[Column, str] = {}
    for la_column, dcs_column in zip(AUTHORITY_COLUMNS, DCS_COLUMNS, strict=True):
        text = cells.get(dcs_column, "")
        if not text.strip():
            continue
        try:
            name = field_text(text, "The DCS’s name", NAME_LIMIT)
        except TextFieldError as exc:
            errors.append(RowError(row, titles[dcs_column], str(exc)))
            continue
        if not any(column == la_column for _, column, _ in found):
            la_title = titles.get(la_column, la_column.value)
            errors.append(
                RowError(
                    row,
                    titles[dcs_column],
                    f"{name} is named as a DCS but {la_title} has no authority in this row.",
                )
            )
            continue
        by_column[la_column] = name
    dcs: dict[str, str] = {}
    first_led: dict[str, tuple[str, str]] = {}  # DCS key → (authority, name as first spelt)
    shared: list[tuple[CellAuthority, Column, str]] = []
    for authority, column, partner in found:
        name = by_column.get(column, "")
        if name:
            key = " ".join(name.casefold().split())
            leader, spelt = first_led.setdefault(key, (partner or authority.name, name))
            dcs[authority.name] = spelt
            if not partner and leader != authority.name:
                partner = leader
        shared.append((authority, column, partner))
    return dcs, shared


def _team_is_sound(
    row: int,
    found: list[tuple[CellAuthority, Column, str]],
    cells: Mapping[Column, str],
    titles: Mapping[Column, str],
    hint: DayKind | None,
    errors: list[RowError],
) -> bool:
    """Three or four different authorities, and as many as the number column says."""
    before = len(errors)
    names = [a.name for a, _, _ in found]
    listed = f" ({join_names(names)})" if names else ""
    if len(found) < 3:
        empty = [c for c in AUTHORITY_COLUMNS[:3] if not cells.get(c, "").strip()]
        column = titles.get(empty[0], empty[0].value) if empty else titles[found[-1][1]]
        errors.append(
            RowError(
                row,
                column,
                f"The day has only {len(found)} authorit{'y' if len(found) == 1 else 'ies'}"
                f"{listed}: a triad needs 3 and a quartet 4.",
            )
        )
    elif len(found) > 4:
        errors.append(
            RowError(
                row,
                titles[found[4][1]],
                f"The day has {len(found)} authorities{listed}: a day has 3 (a triad) "
                "or 4 (a quartet).",
            )
        )
    elif hint is not None and hint.authority_count != len(found):
        errors.append(
            RowError(
                row,
                titles[Column.NUMBER],
                f"It says {hint.value}, but the row has {len(found)} authorities{listed}.",
            )
        )
    seen: dict[str, Column] = {}
    for authority, column, _ in found:
        key = authority.name.casefold()
        if key in seen:
            errors.append(
                RowError(
                    row,
                    titles[column],
                    f"{authority.name} is already in this day ({titles[seen[key]]}); "
                    "each authority takes part once a day.",
                )
            )
        else:
            seen[key] = column
    return len(errors) == before


def _lead_reviewers(
    row: int,
    found: list[tuple[CellAuthority, Column, str]],
    titles: Mapping[Column, str],
    known_short_names: Mapping[str, str],
    errors: list[RowError],
) -> tuple[dict[str, str], list[str]]:
    """Who reviews whom as the row says, or the suggested cycle when it says nothing."""
    names = [a.name for a, _, _ in found]
    if all(a.lr_for is None for a, _, _ in found):
        shared = [{a.name, s} for a, _, s in found if s]
        suggestion = suggest_assignment(names, shared)
        described = ", ".join(f"{who} reviews {whom}" for who, whom in suggestion.items())
        return suggestion, [
            f"Row {row}: no lead reviewers are given, so Balcony suggests {described}."
        ]
    reviews: dict[str, str] = {}
    reviewer_of: dict[str, str] = {}
    for authority, column, _ in found:
        if authority.lr_for is None:
            errors.append(
                RowError(
                    row,
                    titles[column],
                    f"{authority.name} has no “(LR for …)” although others in this row do: "
                    "give every authority its lead reviewer role, or none to use the "
                    "suggested cycle.",
                )
            )
            continue
        try:
            target = resolve_short_name(authority.lr_for, names, known_short_names)
        except CellError as exc:
            errors.append(RowError(row, titles[column], f"{authority.name}: {exc}"))
            continue
        if target == authority.name:
            errors.append(
                RowError(
                    row,
                    titles[column],
                    f"{authority.name} is lead reviewer for itself (“LR for "
                    f"{authority.lr_for}”): a DCS reviews another authority.",
                )
            )
            continue
        if target in reviewer_of:
            errors.append(
                RowError(
                    row,
                    titles[column],
                    f"{reviewer_of[target]} and {authority.name} are both lead reviewer for "
                    f"{target}: each authority has exactly one lead reviewer.",
                )
            )
            continue
        reviewer_of[target] = authority.name
        reviews[authority.name] = target
    notices = [
        f"Row {row}: {a.name} and {partner} share one DCS, so {who} should not review {whom}."
        for a, _, partner in found
        if partner
        for who, whom in ((a.name, partner), (partner, a.name))
        if reviews.get(who) == whom
    ]
    return reviews, notices
