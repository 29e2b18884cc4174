"""What the record documents share beyond their content: a new document with its marking and
page numbers, the properties that name it for the round trip, the status line in its header,
the day's details (note_layout's).
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from facilitator.word.conventions import (
    Document,
    add_marking,
    add_page_numbers,
    document_bytes,
    new_document,
    set_properties,
)
from facilitator.word.note_layout import day_details
from facilitator.word.record_content import NONE_RECORDED, Described, Stamp
from facilitator.word.record_writer import ATTENDANCE_HEADERS, RecordWriter

# The printout lays a note out as Word does, from the same words.
__all__ = [
    "ATTENDANCE_HEADERS",
    "NONE_RECORDED",
    "add_header_line",
    "begin_record",
    "day_details",
    "record_document",
]


def record_document(template: Path | None, marking: str | None) -> Document:
    """new_document(template) with page numbers and the protective marking (if any) in its
    headers and footers. Balcony's own page is prepared once per marking and copied."""
    if template is not None:
        doc = new_document(template)
        add_page_numbers(doc)
        add_marking(doc, marking)
        return doc
    copied: Document = docx.Document(io.BytesIO(_prepared_document(marking)))
    return copied


@functools.cache
def _prepared_document(marking: str | None) -> bytes:
    doc = new_document(None)
    add_page_numbers(doc)
    add_marking(doc, marking)
    return document_bytes(doc)


def add_header_line(doc: Document, text: str) -> None:
    """A bold line at the end of every header (after any marking): a document's status."""
    for index, section in enumerate(doc.sections):
        headers = [section.header]
        if section.different_first_page_header_footer:
            headers.append(section.first_page_header)
        if doc.settings.odd_and_even_pages_header_footer:
            headers.append(section.even_page_header)
        for header in headers:
            if index and header.is_linked_to_previous:
                continue
            last = header.paragraphs[-1]
            paragraph = last if not last.text and not last.runs else header.add_paragraph()
            paragraph.style = doc.styles["Header"]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(text)
            run.bold = True
            run.font.size = Pt(10)


def begin_record(content: Described, subject: str, stamp: Stamp) -> RecordWriter:
    """A writer at the start of a new record document (see record_document) whose properties
    name it for the round trip: its identifier, version and status."""
    doc = record_document(stamp.template, stamp.marking)
    set_properties(
        doc, content.title, subject, content.author, stamp.generated_at, content.keywords
    )
    props = doc.core_properties
    props.identifier = content.identifier
    props.version = "" if stamp.version is None else str(stamp.version)
    props.content_status = stamp.status
    return RecordWriter(doc)
