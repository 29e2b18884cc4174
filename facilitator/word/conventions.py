"""What every Balcony Word file shares: A4, Arial, UK English, marking, page numbers, tables.

Spacing comes from the styles, never from blank paragraphs. Callers get bytes from
document_bytes() and write them with facilitator.storage.files.write_atomically.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from facilitator.word.clean_package import clean_package, finish_document
from facilitator.word.styles import LANGUAGE, MARKING_STYLE, TemplateError, new_document

__all__ = [
    "Document",
    "TemplateError",
    "add_marking",
    "add_page_numbers",
    "add_table",
    "document_bytes",
    "new_document",
    "set_cell_text",
    "set_properties",
    "shade",
]

LIGHT_GREY = "F3F2F1"
BORDER_GREY = "B1B4B6"
TABLE_POINTS = 11.0  # no table text smaller than the body's (accessibility)


def set_properties(
    doc: Document, title: str, subject: str, author: str, created: datetime, keywords: str = ""
) -> None:
    props = doc.core_properties
    props.title, props.subject, props.keywords = title, subject, keywords
    props.author = props.last_modified_by = author
    props.comments = props.category = ""
    props.language = LANGUAGE
    props.revision = 1
    # python-docx writes the time as UTC; a naive time is taken as local time.
    props.created = props.modified = created.astimezone(UTC).replace(tzinfo=None)


def add_marking(doc: Document, marking: str | None) -> None:
    """The protective marking centred at the top of every header and foot of every footer."""
    if not marking:
        return
    for index, section in enumerate(doc.sections):
        pairs = [(section.header, section.footer)]
        if section.different_first_page_header_footer:
            pairs.append((section.first_page_header, section.first_page_footer))
        if doc.settings.odd_and_even_pages_header_footer:
            pairs.append((section.even_page_header, section.even_page_footer))
        for header, footer in pairs:
            if index and header.is_linked_to_previous:
                continue
            first = header.paragraphs[0]
            if first.text or first.runs:
                first = first.insert_paragraph_before()
            first.style = doc.styles[MARKING_STYLE]
            first.add_run(marking)
            last = footer.paragraphs[-1]
            if last.text or last.runs:
                last = footer.add_paragraph()
            last.style = doc.styles[MARKING_STYLE]
            last.add_run(marking)


def add_page_numbers(doc: Document) -> None:
    """Centred "Page X of Y" in the first section's footer, above any protective marking."""
    footer = doc.sections[0].footer
    last = footer.paragraphs[-1]
    if last.style is not None and last.style.name == MARKING_STYLE:
        paragraph = last.insert_paragraph_before(style=doc.styles["Footer"])
    elif not last.text and not last.runs:
        paragraph = last
    else:
        paragraph = footer.add_paragraph(style=doc.styles["Footer"])
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Page ")
    _add_field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    _add_field(paragraph, "NUMPAGES")


def add_table(
    doc: Document,
    headers: Sequence[str] | None,
    rows: Sequence[Sequence[str]],
    widths_cm: Sequence[float] | None = None,
    style: str | None = None,
    *,
    vertical_lines: bool = True,
    font_size: float = TABLE_POINTS,
) -> Table:
    """A plain table: thin grey lines, a bold shaded header row repeated on each page,
    rows that never split across pages. `headers` None: no header row."""
    all_rows = ([list(headers)] if headers is not None else []) + [list(r) for r in rows]
    table: Table = doc.add_table(rows=len(all_rows), cols=len(all_rows[0]))
    if style is not None:
        table.style = doc.styles[style]
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    tbl_pr.insert_element_before(
        _borders(vertical_lines), "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"
    )
    tbl_pr.insert_element_before(_cell_margins(), "w:tblLook")
    for number, (row, values) in enumerate(zip(table.rows, all_rows, strict=True)):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        is_header = headers is not None and number == 0
        if is_header:
            tr_pr.append(OxmlElement("w:tblHeader"))
        for cell, value in zip(row.cells, values, strict=True):
            set_cell_text(cell, value, bold=is_header, size=font_size)
            if is_header:
                shade(cell, LIGHT_GREY)
    if widths_cm is not None:
        scale = min(1.0, _text_width_cm(doc) / sum(widths_cm))  # a narrower template page
        for column, width in zip(table.columns, widths_cm, strict=True):
            column.width = Cm(width * scale)
            for cell in column.cells:
                cell.width = Cm(width * scale)
    return table


def set_cell_text(
    cell: _Cell, text: str, *, bold: bool = False, italic: bool = False, size: float = TABLE_POINTS
) -> Paragraph:
    """Replaces a cell's text with one run in its only paragraph, which it returns."""
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    paragraph: Paragraph = cell.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    run.font.size = Pt(size)
    return paragraph


def shade(cell: _Cell, fill: str) -> None:
    """Fills a cell with a colour such as "F3F2F1"."""
    tc_pr = cell._tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    shd = OxmlElement("w:shd", {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill})
    tc_pr.insert_element_before(
        shd, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"
    )


def document_bytes(doc: Document) -> bytes:
    """The finished .docx: `doc` brought to Balcony's rules (A4, table header rows and text
    sizes, properties, settings: clean_package.finish_document), saved, and the package
    cleared of python-docx's and a template's leftovers (clean_package.clean_package)."""
    finish_document(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return clean_package(buffer.getvalue())


def _text_width_cm(doc: Document) -> float:
    section = doc.sections[-1]
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None:
        return 16.0
    return float((width - left - right) / Cm(1))


def _borders(vertical_lines: bool) -> BaseOxmlElement:
    borders = OxmlElement("w:tblBorders")
    edges = ("top", "left", "bottom", "right", "insideH", "insideV")
    for edge in edges:
        line = vertical_lines or edge in ("top", "bottom", "insideH")
        attrs = {"w:val": "single", "w:sz": "4", "w:space": "0", "w:color": BORDER_GREY}
        attrs = attrs if line else {"w:val": "nil"}
        borders.append(OxmlElement(f"w:{edge}", {qn(k): v for k, v in attrs.items()}))
    return borders


def _cell_margins() -> BaseOxmlElement:
    margins = OxmlElement("w:tblCellMar")
    for edge, twips in (("top", 40), ("left", 108), ("bottom", 40), ("right", 108)):
        margins.append(OxmlElement(f"w:{edge}", {qn("w:w"): str(twips), qn("w:type"): "dxa"}))
    return margins


def _add_field(paragraph: Paragraph, instruction: str) -> None:
    """A field Word fills in when it lays out the page (PAGE, NUMPAGES)."""
    for kind in ("begin", "instr", "separate", "1", "end"):
        run = paragraph.add_run()
        if kind == "instr":
            code = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
            code.text = f" {instruction} "
            run._r.append(code)
        elif kind == "1":
            run.text = "1"
        else:
            run._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))
