"""Every text a finished Word document shows or carries, for the confidentiality check.

The body's paragraphs and table cells, every header and footer the document holds (default,
first-page and even-page, of every section, linked to the previous section or not), and the
document's properties, which Word shows in File ▸ Info and a file browser shows on hover.
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from facilitator.word.conventions import Document

_P, _T, _BR, _TAB = qn("w:p"), qn("w:t"), qn("w:br"), qn("w:tab")
_HEADERS_AND_FOOTERS = (RT.HEADER, RT.FOOTER)
PROPERTIES = (
    "title",
    "subject",
    "keywords",
    "comments",
    "category",
    "author",
    "last_modified_by",
    "content_status",
    "identifier",
    "version",
)


def rendered_text(doc: Document) -> list[str]:
    """The text of every paragraph of the body (table cells and text boxes too), of every
    header and footer, then every text property, one line each."""
    lines = list(_paragraphs(doc.element.body))
    for element in _headers_and_footers(doc):
        lines += _paragraphs(element)
    props = doc.core_properties
    lines += [str(getattr(props, name) or "") for name in PROPERTIES]
    return lines


def _headers_and_footers(doc: Document) -> Iterator[etree._Element]:
    """Each header and footer part once, read through the document's relationships: every
    one a section uses is among them, whatever its kind, and reading them adds none (asking
    a section for a header it links to the previous one would)."""
    seen: set[int] = set()
    for rel in doc.part.rels.values():
        if rel.is_external or rel.reltype not in _HEADERS_AND_FOOTERS:
            continue
        part = rel.target_part
        if id(part) not in seen:
            seen.add(id(part))
            yield part.element


def _paragraphs(element: etree._Element) -> Iterator[str]:
    for p in element.iter(_P):
        yield "".join(_text_of(p))


def _text_of(p: etree._Element) -> Iterator[str]:
    for node in p.iter(_T, _BR, _TAB):
        if node.tag == _T:
            yield node.text or ""
        else:
            yield " "
