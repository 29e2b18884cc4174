"""Every kind of Word file Balcony writes, read as the zip it is: A4, UK English, properties
that name the document and Balcony, tables screen readers can follow, and nothing left over
from python-docx's own template or a user's."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from facilitator.common.clock import FakeClock
from facilitator.demo import DEMO_CYCLE, create_demo_day
from facilitator.records.exporting import RecordExports
from facilitator.word.agenda import build_agenda, export_agenda
from facilitator.word.clean_package import clean_package
from facilitator.word.conventions import document_bytes
from facilitator.workspace import Workspace
from tests.support.record_day import fill_day

GENERATED = dt.datetime(2027, 1, 4, 9, 30)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
BIBLIOGRAPHY = "http://schemas.openxmlformats.org/officeDocument/2006/bibliography"
NS = {
    "w": W,
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "rel": RELS,
    "ct": TYPES,
}
KINDS = ("session note", "day summary", "cycle report", "agenda")
A4 = ("11906", "16838")


def build(
    kind: str, workspace: Workspace, clock: FakeClock, folder: Path, template: Path | None = None
) -> Path:
    """One file of `kind` for a filled demo day, written as the app writes it."""
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    path = folder / f"{kind.replace(' ', '-')}.docx"
    if kind == "agenda":
        plan = workspace.planner.day_plan(day_id)
        export_agenda(plan, path, generated_at=GENERATED, template=template)
        return path
    fill_day(workspace, day_id, clock)
    exports = RecordExports(workspace, template=template)
    if kind == "cycle report":
        exports.export_cycle_report(DEMO_CYCLE, path)
        return path
    records = exports.day_records(day_id)
    wanted = [r for r in records if (r.session is None) == (kind == "day summary")]
    exports.export(wanted[0], path)
    return path


@pytest.fixture(params=KINDS)
def written(
    request: pytest.FixtureRequest, workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> tuple[str, Path]:
    kind: str = request.param
    return kind, build(kind, workspace, clock, tmp_path)


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def xml(parts: dict[str, bytes], name: str) -> etree._Element:
    return etree.fromstring(parts[name])


def relationships(parts: dict[str, bytes]) -> list[tuple[str, etree._Element]]:
    return [
        (name, rel)
        for name in parts
        if name.endswith(".rels")
        for rel in xml(parts, name).findall("rel:Relationship", NS)
    ]


def check_clean_package(parts: dict[str, bytes]) -> None:
    names = set(parts)
    assert not [n for n in names if "thumbnail" in n.lower()]
    kinds = [rel.get("Type", "") for _, rel in relationships(parts)]
    assert not [k for k in kinds if k.endswith("/thumbnail")]
    assert not [
        k for k in kinds if k.endswith("/stylesWithEffects") or k.endswith("/attachedTemplate")
    ]
    for name in names:
        if name.startswith("customXml/") and not name.endswith(".rels"):
            root = xml(parts, name)
            assert not (root.tag == f"{{{BIBLIOGRAPHY}}}Sources" and len(root) == 0), name
    # Nothing points at a part that is gone, nor names one.
    for rels_name, rel in relationships(parts):
        if rel.get("TargetMode") == "External":
            continue
        folder = rels_name.rsplit("_rels/", 1)[0]
        target = rel.get("Target", "")
        resolved = target.lstrip("/") if target.startswith("/") else _join(folder, target)
        assert resolved in names, (rels_name, target)
    for override in xml(parts, "[Content_Types].xml").findall("ct:Override", NS):
        assert override.get("PartName", "").lstrip("/") in names
    assert not [ext for ext in _defaults(parts) if ext == "jpeg"]
    settings = xml(parts, "word/settings.xml")
    assert settings.find("w:attachedTemplate", NS) is None
    assert settings.find("w:rsids", NS) is None
    assert settings.find("w:savePreviewPicture", NS) is None


def _join(folder: str, target: str) -> str:
    pieces: list[str] = [p for p in folder.split("/") if p]
    for piece in target.split("/"):
        if piece == "..":
            pieces.pop()
        elif piece not in ("", "."):
            pieces.append(piece)
    return "/".join(pieces)


def _defaults(parts: dict[str, bytes]) -> list[str]:
    types = xml(parts, "[Content_Types].xml")
    return [d.get("Extension", "").lower() for d in types.findall("ct:Default", NS)]


def check_properties(parts: dict[str, bytes]) -> None:
    for name, data in parts.items():
        if name.startswith("docProps/"):
            assert b"Microsoft Macintosh Word" not in data, name
            assert b"python-docx" not in data, name
    app = xml(parts, "docProps/app.xml")
    assert app.findtext("ep:Application", namespaces=NS) == "Balcony"
    assert app.find("ep:Template", NS) is None
    assert app.find("ep:Company", NS) is None
    core = xml(parts, "docProps/core.xml")
    assert (core.findtext("dc:title", namespaces=NS) or "").strip()
    assert (core.findtext("dc:creator", namespaces=NS) or "").strip()
    assert (core.findtext("cp:lastModifiedBy", namespaces=NS) or "").strip()
    assert core.findtext("dc:language", namespaces=NS) == "en-GB"
    assert not (core.findtext("dcterms:created", namespaces=NS) or "").startswith("2013")
    assert core.find("cp:lastPrinted", NS) is None


def check_language(parts: dict[str, bytes]) -> None:
    styles = xml(parts, "word/styles.xml")
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang is not None
    assert lang.get(f"{{{W}}}val") == "en-GB"
    assert lang.get(f"{{{W}}}eastAsia") == "en-GB"
    assert lang.get(f"{{{W}}}bidi")  # right-to-left text keeps a right-to-left language
    theme = xml(parts, "word/settings.xml").find("w:themeFontLang", NS)
    assert theme is None or theme.get(f"{{{W}}}val") == "en-GB"


def check_a4(parts: dict[str, bytes]) -> None:
    sections = xml(parts, "word/document.xml").findall(".//w:sectPr", NS)
    assert sections
    for section in sections:
        size = section.find("w:pgSz", NS)
        assert size is not None
        assert (size.get(f"{{{W}}}w"), size.get(f"{{{W}}}h")) == A4
        assert size.get(f"{{{W}}}orient") in (None, "portrait")
        margins = section.find("w:pgMar", NS)
        assert margins is not None
        for edge in ("top", "bottom", "left", "right"):
            assert 567 <= abs(int(margins.get(f"{{{W}}}{edge}", "0"))) <= 2835  # 1 to 5 cm


def check_tables(parts: dict[str, bytes]) -> None:
    body = xml(parts, "word/document.xml")
    styles = xml(parts, "word/styles.xml")
    tables = body.findall(".//w:tbl", NS)
    assert tables
    for table in tables:
        assert table.find("w:tr/w:trPr/w:tblHeader", NS) is not None
        for size in table.iterfind(".//w:rPr/w:sz", NS):
            assert int(size.get(f"{{{W}}}val", "0")) >= 22
        for size in table.iterfind(".//w:rPr/w:szCs", NS):
            assert int(size.get(f"{{{W}}}val", "0")) >= 22
    # What a run without its own size falls back to: the table's style, Normal, the defaults.
    used = {s.get(f"{{{W}}}val") for s in body.iterfind(".//w:tblStyle", NS)} | {"Normal"}
    for style in styles.findall("w:style", NS):
        if style.get(f"{{{W}}}styleId") in used or style.get(f"{{{W}}}default") == "1":
            for size in style.iterfind("w:rPr/w:sz", NS):
                assert int(size.get(f"{{{W}}}val", "0")) >= 22, style.get(f"{{{W}}}styleId")
    default = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:sz", NS)
    assert default is None or int(default.get(f"{{{W}}}val", "0")) >= 22


def check_no_merged_cells(parts: dict[str, bytes]) -> None:
    body = xml(parts, "word/document.xml")
    for tag in ("gridSpan", "vMerge", "hMerge"):
        assert body.find(f".//w:{tag}", NS) is None, tag


def test_the_package_holds_no_leftovers(written: tuple[str, Path]) -> None:
    _kind, path = written
    parts = parts_of(path)

    check_clean_package(parts)
    check_properties(parts)
    opened = docx.Document(str(path))
    assert opened.core_properties.title
    assert opened.core_properties.language == "en-GB"


def test_pages_language_and_tables_follow_the_rules(written: tuple[str, Path]) -> None:
    _kind, path = written
    parts = parts_of(path)

    check_a4(parts)
    check_language(parts)
    check_tables(parts)


def test_no_table_merges_cells(written: tuple[str, Path]) -> None:
    _, path = written
    check_no_merged_cells(parts_of(path))


def test_each_kind_is_titled_as_itself(
    workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    titles = {}
    for kind in KINDS:
        folder = tmp_path / kind.replace(" ", "-")
        folder.mkdir()
        path = build(kind, workspace, clock, folder)
        titles[kind] = docx.Document(str(path)).core_properties.title
    assert titles["session note"].startswith("Peer challenge session note: ")
    assert len(set(titles.values())) == len(KINDS), titles


def leftover_template(path: Path) -> Path:
    """A template saved by someone else's Word: US Letter, thin margins, its own path in the
    settings, a company, a printed date, and python-docx's thumbnail and bibliography."""
    template = docx.Document()
    section = template.sections[0]
    section.left_margin = section.right_margin = docx.shared.Cm(0.5)
    buffer = io.BytesIO()
    template.save(buffer)
    with zipfile.ZipFile(buffer) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/settings.xml"] = parts["word/settings.xml"].replace(
        b"<w:zoom ", b'<w:attachedTemplate r:id="rIdT"/><w:zoom '
    )
    parts["word/_rels/settings.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{RELS}">'
        f'<Relationship Id="rIdT" Type="{R}/attachedTemplate" '
        'Target="file:///C:/Users/jbloggs/Templates/Letterhead.dotx" TargetMode="External"/>'
        "</Relationships>"
    ).encode()
    parts["docProps/app.xml"] = parts["docProps/app.xml"].replace(
        b"<Company/>", b"<Company>Acme Ltd</Company>"
    )
    parts["docProps/core.xml"] = parts["docProps/core.xml"].replace(
        b"<cp:category/>", b"<cp:category/><cp:lastPrinted>2019-01-01T00:00:00Z</cp:lastPrinted>"
    )
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


