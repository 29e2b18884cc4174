"""Dates as review schedules write them: exact, or a span, or not yet known.

Seed 001's tables say "10-12 Aug 2015", "Jan-Mar 2016", "Sept-Oct 2016", "May 2015" and
"Autumn 2015"; planners also write "w/c 12 October 2015", "12/10/2015" and "TBC". A VagueDate
keeps the words as written with the earliest and latest day they can mean.

Seasons are meteorological, as UK planners use them: Spring = March to May, Summer = June to
August, Autumn = September to November, Winter = December to February, and "Winter 2015"
runs from December 2015 into February 2016 (the winter that starts in that year).
"w/c" (week commencing) must name a Monday and covers that working week, Monday to Friday.
A month span whose last month comes before its first ("Dec-Feb 2016") starts in the year
before the one written. A year alone ("2016") is the whole calendar year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["VagueDate", "VagueDateError", "parse_vague_date"]

# Words that mean "not fixed yet"; an empty cell is not one of them.
UNKNOWN_WORDS = frozenset({"tbc", "tba", "tbd", "to be confirmed", "to be arranged"})

_MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    _MONTHS[calendar.month_name[_number].casefold()] = _number
    _MONTHS[calendar.month_abbr[_number].casefold()] = _number
_MONTHS["sept"] = 9

# (first month, number of months) of each season.
_SEASONS = {"spring": (3, 3), "summer": (6, 3), "autumn": (9, 3), "fall": (9, 3), "winter": (12, 3)}

_MONTH = r"(?P<{0}>[a-z]+)\.?"
_DAY = r"(?P<{0}>\d{{1,2}})(?:st|nd|rd|th)?"
_YEAR = r"(?P<{0}>\d{{4}})"
_DASH = r"\s*(?:-|–|—|to)\s*"
_PATTERNS = {
    "numeric": re.compile(r"(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4}|\d{2})"),
    "iso": re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"),
    "day": re.compile(rf"{_DAY.format('d')}\s+{_MONTH.format('m')},?\s+{_YEAR.format('y')}"),
    "days": re.compile(
        rf"{_DAY.format('d')}{_DASH}{_DAY.format('d2')}\s+{_MONTH.format('m')},?\s+"
        + _YEAR.format("y")
    ),
    "day_to_day": re.compile(
        rf"{_DAY.format('d')}\s+{_MONTH.format('m')}{_DASH}{_DAY.format('d2')}\s+"
        + rf"{_MONTH.format('m2')},?\s+{_YEAR.format('y')}"
    ),
    "week": re.compile(
        rf"(?:w/?c|week commencing)\s+{_DAY.format('d')}\s+{_MONTH.format('m')},?\s+"
        + _YEAR.format("y")
    ),
    "month": re.compile(rf"{_MONTH.format('m')},?\s+{_YEAR.format('y')}"),
    "months": re.compile(
        rf"{_MONTH.format('m')}{_DASH}{_MONTH.format('m2')},?\s+{_YEAR.format('y')}"
    ),
    "month_to_month": re.compile(
        rf"{_MONTH.format('m')}\s+{_YEAR.format('y')}{_DASH}{_MONTH.format('m2')}\s+"
        + _YEAR.format("y2")
    ),
    "year": re.compile(_YEAR.format("y")),
}

FORMS = (
    "12/10/2015, 12 October 2015, 10-12 Aug 2015, w/c 12 October 2015, October 2015, "
    "Jan-Mar 2016, Nov 2015-Feb 2016, Autumn 2015, 2016 or TBC"
)


class VagueDateError(ValueError):
    """Words that are not a date Balcony can read; the message says what to write."""


@dataclass(frozen=True)
class VagueDate:
    """A date as written, with the earliest and latest day it can mean (None when TBC)."""

    words: str
    earliest: dt.date | None = None
    latest: dt.date | None = None

    def __post_init__(self) -> None:
        if (self.earliest is None) != (self.latest is None):
            raise ValueError("A date needs both its earliest and latest day, or neither.")
        if self.earliest and self.latest and self.latest < self.earliest:
            raise ValueError(f"“{self.words}” ends before it starts.")

    @classmethod
    def exact(cls, day: dt.date) -> VagueDate:
        return cls(f"{day.day} {day:%B %Y}", day, day)

    @property
    def known(self) -> bool:
        """False while the date is still to be confirmed."""
        return self.earliest is not None

    @property
    def is_exact(self) -> bool:
        return self.earliest is not None and self.earliest == self.latest

    @property
    def years(self) -> tuple[int, ...]:
        """The calendar years the date may fall in (none while TBC)."""
        if self.earliest is None or self.latest is None:
            return ()
        return tuple(range(self.earliest.year, self.latest.year + 1))

    def __str__(self) -> str:
        return self.words


def parse_vague_date(words: str) -> VagueDate:
    """The VagueDate the words mean; VagueDateError if they mean none (see module doc)."""
    text = " ".join(words.split())
    key = text.casefold().rstrip(".")
    if not key:
        raise VagueDateError("The date is empty: give a date, a span such as Jan-Mar 2016, or TBC.")
    if key in UNKNOWN_WORDS:
        return VagueDate(text)
    if season := _season(key):
        return VagueDate(text, *season)
    for form, pattern in _PATTERNS.items():
        if match := pattern.fullmatch(key):
            earliest, latest = _span(form, match.groupdict())
            if latest < earliest:
                raise VagueDateError(f"“{text}” ends before it starts: put the earlier date first.")
            return VagueDate(text, earliest, latest)
    raise VagueDateError(f"“{text}” is not a date Balcony can read: write it like {FORMS}.")


def _season(key: str) -> tuple[dt.date, dt.date] | None:
    match = re.fullmatch(r"(spring|summer|autumn|fall|winter)\s+(\d{4})", key)
    if match is None:
        return None
    first, months = _SEASONS[match.group(1)]
    year = int(match.group(2))
    return _first_day(year, first), _last_day(year, first + months - 1)


def _span(form: str, parts: dict[str, str | None]) -> tuple[dt.date, dt.date]:
    year = _year(parts["y"] or "")
    if form == "year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = _month(parts["m"] or "")
    if form in ("month", "months", "month_to_month"):
        last = _month(parts.get("m2") or parts["m"] or "")
        start_year = year
        if form == "month_to_month":
            end_year = _year(parts["y2"] or "")
            return _first_day(year, month), _last_day(end_year, last)
        if last < month:
            start_year = year - 1
        return _first_day(start_year, month), _last_day(year, last)
    day = _day(year, month, parts["d"] or "")
    if form == "week":
        if day.weekday() != 0:
            raise VagueDateError(
                f"w/c means the week commencing a Monday, but {day:%d %B %Y} is a {day:%A}: "
                "give the Monday of that week."
            )
        return day, day + dt.timedelta(days=4)
    if form == "days":
        return day, _day(year, month, parts["d2"] or "")
    if form == "day_to_day":
        return day, _day(year, _month(parts["m2"] or ""), parts["d2"] or "")
    return day, day


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def _month(text: str) -> int:
    if text.isdigit() and 1 <= int(text) <= 12:
        return int(text)
    if text not in _MONTHS:
        raise VagueDateError(f"“{text}” is not a month: write it as October or Oct.")
    return _MONTHS[text]


def _day(year: int, month: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, int(text))
    except ValueError:
        raise VagueDateError(
            f"{calendar.month_name[month]} {year} has no day {int(text)}: check the day."
        ) from None


def _first_day(year: int, month: int) -> dt.date:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dt.date(year, month, 1)


def _last_day(year: int, month: int) -> dt.date:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dt.date(year, month, calendar.monthrange(year, month)[1])
