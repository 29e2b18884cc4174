"""A session note on paper without Word: printed through the system dialog, or saved as PDF.

The words come from collect_session_note and their order from facilitator.word.note_layout,
as in the Word export, so paper and Word say the same. Like the export, the page is checked
for any other session's words before anything is printed or written: the check reads the
text Qt lays out for the printer, not the HTML that went in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QWidget

from facilitator.records.collect import agreed_status_line, draft_status_line
from facilitator.records.common import Bullet
from facilitator.records.exporting import RecordExports
from facilitator.records.versions import RecordStateView, RecordStatus
from facilitator.storage.files import WriteError
from facilitator.word import session_note as words
from facilitator.word.note_layout import (
    Attendance,
    Block,
    Bullets,
    Details,
    Heading,
    Item,
    Look,
    Paragraph,
    session_note_layout,
)
from facilitator.word.record_parts import ATTENDANCE_HEADERS
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

_CLASSES = {
    Look.PLAIN: "",
    Look.STATUS: "status",
    Look.CONFIDENTIAL: "confidential",
    Look.NONE_RECORDED: "none",
    Look.MARKING: "marking",
    Look.MARK: "mark",
}


def note_html(blocks: Iterable[Block], title: str) -> str:
    """A note's layout (facilitator.word.note_layout) as simple HTML for QTextDocument."""
    body = "".join(_html(block) for block in blocks)
    return (
        f"<html><head><title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )


def _html(block: Block) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{escape(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        css = _CLASSES[block.look]
        attribute = f' class="{css}"' if css else ""
        return f"<p{attribute}>{escape(block.text)}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(_item(item) for item in block.items) + "</ul>"
    if isinstance(block, Details):
        rows = "".join(
            f'<tr><td class="label" width="22%">{escape(label)}</td><td>{escape(value)}</td></tr>'
            for label, value in block.rows
        )
        return f"{DETAILS}{rows}</table>"
    if isinstance(block, Attendance):  # every row names its authority, as in Word
        return _table(ATTENDANCE_HEADERS, block.rows)
    return _table(block.headers, block.rows, right=block.right, bold_last=block.bold_last)


def _item(item: Item) -> str:
    inner = "".join(f"<li>{_bullet(below)}</li>" for below in item.below)
    return f"<li>{_bullet(item.bullet)}" + (f"<ul>{inner}</ul>" if inner else "") + "</li>"


def _bullet(item: Bullet) -> str:
    lead = f"<b>{escape(item.lead)}</b>" if item.lead else ""
    attribution = item.attribution.strip()
    after = f' <span class="note">({escape(attribution)})</span>' if attribution else ""
    return f"{lead}{escape(item.text)}{after}"


def _table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: Sequence[int] = (),
    bold_last: bool = False,
) -> str:
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
    return f"{TABLE}<thead><tr>{head}</tr></thead>{''.join(body)}</table>"


# public ----------------------------------------------------------------------------------


def session_note_html(exports: RecordExports, session_id: int, state: RecordStateView) -> str:
    """The note as simple HTML that QTextDocument lays out, marked as the exports are. Raises
    ConfidentialityError (a WriteError) if it would show another session's words, as the
    Word export does."""
    return _checked_note(exports, session_id, state).html


@dataclass(frozen=True)
class _Paper:
    html: str
    document: QTextDocument
    authority: str


def _checked_note(exports: RecordExports, session_id: int, state: RecordStateView) -> _Paper:
    """The note laid out, rendered by Qt and checked once: the check reads the text of the
    very QTextDocument that is printed, as Qt laid it out."""
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
    marks = note_marks(state)
    blocks = session_note_layout(
        content,
        status_line=marks.status_line,
        sign_off=sign_off,
        marking=exports.marking,
        mark=marks.mark,
    )
    html = note_html(blocks, content.title)
    document = note_document(html)
    exports.check_session_note(content, rendered_lines(document))
    return _Paper(html, document, content.authority)


def rendered_lines(document: QTextDocument) -> list[str]:
    """What a QTextDocument shows on paper, as text: its page, and the title it carries."""
    title = document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
    return [document.toPlainText(), title]


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
    paper = _checked_note(exports, session_id, state)
    return print_document(
        paper.document,
        f"Session note {paper.authority}",
        f"Print the session note for {paper.authority}",
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
    document = _checked_note(exports, session_id, state).document
    save_pdf(document, path, path.stem, overwrite=overwrite)
