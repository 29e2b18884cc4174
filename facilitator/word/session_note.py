"""One presenting authority's session note as a Word file: a draft for amendment or agreed.

Confidential to that authority: it is built from that session's content alone, and every
export checks the finished document for any other session's words (facilitator.records
.confidentiality) before writing a byte. The note's wording is in session_note_words, its
content and order in note_layout, which the printout renders too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from facilitator.word.conventions import Document
from facilitator.word.figures import RecordFigure, add_pictures
from facilitator.word.note_layout import (
    Attendance,
    Block,
    Bullets,
    Details,
    Heading,
    Look,
    Paragraph,
    session_note_layout,
)
from facilitator.word.record_content import SCORES, SessionNoteContent, Stamp
from facilitator.word.record_parts import add_header_line, begin_record
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


def build_session_note(
    content: SessionNoteContent,
    stamp: Stamp,
    *,
    status_line: str,
    draft_version: int | None,
    agreed_on: date | None,
    figures: Sequence[RecordFigure] = (),
) -> Document:
    """A draft (draft_version given), an agreed note (agreed_on given) or, with neither,
    a working copy with no status marks. `status_line` is shown under the title.

    The document's properties carry its identifier, its status ("Draft for amendment",
    "Agreed" or "", whatever the stamp says) and its version number: the stamp's, else
    `draft_version`, else none. The words and their order are session_note_layout's.
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
    sign_off = sign_off_lines(
        authority=content.authority,
        dcs=content.presenting_dcs,
        facilitator=content.day.facilitator,
        issued=stamp.generated_at.date(),
        agreed_on=agreed_on,
        draft=draft_version is not None,
    )
    render(write, session_note_layout(content, status_line=status_line, sign_off=sign_off))
    add_pictures(write, figures)  # in the appendix of planned and actual times, which is last
    if mark:
        add_header_line(write.doc, mark)
    return write.doc


_BOLD = frozenset({Look.STATUS, Look.MARKING, Look.MARK})
_ITALIC = frozenset({Look.CONFIDENTIAL, Look.NONE_RECORDED})


def render(write: RecordWriter, blocks: Iterable[Block]) -> None:
    """Appends a layout's blocks to the document in Balcony's Word conventions."""
    for block in blocks:
        if isinstance(block, Heading):
            write.heading(block.text, block.level)
        elif isinstance(block, Paragraph):
            write.paragraph(
                block.text,
                bold=block.look in _BOLD,
                italic=block.look in _ITALIC,
                marked=block.marked,
                bookmark=block.bookmark,
            )
        elif isinstance(block, Bullets):
            for item in block.items:
                # A question keeps with its first answer.
                write.bullet(item.bullet, keep_with_next=bool(item.below))
                for below in item.below:
                    write.bullet(below, level=2)
        elif isinstance(block, Details):
            write.details(block.rows)
        elif isinstance(block, Attendance):
            write.attendance(block.teams)
        else:
            table = write.table(
                block.headers,
                block.rows,
                block.widths,
                right=block.right,
                keep_together=block.keep_together,
            )
            if block.bold_last:
                bold_row(table, -1)
