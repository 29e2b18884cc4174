"""Stored tables. Datetimes are aware UTC (sqlmodel insists, and rightly so).

Planning: Cycle → Day → DayAuthority (presenting order, DCS, lead reviewer) and Attendee.
Running: Day → Stage (day-level or a Session's) → Note, Exchange (asks and offers),
Action, PlenaryItem, Introduction. Setting holds small editable preferences.

A column added after the first release needs a step in migrations.py as well. Rows two
people may edit at once on a shared database are Versioned (versioned.py).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text
from sqlmodel import Field, SQLModel

from facilitator.common.vocabulary import (
    DayKind,
    DayMode,
    DayStatus,
    ExchangeKind,
    ExchangeScope,
    FindingSection,
    FollowUpKind,
    FollowUpStatus,
    NoteTag,
    PlenaryQuestion,
    StageKind,
)
from facilitator.storage.versioned import Versioned


class Cycle(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)
    region: str = ""


class Authority(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    short_name: str = ""


class Person(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    authority_id: int | None = Field(default=None, foreign_key="authority.id", index=True)
    name: str
    role: str = ""
    is_dcs: bool = False


class Day(Versioned, table=True):
    id: int | None = Field(default=None, primary_key=True)
    cycle_id: int | None = Field(default=None, foreign_key="cycle.id", index=True)
    number: int | None = None
    date: dt.date
    kind: DayKind = DayKind.TRIAD
    mode: DayMode = DayMode.FACE_TO_FACE
    venue: str = ""
    meeting_link: str = ""
    facilitator: str = ""
    start_time: dt.time = dt.time(10, 0)
    finish_limit: dt.time | None = None
    status: DayStatus = DayStatus.PLANNED


class DayAuthority(Versioned, table=True):
    """An authority taking part in a day, in presenting order.

    Two authorities may share one DCS, so the DCS is a reference, not a flag here.
    """

    id: int | None = Field(default=None, primary_key=True)
    day_id: int = Field(foreign_key="day.id", index=True, ondelete="CASCADE")
    authority_id: int = Field(foreign_key="authority.id")
    position: int
    dcs_id: int | None = Field(default=None, foreign_key="person.id")
    reviews_authority_id: int | None = Field(default=None, foreign_key="authority.id")


class Attendee(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    day_id: int = Field(foreign_key="day.id", index=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id")


class Session(Versioned, table=True):
    """One presenting authority's two hours: presentation to reflection and actions."""

    id: int | None = Field(default=None, primary_key=True)
    day_id: int = Field(foreign_key="day.id", index=True, ondelete="CASCADE")
    authority_id: int = Field(foreign_key="authority.id")
    position: int
    topical_invitation: bool | None = None
    topical_topic: str = ""
    # Whose turn it is to question, as an index into the session's turn order (turns.py).
    # Added in schema version 2; the server default matches the migration's ALTER TABLE.
    turn: int = Field(default=0, sa_column_kwargs={"server_default": text("0")})


class Stage(Versioned, table=True):
    """A timed item of the day's agenda; session stages point at their session."""

    id: int | None = Field(default=None, primary_key=True)
    day_id: int = Field(foreign_key="day.id", index=True, ondelete="CASCADE")
    session_id: int | None = Field(default=None, foreign_key="session.id", ondelete="CASCADE")
    position: int
    kind: StageKind
    planned_minutes: int
    min_minutes: int = 0
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    paused_at: dt.datetime | None = None
    paused_seconds: float = 0.0


class Note(Versioned, table=True):
    id: int | None = Field(default=None, primary_key=True)
    day_id: int = Field(foreign_key="day.id", index=True, ondelete="CASCADE")
    # Indexed since schema 8: a stage's and a session's bullets are read on every keystroke,
    # and a region's database holds ten years of them (docs/scale.md).
    session_id: int | None = Field(
        default=None, foreign_key="session.id", index=True, ondelete="CASCADE"
    )
    stage_id: int | None = Field(
        default=None, foreign_key="stage.id", index=True, ondelete="SET NULL"
    )
    text: str
    tag: NoteTag = NoteTag.NOTE
    authority_id: int | None = Field(default=None, foreign_key="authority.id")
    person_id: int | None = Field(default=None, foreign_key="person.id")
    question_id: str | None = None
    position: int
    created_at: dt.datetime
    edited_at: dt.datetime


