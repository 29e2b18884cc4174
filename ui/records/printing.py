"""A session note on paper without Word: printed through the system dialog, or saved as PDF.

The words come from collect_session_note, as in the Word export, and the headings and status
marks from facilitator.word.session_note, so paper and Word say the same. Like the export,
the page is checked for any other session's words before anything is printed or written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QWidget

from facilitator.records.collect import (
    SessionNoteContent,
    StageTime,
    agreed_status_line,
    draft_status_line,
)
from facilitator.records.common import Bullet
from facilitator.records.exporting import RecordExports
from facilitator.records.versions import RecordStateView, RecordStatus
from facilitator.storage.files import WriteError
from facilitator.word import session_note as words
from facilitator.word.record_content import NONE_RECORDED
from facilitator.word.record_parts import ATTENDANCE_HEADERS, day_details
from facilitator.word.session_note_words import sign_off_lines
from ui.common.printing import print_document, save_pdf
from ui.planning.agenda_print import STYLE as AGENDA_STYLE

STYLE = (
    AGENDA_STYLE
    + """
h3 { font-size: 11pt; font-weight: bold; margin-top: 10px; margin-bottom: 4px; }
p.marking { font-weight: bold; text-align: center; letter-spacing: 1px; }
p.mark { font-weight: bold; font-size: 12pt; margin-bottom: 10px; }
p.status { font-weight: bold; }
p.confidential { font-style: italic; }
p.none { font-style: italic; color: #505a5f; }
ul { margin-top: 2px; margin-bottom: 8px; }
li { margin-bottom: 3px; }
"""
)
TABLE = '<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="3">'
DETAILS = '<table class="details" width="100%" border="0" cellspacing="0" cellpadding="3">'
NOT_EXPORTED_MARK = "DRAFT — working copy, not yet exported"
NOT_EXPORTED_STATUS = "Status: working copy, not yet exported for amendment"


@dataclass(frozen=True)
class NoteMarks:
    """What the page says it is: the mark at the top and the status line under the title."""

    mark: str
    status_line: str
    agreed: bool


def note_marks(state: RecordStateView) -> NoteMarks:
    """An agreed note says "Agreed on <date>"; anything else "DRAFT for amendment — version N"
    (the latest version exported), or that it is a working copy when none has been."""
    if state.status is RecordStatus.AGREED and state.agreed_on is not None:
        return NoteMarks(
            words.agreed_mark(state.agreed_on), agreed_status_line(state.agreed_on), True
        )
    if not state.exported:
        return NoteMarks(NOT_EXPORTED_MARK, NOT_EXPORTED_STATUS, False)
    sent_on = state.sent_on if state.sent_version == state.version else None
    return NoteMarks(
        words.draft_mark(state.version), draft_status_line(state.version, sent_on), False
    )


# the page --------------------------------------------------------------------------------


class _Page:
    """HTML pieces in order, and every line of text on them for the confidentiality check."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.lines: list[str] = []

    def add(self, html: str, *texts: str) -> None:
        self.parts.append(html)
        self.lines.extend(texts)

    def heading(self, text: str, level: int) -> None:
        self.add(f"<h{level}>{escape(text)}</h{level}>", text)

    def paragraph(self, text: str, css: str = "") -> None:
        attribute = f' class="{css}"' if css else ""
        self.add(f"<p{attribute}>{escape(text)}</p>", text)

    def bullets(self, items: Sequence[Bullet], empty: str = NONE_RECORDED) -> None:
        if not items:
            self.paragraph(empty, "none")
            return
        self.add("<ul>")
        for item in items:
            self.add(f"<li>{_bullet(item)}</li>", _bullet_text(item))
        self.add("</ul>")

    def section(self, title: str, items: Sequence[Bullet]) -> None:
        self.heading(title, 2)
        self.bullets(items)

    def table(
        self,
        headers: Sequence[str],
        rows: Iterable[Sequence[str]],
        *,
        right: Sequence[int] = (),
        bold_last: bool = False,
    ) -> None:
        rows = list(rows)
        number_css = ' class="number"'
        head = "".join(
            f"<th{number_css if i in right else ''}>{escape(h)}</th>" for i, h in enumerate(headers)
        )
        body = []
        for number, row in enumerate(rows):
            cells = []
            for i, cell in enumerate(row):
                text = escape(cell)
                if bold_last and number == len(rows) - 1:
                    text = f"<b>{text}</b>"
                cells.append(f"<td{number_css if i in right else ''}>{text}</td>")
            body.append(f"<tr>{''.join(cells)}</tr>")
        self.add(
            f"{TABLE}<thead><tr>{head}</tr></thead>{''.join(body)}</table>",
            *headers,
            *(cell for row in rows for cell in row),
        )

    def html(self, title: str) -> str:
        return (
            f"<html><head><title>{escape(title)}</title><style>{STYLE}</style></head>"
            f"<body>{''.join(self.parts)}</body></html>"
        )


def _bullet(item: Bullet) -> str:
    lead = f"<b>{escape(item.lead)}</b>" if item.lead else ""
    attribution = item.attribution.strip()
    after = f' <span class="note">({escape(attribution)})</span>' if attribution else ""
    return f"{lead}{escape(item.text)}{after}"


def _bullet_text(item: Bullet) -> str:
    attribution = item.attribution.strip()
    return f"{item.lead}{item.text}" + (f" ({attribution})" if attribution else "")


def _page(
    content: SessionNoteContent,
    marks: NoteMarks,
    marking: str | None,
    sign_off: Sequence[str] = (),
) -> _Page:
    page = _Page()
    if marking:
        page.paragraph(marking, "marking")
    page.paragraph(marks.mark, "mark")
    page.heading(content.title, 1)
    page.paragraph(marks.status_line, "status")
    details = [
        *day_details(content.day),
        ("Lead reviewer", content.lead_reviewer or "Not recorded"),
    ]
    page.add(
        DETAILS
        + "".join(
            f'<tr><td class="label" width="22%">{escape(label)}</td><td>{escape(value)}</td></tr>'
            for label, value in details
        )
        + "</table>",
        *(text for row in details for text in row),
    )
    page.paragraph(words.CONFIDENTIAL.format(authority=content.authority), "confidential")
    page.heading(words.WHO_TOOK_PART, 2)
    people = [
        (team.authority, person.name, person.role)  # every row names its authority, as in Word
        for team in content.attendance
        for person in team.people
    ]
    if people:
        page.table(ATTENDANCE_HEADERS, people)
    else:
        page.paragraph(NONE_RECORDED, "none")
    page.section(words.FOCUS_RISKS, content.focus_risks)
    if content.presentation:
        page.section(words.PRESENTATION, content.presentation)
    _questions(page, content)
    page.section(words.STRENGTHS, content.strengths)
    page.section(words.INSIGHTS, content.insights)
    page.section(words.REACTION, content.reaction)
    if content.reflection:
        page.section(words.REFLECTION, content.reflection)
    page.section(words.ACTIONS, content.actions)
    page.section(words.ASKS, content.asks)
    page.section(words.OFFERS, content.offers)
    page.heading(words.TOPICAL, 2)
    page.paragraph(content.topical_invitation)
    if content.other_notes:
        page.section(words.OTHER_NOTES, content.other_notes)
    if sign_off:
        page.heading(words.SIGN_OFF, 2)
        for line in sign_off:
            page.paragraph(line)
    _stage_times(page, content.stage_times)
    if marking:
        page.paragraph(marking, "marking")
    return page


def _questions(page: _Page, content: SessionNoteContent) -> None:
    page.heading(words.QUESTIONS, 2)
    if not (content.themes or content.new_questions or content.discussion):
        page.paragraph(NONE_RECORDED, "none")
    for theme in content.themes:
        page.heading(theme.title, 3)
        page.add("<ul>")
        for explored in theme.questions:
            below = explored.answers
            inner = "".join(f"<li>{_bullet(item)}</li>" for item in below)
            page.add(
                f"<li>{_bullet(explored.question)}"
                + (f"<ul>{inner}</ul>" if inner else "")
                + "</li>",
                _bullet_text(explored.question),
                *(_bullet_text(item) for item in below),
            )
        page.add("</ul>")
    if content.new_questions:
        page.heading(words.NEW_QUESTIONS, 3)
        page.bullets(content.new_questions)
    if content.discussion:
        page.heading(words.DISCUSSION, 3)
        page.bullets(content.discussion)


def _stage_times(page: _Page, times: tuple[StageTime, ...]) -> None:
    if not times:
        return
    page.heading(words.APPENDIX, 2)
    run = [t for t in times if t.actual_minutes is not None]
    total = StageTime(
        words.WHOLE_SESSION,
        sum(t.planned_minutes for t in times),
        sum(t.actual_minutes or 0 for t in run) if run else None,
    )
    rows = [_time_row(t) for t in (*times, total)]
    page.table(words.STAGE_TIME_HEADERS, rows, right=(1, 2, 3), bold_last=True)
    if any(t.running for t in times):
        page.paragraph(words.RUNNING_NOTE)


def _time_row(time: StageTime) -> tuple[str, str, str, str]:
    if time.actual_minutes is None:
        return (time.title, str(time.planned_minutes), words.NOT_RUN, "")
    difference = time.difference or 0
    sign = "+" if difference > 0 else "−" if difference < 0 else ""
    actual = f"{time.actual_minutes} so far" if time.running else str(time.actual_minutes)
    return (time.title, str(time.planned_minutes), actual, f"{sign}{abs(difference)}")


# public ----------------------------------------------------------------------------------


def session_note_html(exports: RecordExports, session_id: int, state: RecordStateView) -> str:
    """The note as simple HTML that QTextDocument lays out, marked as the exports are. Raises
    ConfidentialityError (a WriteError) if it would show another session's words, as the
    Word export does."""
    return _checked_note(exports, session_id, state)[0]


def _checked_note(
    exports: RecordExports, session_id: int, state: RecordStateView
) -> tuple[str, str]:
    """The note's HTML and its authority's name, gathered and checked once."""
    content = exports.session_note_content(session_id)
    agreed = state.status is RecordStatus.AGREED
    sign_off = sign_off_lines(
        authority=content.authority,
        dcs=content.presenting_dcs,
        facilitator=content.day.facilitator,
        issued=exports.workspace.clock.wall_now().date(),
        agreed_on=state.agreed_on if agreed else None,
        draft=state.exported and not agreed,
    )
    page = _page(content, note_marks(state), exports.marking, sign_off)
    exports.check_session_note(content, page.lines)
    return page.html(content.title), content.authority


def note_document(html: str) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(QFont("Arial", 10))
    document.setHtml(html)
    return document


def print_session_note(
    exports: RecordExports,
    session_id: int,
    state: RecordStateView,
    parent: QWidget | None = None,
) -> bool:
    """Asks which printer through the system dialog and prints on A4; False if cancelled.
    Raises WriteError (ConfidentialityError) before the dialog if the note cannot be shown."""
    html, authority = _checked_note(exports, session_id, state)
    document = note_document(html)
    return print_document(
        document,
        f"Session note {authority}",
        f"Print the session note for {authority}",
        parent,
    )


def export_session_note_pdf(
    exports: RecordExports,
    session_id: int,
    state: RecordStateView,
    path: Path,
    *,
    overwrite: bool = False,
) -> None:
    """Saves the note as an A4 PDF at `path`: made in a temporary folder, then written
    safely into place. Raises WriteError with a readable message; nothing is written then."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise WriteError(
            f"{path} already exists. Choose another name, or confirm that it may be replaced."
        )
    document = note_document(session_note_html(exports, session_id, state))
    save_pdf(document, path, path.stem, overwrite=overwrite)
