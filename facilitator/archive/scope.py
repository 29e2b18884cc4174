"""Which tables an archive carries, and how a day is known from one database to another.

Every table on `SQLModel.metadata` is named here once, so a table added later must be placed
before an archive can be written (a test checks): a new column of a listed table travels
without any change, as rows are read and written column by column from the metadata.

- DAY_TABLES belong to a day: the day itself and every row hanging off it or off its
  sessions, including the follow-ups of its actions and its asks and offers.
- SHARED_TABLES are shared between days and matched by a natural key, never duplicated: a
  cycle by its name, an authority by its name, a person by their authority's name and their
  own name.
- RECORD_TABLES are the record's versions and states (session notes and day summaries of
  the archived days). They hold ids without foreign keys, and record keys with ids inside.
- LOCAL_TABLES stay on the computer: preferences, agenda templates, the facilitator's own
  question bank, and (for now) the regional pool and its reviews with their follow-ups.

A day is known across databases by its **natural key**: its date, the set of its
participating authorities' names and its cycle's name (empty for a day in no cycle). Ids
differ from laptop to laptop, so they never say which day is which.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from facilitator.common.wording import join_names, long_date, short_date

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
RECORD_TABLES = ("recordversion", "recordstate")
LOCAL_TABLES = (
    "setting",
    "agenda_template",
    "bank_hidden",
    "bank_order",
    "bank_override",
    "bank_user_question",
    "bank_user_theme",
    "challenger",
    "reviewserved",
    "review",
    "reviewmember",
    "reviewfinding",
)
CARRIED_TABLES = SHARED_TABLES + DAY_TABLES + RECORD_TABLES

# A follow-up belongs to a day through its action or its ask or offer; one that follows up
# a review (these columns set) stays behind with the pool.
POOL_COLUMNS = {"followup": ("finding_id", "review_id", "challenger_id")}


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
