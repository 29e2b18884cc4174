"""Reading one cell of a schedule: the text, the header, a day number, a date, a mode,
and an authority cell such as "Hampshire (LR for R) and Isle of Wight (LR for O)".

Each reader returns a value or raises CellError with a sentence the user can act on.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from facilitator.common.vocabulary import DayKind, DayMode
from question_bank.decoding import UndecodableError, decode_text


class CellError(ValueError):
    """What is wrong with one cell, as a sentence; the caller adds the row and column."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class Column(StrEnum):
    NUMBER = "Number"
    DATE = "Date"
    LA1 = "LA1"
    LA2 = "LA2"
    LA3 = "LA3"
    LA4 = "LA4"
    MODE = "Mode"
    DCS1 = "DCS1"
    DCS2 = "DCS2"
    DCS3 = "DCS3"
    DCS4 = "DCS4"


AUTHORITY_COLUMNS = (Column.LA1, Column.LA2, Column.LA3, Column.LA4)
# The optional DCS of each authority column: DCS2 names the DCS of LA2's authority (or of
# both, when LA2 holds two authorities sharing one DCS).
DCS_COLUMNS = (Column.DCS1, Column.DCS2, Column.DCS3, Column.DCS4)
REQUIRED_COLUMNS = (Column.DATE, Column.LA1, Column.LA2, Column.LA3, Column.MODE)
# Header words people use, squashed to letters and digits ("F to F/ Virtual" → "ftofvirtual").
HEADER_ALIASES: dict[str, Column] = {
    **dict.fromkeys(
        ("number", "no", "num", "day", "daynumber", "dayno", "triad", "quartet",
         "triadquartet", "triadorquartet", "triadnumber", "triadno"),
        Column.NUMBER,
    ),
    **dict.fromkeys(("date", "daydate", "dateofday"), Column.DATE),
    **dict.fromkeys(
        ("mode", "format", "ftofvirtual", "facetofacevirtual", "facetofaceorvirtual",
         "ftofvirtua", "f2fvirtual", "ftfvirtual", "ftoforvirtual", "venue", "where"),
        Column.MODE,
    ),
}  # fmt: skip
AUTHORITY_HEADER = re.compile(r"^(?:la|authority|localauthority)([1-4])$")
# "DCS1", "DCS 1", "DCS of LA1", "LA1 DCS", "DCS for authority 1".
DCS_HEADER = re.compile(
    r"^(?:dcs(?:of|for)?(?:la|authority|localauthority)?([1-4])"
    r"|(?:la|authority|localauthority)([1-4])dcs)$"
)
SAVE_AS_UTF8 = (
    "Save it as “CSV UTF-8 (Comma delimited)” (in Excel: File › Save As), then import again."
)


def decode_schedule(data: bytes) -> str:
    """The file's text, read as question_bank.decoding reads every imported file; a
    workbook, or text in another encoding, is refused with how to save it, not guessed."""
    if data.startswith(b"PK\x03\x04"):
        raise CellError(f"This is a spreadsheet workbook, not a CSV file. {SAVE_AS_UTF8}")
    try:
        return decode_text(data)
    except UndecodableError as exc:
        raise CellError(
            f"A character here is not {exc.encoding} (byte 0x{exc.byte:02X}), so the file was "
            f"saved in another encoding. {SAVE_AS_UTF8}",
            exc.line,
        ) from exc


def header_column(title: str) -> Column | None:
    key = re.sub(r"[^a-z0-9]", "", title.casefold())
    if title.strip() == "#":
        return Column.NUMBER
    match = AUTHORITY_HEADER.match(key)
    if match:
        return AUTHORITY_COLUMNS[int(match.group(1)) - 1]
    if match := DCS_HEADER.match(key):
        return DCS_COLUMNS[int(match.group(1) or match.group(2)) - 1]
    return HEADER_ALIASES.get(key)


def parse_number(text: str) -> tuple[int | None, DayKind | None]:
    """ "Quartet 3" → (3, quartet); "1" → (1, None); "" → (None, None)."""
    words = text.casefold().replace("#", " ").split()
    kind = DayKind.QUARTET if "quartet" in words else DayKind.TRIAD if "triad" in words else None
    rest = [w for w in words if w not in {"triad", "quartet", "day", "no", "no.", "number"}]
    if not rest:
        return None, kind
    # ASCII digits only: "²".isdigit() is True but int("²") fails, and int() would take
    # Arabic-Indic digits that nobody reading the schedule would recognise as a number.
    if len(rest) == 1 and DAY_NUMBER.fullmatch(rest[0]) and 0 < int(rest[0]) <= MAX_DAY_NUMBER:
        return int(rest[0]), kind
    raise CellError(
        f"“{text.strip()}” is not a day number: write a number from 1 to {MAX_DAY_NUMBER:,} "
        "in the digits 0 to 9, such as 3."
    )


DAY_NUMBER = re.compile(r"[0-9]{1,6}")
MAX_DAY_NUMBER = 9999


# [0-9], not \d, which also matches other scripts' digits ("٢٠٢٣").
DAY_FIRST = re.compile(r"^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})(?:\s+00:00(?::00)?)?$")
ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
# A review cycle's dates: anything else is a typing slip (01/01/0000 would not even be a
# date Python can hold).
FIRST_YEAR, LAST_YEAR = 2000, 2099


