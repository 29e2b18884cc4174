"""Reading a Word file back: its Balcony properties and its paragraphs, as a director left them.

Each paragraph comes with its style name, its text (tracked changes taken as accepted: inserted
words in, deleted words out, and whether it holds any), and the Balcony bookmark it carries, if
any, with the words inside that bookmark (a note's own words, without the attribution printed
after them). Margin comments come with the paragraph each is anchored on.

python-docx is imported inside the functions only, so that starting the app never loads it.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

# A returned session note is tens of kilobytes; refuse anything far beyond a long report.
MAX_FILE_BYTES = 50 * 1024 * 1024

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_P, _T, _TAB, _BR, _CR = _q("p"), _q("t"), _q("tab"), _q("br"), _q("cr")
_NO_BREAK_HYPHEN, _R = _q("noBreakHyphen"), _q("r")
_START, _END, _ID, _NAME = _q("bookmarkStart"), _q("bookmarkEnd"), _q("id"), _q("name")
_COMMENT_START, _COMMENT_REFERENCE = _q("commentRangeStart"), _q("commentReference")
_AUTHOR = _q("author")
_COMMENTS_PART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_PPR, _RPR, _PSTYLE, _VAL, _TYPE = _q("pPr"), _q("rPr"), _q("pStyle"), _q("val"), _q("type")
# Text inside these is not in the document once its tracked changes are accepted.
_REMOVED = frozenset({_q("del"), _q("moveFrom")})
_TRACKED = (_q("ins"), _q("del"), _q("moveFrom"), _q("moveTo"))
_TEXT_TAGS = (_T, _TAB, _BR, _CR, _NO_BREAK_HYPHEN, _START, _END)


class UnreadableDocumentError(ValueError):
    """The bytes are not a Word (.docx) document python-docx can open."""


@dataclass(frozen=True)
class DocParagraph:
    """One paragraph: its style name, its words, and the Balcony bookmark it carries.

    `marked` is the text inside the bookmark (equal to `text` when the bookmark wraps the
    whole paragraph); empty when there is no bookmark.
    """

    style: str
    text: str
    bookmark: str | None = None
    marked: str = ""
    # It holds tracked insertions or deletions (read as accepted). Not stored with a version.
    tracked: bool = False

    @property
    def is_heading(self) -> bool:
        return heading_level(self.style) is not None

    @property
    def is_bullet(self) -> bool:
        return self.style.startswith("List")


@dataclass(frozen=True)
class DocComment:
    """A margin comment: who wrote it, its words, and the paragraph it is anchored on (an
    index into the paragraphs read, or -1 when its anchor is in no paragraph read)."""

    author: str
    text: str
    paragraph: int = -1


@dataclass(frozen=True)
class DocContents:
    identifier: str
    version: str
    content_status: str
    paragraphs: tuple[DocParagraph, ...]
    comments: tuple[DocComment, ...] = ()


def heading_level(style: str) -> int | None:
    """1 for "Heading 1" and so on, 0 for "Title", None for anything else."""
    if style == "Title":
        return 0
    if style.startswith("Heading "):
        number = style.removeprefix("Heading ")
        return int(number) if number.isdigit() else None
    return None


def read_document(data: bytes) -> DocContents:
    """The Balcony properties and the non-empty paragraphs of a .docx, in reading order."""
    doc = _open(data)
    props = doc.core_properties
    anchors: dict[str, int] = {}
    paragraphs = tuple(_paragraphs(doc, anchors))
    return DocContents(
        identifier=(props.identifier or "").strip(),
        version=(props.version or "").strip(),
        content_status=(props.content_status or "").strip(),
        paragraphs=paragraphs,
        comments=tuple(_comments(doc, anchors)),
    )


def paragraphs_to_json(paragraphs: Iterable[DocParagraph]) -> str:
    return json.dumps(
        [[p.style, p.text, p.bookmark, p.marked] for p in paragraphs], ensure_ascii=False
    )


def paragraphs_from_json(text: str) -> tuple[DocParagraph, ...]:
    rows: list[Sequence[Any]] = json.loads(text) if text else []
    return tuple(
        DocParagraph(str(row[0]), str(row[1]), row[2], str(row[3]) if len(row) > 3 else "")
        for row in rows
    )


def _open(data: bytes) -> DocxDocument:
    import docx  # here, not at the top: start-up never needs it

    if len(data) > MAX_FILE_BYTES:
        raise UnreadableDocumentError(
            f"The file is {len(data) / 1024 / 1024:.0f} MB: far larger than any Balcony document."
        )
    try:
        return docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise UnreadableDocumentError("It is not a Word .docx document.") from exc
    except Exception as exc:  # python-docx raises many kinds for a damaged or foreign package
        raise UnreadableDocumentError(
            f"It is not a Word .docx document, or it is damaged ({exc})."
        ) from exc


def _paragraphs(doc: DocxDocument, anchors: dict[str, int]) -> list[DocParagraph]:
    """The paragraphs; fills `anchors` with each comment id's paragraph index."""
    from docx.enum.style import WD_STYLE_TYPE

    names = {style.style_id: style.name for style in doc.styles if style.name}
    default = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_name = (default.name if default is not None else None) or "Normal"
    body = doc.element.body
    found: list[DocParagraph] = []
    # Bookmarks started between paragraphs (at body or table level) and not yet given to one:
    # each goes to the first paragraph after its start, if it has not ended before it.
    waiting: dict[str, str] = {}
    merged_text, merged_mark = "", ""
    merged_bookmark: str | None = None
    merged_tracked = False
    commented: list[str] = []  # comment ids waiting for the next paragraph read
    for element in body.iter(_P, _START, _END):
        if element.tag == _END:
            waiting.pop(element.get(_ID, ""), None)
            continue
        if _inside_paragraph(element):
            continue  # a paragraph's own bookmarks are read with it; a text box is skipped
        if element.tag == _START:
            name = element.get(_NAME, "")
            if _ours(name):
                waiting[element.get(_ID, "")] = name
            continue
        text, bookmark, marked = _read_paragraph(element, list(waiting.values()))
        waiting.clear()
        commented += _comment_ids(element)
        tracked = merged_tracked or _has_tracked(element)
        if _mark_deleted(element):
            # Its paragraph mark is a tracked deletion: it runs on into the next paragraph.
            # A bullet deleted whole leaves no words, and its bookmark must not pass to the
            # paragraph it ran into (a heading, say), which would then read as that bullet.
            if text.strip():
                merged_text += text
                merged_mark = merged_mark or marked
                merged_bookmark = merged_bookmark or bookmark
            merged_tracked = True
            continue
        text, marked = merged_text + text, merged_mark or marked
        bookmark = merged_bookmark or bookmark
        merged_text, merged_mark, merged_bookmark, merged_tracked = "", "", None, False
        text = text.strip()
        if not text:
            continue  # spacing, or a bullet whose words were all deleted
        style_id = _style_id(element)
        style = names.get(style_id, style_id) if style_id else default_name
        for comment_id in commented:
            anchors.setdefault(comment_id, len(found))
        commented.clear()
        found.append(
            DocParagraph(style, text, bookmark, marked.strip() if bookmark else "", tracked)
        )
    return found


