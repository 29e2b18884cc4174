"""The kinds of review and a review's draft, as the regional plan (seed 001) schedules them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from facilitator.reviews.vague_dates import VagueDate

__all__ = [
    "MAX_PCTR_DAYS",
    "Person",
    "ReviewDraft",
    "ReviewKind",
    "fixed_days",
    "same_authority",
]

# Seed 001: "PCTRs generally last for three days"; seed 000: the visiting elements "last for
# a maximum of three days (less for Safeguarding Assurance Visits)".
MAX_PCTR_DAYS = 3

# Words that stand for "not agreed yet" in a KLoE cell (seed 001 writes "tba").
KLOE_TO_COME = frozenset({"", "tba", "tbc", "tbd", "to be agreed", "to be confirmed"})

# Short forms seed 001 uses for the nine East Midlands authorities (seed 003, 1.1), so that
# "Janice (Lincs)" is seen to be from Lincolnshire.
AUTHORITY_ALIASES = {
    "derby city": "derby",
    "leicester city": "leicester",
    "nottingham city": "nottingham",
    "nottm": "nottingham",
    "leics": "leicestershire",
    "lincs": "lincolnshire",
    "notts": "nottinghamshire",
    "northants": "northamptonshire",
    "derbys": "derbyshire",
}


class ReviewKind(StrEnum):
    PCTR = "Peer Challenge Team Review"
    SAV = "Safeguarding Assurance Visit"
    SAV_MAX = "SAV MAX"

    @property
    def is_sav(self) -> bool:
        return self is not ReviewKind.PCTR


def authority_key(name: str) -> str:
    """The name an authority is compared by: case, spacing and short forms set aside."""
    key = " ".join(name.casefold().replace("&", "and").split())
    return AUTHORITY_ALIASES.get(key, key)


def same_authority(first: str, second: str) -> bool:
    return bool(first.strip()) and authority_key(first) == authority_key(second)


@dataclass(frozen=True)
class Person:
    """Someone a schedule names: often a first name, with their authority when it says."""

    name: str
    authority: str = ""

    def __str__(self) -> str:
        return f"{self.name} ({self.authority})" if self.authority else self.name


@dataclass(frozen=True)
class ReviewDraft:
    """A review as planned: who hosts and leads it, when, and what it looks into.

    `leads` is the lead DCS of a PCTR, or the lead AD (sometimes several) of a SAV; `qa` the
    QA DCS of a PCTR (seed 001 once names two, "Derek/Colin"). `kloe` holds the key lines of
    enquiry as written, "" or "tba" until agreed. `days` are a PCTR's days once fixed (at
    most MAX_PCTR_DAYS, within `dates`). `lead_words` keep the schedule's words for the
    leads, such as "Janice (Lincolnshire) +", where a "+" means more are to be named.
    """

    kind: ReviewKind
    host: str
    dates: VagueDate
    leads: tuple[Person, ...] = ()
    qa: tuple[Person, ...] = ()
    kloe: str = ""
    days: tuple[dt.date, ...] = ()
    lead_words: str = ""

    def __post_init__(self) -> None:
        if not self.host.strip():
            raise ValueError("A review needs the authority that hosts it.")
        if self.kind.is_sav and self.qa:
            raise ValueError("Only a Peer Challenge Team Review has a QA DCS.")
        if self.kind is ReviewKind.PCTR and len(self.days) > MAX_PCTR_DAYS:
            raise ValueError(
                f"A Peer Challenge Team Review lasts at most {MAX_PCTR_DAYS} days, "
                f"not {len(self.days)}."
            )
        if list(self.days) != sorted(set(self.days)):
            raise ValueError("A review's days must be in order, each once.")
        earliest, latest = self.dates.earliest, self.dates.latest
        if self.days and earliest and latest and not earliest <= self.days[0] <= latest:
            raise ValueError(f"The review's days fall outside its dates ({self.dates}).")
        if self.days and latest and self.days[-1] > latest:
            raise ValueError(f"The review's days fall outside its dates ({self.dates}).")

    @property
    def kloe_agreed(self) -> bool:
        return self.kloe.strip().casefold() not in KLOE_TO_COME

    @property
    def lead_title(self) -> str:
        return "lead DCS" if self.kind is ReviewKind.PCTR else "lead AD"

    @property
    def enquiry_title(self) -> str:
        """What its `kloe` is called: a PCTR's key lines of enquiry, a SAV's focus (the
        front door, thresholds, quality assurance…)."""
        return "Key lines of enquiry" if self.kind is ReviewKind.PCTR else "Focus"


def fixed_days(kind: ReviewKind, dates: VagueDate) -> tuple[dt.date, ...]:
    """A PCTR's days, when its dates are a span of at most MAX_PCTR_DAYS days; none for a
    SAV (one day, which the span does not fix) or dates still vague."""
    if kind is not ReviewKind.PCTR or dates.earliest is None or dates.latest is None:
        return ()
    count = (dates.latest - dates.earliest).days + 1
    if count > MAX_PCTR_DAYS:
        return ()
    return tuple(dates.earliest + dt.timedelta(days=n) for n in range(count))
