"""One presenting authority's session note as a Word file: a draft for amendment or agreed.

Confidential to that authority: it is built from that session's content alone, and every
export checks the finished document for any other session's words (facilitator.records
.confidentiality) before writing a byte. The note's wording is in session_note_words.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from facilitator.word.conventions import Document
from facilitator.word.record_content import (
    NONE_RECORDED,
    SCORES,
    SessionNoteContent,
    StageTime,
    Stamp,
    ThemeExplored,
)
from facilitator.word.record_parts import add_header_line, begin_record, day_details
from facilitator.word.record_writer import RecordWriter, bold_row
from facilitator.word.session_note_words import (
    ACTIONS,
    APPENDIX,
    ASKS,
    CONFIDENTIAL,
    DISCUSSION,
    FIXED_TEXTS,
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
    STATUS_AGREED,
    STATUS_DRAFT,
    STRENGTHS,
    SUBJECT,
    TOPICAL,
    WHO_TOOK_PART,
    WHOLE_SESSION,
    ConfidentialityError,
    agreed_mark,
    draft_mark,
    sign_off_lines,
)

# The words are offered here too: the printout and the returned-copy dialog read them as
# `session_note.X`, beside the builder that uses them.
__all__ = [
    "ACTIONS",
    "APPENDIX",
    "ASKS",
    "CONFIDENTIAL",
    "DISCUSSION",
    "FIXED_TEXTS",
    "FOCUS_RISKS",
    "INSIGHTS",
    "NEW_QUESTIONS",
    "NOT_RUN",
    "OFFERS",
    "OTHER_NOTES",
    "PRESENTATION",
    "QUESTIONS",
    "REACTION",
    "REFLECTION",
    "RUNNING_NOTE",
    "SCORES",
    "SIGN_OFF",
    "STAGE_TIME_HEADERS",
    "STATUS_AGREED",
    "STATUS_DRAFT",
    "STRENGTHS",
    "SUBJECT",
    "TOPICAL",
    "WHOLE_SESSION",
    "WHO_TOOK_PART",
    "ConfidentialityError",
    "agreed_mark",
    "build_session_note",
    "draft_mark",
]

STAGE_TIME_WIDTHS = (8.2, 2.6, 2.6, 2.6)


def build_session_note(
    content: SessionNoteContent,
    stamp: Stamp,
    *,
    status_line: str,
    draft_version: int | None,
    agreed_on: date | None,
) -> Document:
    """A draft (draft_version given), an agreed note (agreed_on given) or, with neither,
    a working copy with no status marks. `status_line` is shown under the title.

    The document's properties carry its identifier, its status ("Draft for amendment",
    "Agreed" or "", whatever the stamp says) and its version number: the stamp's, else
    `draft_version`, else none.
    """
    if draft_version is not None and agreed_on is not None:
        raise ValueError("A session note is either a draft or agreed, not both.")
    if draft_version is not None:
        mark, status = draft_mark(draft_version), STATUS_DRAFT
    elif agreed_on is not None:
        mark, status = agreed_mark(agreed_on), STATUS_AGREED
    else:
        mark, status = "", ""
    version = stamp.version if stamp.version is not None else draft_version
    write = begin_record(content, SUBJECT, replace(stamp, version=version, status=status))
    write.heading(content.title, 1)
    if status_line.strip():
        write.paragraph(status_line.strip(), bold=True)
    write.details(
        [*day_details(content.day), ("Lead reviewer", content.lead_reviewer or "Not recorded")]
    )
    write.paragraph(
        CONFIDENTIAL.format(authority=content.authority),
        italic=True,
    )
    write.heading(WHO_TOOK_PART, 2)
    write.attendance(content.attendance)
    # The stages in order: presentation, questioning, affirmation, the balcony, reaction,
    # reflection and actions. review.note_sections and the printout follow the same order.
    write.section(FOCUS_RISKS, content.focus_risks)
    if content.presentation:
        write.section(PRESENTATION, content.presentation)
    _questions(write, content)
    write.section(STRENGTHS, content.strengths)
    write.section(INSIGHTS, content.insights)
    write.section(REACTION, content.reaction)
    if content.reflection:
        write.section(REFLECTION, content.reflection)
    write.section(ACTIONS, content.actions)
    write.section(ASKS, content.asks)
    write.section(OFFERS, content.offers)
    write.heading(TOPICAL, 2)
    write.paragraph(content.topical_invitation)
    if content.other_notes:
        write.section(OTHER_NOTES, content.other_notes)
    write.heading(SIGN_OFF, 2)
    for line in sign_off_lines(
        authority=content.authority,
        dcs=content.presenting_dcs,
        facilitator=content.day.facilitator,
        issued=stamp.generated_at.date(),
        agreed_on=agreed_on,
        draft=draft_version is not None,
    ):
        write.paragraph(line)
    _stage_times(write, content.stage_times)
    if mark:
        add_header_line(write.doc, mark)
    return write.doc


def _questions(write: RecordWriter, content: SessionNoteContent) -> None:
    write.heading(QUESTIONS, 2)
    if not (content.themes or content.new_questions or content.discussion):
        write.paragraph(NONE_RECORDED, italic=True)
    for theme in content.themes:
        _theme(write, theme)
    if content.new_questions:
        write.heading(NEW_QUESTIONS, 3)
        write.bullets(content.new_questions)
    if content.discussion:
        write.heading(DISCUSSION, 3)
        write.bullets(content.discussion)


def _theme(write: RecordWriter, theme: ThemeExplored) -> None:
    write.heading(theme.title, 3)
    for explored in theme.questions:
        below = explored.answers
        write.bullet(explored.question, keep_with_next=bool(below))  # with its first answer
        for item in below:
            write.bullet(item, level=2)


def _stage_times(write: RecordWriter, times: tuple[StageTime, ...]) -> None:
    if not times:
        return
    write.heading(APPENDIX, 2)
    rows = [_time_row(t) for t in times]
    run = [t for t in times if t.actual_minutes is not None]
    planned = sum(t.planned_minutes for t in times)
    actual = sum(t.actual_minutes or 0 for t in run)
    total = StageTime(WHOLE_SESSION, planned, actual if run else None)
    rows.append(_time_row(total))
    table = write.table(
        STAGE_TIME_HEADERS, rows, STAGE_TIME_WIDTHS, right=(1, 2, 3), keep_together=True
    )
    bold_row(table, -1)
    if any(t.running for t in times):
        write.paragraph(RUNNING_NOTE)


def _time_row(time: StageTime) -> tuple[str, str, str, str]:
    if time.actual_minutes is None:
        return (time.title, str(time.planned_minutes), NOT_RUN, "")
    difference = time.difference or 0
    sign = "+" if difference > 0 else "−" if difference < 0 else ""
    actual = f"{time.actual_minutes} so far" if time.running else str(time.actual_minutes)
    return (time.title, str(time.planned_minutes), actual, f"{sign}{abs(difference)}")