def _comment_ids(p: Any) -> list[str]:
    return [
        str(node.get(_ID, ""))
        for node in p.iter(_COMMENT_START, _COMMENT_REFERENCE)
        if node.get(_ID) is not None
    ]


def _has_tracked(p: Any) -> bool:
    return next(p.iter(*_TRACKED), None) is not None


def _comments(doc: DocxDocument, anchors: dict[str, int]) -> list[DocComment]:
    """The margin comments in the order of the paragraphs they are anchored on."""
    from lxml import etree

    part = next(
        (rel.target_part for rel in doc.part.rels.values() if rel.reltype == _COMMENTS_PART),
        None,
    )
    if part is None:
        return []
    try:
        root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError:
        return []  # a damaged comments part: the body can still be read
    found: list[DocComment] = []
    for comment in root.iter(_q("comment")):
        text = "\n".join(
            "".join(_piece(node) for node in p.iter(_T, _TAB, _BR) if _belongs_to(node, p))
            for p in comment.iter(_P)
        ).strip()
        if text:
            anchor = anchors.get(str(comment.get(_ID, "")), -1)
            found.append(DocComment(str(comment.get(_AUTHOR, "")).strip(), text, anchor))
    return sorted(found, key=lambda c: c.paragraph)


def _read_paragraph(p: Any, wrapping: list[str]) -> tuple[str, str | None, str]:
    """The paragraph's text, its first Balcony bookmark and the words inside that bookmark.

    A bookmark that starts inside a tracked deletion still counts when live words follow it
    before it ends: LibreOffice, retyping a bookmarked heading with Record Changes on, leaves
    the start with the deleted words and the end with the inserted ones. One holding only
    deleted words is a deleted bullet's, and is ignored.
    """
    bookmark = wrapping[0] if wrapping else None
    marking = bookmark is not None  # a wrapping bookmark covers the paragraph from its start
    mark_id: str | None = None
    started_deleted = False
    parts: list[str] = []
    marked: list[str] = []
    for element in p.iter(*_TEXT_TAGS):
        tag = element.tag
        if tag in (_START, _END):
            if not _in_paragraph(element, p):
                continue
            if tag == _START:
                name = element.get(_NAME, "")
                if bookmark is None and _ours(name):
                    bookmark, marking, mark_id = name, True, element.get(_ID)
                    started_deleted = not _belongs_to(element, p)
            elif mark_id is not None and element.get(_ID) == mark_id:
                marking = False
            continue
        if not _belongs_to(element, p):
            continue
        piece = _piece(element)
        parts.append(piece)
        if marking:
            marked.append(piece)
    if started_deleted and not "".join(marked).strip():
        return "".join(parts), None, ""
    return "".join(parts), bookmark, "".join(marked)