@pytest.mark.parametrize("kind", ["agenda", "day summary"])
def test_a_users_template_is_used_but_its_leftovers_are_not(
    kind: str, workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    template = leftover_template(tmp_path / "letterhead.docx")
    path = build(kind, workspace, clock, tmp_path, template=template)
    parts = parts_of(path)

    check_clean_package(parts)
    check_properties(parts)
    check_a4(parts)
    check_language(parts)
    assert b"jbloggs" not in b"".join(parts.values())
    assert b"Acme" not in b"".join(parts.values())


def test_the_same_document_makes_the_same_bytes(workspace: Workspace) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    doc = build_agenda(workspace.planner.day_plan(day_id), generated_at=GENERATED)

    first = document_bytes(doc)
    assert document_bytes(doc) == first
    assert clean_package(first) == first
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        infos = package.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_other_custom_xml_is_kept(tmp_path: Path) -> None:
    """Only the empty bibliography goes: custom XML that says something stays, linked."""
    doc = docx.Document()
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["customXml/item1.xml"] = (
        f'<b:Sources xmlns:b="{BIBLIOGRAPHY}"><b:Source><b:Tag>Ref1</b:Tag></b:Source></b:Sources>'
    ).encode()
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(rebuilt, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)

    cleaned = parts_of_bytes(clean_package(rebuilt.getvalue()))
    assert "customXml/item1.xml" in cleaned
    assert "customXml/itemProps1.xml" in cleaned
    assert b"customXml" in cleaned["word/_rels/document.xml.rels"]
    assert "docProps/thumbnail.jpeg" not in cleaned
    check_properties_app_only(cleaned)


def parts_of_bytes(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def check_properties_app_only(parts: dict[str, bytes]) -> None:
    app = xml(parts, "docProps/app.xml")
    assert app.findtext("ep:Application", namespaces=NS) == "Balcony"
