"""Checks on a schedule as a whole: its header, its cycle's dates and its day numbers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from facilitator.schedule.cells import (
    REQUIRED_COLUMNS,
    Column,
    cycle_window,
    header_column,
    school_year,
)
from facilitator.schedule.rows import RowDraft, RowError

# A lone "DCS" column cannot say whose DCS each name is; it is refused rather than ignored.
ONE_DCS_COLUMN = frozenset({"dcs", "dcss", "dcsname", "dcsnames", "director", "directors"})
ONE_DCS_COLUMN_MESSAGE = (
    "One DCS column cannot say whose DCS each name is: name the columns DCS1, DCS2, DCS3 "
    "(and DCS4), one beside each LA column, or leave them out."
)


def read_header(
    row: int, header: list[str]
) -> tuple[dict[Column, int], dict[Column, str], list[RowError]]:
    columns: dict[Column, int] = {}
    titles: dict[Column, str] = {}
    errors: list[RowError] = []
    for index, title in enumerate(header):
        column = header_column(title)
        if column is None:
            if re.sub(r"[^a-z]", "", title.casefold()) in ONE_DCS_COLUMN:
                errors.append(RowError(row, title.strip(), ONE_DCS_COLUMN_MESSAGE))
            continue
        if column in columns:
            errors.append(
                RowError(row, title.strip(), f"The header has two {column.value} columns.")
            )
            continue
        columns[column] = index
        titles[column] = title.strip()
    found = ", ".join(t.strip() for t in header if t.strip()) or "nothing"
    for column in REQUIRED_COLUMNS:
        if column not in columns:
            errors.append(
                RowError(
                    row,
                    column.value,
                    f"The header row has no {column.value} column (it has: {found}). The "
                    "columns are Number, Date, LA1, LA2, LA3, LA4 and Mode; Number and LA4 "
                    "may be left out.",
                )
            )
    return columns, titles, errors


def cycle_and_dates(
    given: str | None, drafts: list[RowDraft], titles: Mapping[Column, str]
) -> tuple[str, list[RowError]]:
    """The cycle's name, and every date that falls outside it."""
    name = (given or "").strip()
    if not name:
        years = Counter(school_year(d.date) for d in drafts).most_common()
        if len(years) > 1 and years[0][1] == years[1][1]:
            return "", [
                RowError(
                    None,
                    titles[Column.DATE],
                    f"The dates fall equally in {years[0][0]} and {years[1][0]}: "
                    "name the cycle (for example --cycle 2022-2023).",
                )
            ]
        name = years[0][0] if years else ""
    window = cycle_window(name)
    if window is None:
        return name, []
    errors = []
    for draft in drafts:
        if window.first <= draft.date <= window.last:
            continue
        suggestion = window.suggestion(draft.date)
        hint = f" Did you mean {suggestion:%d/%m/%Y}?" if suggestion else ""
        errors.append(
            RowError(
                draft.row,
                titles[Column.DATE],
                f"{draft.date_text} is outside the {name} cycle "
                f"({window.first.day} {window.first:%B %Y} to "
                f"{window.last.day} {window.last:%B %Y}).{hint}",
            )
        )
    return name, errors


def repeated_numbers(drafts: list[RowDraft], titles: Mapping[Column, str]) -> list[RowError]:
    first_row: dict[int, int] = {}
    errors = []
    for draft in drafts:
        if draft.number is None:
            continue
        if draft.number in first_row:
            errors.append(
                RowError(
                    draft.row,
                    titles[Column.NUMBER],
                    f"Day {draft.number} is also row {first_row[draft.number]}: "
                    "each day of a cycle needs its own number.",
                )
            )
        else:
            first_row[draft.number] = draft.row
    return errors
