"""Balcony's page and styles for Word files, or a user's template with their letterhead.

A4 portrait, Arial 11 pt in GOV.UK's text colour, plain bold headings spaced by their style,
UK English on the defaults and the styles Balcony uses.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Cm, Length, Pt, RGBColor, Twips
from docx.styles.style import ParagraphStyle

from facilitator.storage.files import WriteError
from facilitator.word.packages import PackageError
from facilitator.word.templates import slim_template

FONT = "Arial"
LANGUAGE = "en-GB"
# Complex-script (right-to-left) text keeps Word's own default language.
BIDI_LANGUAGE = "ar-SA"
A4_WIDTH, A4_HEIGHT = Twips(11906), Twips(16838)
MARGINS_CM = {
    "top_margin": 2.0,
    "bottom_margin": 2.0,
    "left_margin": 2.5,
    "right_margin": 2.5,
    "header_distance": 1.0,
    "footer_distance": 1.0,
}
# A template's margin outside these bounds is taken as a slip and Balcony's own is used.
MARGIN_BOUNDS = (Cm(1.0), Cm(5.0))
TEXT = RGBColor(0x0B, 0x0C, 0x0C)  # GOV.UK text colour
MARKING_STYLE = "Protective Marking"
# name: (size in points, space before, space after, outline level)
HEADINGS = {"Heading 1": (20, 0, 12, 0), "Heading 2": (14, 18, 6, 1), "Heading 3": (12, 12, 4, 2)}


class TemplateError(WriteError):
    """A Word template that cannot be used; a WriteError so exports have one error path."""


def new_document(template: Path | None = None) -> Document:
    """An empty A4 document in Balcony's styles, or in the styles and letterhead of `template`."""
    if template is None:
        doc = docx.Document()
        _page_setup(doc)
        _restyle(doc)
    else:
        doc = _open_template(Path(template))
        body = doc.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):  # keep the last section: its page and headers
                body.remove(child)
    for section in doc.sections:
        set_a4(section)
    _ensure_styles(doc)
    set_language(defaults_rpr(doc))
    return doc


def _open_template(path: Path) -> Document:
    """Opens a .docx, .dotx, .docm or .dotm as a plain document: only the parts an export
    needs are read, and no macros come with it (see templates.py)."""
    try:
        slim = slim_template(path)
    except PackageError as exc:
        raise TemplateError(f"The Word template {exc}") from exc
    try:
        return docx.Document(io.BytesIO(slim))
    except Exception as exc:  # python-docx raises several kinds for a file it cannot read
        raise TemplateError(
            f"The Word template {path.name} is not a Word document or template Balcony can "
            "use. Save it as .docx or .dotx, or export without a template."
        ) from exc


def _page_setup(doc: Document) -> None:
    """Balcony's margins: python-docx's own page is US Letter with 1.25 in sides."""
    for section in doc.sections:
        for edge, cm in MARGINS_CM.items():
            setattr(section, edge, Cm(cm))


def set_a4(section: Section) -> None:
    """A4 portrait. A template's margins stay when sensible (1 to 5 cm); any other, or none,
    becomes Balcony's (MARGINS_CM)."""
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
    for edge, cm in MARGINS_CM.items():
        now = getattr(section, edge)
        if now is None or (edge.endswith("_margin") and not _sensible(now)):
            setattr(section, edge, Cm(cm))


def _sensible(margin: Length | None) -> bool:
    return margin is not None and MARGIN_BOUNDS[0] <= margin <= MARGIN_BOUNDS[1]


def _restyle(doc: Document) -> None:
    """Arial 11 pt in GOV.UK's text colour; headings bold and dark, spaced by the style."""
    rpr = defaults_rpr(doc)
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)  # theme fonts (Calibri) would win over the style's named font
    rpr.insert(0, _fonts())
    normal = _paragraph_style(doc, "Normal")
    normal.font.name, normal.font.size, normal.font.color.rgb = FONT, Pt(11), TEXT
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, (size, before, after, _level) in HEADINGS.items():
        _plain_heading(_paragraph_style(doc, name), size, before, after)
    for name in ("Header", "Footer"):
        _paragraph_style(doc, name).font.size = Pt(9)


def _ensure_styles(doc: Document) -> None:
    """Adds the styles Balcony's exports use when a user's template lacks them."""
    names = {style.name for style in doc.styles}
    for name, (size, before, after, level) in HEADINGS.items():
        if name not in names:
            style = _as_paragraph_style(doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH))
            style.base_style = doc.styles["Normal"]
            style.next_paragraph_style = doc.styles["Normal"]
            _plain_heading(style, size, before, after)
            outline = OxmlElement("w:outlineLvl", {qn("w:val"): str(level)})
            style.element.get_or_add_pPr().insert_element_before(
                outline, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"
            )
    for name in ("Header", "Footer", "List Bullet"):
        if name not in names:
            added = _as_paragraph_style(doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH))
            added.base_style = doc.styles["Normal"]
            if name == "List Bullet":
                added.paragraph_format.left_indent = Cm(0.63)
    if MARKING_STYLE not in names:
        marking = _as_paragraph_style(doc.styles.add_style(MARKING_STYLE, WD_STYLE_TYPE.PARAGRAPH))
        marking.base_style = doc.styles["Normal"]
        marking.font.bold, marking.font.size = True, Pt(10)
        marking.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        marking.paragraph_format.space_before = marking.paragraph_format.space_after = Pt(0)
    for name in ("Normal", *HEADINGS, MARKING_STYLE):
        set_language(_paragraph_style(doc, name).element.get_or_add_rPr())


def _plain_heading(style: ParagraphStyle, size: int, before: int, after: int) -> None:
    rpr = style.element.get_or_add_rPr()
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)  # the theme's heading font would win over a named one
    style.font.name, style.font.size, style.font.bold = FONT, Pt(size), True
    style.font.color.rgb = TEXT
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.keep_with_next = True


def _paragraph_style(doc: Document, name: str) -> ParagraphStyle:
    return _as_paragraph_style(doc.styles[name])


def _as_paragraph_style(style: object) -> ParagraphStyle:
    if not isinstance(style, ParagraphStyle):
        raise TypeError(f"{style!r} is not a paragraph style")
    return style


def defaults_rpr(doc: Document) -> BaseOxmlElement:
    """The document defaults' run properties (w:docDefaults/w:rPrDefault/w:rPr), made if absent."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    holder = defaults.find(qn("w:rPrDefault"))
    if holder is None:
        holder = OxmlElement("w:rPrDefault")
        defaults.insert(0, holder)
    rpr = holder.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        holder.append(rpr)
    return rpr  # type: ignore[no-any-return]


def _fonts() -> BaseOxmlElement:
    return OxmlElement("w:rFonts", {qn(f"w:{a}"): FONT for a in ("ascii", "hAnsi", "cs")})


def set_language(rpr: BaseOxmlElement) -> None:
    """UK English for Latin and East Asian text; right-to-left text keeps its language, or
    Word's default for it."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    if not lang.get(qn("w:bidi")):
        lang.set(qn("w:bidi"), BIDI_LANGUAGE)