def _in_paragraph(element: Any, p: Any) -> bool:
    """True if `element` is p's own, not in a nested paragraph (a text box)."""
    node = element.getparent()
    while node is not None and node is not p:
        if node.tag == _P:
            return False
        node = node.getparent()
    return node is p


def _piece(element: Any) -> str:
    tag = element.tag
    if tag == _T:
        return str(element.text or "")
    if tag == _TAB:
        return "\t"
    if tag == _NO_BREAK_HYPHEN:
        return "-"
    if tag == _BR and element.get(_TYPE) in ("page", "column"):
        return ""
    return "\n"


def _belongs_to(element: Any, p: Any) -> bool:
    """True if `element` is p's own, live text: not deleted, not in a nested text box."""
    node = element.getparent()
    while node is not None and node is not p:
        if node.tag in _REMOVED or node.tag == _P:
            return False
        node = node.getparent()
    return node is p


def _inside_paragraph(element: Any) -> bool:
    node = element.getparent()
    while node is not None:
        if node.tag == _P:
            return True
        node = node.getparent()
    return False


def _mark_deleted(p: Any) -> bool:
    ppr = p.find(_PPR)
    rpr = ppr.find(_RPR) if ppr is not None else None
    return rpr is not None and any(child.tag in _REMOVED for child in rpr)


def _style_id(p: Any) -> str:
    ppr = p.find(_PPR)
    style = ppr.find(_PSTYLE) if ppr is not None else None
    return str(style.get(_VAL, "")) if style is not None else ""


def _ours(name: str) -> bool:
    """Word's own bookmarks (_GoBack, _Toc…, _Hlk…) start with an underscore."""
    return bool(name) and not name.startswith("_")
