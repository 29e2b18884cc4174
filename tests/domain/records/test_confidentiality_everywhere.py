"""The confidentiality check reads every text of the finished Word note: body, tables, every
header and footer of every section, the document's properties. Another session's words
planted in any of those places stop the export, whatever their case and even split over two
paragraphs; the note's own words and the day's public names do not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx.document import Document
from docx.enum.section import WD_SECTION

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import StageKind
from facilitator.demo import create_demo_day
from facilitator.records.confidentiality import first_foreign
from facilitator.records.exporting import DayRecord, RecordExports
from facilitator.word import session_note
from facilitator.word.record_content import Stamp
from facilitator.word.rendered_text import rendered_text
from facilitator.word.session_note_words import ConfidentialityError
from facilitator.workspace import Workspace
from tests.support.record_day import FilledSession, fill_day

Plant = Callable[[Document, str], None]


@pytest.fixture
def sessions(workspace: Workspace, clock: FakeClock) -> list[FilledSession]:
    """The demo triad filled and run: Ashvale, Brackenmoor, Corriford."""
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    return fill_day(workspace, day_id, clock)


def brackenmoors(sessions: list[FilledSession]) -> str:
    """A note Brackenmoor's session stored (see tests.support.record_day)."""
    return f"The budget is treated as fixed {sessions[1].markers[5]}"


def record_of(workspace: Workspace, session_id: int) -> DayRecord:
    day_id = workspace.session_facts.get(session_id).day_id
    records = RecordExports(workspace).day_records(day_id)
    return next(r for r in records if r.session and r.session.session_id == session_id)


def export_planted(
    workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    path: Path,
    session_id: int,
    plant: Plant,
    text: str,
) -> None:
    """Exports the session's note with `text` planted in the finished document."""
    real = session_note.build_session_note

    def planted(*args: Any, **kwargs: Any) -> Document:
        doc = real(*args, **kwargs)
        plant(doc, text)
        return doc

    monkeypatch.setattr(session_note, "build_session_note", planted)
    RecordExports(workspace).export(record_of(workspace, session_id), path)


# where a text can hide -------------------------------------------------------------------


def body_paragraph(doc: Document, text: str) -> None:
    doc.add_paragraph(text)


def table_cell(doc: Document, text: str) -> None:
    doc.tables[-1].rows[-1].cells[-1].paragraphs[0].add_run(text)


def default_header(doc: Document, text: str) -> None:
    doc.sections[0].header.add_paragraph(text)


def first_page_header(doc: Document, text: str) -> None:
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    section.first_page_header.add_paragraph(text)


def even_page_footer(doc: Document, text: str) -> None:
    footer = doc.sections[0].even_page_footer
    footer.is_linked_to_previous = False
    footer.add_paragraph(text)


def later_sections_own_header(doc: Document, text: str) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.header.is_linked_to_previous = False
    section.header.add_paragraph(text)


def property_setter(name: str) -> Plant:
    def plant(doc: Document, text: str) -> None:
        setattr(doc.core_properties, name, text)

    plant.__name__ = f"property_{name}"
    return plant


def split_over_two_paragraphs(doc: Document, text: str) -> None:
    words = text.split(" ")
    doc.add_paragraph(" ".join(words[:3]))
    doc.add_paragraph("  " + " ".join(words[3:]))


def in_capitals(doc: Document, text: str) -> None:
    doc.add_paragraph(text.upper())


def split_over_header_lines(doc: Document, text: str) -> None:
    header = doc.sections[0].header
    first, rest = text.split(" ", 1)
    header.add_paragraph(first.lower())
    header.add_paragraph(rest.replace(" ", "\n", 1))


PLACES: tuple[Plant, ...] = (
    body_paragraph,
    table_cell,
    default_header,
    first_page_header,
    even_page_footer,
    later_sections_own_header,
    property_setter("title"),
    property_setter("subject"),
    property_setter("keywords"),
    property_setter("comments"),
    property_setter("category"),
    split_over_two_paragraphs,
    in_capitals,
    split_over_header_lines,
)