class Exchange(Versioned, table=True):
    """An ask (support wanted) or an offer (good practice to share)."""

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="session.id", index=True, ondelete="CASCADE")
    kind: ExchangeKind
    authority_id: int = Field(foreign_key="authority.id")
    topic: str
    detail: str = ""
    scope: ExchangeScope = ExchangeScope.BILATERAL
    counterpart_id: int | None = Field(default=None, foreign_key="authority.id")
    position: int = 0


class Action(Versioned, table=True):
    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="session.id", index=True, ondelete="CASCADE")
    text: str
    owner: str = ""
    position: int = 0


class PlenaryItem(Versioned, table=True):
    id: int | None = Field(default=None, primary_key=True)
    day_id: int = Field(foreign_key="day.id", index=True, ondelete="CASCADE")
    question: PlenaryQuestion
    text: str
    person_id: int | None = Field(default=None, foreign_key="person.id")
    authority_id: int | None = Field(default=None, foreign_key="authority.id")
    position: int = 0


class FocusRisk(Versioned, table=True):
    """What the presenting DCS asked the group to explore: a theme or single bank question
    pinned from the bank, or (`text`, with no theme) a risk in the DCS's own words."""

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="session.id", index=True, ondelete="CASCADE")
    theme_id: str
    question_id: str | None = None
    position: int = 0
    text: str = ""


class AskedQuestion(SQLModel, table=True):
    """A question put to the presenting team. The words are kept, so the record never
    depends on the bank staying the same; `question_id` links back when it came from it."""

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="session.id", index=True, ondelete="CASCADE")
    question_id: str | None = None
    theme_id: str | None = None
    theme_title: str = ""
    text: str
    authority_id: int | None = Field(default=None, foreign_key="authority.id")
    person_id: int | None = Field(default=None, foreign_key="person.id")
    asked_at: dt.datetime


class ScaleAnswer(SQLModel, table=True):
    """A 0–10 answer to a scale question in a session: the presenting authority rating itself.

    `authority_id` is whose rating it is (the session's presenting authority);
    `asked_by_authority_id` the visiting authority that asked, when known. Rows written before
    version 3 have no asker, and their `authority_id` may be the asking authority: a migration
    cannot tell, so they are left as they were.
    """

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="session.id", index=True, ondelete="CASCADE")
    question_id: str
    authority_id: int = Field(foreign_key="authority.id")
    value: int
    answered_at: dt.datetime
    asked_by_authority_id: int | None = Field(default=None, foreign_key="authority.id")


class Introduction(Versioned, table=True):
    """What one person wants to give to and receive from the day, said at the start.

    `person_id` is None for someone who is not on the day's list (a guest, an observer).
    """

    id: int | None = Field(default=None, primary_key=True)
    day_id: int = Field(foreign_key="day.id", index=True, ondelete="CASCADE")
    person_id: int | None = Field(default=None, foreign_key="person.id")
    name: str
    authority_id: int | None = Field(default=None, foreign_key="authority.id")
    gives: str = ""
    receives: str = ""
    position: int = 0


class Setting(SQLModel, table=True):
    """A small preference kept in the data file, so it travels with the facilitator's work."""

    key: str = Field(primary_key=True)
    value: str  # JSON text


class Challenger(Versioned, table=True):
    """A senior leader in the regional pool of peer challengers (facilitator/pool/), from
    their expression of interest and their DCS's approval. Added in schema version 5.

    `expertise`, `roles_applied` and `roles_approved` hold the form's ticked boxes as their
    words joined by semicolons, in the form's order (pool/people.py reads and writes them).
    """

    id: int | None = Field(default=None, primary_key=True)
    name: str
    authority: str
    position: str = ""
    email: str = ""
    telephone: str = ""
    expertise: str = ""
    other_expertise: str = ""
    roles_applied: str = ""
    roles_approved: str = ""
    sponsor_dcs: str = ""
    approved_on: dt.date | None = None
    training: str = ""
    trained_on: dt.date | None = None
    availability: str = ""


