"""A user's Word template, cut down to what an export takes from it.

An export needs the template's styles, numbering, settings, theme, fonts and its headers and
footers (with the pictures they show: the letterhead). Everything else stays behind unread:
the template's own body pictures, custom XML, embedded files, a glossary, and above all any
macros: an export is a plain .docx, and a macro-enabled template's code must never travel
in it. A 1 GB picture nobody sees once cost 56 s and 2 GB of memory on every export; now it
is never read, and the slim copy is kept per (path, modified time, size) so repeated exports
open it in milliseconds.
"""

from __future__ import annotations

import functools
import io
import posixpath
import zipfile
from collections.abc import Mapping
from pathlib import Path

from lxml import etree

from facilitator.word.packages import PackageError, check_sizes, open_package, read_word_file

_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
CONTENT_TYPES = "[Content_Types].xml"
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# The main part of a .dotx, a .docm and a .dotm: each becomes a plain document.
MAIN_TYPES = frozenset(
    {
        DOCUMENT_TYPE,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    }
)
# From the package root: the document and its core and extended properties.
_ROOT_KEPT = frozenset(
    {_OFFICE + "officeDocument", _PACKAGE + "core-properties", _OFFICE + "extended-properties"}
)
# From the document: what shapes a new document. Its body pictures go: the body is emptied.
_DOCUMENT_KEPT = frozenset(
    _OFFICE + kind
    for kind in (
        "styles",
        "stylesWithEffects",
        "numbering",
        "settings",
        "webSettings",
        "theme",
        "fontTable",
        "header",
        "footer",
        "footnotes",
        "endnotes",
    )
)
# From the kept parts (a letterhead's logo, a picture bullet, a theme's fill): pictures only.
_PART_KEPT = frozenset({_OFFICE + "image", _OFFICE + "theme"})
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


FIX = "Choose another .docx or .dotx template, or export without one."


def slim_template(path: Path) -> bytes:
    """The template at `path` as a small .docx holding only what an export needs, with no
    macros and a plain document content type. Cached while the file is unchanged.

    Raises PackageError, its message starting with the file's name."""
    path = Path(path)
    try:
        found = path.stat()
    except OSError as exc:
        raise PackageError(f"{path.name} cannot be read ({exc.strerror}). {FIX}") from exc
    return _slim(str(path.resolve()), found.st_mtime_ns, found.st_size)


@functools.lru_cache(maxsize=4)
def _slim(path: str, _mtime_ns: int, _size: int) -> bytes:
    # The file's time and size are in the key only, so that a changed template is read again.
    name = Path(path).name
    # Only the parts kept are checked for size, below: the unused ones are never read.
    data = read_word_file(Path(path), FIX, check_parts=False)
    with open_package(data, name, FIX) as package:
        try:
            return _copy_needed(package, name)
        except PackageError:
            raise
        except (KeyError, ValueError, etree.XMLSyntaxError, zipfile.BadZipFile) as exc:
            raise PackageError(f"{name} is damaged or is not a Word file ({exc}). {FIX}") from exc


def _copy_needed(package: zipfile.ZipFile, name: str) -> bytes:
    present = {info.filename: info for info in package.infolist()}
    keep: dict[str, bytes] = {}
    rels = _read_xml(package, present, "_rels/.rels", name)
    main = _filter_rels(rels, "", _ROOT_KEPT, present)
    documents = [t for t, kind in main if kind == _OFFICE + "officeDocument"]
    if len(documents) != 1:
        raise PackageError(f"{name} has no document part. {FIX}")
    keep["_rels/.rels"] = etree.tostring(rels, xml_declaration=True, standalone=True)
    waiting = [target for target, _ in main]
    allowed_from = {documents[0]: _DOCUMENT_KEPT}
    while waiting:
        part = waiting.pop()
        if part in keep:
            continue
        rels_name = _rels_of(part)
        kept_rels: list[tuple[str, str]] = []
        if rels_name in present:
            tree = _read_xml(package, present, rels_name, name)
            kept_rels = _filter_rels(tree, part, allowed_from.get(part, _PART_KEPT), present)
            keep[rels_name] = etree.tostring(tree, xml_declaration=True, standalone=True)
        keep[part] = b""  # read below, once every part kept is known and checked
        waiting.extend(target for target, _ in kept_rels)
    check_sizes([present[part] for part in keep if part in present], name, FIX)
    for part in keep:
        if not keep[part]:
            keep[part] = package.read(present[part])
    keep[CONTENT_TYPES] = _content_types(
        _read_xml(package, present, CONTENT_TYPES, name), documents[0], set(keep)
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for part, data in keep.items():
            target.writestr(part, data)
    return buffer.getvalue()


def _read_xml(
    package: zipfile.ZipFile, present: dict[str, zipfile.ZipInfo], part: str, name: str
) -> etree._Element:
    info = present.get(part)
    if info is None:
        raise PackageError(f"{name} has no {part}. {FIX}")
    check_sizes([info], name, FIX)
    return etree.fromstring(package.read(info), _SAFE_XML)


def _filter_rels(
    tree: etree._Element, source: str, allowed: frozenset[str], present: Mapping[str, object]
) -> list[tuple[str, str]]:
    """Removes from a relationships part every internal relationship not `allowed` (or
    pointing at nothing); returns the kept ones as (part name, type). Links to outside the
    package are kept: they load nothing, and a header's hyperlink still works."""
    kept: list[tuple[str, str]] = []
    for rel in list(tree):
        kind = rel.get("Type", "")
        if rel.get("TargetMode") == "External":
            continue
        target = _resolve(source, rel.get("Target", ""))
        if kind in allowed and target in present:
            kept.append((target, kind))
        else:
            tree.remove(rel)
    return kept


def _content_types(tree: etree._Element, document: str, kept: set[str]) -> bytes:
    """[Content_Types].xml for the parts kept, the main part a plain document, no defaults
    for macro parts."""
    for entry in list(tree):
        kind = entry.get("ContentType", "")
        part = entry.get("PartName", "").lstrip("/")
        if entry.tag == f"{{{_TYPES}}}Override":
            if part not in kept:
                tree.remove(entry)
            elif part == document:
                if kind not in MAIN_TYPES:
                    raise ValueError(f"its main part is of the unknown type {kind}")
                entry.set("ContentType", DOCUMENT_TYPE)
        elif "macroEnabled" in kind or "vbaProject" in kind or "vbaData" in kind:
            tree.remove(entry)
    return bytes(etree.tostring(tree, xml_declaration=True, standalone=True))


def _rels_of(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target)).lstrip("/")