@pytest.mark.parametrize("plant", PLACES, ids=lambda plant: plant.__name__)
def test_another_sessions_words_anywhere_in_the_file_stop_the_export(
    workspace: Workspace,
    sessions: list[FilledSession],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    plant: Plant,
) -> None:
    path = tmp_path / "ashvale.docx"

    with pytest.raises(ConfidentialityError) as caught:
        export_planted(
            workspace, monkeypatch, path, sessions[0].session_id, plant, brackenmoors(sessions)
        )

    assert (caught.value.authority, caught.value.other) == ("Ashvale", "Brackenmoor")
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("plant", PLACES, ids=lambda plant: plant.__name__)
def test_the_notes_own_words_anywhere_are_no_leak(
    workspace: Workspace,
    sessions: list[FilledSession],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    plant: Plant,
) -> None:
    own = f"The budget is treated as fixed {sessions[0].markers[5]}"  # Ashvale's own
    path = tmp_path / "ashvale.docx"

    export_planted(workspace, monkeypatch, path, sessions[0].session_id, plant, own)

    assert path.exists()


def test_public_names_another_session_also_typed_are_no_leak(
    workspace: Workspace,
    sessions: list[FilledSession],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    day_id = workspace.session_facts.get(sessions[1].session_id).day_id
    insights = next(
        s.id
        for s in workspace.planner.day_plan(day_id).stages
        if s.session_id == sessions[1].session_id and s.kind is StageKind.INSIGHTS
    )
    question = workspace.bank.bank().question("budget-02").text
    for public in ("Marcus Thorne", "Insights from the balcony", question):
        workspace.notebook.add(insights, public)  # in Brackenmoor's session

    def everywhere(doc: Document, _: str) -> None:
        doc.sections[0].header.add_paragraph("MARCUS THORNE")
        doc.sections[0].even_page_footer.add_paragraph(question.lower())
        doc.core_properties.comments = "insights from the balcony"
        doc.add_paragraph(question.upper())

    path = tmp_path / "ashvale.docx"
    export_planted(workspace, monkeypatch, path, sessions[0].session_id, everywhere, "")

    assert path.exists()


# the parts -------------------------------------------------------------------------------


def test_rendered_text_reads_every_part_without_adding_any(
    workspace: Workspace, sessions: list[FilledSession]
) -> None:
    exports = RecordExports(workspace)
    content = exports.session_note_content(sessions[0].session_id)
    doc = session_note.build_session_note(
        content,
        Stamp(workspace.clock.wall_now()),
        status_line="Status: draft",
        draft_version=1,
        agreed_on=None,
    )
    before = len(doc.part.rels)

    lines = rendered_text(doc)

    assert len(doc.part.rels) == before, "reading a document must not change it"
    assert "OFFICIAL-SENSITIVE" in lines  # the marking in the header and footer
    assert "DRAFT for amendment — version 1" in lines  # the header's mark
    assert "Peer challenge session note: Ashvale" in lines  # the heading and the title
    assert content.identifier in lines  # a property only
    assert "Lead reviewer" in lines  # a table cell


def test_the_matching_ignores_case_white_space_and_paragraph_breaks() -> None:
    foreign = {"Edge of care panel MARKER-B-16": "Brackenmoor"}

    for lines in (
        ["Edge of care", "panel MARKER-B-16"],
        ["EDGE OF CARE PANEL marker-b-16"],
        ["Heading", "edge  of\ncare\tpanel", "Marker-B-16 and more"],
    ):
        assert first_foreign(lines, foreign) == ("Edge of care panel MARKER-B-16", "Brackenmoor")
    assert first_foreign(["Edge of care panel MARKER-B-1"], foreign) is None
    allowed = ["Our edge of care panel marker-b-16, shared"]
    assert first_foreign(["EDGE OF CARE", "PANEL MARKER-B-16"], foreign, allowed) is None
