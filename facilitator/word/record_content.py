"""What the record documents say, as frozen values: one source for the Word files and the
printout.

No python-docx here, as in agenda_content: facilitator.records gathers these values from the
stored day, the builders of this package lay them out in Word, and the UI prints them. Each
document's `identifier` is its RecordKey's: the round trip knows a returned file by it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from facilitator.common.vocabulary import ExchangeKind
from facilitator.common.wording import join_names, long_date

DEFAULT_MARKING = "OFFICIAL-SENSITIVE"
NONE_RECORDED = "None recorded."
# Every heading sits in a bookmark named heading-1, heading-2… in reading order, so a returned
# copy's sections are found even when a word processor restyles a heading.
HEADING_BOOKMARK = "heading-"


@dataclass(frozen=True)
class Stamp:
    """How a record document is made, whatever it says: when, under which protective marking
    (None: none), and in a Word template with the organisation's letterhead (None: Balcony's
    own page). `version` and `status` go in its properties, for the record's history."""

    generated_at: dt.datetime
    marking: str | None = DEFAULT_MARKING
    template: Path | None = None
    version: int | None = None
    status: str = ""


@dataclass(frozen=True)
class Bullet:
    """One line of a list: its stored text (inside the bookmark), perhaps a bold lead-in
    (also inside), and who said it or whose it is (outside, in grey)."""

    text: str
    bookmark: str = ""
    attribution: str = ""
    lead: str = ""


@dataclass(frozen=True)
class DayFacts:
    day_id: int
    date: dt.date
    kind_label: str
    cycle_name: str
    number: int | None
    place: str
    facilitator: str
    authorities: tuple[str, ...]

    @property
    def label(self) -> str:
        """ "Triad: Ashvale, Brackenmoor and Corriford"."""
        return f"{self.kind_label}: {join_names(self.authorities)}"

    @property
    def cycle_label(self) -> str:
        if self.cycle_name and self.number:
            return f"{self.cycle_name}, day {self.number}"
        return self.cycle_name or (f"Day {self.number}" if self.number else "")

    @property
    def author(self) -> str:
        return self.facilitator or "Balcony"


@dataclass(frozen=True)
class PersonLine:
    """One row of the attendance table; the bookmarks, when set, let a director's correction
    of a name or role be taken in (see attendance_bookmark)."""

    name: str
    role: str = ""
    name_bookmark: str = ""
    role_bookmark: str = ""


def topical_bookmark(session_id: int) -> str:
    return f"topical-{session_id}"


def attendance_bookmark(authority_id: int, part: str, index: int | None = None) -> str:
    """ "team-4-dcs" for a DCS's name; "team-4-name-0" and "team-4-role-0" for the first
    colleague's name and role."""
    return f"team-{authority_id}-{part}" + (f"-{index}" if index is not None else "")


@dataclass(frozen=True)
class TeamAttendance:
    authority: str
    people: tuple[PersonLine, ...]


SCORES = "Scores out of 10: "


@dataclass(frozen=True)
class ScaleScore:
    """A presenting authority's rating of itself, and who asked for it when that is known."""

    authority: str
    value: int
    asked_by: str = ""

    @property
    def text(self) -> str:
        asked = f" (asked by {self.asked_by})" if self.asked_by else ""
        return f"{self.authority} {self.value}{asked}"


@dataclass(frozen=True)
class QuestionExplored:
    question: Bullet
    scale_low: str = ""
    scale_high: str = ""
    scores: tuple[ScaleScore, ...] = ()
    notes: tuple[Bullet, ...] = ()

    @property
    def answers(self) -> tuple[Bullet, ...]:
        """What a note shows under the question: its 0–10 scores first, then its notes."""
        if not self.scores:
            return self.notes
        scores = ", ".join(s.text for s in self.scores)
        anchors = ""
        if self.scale_low and self.scale_high:
            anchors = f"0 {self.scale_low}, 10 {self.scale_high}"
        return (Bullet(scores, attribution=anchors, lead=SCORES), *self.notes)


@dataclass(frozen=True)
class ThemeExplored:
    title: str
    questions: tuple[QuestionExplored, ...]


@dataclass(frozen=True)
class StageTime:
    title: str
    planned_minutes: int
    actual_minutes: int | None  # None: not run
    running: bool = False

    @property
    def difference(self) -> int | None:
        if self.actual_minutes is None:
            return None
        return self.actual_minutes - self.planned_minutes


