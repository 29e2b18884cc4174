"""One presenting authority's session note as a Word file: a draft for amendment or agreed.

Confidential to that authority: it is built from that session's rows alone, and every export
checks the finished document for any other session's words before writing a byte.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from facilitator.common.vocabulary import STAGE_LABELS
from facilitator.records.collect import (
    SessionNoteContent,
    StageTime,
    ThemeExplored,
    collect_session_note,
    first_foreign,
    other_sessions_texts,
    public_texts,
)
from facilitator.records.common import Bullet, short_date
from facilitator.storage.files import WriteError, write_atomically
from facilitator.word.conventions import (
    Document,
    document_bytes,
)
from facilitator.word.record_parts import (
    NONE_RECORDED,
    RecordWriter,
    add_header_line,
    body_lines,
    bold_row,
    day_details,
    record_document,
    set_record_properties,
)
from facilitator.workspace import Workspace

SUBJECT = "Peer challenge session note"
DEFAULT_MARKING = "OFFICIAL-SENSITIVE"
STATUS_DRAFT = "Draft for amendment"
STATUS_AGREED = "Agreed"
STAGE_TIME_HEADERS = ("Stage", "Planned (minutes)", "Actual (minutes)", "Difference")
STAGE_TIME_WIDTHS = (8.2, 2.6, 2.6, 2.6)
WHO_TOOK_PART = "Who took part"
FOCUS_RISKS = "Focus risks"
PRESENTATION = "The presentation"
STRENGTHS = "Strengths affirmed"
INSIGHTS = "Insights from the balcony"
REACTION = "The presenting team’s reaction"
REFLECTION = "Reflection"
ACTIONS = "Actions"
ASKS = "Asks: support wanted"
OFFERS = "Offers: practice to share"
TOPICAL = "Topical peer challenge next year"
OTHER_NOTES = "Other notes"
QUESTIONS = "Questions explored"
NEW_QUESTIONS = "New questions"
DISCUSSION = "Other points from the questioning"
APPENDIX = "Appendix: planned and actual times"
RUNNING_NOTE = "A stage still running is counted up to the time of this note."
WHOLE_SESSION = "Whole session"
NOT_RUN = "Not run"
SCORES = "Scores out of 10: "
CONFIDENTIAL = (
    "This note is confidential to {authority}. Once agreed, the Director of Children’s "
    "Services may share it with the Lead Member."
)
# The note's own wording: another session's bullet that happens to say the same is no leak.
FIXED_TEXTS: tuple[str, ...] = (
    WHO_TOOK_PART,
    FOCUS_RISKS,
    PRESENTATION,
    STRENGTHS,
    INSIGHTS,
    REACTION,
    REFLECTION,
    ACTIONS,
    ASKS,
    OFFERS,
    TOPICAL,
    OTHER_NOTES,
    QUESTIONS,
    NEW_QUESTIONS,
    DISCUSSION,
    APPENDIX,
    RUNNING_NOTE,
    WHOLE_SESSION,
    NOT_RUN,
    *STAGE_TIME_HEADERS,
    *CONFIDENTIAL.split("{authority}"),
    *STAGE_LABELS.values(),
    NONE_RECORDED,
    "Date",
    "Day",
    "Cycle",
    "Where",
    "Facilitator",
    "Lead reviewer",
    "Not recorded",
    SCORES,
)


class ConfidentialityError(WriteError):
    """A session note holds words from another authority's session; nothing was written."""

    def __init__(self, authority: str, other: str, text: str) -> None:
        shown = text if len(text) <= 60 else text[:57] + "…"
        super().__init__(
            f"The session note for {authority} contains words from {other}’s session "
            f"(“{shown}”), so it was not saved. Each note may hold only its own session. "
            "Move that bullet to the right session, or remove it from this one, and export again."
        )
        self.authority = authority
        self.other = other
        self.text = text


def draft_mark(version: int) -> str:
    return f"DRAFT for amendment — version {version}"


def agreed_mark(agreed_on: date) -> str:
    return f"Agreed on {short_date(agreed_on)}"


