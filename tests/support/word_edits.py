"""What a director does to a note in Word, done to a python-docx Document at paragraph and XML
level, keeping bookmarks as Word does.

Word keeps a bookmark while its words are retyped, does not stretch it over words typed at its
end, gives a paragraph made by pressing Enter the paragraph properties of the one before it
(and no bookmark), and drops a bookmark with the paragraph that holds it. Paragraphs are found
by how they start, so a bullet is named by its words whatever attribution follows them.
"""

from __future__ import annotations

import copy
from pathlib import Path

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

_START, _END, _ID, _NAME = (
    qn("w:bookmarkStart"),
    qn("w:bookmarkEnd"),
    qn("w:id"),
    qn("w:name"),
)
_R, _SECT_PR = qn("w:r"), qn("w:sectPr")

__all__ = ["add_after", "add_bullet", "bookmarked_runs", "delete", "paragraph", "retype", "save"]


def paragraph(doc: Document, starting: str) -> Paragraph:
    """The one body paragraph whose words start with `starting`."""
    found = [p for p in doc.paragraphs if p.text.startswith(starting)]
    assert len(found) == 1, f"{len(found)} paragraphs start with {starting!r}"
    return found[0]


def bookmarked_runs(p: Paragraph) -> list[etree._Element]:
    """The runs inside the first bookmark that opens in the paragraph (a bullet's stored
    words, with any lead-in; a heading's words); [] if none opens there."""
    runs: list[etree._Element] = []
    mark = None
    for child in p._p:
        if mark is None:
            if child.tag == _START:
                mark = child.get(_ID)
        elif child.tag == _END and child.get(_ID) == mark:
            return runs
        elif child.tag == _R:
            runs.append(child)
    return runs


def retype(doc: Document, starting: str, words: str) -> None:
    """Selects a bullet's own words (those inside its bookmark: any lead-in and its text) and
    types `words` over them: the first run takes the words, keeping its formatting, the others
    inside go, the bookmark stays and the words after it (an attribution) are untouched. A
    paragraph without a bookmark is retyped whole."""
    p = paragraph(doc, starting)
    runs = bookmarked_runs(p) or p._p.findall(_R)
    assert runs, f"the paragraph starting {starting!r} has no words to retype"
    first, *rest = runs
    Run(first, p).text = words
    for run in rest:
        run.getparent().remove(run)


def add_after(doc: Document, starting: str, words: str, style: str | None = None) -> Paragraph:
    """Presses Enter at the end of a paragraph and types `words`: the new paragraph takes the
    paragraph properties of the one before it (a bullet makes a bullet), or `style` if given;
    it has no bookmark."""
    before = paragraph(doc, starting)
    new = OxmlElement("w:p")
    properties = before._p.pPr
    if properties is not None:
        copied = copy.deepcopy(properties)
        for sect in copied.findall(_SECT_PR):  # a section break stays where it was
            copied.remove(sect)
        new.append(copied)
    before._p.addnext(new)
    p = Paragraph(new, before._parent)
    if style is not None:
        p.style = doc.styles[style]
    p.add_run(words)
    return p


def add_bullet(doc: Document, text: str, name: str, mark_id: int, attribution: str = "") -> None:
    """A bullet at the end of the document as Balcony writes one: its words inside a bookmark
    `name`, then any attribution after it, outside, in brackets."""
    p = doc.add_paragraph(style="List Bullet")
    start = OxmlElement("w:bookmarkStart")
    start.set(_ID, str(mark_id))
    start.set(_NAME, name)
    p._p.append(start)
    p.add_run(text)
    end = OxmlElement("w:bookmarkEnd")
    end.set(_ID, str(mark_id))
    p._p.append(end)
    if attribution:
        p.add_run(f" ({attribution})")


def delete(doc: Document, starting: str) -> None:
    """Deletes a whole paragraph, with any bookmark in it."""
    p = paragraph(doc, starting)._p
    p.getparent().remove(p)


def save(doc: Document, path: Path) -> Path:
    doc.save(str(path))
    return path
