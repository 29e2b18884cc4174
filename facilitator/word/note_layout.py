"""A session note laid out once: its blocks in order, with every wording choice made here.

The Word builder (session_note) and the printout (ui.records.printing) both render these
blocks, so Word and paper say the same things in the same order. No python-docx here, as in
record_content: the layout lives beside the content it lays out, in facilitator.word, because
the Word builder renders it and facilitator.word never imports facilitator.records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from facilitator.common.wording import long_date
from facilitator.word.record_content import (
    NONE_RECORDED,
    Bullet,
    DayFacts,
    SessionNoteContent,
    StageTime,
    TeamAttendance,
)
from facilitator.word.session_note_words import (
    ACTIONS,
    APPENDIX,
    ASKS,
    CONFIDENTIAL,
    DISCUSSION,
    FOCUS_RISKS,
    INSIGHTS,
    NEW_QUESTIONS,
    NOT_RUN,
    OFFERS,
    OTHER_NOTES,
    PRESENTATION,
    QUESTIONS,
    REACTION,
    REFLECTION,
    RUNNING_NOTE,
    SIGN_OFF,
    STAGE_TIME_HEADERS,
    STRENGTHS,
    TOPICAL,
    WHO_TOOK_PART,
    WHOLE_SESSION,
)

STAGE_TIME_WIDTHS = (8.2, 2.6, 2.6, 2.6)  # centimetres, in Word


class Look(Enum):
    """How a paragraph reads: Word and paper each turn it into their own formatting."""

    PLAIN = "plain"
    STATUS = "status"  # bold: the status line under the title
    CONFIDENTIAL = "confidential"  # italic
    NONE_RECORDED = "none"  # italic: a section with nothing in it
    MARKING = "marking"  # paper only: the protective marking, top and foot of the page
    MARK = "mark"  # paper only: "DRAFT for amendment — version 2", "Agreed on …"


@dataclass(frozen=True)
class Heading:
    text: str
    level: int


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; `marked`, the words it ends with, sits in `bookmark` in Word."""

    text: str
    look: Look = Look.PLAIN
    marked: str = ""
    bookmark: str = ""


@dataclass(frozen=True)
class Item:
    """A bullet, with the bullets one level below it (a question's scores and answers)."""

    bullet: Bullet
    below: tuple[Bullet, ...] = ()


@dataclass(frozen=True)
class Bullets:
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Details:
    """Label and value rows under the title: no header row."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Attendance:
    """Who took part: one person a row, each row naming the authority (never empty)."""

    teams: tuple[TeamAttendance, ...]

    @property
    def rows(self) -> tuple[tuple[str, str, str], ...]:
        return tuple((t.authority, p.name, p.role) for t in self.teams for p in t.people)


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    right: tuple[int, ...] = ()  # columns aligned right (numbers)
    bold_last: bool = False  # a total row
    keep_together: bool = False


Block = Heading | Paragraph | Bullets | Details | Attendance | Table
NONE = Paragraph(NONE_RECORDED, Look.NONE_RECORDED)


def bullet_text(item: Bullet) -> str:
    """A bullet's words as a reader sees them: lead-in, text, then who in brackets."""
    attribution = item.attribution.strip()
    return f"{item.lead}{item.text}" + (f" ({attribution})" if attribution else "")


def day_details(day: DayFacts) -> list[tuple[str, str]]:
    rows = [("Date", long_date(day.date)), ("Day", day.label)]
    if day.cycle_label:
        rows.append(("Cycle", day.cycle_label))
    rows.append(("Where", day.place))
    if day.facilitator:
        rows.append(("Facilitator", day.facilitator))
    return rows