def build_session_note(
    content: SessionNoteContent,
    *,
    status_line: str,
    draft_version: int | None,
    agreed_on: date | None,
    marking: str | None = DEFAULT_MARKING,
    template: Path | None = None,
    generated_at: datetime,
    version: int | None = None,
) -> Document:
    """A draft (draft_version given), an agreed note (agreed_on given) or, with neither,
    a working copy with no status marks. `status_line` is shown under the title.

    The document's properties carry its identifier, its status ("Draft for amendment",
    "Agreed" or "") and its version number: `version`, else `draft_version`, else none.
    """
    if draft_version is not None and agreed_on is not None:
        raise ValueError("A session note is either a draft or agreed, not both.")
    doc = record_document(template, marking)
    if draft_version is not None:
        mark, status = draft_mark(draft_version), STATUS_DRAFT
    elif agreed_on is not None:
        mark, status = agreed_mark(agreed_on), STATUS_AGREED
    else:
        mark, status = "", ""
    number = version if version is not None else draft_version
    set_record_properties(
        doc,
        title=content.title,
        subject=SUBJECT,
        author=content.day.author,
        created=generated_at,
        identifier=content.identifier,
        version="" if number is None else str(number),
        status=status,
        keywords=content.authority,
    )
    write = RecordWriter(doc)
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
    write.section(FOCUS_RISKS, content.focus_risks)
    if content.presentation:
        write.section(PRESENTATION, content.presentation)
    write.section(STRENGTHS, content.strengths)
    _questions(write, content)
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
    _stage_times(write, content.stage_times)
    if mark:
        add_header_line(doc, mark)
    return doc


def assert_only_this_session(doc: Document, workspace: Workspace, session_id: int) -> None:
    """Raises ConfidentialityError when the document holds any other session's words (of
    more than a few characters) that are not also this session's own, a name or role on the
    day's list, the bank's words or the note's fixed wording."""
    _check(doc, workspace, collect_session_note(workspace, session_id))


def session_note_bytes(
    workspace: Workspace,
    session_id: int,
    *,
    status_line: str,
    draft_version: int | None,
    agreed_on: date | None,
    marking: str | None = DEFAULT_MARKING,
    template: Path | None = None,
    generated_at: datetime | None = None,
    version: int | None = None,
) -> bytes:
    """The note as .docx bytes, built from the stored session and checked for any other
    session's words: the one way to a note's bytes that skips no check."""
    content = collect_session_note(workspace, session_id)
    doc = build_session_note(
        content,
        status_line=status_line,
        draft_version=draft_version,
        agreed_on=agreed_on,
        marking=marking,
        template=template,
        generated_at=generated_at or datetime.now(),
        version=version,
    )
    _check(doc, workspace, content)
    return document_bytes(doc)


def export_session_note(
    workspace: Workspace,
    session_id: int,
    path: Path,
    *,
    status_line: str,
    draft_version: int | None,
    agreed_on: date | None,
    marking: str | None = DEFAULT_MARKING,
    template: Path | None = None,
    generated_at: datetime | None = None,
    overwrite: bool = False,
    version: int | None = None,
) -> None:
    """Writes the note to `path` after the confidentiality check. Raises WriteError
    (ConfidentialityError, TemplateError) with a readable message; nothing is written then."""
    data = session_note_bytes(
        workspace,
        session_id,
        status_line=status_line,
        draft_version=draft_version,
        agreed_on=agreed_on,
        marking=marking,
        template=template,
        generated_at=generated_at,
        version=version,
    )
    write_atomically(Path(path), data, overwrite=overwrite)


def _check(doc: Document, workspace: Workspace, content: SessionNoteContent) -> None:
    foreign = other_sessions_texts(workspace, content.session_id, content.own_texts)
    allowed = content.own_texts | public_texts(content, workspace.bank.bank(include_hidden=True))
    found = first_foreign(body_lines(doc), foreign, [*allowed, *FIXED_TEXTS])
    if found is not None:
        text, other = found
        raise ConfidentialityError(content.authority, other, text)


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
        below = list(explored.notes)
        if explored.scores:
            scores = ", ".join(f"{s.authority} {s.value}" for s in explored.scores)
            anchors = ""
            if explored.scale_low and explored.scale_high:
                anchors = f"0 {explored.scale_low}, 10 {explored.scale_high}"
            below.insert(0, Bullet(scores, attribution=anchors, lead=SCORES))
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
