"""Read a spreadsheet of questions (CSV) into a Bank.

The first row names the columns, in any order and any case: theme and question are required;
follow-ups, scale, id, section and note are optional; other columns are ignored. Places in
errors are spreadsheet cells ("row 7, column D (scale)"), with the header as row 1, because
that is what the facilitator sees in Excel.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import NoReturn

from question_bank.decoding import decode
from question_bank.errors import MAX_FOLLOW_UPS, MAX_QUESTIONS, BankFormatError
from question_bank.model import SECTIONS, Bank, Question, Scale, Section, Theme
from question_bank.text import TITLE_LIMIT, is_valid_id, single_line, slugify, word_safe

REQUIRED_COLUMNS = ("theme", "question")
_HEADER_NAMES = {
    "theme": "theme",
    "themes": "theme",
    "question": "question",
    "questions": "question",
    "followups": "follow-ups",
    "followup": "follow-ups",
    "followupquestions": "follow-ups",
    "scale": "scale",
    "id": "id",
    "section": "section",
    "note": "note",
    "notes": "note",
}
_FOLLOW_UP_SEPARATOR = re.compile(r"\r\n|\r|\n| \| ")
_YES = frozenset({"yes", "y", "true", "0-10", "0–10"})
_NO = frozenset({"no", "n", "false"})
_ADVICE = 'In Excel, use File › Save As and choose "CSV UTF-8 (Comma delimited)".'


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


@dataclass
class _ThemeDraft:
    id: str
    title: str
    section: Section
    section_row: int
    questions: list[Question] = field(default_factory=list)


class _Sheet:
    def __init__(self, source: str, header: list[str], header_row: int) -> None:
        self.source = source
        self.header = header
        self.header_row = header_row
        self.columns: dict[str, int] = {}
        for index, name in enumerate(header):
            key = _HEADER_NAMES.get(re.sub(r"[^a-z0-9]", "", name.lower()))
            if key is None:
                continue
            if key in self.columns:
                earlier = _column_letter(self.columns[key])
                self.fail(
                    header_row, index, f'the column "{key}" appears twice (also column {earlier}).'
                )
            self.columns[key] = index
        for key in REQUIRED_COLUMNS:
            if key not in self.columns:
                raise BankFormatError(
                    source,
                    f"row {header_row}",
                    f'there is no "{key}" column. The first row must name the columns: '
                    "theme and question, and optionally follow-ups, scale, id, section, note.",
                )

    def fail(self, row: int, column: int, problem: str) -> NoReturn:
        name = self.header[column].strip() if column < len(self.header) else ""
        place = f"row {row}, column {_column_letter(column)}" + (f" ({name})" if name else "")
        raise BankFormatError(self.source, place, problem)

    def data_rows(self, rows: list[list[str]]) -> Iterator[tuple[int, list[str]]]:
        """The rows below the header, numbered as the spreadsheet numbers them (from 1)."""
        for index in range(self.header_row, len(rows)):
            yield index + 1, rows[index]

    def cell(self, cells: list[str], key: str) -> str:
        index = self.columns.get(key)
        if index is None or index >= len(cells):
            return ""
        # Control characters and NUL would break every export of this text: dropped here.
        return word_safe(cells[index]).strip()


def parse_csv(data: bytes | str, source_name: str = "questions.csv") -> Bank:
    """A Bank from a CSV spreadsheet, or BankFormatError naming the row and column."""
    text = decode(data, source_name, advice=_ADVICE)
    rows = _read_rows(text, source_name)
    # Blank rows above the header still count, so row numbers match the spreadsheet's.
    skipped = next((i for i, cells in enumerate(rows) if any(c.strip() for c in cells)), len(rows))
    if skipped == len(rows):
        raise BankFormatError(
            source_name,
            "",
            "the file is empty. The first row must name the columns: theme and question, "
            "and optionally follow-ups and scale.",
        )
    sheet = _Sheet(source_name, rows[skipped], skipped + 1)
    if len(rows) - 1 > MAX_QUESTIONS:
        raise BankFormatError(
            source_name,
            "",
            f"the file has {len(rows) - 1:,} rows; Balcony reads at most {MAX_QUESTIONS:,} "
            "questions. Split it into smaller files.",
        )
    explicit_ids = _explicit_ids(sheet, rows)
    themes: dict[str, _ThemeDraft] = {}
    taken = set(explicit_ids.values())
    for row, cells in sheet.data_rows(rows):
        if not any(cell.strip() for cell in cells):
            continue
        theme = _theme_for(sheet, themes, cells, row)
        question_id = explicit_ids.get(row) or _next_id(theme, taken)
        taken.add(question_id)
        theme.questions.append(
            Question(
                id=question_id,
                theme_id=theme.id,
                text=_question_text(sheet, cells, row),
                follow_ups=_follow_ups(sheet, cells, row),
                scale=_scale(sheet, cells, row),
                note=sheet.cell(cells, "note"),
            )
        )
    clash = next((t.id for t in themes.values() if t.id in taken), None)
    if clash is not None:
        raise BankFormatError(
            source_name,
            "",
            f'the id "{clash}" names both a theme and a question. Give the question another id.',
        )
    stem = PurePath(source_name).stem or "questions"
    return Bank(
        id=slugify(stem, fallback="imported-questions"),
        title=f"Questions from {source_name}",
        themes=tuple(
            Theme(id=t.id, title=t.title, section=t.section, questions=tuple(t.questions))
            for t in themes.values()
        ),
    )


def _read_rows(text: str, source: str) -> list[list[str]]:
    first_line = text.split("\n", 1)[0]
    delimiter = next(
        (
            candidate
            for candidate in (",", ";", "\t")
            if {"theme", "question"}
            <= {
                _HEADER_NAMES.get(re.sub(r"[^a-z0-9]", "", name.lower()), "")
                for name in first_line.split(candidate)
            }
        ),
        ",",
    )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for cells in reader:
            rows.append(cells)
            if len(rows) > MAX_QUESTIONS + 1:
                break
    except csv.Error as error:
        raise BankFormatError(
            source,
            f"line {reader.line_num}",
            f"the file cannot be read as CSV ({error}). Check the quotation marks there.",
        ) from None
    return rows


def _explicit_ids(sheet: _Sheet, rows: list[list[str]]) -> dict[int, str]:
    ids: dict[int, str] = {}
    rows_by_id: dict[str, int] = {}
    column = sheet.columns.get("id")
    if column is None:
        return ids
    for row, cells in sheet.data_rows(rows):
        value = sheet.cell(cells, "id")
        if not value or not any(cell.strip() for cell in cells):
            continue
        if not is_valid_id(value):
            sheet.fail(
                row,
                column,
                f'"{value}" cannot be used as an id. Use up to 100 letters, digits, "-", "_" '
                'or ".", starting with a letter or digit, or leave the cell empty.',
            )
        if value in rows_by_id:
            sheet.fail(
                row,
                column,
                f'the id "{value}" is already used on row {rows_by_id[value]}. '
                "Give each question its own id.",
            )
        rows_by_id[value] = row
        ids[row] = value
    return ids


def _theme_for(
    sheet: _Sheet, themes: dict[str, _ThemeDraft], cells: list[str], row: int
) -> _ThemeDraft:
    title = single_line(sheet.cell(cells, "theme"))
    if not title:
        sheet.fail(row, sheet.columns["theme"], "the theme is empty. Name a theme on every row.")
    if len(title) > TITLE_LIMIT:
        sheet.fail(
            row,
            sheet.columns["theme"],
            f"the theme is {len(title):,} characters long; it can be at most {TITLE_LIMIT:,}. "
            "Shorten it.",
        )
    section = _section(sheet, cells, row)
    theme_id = slugify(title, fallback="theme")
    theme = themes.get(theme_id)
    if theme is None:
        theme = _ThemeDraft(theme_id, title, section or "signatures", row)
        themes[theme_id] = theme
    elif section is not None and section != theme.section:
        sheet.fail(
            row,
            sheet.columns["section"],
            f'the theme "{theme.title}" is in section "{theme.section}" on row '
            f"{theme.section_row}. Give all its rows the same section.",
        )
    return theme


def _section(sheet: _Sheet, cells: list[str], row: int) -> Section | None:
    value = sheet.cell(cells, "section").lower()
    if not value:
        return None
    for section in SECTIONS:
        if value == section:
            return section
    sheet.fail(
        row,
        sheet.columns["section"],
        f'"{value}" is not a section. Use signatures, balcony or plenary, or leave it empty.',
    )
    return None


def _next_id(theme: _ThemeDraft, taken: set[str]) -> str:
    # "csv" keeps these ids apart from the handbook's "<theme>-01", so a spreadsheet question
    # is never mistaken for an edited version of a shipped one when merged.
    number = len(theme.questions) + 1
    while f"{theme.id}-csv-{number:02d}" in taken:
        number += 1
    return f"{theme.id}-csv-{number:02d}"


def _question_text(sheet: _Sheet, cells: list[str], row: int) -> str:
    text = sheet.cell(cells, "question")
    if not text:
        sheet.fail(
            row,
            sheet.columns["question"],
            "the question is empty. Give every question some text, or delete the row.",
        )
    return text


def _follow_ups(sheet: _Sheet, cells: list[str], row: int) -> tuple[str, ...]:
    parts = _FOLLOW_UP_SEPARATOR.split(sheet.cell(cells, "follow-ups"))
    follow_ups = tuple(cleaned for part in parts if (cleaned := part.strip().lstrip("•·▪").strip()))
    if len(follow_ups) > MAX_FOLLOW_UPS:
        sheet.fail(
            row,
            sheet.columns["follow-ups"],
            f"there are {len(follow_ups)} follow-ups; Balcony reads at most {MAX_FOLLOW_UPS}.",
        )
    return follow_ups


def _scale(sheet: _Sheet, cells: list[str], row: int) -> Scale | None:
    value = sheet.cell(cells, "scale")
    if not value or value.lower() in _NO:
        return None
    if value.lower() in _YES:
        return Scale(low="0", high="10")
    low, separator, high = (part.strip() for part in value.partition("|"))
    if not separator or not low or not high or "|" in high:
        sheet.fail(
            row,
            sheet.columns["scale"],
            f'"{value}" is not a scale. Write "yes" for a plain 0–10 scale, or the words for '
            'both ends as "low | high", e.g. "not confident at all | very confident".',
        )
    return Scale(low=low, high=high)
