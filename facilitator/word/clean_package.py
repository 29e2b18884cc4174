"""The last step before a Word file's bytes leave Balcony: the house rules every document keeps
whatever built it, and nothing left over from python-docx's own template or a user's.

finish_document() works through python-docx's objects: A4 portrait on every section, the
first row of every table marked as its header (repeated on each page, read out by screen
readers), table text no smaller than 11 pt, core properties that name the document (title,
author, UK English) rather than python-docx, and settings without the template's traces.

clean_package() rewrites the zip for what those objects cannot reach: python-docx's
thumbnail, its empty bibliography custom XML, the Word 2010 stylesWithEffects copy, and the
extended properties ("Microsoft Macintosh Word", a template's name, a company). Every other
part is kept byte for byte, and the same parts always make the same zip.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from datetime import UTC, datetime

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from facilitator.word.styles import LANGUAGE, defaults_rpr, set_a4, set_language

__all__ = ["APPLICATION", "MIN_TABLE_HALF_POINTS", "clean_package", "finish_document"]

APPLICATION = "Balcony"
MIN_TABLE_HALF_POINTS = 22  # 11 pt
# What python-docx's own template says of itself.
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15, tzinfo=UTC)

_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
# Settings that belong to the file a template was saved as, not to a Balcony export: the
# template's path (with its owner's user name), its editing sessions, its mail merge source,
# a request for a thumbnail, a claim that its spelling was checked and its identifiers.
_SETTINGS_DROPPED = (
    qn("w:attachedTemplate"),
    qn("w:proofState"),
    qn("w:rsids"),
    qn("w:mailMerge"),
    qn("w:savePreviewPicture"),
    f"{{{_W14}}}docId",
    f"{{{_W15}}}docId",
)
_REL_ID = qn("r:id")

_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_BIBLIOGRAPHY = "http://schemas.openxmlformats.org/officeDocument/2006/bibliography"
_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
CONTENT_TYPES = "[Content_Types].xml"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's first date: no build time in the file
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def finish_document(doc: Document) -> None:
    """Brings `doc` to Balcony's rules in place, whoever built it and from whichever template.
    Safe to run more than once."""
    for section in doc.sections:
        set_a4(section)
    set_language(defaults_rpr(doc))
    _finish_tables(doc)
    _finish_properties(doc)
    _finish_settings(doc)


def _finish_tables(doc: Document) -> None:
    for tbl in doc.element.body.iter(qn("w:tbl")):
        first = tbl.find(qn("w:tr"))
        if first is not None:
            tr_pr = first.get_or_add_trPr()
            if tr_pr.find(qn("w:tblHeader")) is None:
                tr_pr.append(OxmlElement("w:tblHeader"))
        for size in tbl.iter(qn("w:sz"), qn("w:szCs")):
            value = size.get(qn("w:val"), "")
            if value.isdigit() and int(value) < MIN_TABLE_HALF_POINTS:
                size.set(qn("w:val"), str(MIN_TABLE_HALF_POINTS))


def _finish_properties(doc: Document) -> None:
    props = doc.core_properties
    if not props.title:
        props.title = _first_heading(doc)
    if not props.author or _TEMPLATE_AUTHOR in props.author:
        props.author = APPLICATION
    if not props.last_modified_by or _TEMPLATE_AUTHOR in props.last_modified_by:
        props.last_modified_by = props.author
    if _TEMPLATE_AUTHOR in props.comments:
        props.comments = ""
    props.language = LANGUAGE
    if props.created is None or props.created == _TEMPLATE_CREATED:
        props.created = props.modified = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    element = doc.core_properties._element
    for printed in element.findall(qn("cp:lastPrinted")):  # the template's, not this file's
        element.remove(printed)


def _first_heading(doc: Document) -> str:
    for paragraph in doc.paragraphs:
        style = paragraph.style
        if style is not None and style.name in ("Title", "Heading 1") and paragraph.text.strip():
            return paragraph.text.strip()
    return ""


def _finish_settings(doc: Document) -> None:
    part = doc.part.part_related_by(RT.SETTINGS)
    settings = doc.settings.element
    for tag in _SETTINGS_DROPPED:
        for found in settings.findall(tag):
            rel_ids = [node.get(_REL_ID) for node in found.iter() if node.get(_REL_ID)]
            settings.remove(found)
            for rel_id in rel_ids:
                if rel_id in part.rels:
                    part.drop_rel(rel_id)
    theme_language = settings.find(qn("w:themeFontLang"))
    if theme_language is not None:
        theme_language.set(qn("w:val"), LANGUAGE)
        theme_language.attrib.pop(qn("w:eastAsia"), None)


def clean_package(data: bytes) -> bytes:
    """The .docx in `data` without a thumbnail, empty bibliography custom XML or
    stylesWithEffects, and with extended properties that name Balcony and nothing else."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    dropped = _unwanted_parts(parts)
    for rels_name in [name for name in parts if name.endswith(".rels")]:
        _drop_relationships(parts, rels_name, dropped)
    for name in dropped:
        parts.pop(name, None)
        parts.pop(_rels_of(name), None)
    _set_application(parts)
    parts[CONTENT_TYPES] = _content_types(parts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in [CONTENT_TYPES, *(n for n in parts if n != CONTENT_TYPES)]:
            info = zipfile.ZipInfo(name, _FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, parts[name])
    return buffer.getvalue()


def _unwanted_parts(parts: dict[str, bytes]) -> set[str]:
    """The thumbnail, stylesWithEffects, and each custom XML item that is only an empty list
    of bibliography sources, with the parts only they point at (its properties)."""
    dropped: set[str] = set()
    for rels_name, source in _rels_parts(parts):
        for rel in etree.fromstring(parts[rels_name], _PARSER):
            if rel.get("TargetMode") == "External":
                continue
            kind, target = rel.get("Type", ""), _resolve(source, rel.get("Target", ""))
            if kind in (_THUMBNAIL, _WITH_EFFECTS) or (
                kind == _CUSTOM_XML and _empty_bibliography(parts.get(target))
            ):
                dropped.add(target)
    for name in list(dropped):
        own_rels = _rels_of(name)
        if own_rels in parts:
            for rel in etree.fromstring(parts[own_rels], _PARSER):
                if rel.get("TargetMode") != "External":
                    dropped.add(_resolve(name, rel.get("Target", "")))
    return dropped


def _empty_bibliography(data: bytes | None) -> bool:
    if data is None:
        return False
    root = etree.fromstring(data, _PARSER)
    return bool(root.tag == f"{{{_BIBLIOGRAPHY}}}Sources" and len(root) == 0)


def _drop_relationships(parts: dict[str, bytes], rels_name: str, dropped: set[str]) -> None:
    source = _source_of(rels_name)
    tree = etree.fromstring(parts[rels_name], _PARSER)
    gone = [
        rel
        for rel in tree
        if rel.get("TargetMode") != "External"
        and _resolve(source, rel.get("Target", "")) in dropped
    ]
    if gone:
        for rel in gone:
            tree.remove(rel)
        parts[rels_name] = etree.tostring(tree, xml_declaration=True, standalone=True)


def _set_application(parts: dict[str, bytes]) -> None:
    """Extended properties that say Balcony wrote the file, and no more: Word counts pages
    and words again itself, and a template's name or company has no place in an export."""
    for rel in etree.fromstring(parts["_rels/.rels"], _PARSER):
        if rel.get("Type") == _APP and rel.get("TargetMode") != "External":
            root = etree.Element(f"{{{_EXTENDED}}}Properties", nsmap={None: _EXTENDED})
            etree.SubElement(root, f"{{{_EXTENDED}}}Application").text = APPLICATION
            etree.SubElement(root, f"{{{_EXTENDED}}}DocSecurity").text = "0"
            parts[_resolve("", rel.get("Target", ""))] = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            )


def _content_types(parts: dict[str, bytes]) -> bytes:
    """[Content_Types].xml without overrides for parts no longer there, nor defaults for
    extensions no part has (the thumbnail's jpeg)."""
    tree = etree.fromstring(parts[CONTENT_TYPES], _PARSER)
    extensions = {posixpath.splitext(name)[1].lstrip(".").lower() for name in parts}
    for entry in list(tree):
        gone_part = entry.get("PartName", "").lstrip("/") not in parts
        unused = entry.get("Extension", "").lower() not in extensions
        if (entry.tag == f"{{{_TYPES_NS}}}Override" and gone_part) or (
            entry.tag == f"{{{_TYPES_NS}}}Default" and unused
        ):
            tree.remove(entry)
    return bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True))


def _rels_parts(parts: dict[str, bytes]) -> list[tuple[str, str]]:
    """Each relationships part with the part it belongs to ("" for the package)."""
    return [(name, _source_of(name)) for name in parts if name.endswith(".rels")]


def _source_of(rels_name: str) -> str:
    folder, base = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), base.removesuffix(".rels"))


def _rels_of(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target)).lstrip("/")
