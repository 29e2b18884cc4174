"""A day's agenda as a Word file for the participants: details, who reviews whom, timetable."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor
from docx.table import Table, _Cell

from facilitator.planning.day_plan import DayPlan
from facilitator.storage.files import write_atomically
from facilitator.word.agenda_content import (
    HEADING,
    PARTICIPANT_HEADERS,
    PARTICIPANTS_HEADING,
    SESSION_NOTE,
    TIMETABLE_HEADERS,
    TIMETABLE_HEADING,
    TimetableRow,
    agenda_content,
)
from facilitator.word.conventions import (
    Document,
    add_marking,
    add_page_numbers,
    add_table,
    document_bytes,
    new_document,
    set_cell_text,
    set_properties,
    shade,
)

SUBJECT = "Peer challenge day agenda"
SECONDARY_TEXT = RGBColor(0x50, 0x5A, 0x5F)  # GOV.UK secondary text
OVER_LIMIT_TEXT = RGBColor(0xD4, 0x35, 0x1C)  # GOV.UK error red
BREAK_FILL = "F3F2F1"
DETAILS_WIDTHS = (3.0, 13.0)
PARTICIPANT_WIDTHS = (3.4, 4.2, 4.2, 4.2)
TIMETABLE_WIDTHS = (1.7, 7.9, 4.2, 2.2)


def build_agenda(
    plan: DayPlan,
    *,
    template: Path | None = None,
    generated_at: datetime,
    marking: str | None = None,
) -> Document:
    content = agenda_content(plan)
    doc = new_document(template)
    set_properties(doc, content.title, SUBJECT, content.author, generated_at)
    doc.add_heading(HEADING, level=1)
    if content.over_limit:
        notice = doc.add_paragraph().add_run(content.over_limit)
        notice.bold = True
        notice.font.color.rgb = OVER_LIMIT_TEXT
    details = add_table(doc, None, content.details, DETAILS_WIDTHS, vertical_lines=False)
    for row in details.rows:
        row.cells[0].paragraphs[0].runs[0].bold = True
    doc.add_heading(PARTICIPANTS_HEADING, level=2)
    add_table(doc, PARTICIPANT_HEADERS, content.participants, PARTICIPANT_WIDTHS)
    doc.add_heading(TIMETABLE_HEADING, level=2)
    rows = content.timetable
    table = add_table(doc, TIMETABLE_HEADERS, [row.cells for row in rows], TIMETABLE_WIDTHS)
    _format_timetable(table, rows)
    closing = doc.add_paragraph(SESSION_NOTE)
    closing.paragraph_format.space_before = Pt(12)
    add_page_numbers(doc)
    add_marking(doc, marking)
    return doc


def export_agenda(
    plan: DayPlan,
    path: Path,
    *,
    overwrite: bool = False,
    template: Path | None = None,
    generated_at: datetime | None = None,
    marking: str | None = None,
) -> None:
    """Writes the agenda to `path`; raises WriteError (or TemplateError) with a readable message."""
    doc = build_agenda(
        plan, template=template, generated_at=generated_at or datetime.now(), marking=marking
    )
    write_atomically(Path(path), document_bytes(doc), overwrite=overwrite)


def _format_timetable(table: Table, rows: tuple[TimetableRow, ...]) -> None:
    for row in table.rows:
        row.cells[3].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for index, content in enumerate(rows, start=1):
        cells = table.rows[index].cells
        if content.is_break:
            for cell in cells:
                shade(cell, BREAK_FILL)
                cell.paragraphs[0].runs[0].italic = True
        if content.is_finish:
            for cell in cells[:2]:
                cell.paragraphs[0].runs[0].bold = True
        if content.span > 1:
            last = index + content.span - 1
            for covered in table.rows[index:last]:  # keep a session's rows on one page
                for cell in covered.cells:
                    cell.paragraphs[0].paragraph_format.keep_with_next = True
            # Named on its first row only: merged cells read badly in a screen reader.
            _presenting(cells[2], content)


def _presenting(cell: _Cell, content: TimetableRow) -> None:
    set_cell_text(cell, content.presenting, bold=True)
    if content.lead_reviewer:
        note = cell.add_paragraph()
        fmt = note.paragraph_format
        fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(2), Pt(0), 1.0
        run = note.add_run(f"Questioning led by {content.lead_reviewer}")
        run.font.size = Pt(11)
        run.font.color.rgb = SECONDARY_TEXT