def parse_date(text: str) -> dt.date:
    """dd/mm/yyyy (the handbook's way, day first), or yyyy-mm-dd."""
    text = text.strip()
    if not text:
        raise CellError("The date is empty: write it as dd/mm/yyyy, for example 16/01/2023.")
    if match := DAY_FIRST.match(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := ISO_DATE.match(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise CellError(
            f"“{text}” is not a date Balcony can read: write it as dd/mm/yyyy, "
            "for example 16/01/2023."
        )
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CellError(
            f"{text} is in the year {year:04d}: write a year from {FIRST_YEAR} to {LAST_YEAR}, "
            "as dd/mm/yyyy, for example 16/01/2023."
        )
    if not 1 <= month <= 12:
        raise CellError(f"{text} has no month {month}: dates are read day first (dd/mm/yyyy).")
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise CellError(
            f"{text} is not a real date: {calendar.month_name[month]} {year} "
            f"has {days_in_month} days."
        )
    return dt.date(year, month, day)


@dataclass(frozen=True)
class CycleWindow:
    """A cycle runs through one school year: 1 September to 31 August."""

    name: str
    first: dt.date
    last: dt.date

    def suggestion(self, date: dt.date) -> dt.date | None:
        """The same day and month inside the cycle, if that is a real date."""
        year = self.first.year if date.month >= self.first.month else self.last.year
        try:
            return date.replace(year=year)
        except ValueError:  # 29 February
            return None


CYCLE_YEARS = re.compile(r"(\d{4})\s*[-–—/]\s*(\d{4}|\d{2})(?!\d)")


def cycle_window(name: str) -> CycleWindow | None:
    """ "2022-2023", "2022–23" or "2022/23" → 1 Sep 2022 to 31 Aug 2023; None if no years."""
    match = CYCLE_YEARS.search(name)
    if not match:
        return None
    first = int(match.group(1))
    second = int(match.group(2))
    if second < 100:
        second += first // 100 * 100
    if second != first + 1:
        return None
    return CycleWindow(name, dt.date(first, 9, 1), dt.date(second, 8, 31))


def school_year(date: dt.date) -> str:
    first = date.year if date.month >= 9 else date.year - 1
    return f"{first}-{first + 1}"


FACE_TO_FACE = ("face to face", "face-to-face", "f to f", "f2f", "ftf", "in person", "in-person")
VIRTUAL = ("microsoft teams", "ms teams", "teams", "online", "zoom", "virtual")


def parse_mode(text: str) -> tuple[DayMode, str]:
    """The mode and what follows it: the venue ("F to F London") or the meeting."""
    cleaned = " ".join(text.split())
    lowered = cleaned.casefold()
    for words, mode in ((FACE_TO_FACE, DayMode.FACE_TO_FACE), (VIRTUAL, DayMode.VIRTUAL)):
        for word in words:
            if lowered == word or (lowered.startswith(word) and not lowered[len(word)].isalnum()):
                return mode, cleaned[len(word) :].strip(" ,;:-–()")
    first, _, rest = cleaned.partition(" ")
    # The handbook's own table says "Virtua": one slip of the keyboard is still virtual.
    if _within_one_edit(first.casefold(), "virtual"):
        return DayMode.VIRTUAL, rest.strip(" ,;:-–()")
    what = f"“{cleaned}” is not a way of meeting Balcony knows" if cleaned else "The mode is empty"
    raise CellError(f"{what}: write “F to F” (with the venue after it, if you like) or “Virtual”.")


def _within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


@dataclass(frozen=True)
class CellAuthority:
    """An authority as written in a cell, with the short name after "LR for", if any."""

    name: str
    lr_for: str | None


SPLIT_AFTER_LR = re.compile(r"(?<=\))\s*(?:\band\b|&|,)\s*", re.IGNORECASE)
LR_NOTE = re.compile(r"^(?:LR|lead\s+reviewer)\b\s*(?:for\b|of\b)?\s*:?\s*(.*)$", re.IGNORECASE)


def parse_authority_cell(text: str) -> list[CellAuthority]:
    """One or more authorities; two in a cell share a DCS, as in the handbook's quartet.

    "and" is part of names such as "Brighton and Hove", so a cell is split only after
    a closing bracket ("… (LR for R) and …") or at ";", "+" or "/".
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        return []
    if _unbalanced(cleaned):
        raise CellError(f"“{cleaned}” has brackets that do not match.")
    parts = [p for chunk in re.split(r"\s*[;+/]\s*", cleaned) for p in SPLIT_AFTER_LR.split(chunk)]
    return [_one_authority(part, cleaned) for part in parts]


def _one_authority(part: str, cell: str) -> CellAuthority:
    name, _, notes = part.partition("(")
    name = name.strip()
    if not name:
        raise CellError(f"“{cell}” has a bracket with no authority name before it.")
    lr_for: str | None = None
    trailing = re.sub(r"\([^()]*\)", "", "(" + notes if notes else "").strip()
    if trailing:
        raise CellError(
            f"“{trailing}” after {name} is not understood: put a second authority after "
            "“and”, once the first one’s “(LR for …)” is closed."
        )
    for note in re.findall(r"\(([^()]*)\)", "(" + notes if notes else ""):
        match = LR_NOTE.match(note.strip())
        if not match:
            raise CellError(
                f"“({note.strip()})” after {name} is not understood: only “(LR for …)” "
                "can follow an authority’s name."
            )
        if lr_for is not None:
            raise CellError(
                f"{name} has two “(LR for …)”; a DCS is lead reviewer for exactly one authority."
            )
        lr_for = match.group(1).strip()
        if not lr_for:
            raise CellError(f"{name}’s “(LR for …)” does not say which authority it reviews.")
    return CellAuthority(name, lr_for)


def _unbalanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth not in (0, 1):
            return True
    return depth != 0