@dataclass(frozen=True)
class SessionNoteContent:
    identifier: str
    day: DayFacts
    session_id: int
    authority_id: int
    authority: str
    lead_reviewer: str
    presenting_dcs: str  # the presenting authority's DCS, "" if not recorded
    attendance: tuple[TeamAttendance, ...]
    focus_risks: tuple[Bullet, ...]
    presentation: tuple[Bullet, ...]
    strengths: tuple[Bullet, ...]
    themes: tuple[ThemeExplored, ...]
    new_questions: tuple[Bullet, ...]
    discussion: tuple[Bullet, ...]
    insights: tuple[Bullet, ...]
    reaction: tuple[Bullet, ...]
    reflection: tuple[Bullet, ...]
    actions: tuple[Bullet, ...]
    asks: tuple[Bullet, ...]
    offers: tuple[Bullet, ...]
    topical_invitation: str
    other_notes: tuple[Bullet, ...]
    stage_times: tuple[StageTime, ...]
    # Every text stored for this session: the confidentiality check never counts these.
    own_texts: frozenset[str]
    # The invitation's topic, ending topical_invitation, in a bookmark of its own, so a
    # director's widening of it can be taken in (topical_bookmark).
    topical_topic: str = ""
    topical_bookmark_name: str = ""

    @property
    def title(self) -> str:
        return f"Peer challenge session note: {self.authority}"

    @property
    def author(self) -> str:
        return self.day.author

    @property
    def keywords(self) -> str:
        return self.authority


@dataclass(frozen=True)
class AuthorityBullets:
    """Lines under one heading: an authority (day summary) or a day (cycle report)."""

    heading: str
    bullets: tuple[Bullet, ...]


@dataclass(frozen=True)
class ExchangeRow:
    authority: str
    kind: ExchangeKind
    topic: str
    detail: str
    scope: str
    counterpart: str
    bookmark: str = ""

    @property
    def kind_label(self) -> str:
        return self.kind.label


@dataclass(frozen=True)
class RankedItem:
    rank: int
    text: str
    who: str = ""
    bookmark: str = ""


@dataclass(frozen=True)
class PlenaryAnswers:
    question: str
    bullets: tuple[Bullet, ...]


@dataclass(frozen=True)
class DaySummaryContent:
    identifier: str
    day: DayFacts
    best_practice: tuple[AuthorityBullets, ...]
    systemic_issues: tuple[AuthorityBullets, ...]
    priorities: tuple[RankedItem, ...]
    exchanges: tuple[ExchangeRow, ...]
    plenary: tuple[PlenaryAnswers, ...]
    attendance: tuple[TeamAttendance, ...]

    @property
    def title(self) -> str:
        return f"Peer challenge day summary: {long_date(self.day.date)}"

    @property
    def author(self) -> str:
        return self.day.author

    @property
    def keywords(self) -> str:
        return ", ".join(self.day.authorities)


@dataclass(frozen=True)
class CycleDay:
    label: str
    date: dt.date
    kind_label: str
    authorities: tuple[str, ...]
    place: str


@dataclass(frozen=True)
class ThemeCount:
    title: str
    sessions_asked: int
    sessions_focus: int
    days: int


@dataclass(frozen=True)
class CycleExchange:
    day: str
    authority: str
    kind: ExchangeKind
    topic: str
    detail: str
    scope: str
    counterpart: str

    @property
    def kind_label(self) -> str:
        return self.kind.label


@dataclass(frozen=True)
class PriorityMention:
    """One day's priority: the day, its rank that day (1 is top) and its words."""

    day: str
    rank: int
    text: str


@dataclass(frozen=True)
class CyclePriority:
    """Priorities of several days that say much the same, in the words ranked highest."""

    rank: int
    text: str
    mentions: tuple[PriorityMention, ...]

    @property
    def days(self) -> int:
        return len({m.day for m in self.mentions})


class Tradeable(Protocol):
    @property
    def kind(self) -> ExchangeKind: ...
    @property
    def authority(self) -> str: ...
    @property
    def topic(self) -> str: ...


T = TypeVar("T", bound=Tradeable)


@dataclass(frozen=True)
class Pairing(Generic[T]):
    offer: T
    ask: T
    score: float
    shared: tuple[str, ...]


@dataclass(frozen=True)
class CycleReportContent:
    identifier: str
    cycle_name: str
    facilitators: tuple[str, ...]
    days: tuple[CycleDay, ...]
    themes: tuple[ThemeCount, ...]
    best_practice: tuple[AuthorityBullets, ...]
    systemic_issues: tuple[AuthorityBullets, ...]
    exchanges: tuple[CycleExchange, ...]
    pairings: tuple[Pairing[CycleExchange], ...]
    priorities: tuple[CyclePriority, ...]

    @property
    def title(self) -> str:
        return f"Peer challenge cycle report: {self.cycle_name}"

    @property
    def author(self) -> str:
        return ", ".join(self.facilitators) or "Balcony"

    @property
    def keywords(self) -> str:
        return self.cycle_name


class Described(Protocol):
    """What a record document's properties say of it."""

    @property
    def title(self) -> str: ...
    @property
    def identifier(self) -> str: ...
    @property
    def author(self) -> str: ...
    @property
    def keywords(self) -> str: ...
