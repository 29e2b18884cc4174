"""Appending a record's content to the end of a Word document: headings, bullets with the
bookmarks that name their stored rows, and tables in Balcony's conventions.

A record can hold hundreds of bullets, so paragraphs are built as XML directly (style ids
looked up once) rather than through python-docx's per-paragraph style search.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table
from lxml import etree

from facilitator.word.conventions import TABLE_POINTS, Document, add_table
from facilitator.word.record_content import (
    HEADING_BOOKMARK,
    NONE_RECORDED,
    AuthorityBullets,
    Bullet,
    TeamAttendance,
)

SECONDARY = "505A5F"  # GOV.UK secondary text
# Table text in records: no smaller than the body's 11 pt, six columns or not (accessibility).
RECORD_TABLE_POINTS = max(TABLE_POINTS, 11.0)
AFTER_TABLE_TWIPS = "160"  # 8 pt between a table and the paragraph after it
DETAILS_WIDTHS = (3.4, 12.6)
ATTENDANCE_WIDTHS = (3.4, 5.0, 7.6)
ATTENDANCE_HEADERS = ("Authority", "Name", "Role")
# Characters XML 1.0 cannot hold: a stray control character must not stop an export.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACE = qn("xml:space")
_VAL, _ID, _NAME = qn("w:val"), qn("w:id"), qn("w:name")
_P, _PPR, _PSTYLE, _SPACING, _BEFORE = (
    qn("w:p"),
    qn("w:pPr"),
    qn("w:pStyle"),
    qn("w:spacing"),
    qn("w:before"),
)
_R, _RPR, _B, _I, _COLOR = qn("w:r"), qn("w:rPr"), qn("w:b"), qn("w:i"), qn("w:color")
_T, _BR, _TAB, _TC = qn("w:t"), qn("w:br"), qn("w:tab"), qn("w:tc")
_START, _END = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
_TR, _KEEP_NEXT, _TBL_HEADER = qn("w:tr"), qn("w:keepNext"), qn("w:tblHeader")


class RecordWriter:
    """Appends a record's content to the end of a document's body, in order."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        body = doc.element.body
        self._anchor = body.sectPr  # new paragraphs go before the body's section properties
        self._body = body
        self._style_ids: dict[str, str] = {}
        self._next_bookmark = _first_free_bookmark_id(body)
        self._after_table = False
        self._headings = 0

    # paragraphs -----------------------------------------------------------------------

    def heading(self, text: str, level: int) -> etree._Element:
        """A heading inside a bookmark of its own: how a returned copy's sections are found
        when a word processor has restyled the heading (amendments.anchors)."""
        self._after_table = False  # a heading brings its own space
        self._headings += 1
        p = self._new_paragraph(f"Heading {level}")
        mark = self._open_bookmark(p, f"{HEADING_BOOKMARK}{self._headings}")
        _add_run(p, text)
        etree.SubElement(p, _END, {_ID: mark})
        return p

    def paragraph(
        self,
        text: str,
        style: str = "Normal",
        *,
        italic: bool = False,
        bold: bool = False,
        marked: str = "",
        bookmark: str = "",
    ) -> etree._Element:
        """A paragraph; when it ends with `marked`, those words sit in `bookmark`."""
        p = self._new_paragraph(style)
        if not (marked and bookmark and text.endswith(marked)):
            _add_run(p, text, italic=italic, bold=bold)
            return p
        if text[: -len(marked)]:
            _add_run(p, text[: -len(marked)], italic=italic, bold=bold)
        mark = self._open_bookmark(p, bookmark)
        _add_run(p, marked, italic=italic, bold=bold)
        etree.SubElement(p, _END, {_ID: mark})
        return p

    def bullet(
        self, item: Bullet, level: int = 1, *, keep_with_next: bool = False
    ) -> etree._Element:
        """A list paragraph: bookmark start, lead-in (bold), text, bookmark end, attribution."""
        p = self._new_paragraph("List Bullet" if level == 1 else f"List Bullet {level}")
        if keep_with_next:
            p[0].insert(1, etree.Element(_KEEP_NEXT))  # after the style, as the schema orders
        mark = self._open_bookmark(p, item.bookmark) if item.bookmark else None
        if item.lead:
            _add_run(p, item.lead, bold=True)
        _add_run(p, item.text)
        if mark is not None:
            etree.SubElement(p, _END, {_ID: mark})
        if item.attribution.strip():
            _add_run(p, f" ({item.attribution.strip()})", colour=SECONDARY)
        return p

    def bullets(self, items: Sequence[Bullet], empty: str = NONE_RECORDED) -> None:
        """The items as bullets, or a plain line saying there are none."""
        if not items:
            self.paragraph(empty, italic=True)
        for item in items:
            self.bullet(item)

    def section(self, title: str, items: Sequence[Bullet], empty: str = NONE_RECORDED) -> None:
        self.heading(title, 2)
        self.bullets(items, empty)

    def groups(self, title: str, groups: Sequence[AuthorityBullets]) -> None:
        """A heading 2, then each group's bullets under its own heading 3."""
        self.heading(title, 2)
        if not groups:
            self.paragraph(NONE_RECORDED, italic=True)
        for group in groups:
            self.heading(group.heading, 3)
            self.bullets(group.bullets)

    # tables ---------------------------------------------------------------------------

    def table(
        self,
        headers: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        vertical_lines: bool = True,
        font_size: float = RECORD_TABLE_POINTS,
        right: Sequence[int] = (),
        centre: Sequence[int] = (),
        bold_first_column: bool = False,
        keep_together: bool = False,
    ) -> Table:
        """A table in Balcony's conventions (conventions.add_table): `rows` must not be empty.

        conventions.add_table formats the header and one model row; every row is then a copy
        of the model row with its own words. The formatted pair is kept for the next table of
        the same shape, so a record pays python-docx's cost once per kind of table.
        """
        key = (
            tuple(headers) if headers is not None else None,
            len(rows[0]),
            tuple(widths),
            vertical_lines,
            font_size,
            tuple(right),
            tuple(centre),
            bold_first_column,
            _text_width(self.doc),
        )
        model_table = _MODEL_TABLES.get(key)
        if model_table is None:
            model_table = self._model_table(
                headers, len(rows[0]), widths, vertical_lines, font_size, right, centre
            )
            if bold_first_column:
                _bold_run(next(model_table[-1].iter(_R)))
            _MODEL_TABLES[key] = model_table
        tbl = copy.deepcopy(model_table)
        model = tbl[-1]
        for values in rows:
            tr = copy.deepcopy(model)
            for tc, value in zip(tr.iter(_TC), values, strict=True):
                _fill_run(next(tc.iter(_R)), value)
            model.addprevious(tr)
        tbl.remove(model)
        if keep_together:  # a short table on one page: every row keeps with the next
            for tr in tbl.findall(_TR)[:-1]:
                for p in tr.iter(_P):
                    p.get_or_add_pPr().keepNext_val = True
        self._insert(tbl)
        self._after_table = True
        return Table(tbl, self.doc._body)

    def _model_table(
        self,
        headers: Sequence[str] | None,
        columns: int,
        widths: Sequence[float],
        vertical_lines: bool,
        font_size: float,
        right: Sequence[int],
        centre: Sequence[int],
    ) -> etree._Element:
        table = add_table(
            self.doc,
            headers,
            [[""] * columns],
            widths,
            vertical_lines=vertical_lines,
            font_size=font_size,
        )
        for row in table.rows:
            for column in right:
                row.cells[column].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for column in centre:
                row.cells[column].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        tbl = table._tbl
        tbl.getparent().remove(tbl)
        return tbl

    def details(self, rows: Sequence[tuple[str, str]]) -> Table:
        """Label and value rows: the title block under a heading 1. It shows no header row,
        so its first row is marked as the header, as screen readers and Word's
        accessibility check expect of every table."""
        table = self.table(None, rows, DETAILS_WIDTHS, vertical_lines=False, bold_first_column=True)
        table._tbl.tr_lst[0].get_or_add_trPr().append(etree.Element(_TBL_HEADER))
        return table

    def attendance(self, teams: Sequence[TeamAttendance]) -> None:
        """Who came, one person a row, each row naming the authority: no merged cells, so
        a screen reader reads every row whole."""
        people = [p for team in teams for p in team.people]
        rows = [(team.authority, p.name, p.role) for team in teams for p in team.people]
        if not rows:
            self.paragraph(NONE_RECORDED, italic=True)
            return
        table = self.table(ATTENDANCE_HEADERS, rows, ATTENDANCE_WIDTHS)
        for row, person in enumerate(people, start=1):  # below the header row
            self.bookmark_cell(table, row, 1, person.name_bookmark)
            self.bookmark_cell(table, row, 2, person.role_bookmark)
        _keep_teams_together(table, [r[0] for r in rows])

    def bookmark_cell(self, table: Table, row: int, column: int, name: str) -> None:
        """Puts a bookmark around the text of one table cell."""
        if not name:
            return
        p = table._tbl.tr_lst[row].tc_lst[column].find(_P)
        runs = p.findall(_R) if p is not None else []
        if not runs:
            return
        mark = str(self._next_bookmark)
        self._next_bookmark += 1
        runs[0].addprevious(etree.Element(_START, {_ID: mark, _NAME: name}))
        runs[-1].addnext(etree.Element(_END, {_ID: mark}))

    def mark_cells(
        self, table: Table, name: str, first_row: int = 1, skip: tuple[int, ...] = ()
    ) -> None:
        """Puts every cell's words below the header row in a bookmark of its own ("cell-
        actions-2-4"), but the columns in `skip` (bookmarked as rows of the notes already): a
        version's fingerprint reads bookmarked paragraphs, headings and bullets, so a change
        in a table takes a new version number as a changed bullet does. The names are no
        stored row's, so a returned copy's changes to them are kept as the amended text."""
        for row in range(first_row, len(table.rows)):
            for column in range(len(table.columns)):
                if column not in skip:
                    self.bookmark_cell(table, row, column, f"cell-{name}-{row}-{column}")

    # helpers --------------------------------------------------------------------------

    def _new_paragraph(self, style: str) -> etree._Element:
        p = etree.Element(_P)
        ppr = etree.SubElement(p, _PPR)
        etree.SubElement(ppr, _PSTYLE, {_VAL: self._style_id(style)})
        if self._after_table:
            etree.SubElement(ppr, _SPACING, {_BEFORE: AFTER_TABLE_TWIPS})
            self._after_table = False
        self._insert(p)
        return p

    def _insert(self, element: etree._Element) -> None:
        if self._anchor is not None:
            self._anchor.addprevious(element)
        else:
            self._body.append(element)

    def _style_id(self, name: str) -> str:
        found = self._style_ids.get(name)
        if found is None:
            styles = self.doc.styles
            found = styles[name].style_id if name in styles else styles["List Bullet"].style_id
            self._style_ids[name] = found
        return found

    def _open_bookmark(self, p: etree._Element, name: str) -> str:
        mark = str(self._next_bookmark)
        self._next_bookmark += 1
        etree.SubElement(p, _START, {_ID: mark, _NAME: name})
        return mark


