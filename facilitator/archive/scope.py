"""Which tables an archive carries, and how a day, a review and a person are known from one
database to another.

Every table on `SQLModel.metadata` is named here once, so a table added later must be placed
before an archive can be written (a test checks): a new column of a listed table travels
without any change, as rows are read and written column by column from the metadata.

- DAY_TABLES belong to a day: the day itself and every row hanging off it or off its
  sessions, including the follow-ups of its actions and its asks and offers.
- SHARED_TABLES are shared between days and matched by a natural key, never duplicated: a
  cycle by its name, an authority by its name, a person by their authority's name and their
  own name.
- SCHEME_TABLES are the regional scheme's: the pool of peer challengers with their service
  history, and the reviews with their teams and report lines. They travel only in an archive
  of everything (no day and no cycle named): the scheme belongs to no day.
- RECORD_TABLES are the record's versions and states (session notes and day summaries of
  the archived days). They hold ids without foreign keys, and record keys with ids inside.
- LOCAL_TABLES stay on the computer: preferences, agenda templates and the facilitator's own
  question bank.

Ids differ from laptop to laptop, so they never say which row is which; **natural keys** do:

- A day: its date, the set of its participating authorities' names and its cycle's name
  (empty for a day in no cycle) — DayKey.
- A challenger (pool/people.py's own rule): their name and their authority's name, each
  compared without regard to case. People are shared rows: one already in the database is
  matched, never doubled, and its entry there kept as it is.
- A served review (`reviewserved`) travels with its challenger. It is the same entry when
  its challenger, its review's words (case and spacing set aside) and its date are the same;
  an entry already there is not added again.
- A review: its kind, its host (reviews/kinds.authority_key: case, spacing and short forms
  such as "Lincs" set aside) and its earliest day — or, while it has none (TBC), its date
  words (case and spacing set aside) — ReviewKey. A review already there is a conflict,
  settled as a day's is.
- A review's team (`reviewmember`) and report lines (`reviewfinding`) travel with their
  review; a team member names their challenger, and the service entry it made for them.
- A follow-up travels with what it follows up: an action, an ask or offer, a review or a
  review's line. Its `challenger_id` (a team member's reflection) names a challenger that
  travels too; where the challenger does not travel (an archive of days only), it is set to
  NULL, as deleting the challenger would. A follow-up of a review stays behind with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from facilitator.common.wording import MONTHS, join_names, long_date, short_date
from facilitator.reviews.kinds import authority_key

DAY_TABLES = (
    "day",
    "dayauthority",
    "attendee",
    "introduction",
    "plenaryitem",
    "session",
    "stage",
    "note",
    "action",
    "exchange",
    "focusrisk",
    "askedquestion",
    "scaleanswer",
    "followup",
)
SHARED_TABLES = ("cycle", "authority", "person")
SCHEME_TABLES = ("challenger", "reviewserved", "review", "reviewmember", "reviewfinding")
RECORD_TABLES = ("recordversion", "recordstate")
LOCAL_TABLES = (
    "setting",
    "agenda_template",
    "bank_hidden",
    "bank_order",
    "bank_override",
    "bank_user_question",
    "bank_user_theme",
)
CARRIED_TABLES = SHARED_TABLES + DAY_TABLES + SCHEME_TABLES + RECORD_TABLES


@dataclass(frozen=True)
class DayKey:
    """What makes a day the same day in two databases."""

    date: dt.date
    authorities: frozenset[str]
    cycle: str

    def __init__(self, date: dt.date, authorities: frozenset[str] | set[str], cycle: str):
        object.__setattr__(self, "date", date)
        object.__setattr__(self, "authorities", frozenset(authorities))
        object.__setattr__(self, "cycle", cycle)


@dataclass(frozen=True)
class DayLabel:
    """A day as a person reads it: its key with the authorities in presenting order."""

    key: DayKey
    authorities: tuple[str, ...]

    @property
    def described(self) -> str:
        """ "Tuesday 3 March 2026 — Northshire, Westvale and Eastborough (cycle 2026–27)"."""
        who = join_names(list(self.authorities)) or "no authorities"
        cycle = f" (cycle {self.key.cycle})" if self.key.cycle else " (in no cycle)"
        return f"{long_date(self.key.date)} — {who}{cycle}"

    @property
    def short(self) -> str:
        """ "3 March 2026: Northshire, Westvale and Eastborough"."""
        return f"{short_date(self.key.date)}: {join_names(list(self.authorities))}"


def day_labels(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[int, DayLabel]:
    """Each day's label by its id, from rows of day, dayauthority, authority and cycle (an
    archive's, or a database's)."""
    cycles = {row["id"]: row["name"] for row in tables.get("cycle", ())}
    authorities = {row["id"]: row["name"] for row in tables.get("authority", ())}
    taking_part: dict[int, list[tuple[int, str]]] = {}
    for row in tables.get("dayauthority", ()):
        name = authorities.get(row["authority_id"], "")
        taking_part.setdefault(row["day_id"], []).append((row["position"], name))
    labels = {}
    for day in tables.get("day", ()):
        ordered = tuple(name for _, name in sorted(taking_part.get(day["id"], [])))
        cycle = cycles.get(day["cycle_id"], "") if day["cycle_id"] is not None else ""
        labels[day["id"]] = DayLabel(DayKey(day["date"], set(ordered), cycle), ordered)
    return labels


def challenger_key(row: Mapping[str, Any]) -> tuple[str, str]:
    """Who a row of `challenger` is: the same name in the same authority, any case."""
    return str(row["name"]).casefold(), str(row["authority"]).casefold()


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class ReviewKey:
    """What makes a review the same review in two databases: its kind (a ReviewKind's
    name), its host (as authority_key compares it) and its earliest day, or its date words
    while it has no dates."""

    kind: str
    host: str
    when: dt.date | str


@dataclass(frozen=True)
class ReviewLabel:
    """A review as a person reads it: "PCTR of Northshire, 3–5 March 2027"."""

    key: ReviewKey
    host: str
    dates: str

    @property
    def described(self) -> str:
        return f"{self.key.kind.replace('_', ' ')} of {self.host}, {self.dates}"

    @property
    def short(self) -> str:
        return self.described

    @property
    def order(self) -> tuple[Any, ...]:
        when = self.key.when
        return (0, when, "") if isinstance(when, dt.date) else (1, dt.date.min, when)


def review_label(row: Mapping[str, Any]) -> ReviewLabel:
    """A `review` row's label. Its dates read as the days they span when that is a week or
    less ("3–5 March 2027"), else as the schedule wrote them ("June 2027", "TBC")."""
    earliest, latest = row["earliest"], row["latest"]
    words = " ".join(str(row["date_words"]).split())
    key = ReviewKey(str(row["kind"]), authority_key(str(row["host"])), earliest or _words(words))
    if earliest is not None and latest is not None and (latest - earliest).days < 7:
        dates = _span(earliest, latest)
    else:
        dates = words or "dates to be confirmed"
    return ReviewLabel(key, str(row["host"]), dates)


def review_labels(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[int, ReviewLabel]:
    """Each review's label by its id, from rows of review (an archive's, or a database's)."""
    return {row["id"]: review_label(row) for row in tables.get("review", ())}


def _span(first: dt.date, last: dt.date) -> str:
    if first == last:
        return short_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{short_date(last)}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]} – {short_date(last)}"
    return f"{short_date(first)} – {short_date(last)}"