class ReviewServed(SQLModel, table=True):
    """A review a challenger served on: a label and a date for now (reviews proper come
    later). Added in schema version 5."""

    id: int | None = Field(default=None, primary_key=True)
    challenger_id: int = Field(foreign_key="challenger.id", index=True, ondelete="CASCADE")
    review: str
    served_on: dt.date


class Review(Versioned, table=True):
    """A Peer Challenge Team Review or Safeguarding Assurance Visit (facilitator/reviews/), as
    the regional plan schedules it. Added in schema version 6.

    `kind` is a ReviewKind's name. `leads` and `qa` hold people as "name (authority)" joined
    by semicolons, `lead_words` the schedule's own words for the leads; `date_words` the date
    as written, with the `earliest` and `latest` day it can mean (None while TBC); `days` a
    PCTR's fixed days as ISO dates joined by semicolons.
    """

    id: int | None = Field(default=None, primary_key=True)
    kind: str
    host: str
    lead_words: str = ""
    leads: str = ""
    qa: str = ""
    date_words: str = ""
    earliest: dt.date | None = None
    latest: dt.date | None = None
    kloe: str = ""
    days: str = ""
    hypotheses: str = ""  # added in schema version 7


class ReviewMember(SQLModel, table=True):
    """Someone from the pool on a review's team, in one role (a team_rules.Role's name).
    `service_id` is the entry this put in their service history. Added in schema version 6."""

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True, ondelete="CASCADE")
    challenger_id: int = Field(foreign_key="challenger.id", index=True, ondelete="CASCADE")
    role: str
    service_id: int | None = Field(default=None, foreign_key="reviewserved.id", ondelete="SET NULL")


class ReviewFinding(Versioned, table=True):
    """One line of a PCTR or SAV report (facilitator/follow_up/review_findings.py): a finding,
    strength, area for development or recommendation, in the report's order. Version 7."""

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True, ondelete="CASCADE")
    section: FindingSection
    text: str
    position: int = 0


class FollowUp(Versioned, table=True):
    """Something to be done after a day or a review, with who, when and how it stands
    (facilitator/follow_up/). Added in schema version 7.

    What it follows up is one of: an action (`action_id`), an ask or offer tracked to agreed
    support (`exchange_id`, `support` the Annex 1 option's name), a review's recommendation
    (`finding_id`), or a review's host report or a reflective process (`review_id`, with
    `challenger_id` for a team member's). Each goes with what it follows up.
    """

    id: int | None = Field(default=None, primary_key=True)
    kind: FollowUpKind
    action_id: int | None = Field(
        default=None, foreign_key="action.id", index=True, ondelete="CASCADE"
    )
    exchange_id: int | None = Field(
        default=None, foreign_key="exchange.id", index=True, ondelete="CASCADE"
    )
    finding_id: int | None = Field(
        default=None, foreign_key="reviewfinding.id", index=True, ondelete="CASCADE"
    )
    review_id: int | None = Field(
        default=None, foreign_key="review.id", index=True, ondelete="CASCADE"
    )
    challenger_id: int | None = Field(
        default=None, foreign_key="challenger.id", ondelete="SET NULL"
    )
    who: str = ""
    support: str = ""
    due_from: dt.date | None = None
    due_on: dt.date | None = None
    status: FollowUpStatus = FollowUpStatus.OPEN
    done_on: dt.date | None = None
    note: str = ""


class AgendaTemplate(SQLModel, table=True):
    """`shape` is JSON: {"format": 1, "start": "10:00", "items": [...]}.

    Each item is {"kind", "minutes", "min", "session"}; "session" is the presenting place
    (0-based) of the session the stage belongs to, or null for introductions and breaks.
    """

    __tablename__ = "agenda_template"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    kind: DayKind
    shape: str
