"""The agenda on paper without Word: printed through the system dialog, or saved as a PDF.

The words and rows come from facilitator.word.agenda_content, as in the Word export.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QWidget

from facilitator.planning.day_plan import DayPlan
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
from ui.common.printing import print_document, save_pdf

STYLE = """
body { font-family: Arial, 'Liberation Sans', sans-serif; font-size: 10pt; color: #0b0c0c; }
h1 { font-size: 18pt; font-weight: bold; margin-top: 0px; margin-bottom: 12px; }
h2 { font-size: 13pt; font-weight: bold; margin-top: 18px; margin-bottom: 6px; }
table.grid { border-collapse: collapse; margin-top: 2px; margin-bottom: 10px; }
table.grid td, table.grid th { border: 1px solid #b1b4b6; }
table.details { border-collapse: collapse; margin-top: 6px; margin-bottom: 10px; }
table.details td { border-top: 1px solid #b1b4b6; border-bottom: 1px solid #b1b4b6; }
th { background-color: #f3f2f1; font-weight: bold; text-align: left; }
td.number, th.number { text-align: right; }
td.label { font-weight: bold; }
tr.break td { background-color: #f3f2f1; font-style: italic; }
tr.finish td { font-weight: bold; }
span.note { color: #505a5f; font-size: 9pt; }
"""
TABLE = '<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="2">'
TIMETABLE_WIDTHS = ("9%", "52%", "27%", "12%")
PARTICIPANT_WIDTHS = ("21%", "27%", "26%", "26%")


def agenda_html(plan: DayPlan) -> str:
    """The agenda as simple HTML that QTextDocument lays out: headings and three tables."""
    content = agenda_content(plan)
    details = "".join(
        f'<tr><td class="label" width="20%">{escape(label)}</td><td>{escape(value)}</td></tr>'
        for label, value in content.details
    )
    over_limit = (
        f'<p style="color: #d4351c"><b>{escape(content.over_limit)}</b></p>'
        if content.over_limit
        else ""
    )
    people = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>"
        for row in content.participants
    )
    return (
        f"<html><head><title>{escape(content.title)}</title>"
        f"<style>{STYLE}</style></head><body>"
        f"<h1>{escape(HEADING)}</h1>{over_limit}"
        f'<table class="details" width="100%" border="0" cellspacing="0" cellpadding="2">'
        f"{details}</table>"
        f"<h2>{escape(PARTICIPANTS_HEADING)}</h2>"
        f"{TABLE}{_header(PARTICIPANT_HEADERS, PARTICIPANT_WIDTHS)}{people}</table>"
        f"<h2>{escape(TIMETABLE_HEADING)}</h2>"
        f"{TABLE}{_header(TIMETABLE_HEADERS, TIMETABLE_WIDTHS, number_last=True)}"
        f"{''.join(_timetable_row(row) for row in content.timetable)}</table>"
        f'<p style="margin-top: 12px">{escape(SESSION_NOTE)}</p>'
        "</body></html>"
    )


def agenda_document(plan: DayPlan) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(QFont("Arial", 10))
    document.setHtml(agenda_html(plan))
    return document


def print_agenda(plan: DayPlan, parent: QWidget | None = None) -> bool:
    """Asks which printer through the system dialog and prints; False if the user cancels."""
    title = agenda_content(plan).title
    return print_document(agenda_document(plan), title, "Print the agenda", parent)


def export_agenda_pdf(plan: DayPlan, path: Path, *, overwrite: bool = False) -> None:
    """Saves the agenda as an A4 PDF at `path`; raises WriteError with a readable message."""
    save_pdf(agenda_document(plan), path, agenda_content(plan).title, overwrite=overwrite)


def _header(names: tuple[str, ...], widths: tuple[str, ...], *, number_last: bool = False) -> str:
    cells = []
    for index, (name, width) in enumerate(zip(names, widths, strict=True)):
        number = ' class="number"' if number_last and index == len(names) - 1 else ""
        cells.append(f'<th width="{width}"{number}>{escape(name)}</th>')
    return f"<thead><tr>{''.join(cells)}</tr></thead>"


def _timetable_row(row: TimetableRow) -> str:
    kind = ' class="break"' if row.is_break else ' class="finish"' if row.is_finish else ""
    cells = [f"<td>{escape(row.time)}</td>", f"<td>{escape(row.item)}</td>"]
    if row.span:
        text = f"<b>{escape(row.presenting)}</b>" if row.presenting else ""
        if row.lead_reviewer:
            note = escape(f"Questioning led by {row.lead_reviewer}")
            text += f'<br><span class="note">{note}</span>'
        rowspan = f' rowspan="{row.span}"' if row.span > 1 else ""
        cells.append(f'<td valign="top"{rowspan}>{text}</td>')
    cells.append(f'<td class="number">{escape(row.minutes)}</td>')
    return f"<tr{kind}>{''.join(cells)}</tr>"