def session_note_layout(
    content: SessionNoteContent,
    *,
    status_line: str,
    sign_off: Sequence[str],
    marking: str | None = None,
    mark: str = "",
) -> tuple[Block, ...]:
    """The note from title to appendix. `marking` and `mark` are for paper, where they open
    the page (and the marking closes it); Word carries them in its headers and footers."""
    blocks: list[Block] = []
    if marking:
        blocks.append(Paragraph(marking, Look.MARKING))
    if mark:
        blocks.append(Paragraph(mark, Look.MARK))
    blocks.append(Heading(content.title, 1))
    if status_line.strip():
        blocks.append(Paragraph(status_line.strip(), Look.STATUS))
    lead = ("Lead reviewer", content.lead_reviewer or "Not recorded")
    blocks.append(Details((*day_details(content.day), lead)))
    blocks.append(Paragraph(CONFIDENTIAL.format(authority=content.authority), Look.CONFIDENTIAL))
    blocks.append(Heading(WHO_TOOK_PART, 2))
    attendance = Attendance(content.attendance)
    blocks.append(attendance if attendance.rows else NONE)
    # The stages in order: presentation, questioning, affirmation, the balcony, reaction,
    # reflection and actions. review.note_sections follows the same order.
    blocks += _section(FOCUS_RISKS, content.focus_risks)
    if content.presentation:
        blocks += _section(PRESENTATION, content.presentation)
    blocks += _questions(content)
    blocks += _section(STRENGTHS, content.strengths)
    blocks += _section(INSIGHTS, content.insights)
    blocks += _section(REACTION, content.reaction)
    if content.reflection:
        blocks += _section(REFLECTION, content.reflection)
    blocks += _section(ACTIONS, content.actions)
    blocks += _section(ASKS, content.asks)
    blocks += _section(OFFERS, content.offers)
    blocks += [
        Heading(TOPICAL, 2),
        Paragraph(
            content.topical_invitation,
            marked=content.topical_topic,
            bookmark=content.topical_bookmark_name,
        ),
    ]
    if content.other_notes:
        blocks += _section(OTHER_NOTES, content.other_notes)
    if sign_off:
        blocks.append(Heading(SIGN_OFF, 2))
        blocks += [Paragraph(line) for line in sign_off]
    blocks += _stage_times(content.stage_times)
    if marking:
        blocks.append(Paragraph(marking, Look.MARKING))
    return tuple(blocks)


def _bullets(items: Sequence[Bullet]) -> Block:
    return Bullets(tuple(Item(item) for item in items)) if items else NONE


def _section(title: str, items: Sequence[Bullet]) -> list[Block]:
    return [Heading(title, 2), _bullets(items)]


def _questions(content: SessionNoteContent) -> list[Block]:
    blocks: list[Block] = [Heading(QUESTIONS, 2)]
    if not (content.themes or content.new_questions or content.discussion):
        blocks.append(NONE)
    for theme in content.themes:
        blocks.append(Heading(theme.title, 3))
        blocks.append(Bullets(tuple(Item(q.question, q.answers) for q in theme.questions)))
    if content.new_questions:
        blocks += [Heading(NEW_QUESTIONS, 3), _bullets(content.new_questions)]
    if content.discussion:
        blocks += [Heading(DISCUSSION, 3), _bullets(content.discussion)]
    return blocks


def _stage_times(times: tuple[StageTime, ...]) -> list[Block]:
    if not times:
        return []
    run = [t for t in times if t.actual_minutes is not None]
    total = StageTime(
        WHOLE_SESSION,
        sum(t.planned_minutes for t in times),
        sum(t.actual_minutes or 0 for t in run) if run else None,
    )
    rows = tuple(_time_row(t) for t in (*times, total))
    table = Table(
        STAGE_TIME_HEADERS,
        rows,
        STAGE_TIME_WIDTHS,
        right=(1, 2, 3),
        bold_last=True,
        keep_together=True,
    )
    blocks: list[Block] = [Heading(APPENDIX, 2), table]
    if any(t.running for t in times):
        blocks.append(Paragraph(RUNNING_NOTE))
    return blocks


def _time_row(time: StageTime) -> tuple[str, str, str, str]:
    if time.actual_minutes is None:
        return (time.title, str(time.planned_minutes), NOT_RUN, "")
    difference = time.difference or 0
    sign = "+" if difference > 0 else "−" if difference < 0 else ""
    actual = f"{time.actual_minutes} so far" if time.running else str(time.actual_minutes)
    return (time.title, str(time.planned_minutes), actual, f"{sign}{abs(difference)}")