# Formatted header-and-model-row tables by shape: see RecordWriter.table. Copied, never used.
_MODEL_TABLES: dict[tuple[object, ...], etree._Element] = {}


def _text_width(doc: Document) -> tuple[object, ...]:
    section = doc.sections[-1]
    return (section.page_width, section.left_margin, section.right_margin)


def clean_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def _add_run(
    p: etree._Element, text: str, *, bold: bool = False, italic: bool = False, colour: str = ""
) -> None:
    """One run; line breaks inside the text become Word line breaks, tabs become tabs."""
    r = etree.SubElement(p, _R)
    if bold or italic or colour:
        rpr = etree.SubElement(r, _RPR)
        if bold:
            etree.SubElement(rpr, _B)
        if italic:
            etree.SubElement(rpr, _I)
        if colour:
            etree.SubElement(rpr, _COLOR, {_VAL: colour})
    _fill_run(r, text)


def _fill_run(r: etree._Element, text: str) -> None:
    for number, line in enumerate(clean_text(text).split("\n")):
        if number:
            etree.SubElement(r, _BR)
        for index, piece in enumerate(line.split("\t")):
            if index:
                etree.SubElement(r, _TAB)
            if piece:
                t = etree.SubElement(r, _T)
                t.text = piece
                if piece != piece.strip():
                    t.set(_SPACE, "preserve")


def _first_free_bookmark_id(body: etree._Element) -> int:
    ids = [int(x) for x in body.xpath(".//w:bookmarkStart/@w:id") if str(x).isdigit()]
    return max(ids, default=-1) + 1


def _keep_teams_together(table: Table, authorities: list[str]) -> None:
    """Keeps each authority's rows on one page."""
    trs = table._tbl.tr_lst[1:]  # below the header row
    for tr, name, following in zip(trs, authorities, authorities[1:], strict=False):
        if following == name:
            for p in tr.iter(_P):
                p.get_or_add_pPr().keepNext_val = True


def bold_row(table: Table, index: int) -> None:
    for run in table._tbl.tr_lst[index].iter(_R):
        _bold_run(run)


def _bold_run(run: etree._Element) -> None:
    rpr = run.find(_RPR)
    if rpr is None:
        rpr = etree.Element(_RPR)
        run.insert(0, rpr)
    if rpr.find(_B) is None:
        rpr.insert(0, etree.Element(_B))
