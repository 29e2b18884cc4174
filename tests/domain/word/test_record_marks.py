"""The record documents' stage order, sign-off, page marks and accessibility, checked by
reopening the exported files with python-docx."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table

from facilitator.common.clock import FakeClock
from facilitator.demo import DEMO_CYCLE, create_demo_day
from facilitator.records.exporting import DayRecord, RecordExports
from facilitator.word.session_note_words import return_by
from facilitator.workspace import Workspace
from tests.support.record_day import FilledSession, fill_day

AGREED = dt.date(2027, 2, 20)
STAGE_ORDER = (
    "Focus risks",
    "The presentation",
    "Questions explored",
    "Strengths affirmed",
    "Insights from the balcony",
    "The presenting team’s reaction",
    "Reflection",
    "Actions",
    "Asks: support wanted",
    "Offers: practice to share",
    "Topical peer challenge next year",
    "Sign-off",
    "Appendix: planned and actual times",
)


@pytest.fixture
def triad(workspace: Workspace, clock: FakeClock) -> tuple[int, list[FilledSession]]:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    return day_id, fill_day(workspace, day_id, clock)


def record_of(workspace: Workspace, session_id: int) -> DayRecord:
    day_id = workspace.session_facts.get(session_id).day_id
    records = RecordExports(workspace).day_records(day_id)
    return next(r for r in records if r.session and r.session.session_id == session_id)


def export_note(workspace: Workspace, session_id: int, path: Path) -> Document:
    RecordExports(workspace).export(record_of(workspace, session_id), path, overwrite=True)
    return docx.Document(str(path))


def export_summary(workspace: Workspace, day_id: int, path: Path) -> Document:
    exports = RecordExports(workspace)
    (summary,) = [r for r in exports.day_records(day_id) if r.session is None]
    exports.export(summary, path)
    return docx.Document(str(path))


def export_cycle(workspace: Workspace, path: Path) -> Document:
    RecordExports(workspace).export_cycle_report(DEMO_CYCLE, path)
    return docx.Document(str(path))


def texts_under(doc: Document, heading: str) -> list[str]:
    """The paragraphs between a heading 2 and the next heading 2."""
    found: list[str] = []
    inside = False
    for p in doc.paragraphs:
        if p.style.name == "Heading 2":
            inside = p.text == heading
        elif inside:
            found.append(p.text)
    return found


def header_text(doc: Document) -> str:
    return "\n".join(p.text for p in doc.sections[0].header.paragraphs)


def tables_of(workspace: Workspace, day_id: int, session_id: int, tmp: Path) -> Iterator[Table]:
    yield from export_note(workspace, session_id, tmp / "note.docx").tables
    yield from export_summary(workspace, day_id, tmp / "summary.docx").tables
    yield from export_cycle(workspace, tmp / "cycle.docx").tables


# stage order and focus risks -------------------------------------------------------------


def test_the_note_follows_the_stages_questioning_before_affirmation(
    workspace: Workspace, triad: tuple[int, list[FilledSession]], tmp_path: Path
) -> None:
    doc = export_note(workspace, triad[1][0].session_id, tmp_path / "note.docx")

    second = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert [h for h in second if h in STAGE_ORDER] == list(STAGE_ORDER)


def test_a_focus_risk_said_twice_prints_once(
    workspace: Workspace, triad: tuple[int, list[FilledSession]], tmp_path: Path
) -> None:
    ashvale = triad[1][0]
    noted = f"Focus on placement sufficiency {ashvale.markers[0]}"  # an old RISK note
    focus = workspace.questions.focus_risks
    focus.add(ashvale.session_id, noted)  # the same words in the list
    focus.add(ashvale.session_id, "  budget. ")  # the pinned theme, typed again
    focus.add(ashvale.session_id, "Edge of care")
    focus.add(ashvale.session_id, "Edge  of CARE")

    doc = export_note(workspace, ashvale.session_id, tmp_path / "note.docx")

    printed = [" ".join(t.split()).strip(".").casefold() for t in texts_under(doc, "Focus risks")]
    for once in ("budget", noted.casefold(), "edge of care"):
        assert printed.count(once) == 1, once
    assert printed[0] == "budget"  # the first kept: the pinned theme, as the list has it


# sign-off -------------------------------------------------------------------------------


def test_return_by_counts_ten_working_days() -> None:
    assert return_by(dt.date(2027, 1, 1)) == dt.date(2027, 1, 15)  # a Friday
    assert return_by(dt.date(2027, 1, 2)) == dt.date(2027, 1, 15)  # a Saturday
    assert return_by(dt.date(2027, 1, 4)) == dt.date(2027, 1, 18)  # a Monday


def test_a_draft_asks_for_amendments_by_a_date_and_an_agreed_note_names_who_agreed(
    workspace: Workspace, triad: tuple[int, list[FilledSession]], tmp_path: Path
) -> None:
    session_id = triad[1][0].session_id  # FakeClock: issued Friday 16 January 2026
    draft = export_note(workspace, session_id, tmp_path / "draft.docx")
    record = record_of(workspace, session_id)
    workspace.records.mark_sent(record.key)
    workspace.records.agree(record.key, AGREED)
    agreed = export_note(workspace, session_id, tmp_path / "agreed.docx")

    assert texts_under(draft, "Sign-off") == [
        "Presenting DCS: Priya Ellwood",
        "Please return amendments by Friday 30 January 2026 to Sam Okafor",
        "Issued Friday 16 January 2026",
    ]
    assert texts_under(agreed, "Sign-off") == [
        "Presenting DCS: Priya Ellwood",
        "Agreed by Priya Ellwood on Saturday 20 February 2027",
        "Issued Friday 16 January 2026",
    ]


# marks ----------------------------------------------------------------------------------


def test_the_day_summary_and_cycle_report_carry_a_dated_draft_mark(
    workspace: Workspace, triad: tuple[int, list[FilledSession]], tmp_path: Path
) -> None:
    summary = export_summary(workspace, triad[0], tmp_path / "summary.docx")
    cycle = export_cycle(workspace, tmp_path / "cycle.docx")

    for doc in (summary, cycle):
        assert "DRAFT — version 1 — 16 January 2026" in header_text(doc)
        assert "OFFICIAL-SENSITIVE" in header_text(doc)


# accessibility ---------------------------------------------------------------------------


def test_table_text_is_at_least_eleven_point(
    workspace: Workspace, triad: tuple[int, list[FilledSession]], tmp_path: Path
) -> None:
    sizes = [
        run.font.size.pt
        for table in tables_of(workspace, triad[0], triad[1][0].session_id, tmp_path)
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
        for run in p.runs
        if run.font.size is not None
    ]
    assert sizes
    assert min(sizes) >= 11


def test_the_first_row_of_every_table_is_a_header_row(
    workspace: Workspace, triad: tuple[int, list[FilledSession]], tmp_path: Path
) -> None:
    tables = list(tables_of(workspace, triad[0], triad[1][0].session_id, tmp_path))

    assert len(tables) >= 10
    for table in tables:
        first = table.rows[0]._tr.trPr
        assert first is not None
        assert first.find(qn("w:tblHeader")) is not None
        for row in table.rows[1:]:
            later = row._tr.trPr
            assert later is None or later.find(qn("w:tblHeader")) is None


def test_the_attendance_table_merges_no_cells_and_names_the_authority_on_every_row(
    workspace: Workspace, triad: tuple[int, list[FilledSession]], tmp_path: Path
) -> None:
    note = export_note(workspace, triad[1][0].session_id, tmp_path / "note.docx")
    summary = export_summary(workspace, triad[0], tmp_path / "summary.docx")

    for attendance in (note.tables[1], summary.tables[-1]):
        assert [c.text for c in attendance.rows[0].cells] == ["Authority", "Name", "Role"]
        tr_list = attendance._tbl.tr_lst
        assert not [
            tc
            for tr in tr_list
            for tc in tr.tc_lst
            if tc.tcPr is not None
            and (
                tc.tcPr.find(qn("w:vMerge")) is not None
                or tc.tcPr.find(qn("w:gridSpan")) is not None
            )
        ]
        authorities = [row.cells[0].text for row in attendance.rows[1:]]
        assert all(authorities)
        assert authorities[:2] == ["Ashvale", "Ashvale"]
