"""The day summary's introductions: what each person said they want to give to and receive
from the day, read back from the Word file it exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table

from facilitator.demo import create_demo_day
from facilitator.records.collect import collect_day_summary
from facilitator.records.exporting import RecordExports
from facilitator.word.day_summary import build_day_summary
from facilitator.word.record_content import Stamp
from facilitator.workspace import Workspace
from tests.support.record_day import quartet_day

HEADERS = ["Authority", "Who", "Wants to give", "Wants to receive"]


def export_summary(workspace: Workspace, day_id: int, path: Path) -> Document:
    exports = RecordExports(workspace)
    (summary,) = [r for r in exports.day_records(day_id) if r.session is None]
    exports.export(summary, path)
    return docx.Document(str(path))


def find_table(doc: Document) -> Table:
    (table,) = [t for t in doc.tables if [c.text for c in t.rows[0].cells] == HEADERS]
    return table


def introductions_table(doc: Document) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in find_table(doc).rows]


def under(doc: Document, heading: str) -> str:
    texts = [p.text for p in doc.paragraphs]
    return texts[texts.index(heading) + 1]


@pytest.fixture
def days(workspace: Workspace) -> tuple[int, int]:
    """The two days of the demo cycle, introductions heard on each."""
    day_one = create_demo_day(workspace.planner, workspace.notebook)
    day_two = quartet_day(workspace)
    people = {p.name: p for p in workspace.introductions.people_of_day(day_one)}
    workspace.introductions.record(
        day_one,
        people["Priya Ellwood"].person_id,
        gives="Our practice-week model",
        receives="Ideas on keeping social workers",
    )
    workspace.introductions.record(
        day_one,
        people["Rhys Penhale"].person_id,
        gives="Supervision audits",
        receives="",
    )
    workspace.introductions.record(day_one, name="Ola Brightwater", receives="A feel for the day")
    lena = next(p for p in workspace.introductions.people_of_day(day_two) if p.name == "Lena Corr")
    workspace.introductions.record(day_two, lena.person_id, gives="Upton's edge of care offer")
    return day_one, day_two


def test_the_summary_gives_each_introduction_with_what_they_give_and_receive(
    workspace: Workspace, days: tuple[int, int], tmp_path: Path
) -> None:
    doc = export_summary(workspace, days[0], tmp_path / "summary.docx")

    headings = [p.text for p in doc.paragraphs if p.style and p.style.name == "Heading 2"]
    assert headings.index("Introductions") + 1 == headings.index("Attendance")
    assert introductions_table(doc) == [
        HEADERS,
        [
            "Ashvale",
            "Priya Ellwood\nDirector of Children’s Services",
            "Our practice-week model",
            "Ideas on keeping social workers",
        ],
        [
            "Brackenmoor",
            "Rhys Penhale\nPrincipal Social Worker",
            "Supervision audits",
            "Not recorded",
        ],
        ["Guest", "Ola Brightwater", "Not recorded", "A feel for the day"],
    ]
    # Each day's summary holds its own day's introductions only.
    day_two = export_summary(workspace, days[1], tmp_path / "day-two.docx")
    assert introductions_table(day_two)[1:] == [
        ["Upton", "Lena Corr\nAD", "Upton's edge of care offer", "Not recorded"]
    ]
    content = collect_day_summary(workspace, days[0])
    assert [r.name for r in content.introductions] == [
        "Priya Ellwood",
        "Rhys Penhale",
        "Ola Brightwater",
    ]


def built_summary(workspace: Workspace, day_id: int, path: Path) -> Document:
    """The summary as the builder leaves it, saved by python-docx alone: without the
    export's last pass (clean_package.finish_document), which would hide a builder's lapse."""
    stamp = Stamp(dt.datetime(2027, 1, 19, 9, 0))
    build_day_summary(collect_day_summary(workspace, day_id), stamp).save(str(path))
    return docx.Document(str(path))


@pytest.mark.parametrize("make", [export_summary, built_summary])
def test_the_introductions_table_has_a_header_row_no_merges_and_eleven_point_text(
    workspace: Workspace,
    days: tuple[int, int],
    tmp_path: Path,
    make: Callable[[Workspace, int, Path], Document],
) -> None:
    doc = make(workspace, days[0], tmp_path / "summary.docx")
    table = find_table(doc)

    for candidate in doc.tables:
        flagged = [
            row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
            for row in candidate.rows
        ]
        assert flagged[0]
        assert not any(flagged[1:])
        for tc in candidate._tbl.iter(qn("w:tc")):
            if tc.tcPr is not None:
                for merge in ("w:gridSpan", "w:vMerge", "w:hMerge"):
                    assert tc.tcPr.find(qn(merge)) is None
    sizes = [r.font.size for row in table.rows for c in row.cells for r in c.paragraphs[0].runs]
    assert sizes
    assert all(size is not None and size.pt >= 11 for size in sizes)
    page = doc.sections[0]
    assert page.page_width is not None
    assert page.page_height is not None
    assert (round(page.page_width.mm), round(page.page_height.mm)) == (210, 297)  # A4


def test_a_day_without_introductions_says_so(workspace: Workspace, tmp_path: Path) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    doc = export_summary(workspace, day_id, tmp_path / "summary.docx")

    assert under(doc, "Introductions") == "None recorded."
    assert not [t for t in doc.tables if [c.text for c in t.rows[0].cells] == HEADERS]
