"""How Balcony writes dates, lists of names and quoted text, in English whatever the locale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July")
MONTHS += ("August", "September", "October", "November", "December")


def long_date(day: dt.date) -> str:
    """ "Monday 18 January 2027"."""
    return f"{DAYS[day.weekday()]} {short_date(day)}"


def short_date(day: dt.date) -> str:
    """ "3 February 2027"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def join_names(names: Sequence[str], conjunction: str = "and") -> str:
    """ "Ashvale", "Ashvale and Brackenmoor", "Ashvale, Brackenmoor and Corriford".

    Blank names are left out, so a missing name never leaves a stray comma.
    """
    names = [name for name in names if name]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


def one_line(text: str) -> str:
    """Text with every run of white space (line breaks too) as one space."""
    return " ".join(text.split())
