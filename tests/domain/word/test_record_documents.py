"""The record as Word files, checked by reopening them with python-docx."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import StageKind
from facilitator.demo import DEMO_CYCLE, create_demo_day
from facilitator.records.collect import (
    Bullet,
    agreed_status_line,
    collect_session_note,
    draft_status_line,
)
from facilitator.storage.files import WriteError
from facilitator.word import session_note
from facilitator.word.cycle_report import export_cycle_report
from facilitator.word.day_summary import export_day_summary
from facilitator.word.session_note import (
    ConfidentialityError,
    assert_only_this_session,
    build_session_note,
    export_session_note,
)
from facilitator.workspace import Workspace
from tests.support.record_day import FilledSession, fill_day, quartet_day

GENERATED = dt.datetime(2027, 2, 3, 9, 30)
SENT = dt.date(2027, 2, 3)
AGREED = dt.date(2027, 2, 20)


@pytest.fixture
def triad(workspace: Workspace, clock: FakeClock) -> tuple[int, list[FilledSession]]:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    return day_id, fill_day(workspace, day_id, clock)


def draft(workspace: Workspace, session_id: int, path: Path, version: int = 2) -> Document:
    export_session_note(
        workspace,
        session_id,
        path,
        status_line=draft_status_line(version, SENT),
        draft_version=version,
        agreed_on=None,
        generated_at=GENERATED,
    )
    return docx.Document(str(path))


def agreed(workspace: Workspace, session_id: int, path: Path) -> Document:
    export_session_note(
        workspace,
        session_id,
        path,
        status_line=agreed_status_line(AGREED),
        draft_version=None,
        agreed_on=AGREED,
        generated_at=GENERATED,
        version=3,
    )
    return docx.Document(str(path))


def headings(doc: Document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]


def all_text(path: Path) -> str:
    """Every word in every part of the file: body, headers, footers, properties."""
    with zipfile.ZipFile(path) as archive:
        parts = [archive.read(n).decode() for n in archive.namelist() if n.endswith(".xml")]
    return "\n".join(re.sub(r"<[^>]+>", "", part) for part in parts)


def header_text(doc: Document) -> str:
    return "\n".join(p.text for p in doc.sections[0].header.paragraphs)


def bookmarks(doc: Document) -> dict[str, str]:
    """{bookmark name: the text between its start and end}, for bookmarks in one paragraph."""
    found = {}
    for p in doc.element.body.iter(qn("w:p")):
        inside: dict[str, list[str]] = {}
        names: dict[str, str] = {}
        for node in p.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"), qn("w:t")):
            if node.tag == qn("w:bookmarkStart"):
                names[node.get(qn("w:id"))] = node.get(qn("w:name"))
                inside[node.get(qn("w:id"))] = []
            elif node.tag == qn("w:bookmarkEnd"):
                mark = node.get(qn("w:id"))
                found[names.pop(mark)] = "".join(inside.pop(mark))
            else:
                for words in inside.values():
                    words.append(node.text or "")
        assert not names, "a bookmark starts without ending in its paragraph"
    return found


def table_headers_repeat(doc: Document) -> Iterator[bool]:
    for table in doc.tables:
        first = table.rows[0]._tr.trPr
        if len(table.columns) > 2:  # the title block has no header row
            yield first is not None and first.find(qn("w:tblHeader")) is not None


# the session note ------------------------------------------------------------------------


def test_a_draft_note_has_its_title_status_and_sections_in_order(
    workspace: Workspace, triad: tuple[int, list[FilledSession]], tmp_path: Path
) -> None:
    doc = draft(workspace, triad[1][0].session_id, tmp_path / "ashvale.docx")

    assert headings(doc) == [
        ("Heading 1", "Peer challenge session note: Ashvale"),
        ("Heading 2", "Who took part"),
        ("Heading 2", "Focus risks"),
        ("Heading 2", "The presentation"),
        ("Heading 2", "Strengths affirmed"),
        ("Heading 2", "Questions explored"),
        ("Heading 3", "Budget"),
        ("Heading 3", "New questions"),
        ("Heading 3", "Other points from the questioning"),
        ("Heading 2", "Insights from the balcony"),
        ("Heading 2", "The presenting team’s reaction"),
        ("Heading 2", "Reflection"),
        ("Heading 2", "Actions"),
        ("Heading 2", "Asks: support wanted"),
        ("Heading 2", "Offers: practice to share"),
        ("Heading 2", "Topical peer challenge next year"),
        ("Heading 2", "Appendix: planned and actual times"),
    ]
    assert doc.paragraphs[1].text == "Status: draft for amendment, version 2, sent 3 February 2027"
    details = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert details[0] == ["Date", "Monday 18 January 2027"]
    assert ["Lead reviewer", "Tom Hallworth, Brackenmoor"] in details
    assert "DRAFT for amendment — version 2" in header_text(doc)
    assert "OFFICIAL-SENSITIVE" in header_text(doc)
    bullets = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert "Budget" in [p.text for p in bullets]
    assert all(p.text.strip() for p in doc.paragraphs), "no blank paragraphs"
    assert all(table_headers_repeat(doc))


def test_an_agreed_note_says_so_and_carries_no_draft_marks(
    workspace: Workspace, triad: tuple[int, list[FilledSession]], tmp_path: Path
) -> None:
    path = tmp_path / "ashvale-agreed.docx"
    doc = agreed(workspace, triad[1][0].session_id, path)

    assert "Agreed on 20 February 2027" in header_text(doc)
    assert doc.paragraphs[1].text == "Status: agreed on 20 February 2027"
    assert "draft" not in all_text(path).casefold()
    props = doc.core_properties
    assert (props.content_status, props.version) == ("Agreed", "3")


def test_a_notes_properties_name_it_for_the_round_trip(
    workspace: Workspace, triad: tuple[int, list[FilledSession]], tmp_path: Path
) -> None:
    day_id, sessions = triad
    doc = draft(workspace, sessions[1].session_id, tmp_path / "brackenmoor.docx")
    authority_id = collect_session_note(workspace, sessions[1].session_id).authority_id

    props = doc.core_properties
    assert props.title == "Peer challenge session note: Brackenmoor"
    assert props.subject == "Peer challenge session note"
    assert props.author == "Sam Okafor"
    assert props.identifier == (
        f"balcony:session-note:{day_id}:{sessions[1].session_id}:{authority_id}"
    )
    assert (props.version, props.content_status) == ("2", "Draft for amendment")
    assert props.language == "en-GB"
    assert props.created == GENERATED.astimezone(dt.UTC)
    footer = str(doc.sections[0].footer._element.xml)
    assert "NUMPAGES" in footer
    assert "OFFICIAL-SENSITIVE" in footer


def test_every_stored_line_is_bookmarked_around_its_own_words(
    workspace: Workspace, triad: tuple[int, list[FilledSession]], tmp_path: Path
) -> None:
    session_id = triad[1][0].session_id
    doc = draft(workspace, session_id, tmp_path / "ashvale.docx")
    marks = bookmarks(doc)

    for note in workspace.notebook.for_session(session_id):
        assert marks[f"note-{note.id}"] == note.text
    for action in workspace.actions.for_session(session_id):
        assert marks[f"action-{action.id}"] == action.text
    for exchange in workspace.exchanges.for_session(session_id):
        words = f"{exchange.topic}: {exchange.detail}" if exchange.detail else exchange.topic
        assert marks[f"exchange-{exchange.id}"] == words
    for asked in workspace.questions.asked(session_id):
        assert marks[f"asked-{asked.id}"] == asked.text
    ids = [b.get(qn("w:id")) for b in doc.element.body.iter(qn("w:bookmarkStart"))]
    assert len(ids) == len(set(ids)) == len(marks)


@pytest.mark.parametrize("kind", ["triad", "quartet"])
def test_each_note_holds_its_own_markers_and_no_other_sessions(
    workspace: Workspace, clock: FakeClock, tmp_path: Path, kind: str
) -> None:
    if kind == "triad":
        day_id = create_demo_day(workspace.planner, workspace.notebook)
    else:
        day_id = quartet_day(workspace)
    sessions = fill_day(workspace, day_id, clock)
    assert len(sessions) == (3 if kind == "triad" else 4)

    for session in sessions:
        path = tmp_path / f"{session.authority}.docx"
        draft(workspace, session.session_id, path)
        text = all_text(path)
        for other in sessions:
            for mark in other.markers:
                assert (mark in text) is (other is session), (session.authority, mark)


def test_a_foreign_bullet_is_caught_and_nothing_is_written(
    workspace: Workspace,
    triad: tuple[int, list[FilledSession]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ashvale, corriford = triad[1][0], triad[1][2]
    leaked = f"The budget is treated as fixed {corriford.markers[5]}"
    real = collect_session_note

    def leaky(workspace: Workspace, session_id: int) -> session_note.SessionNoteContent:
        content = real(workspace, session_id)
        return dataclasses.replace(content, insights=(*content.insights, Bullet(leaked)))

    monkeypatch.setattr(session_note, "collect_session_note", leaky)
    path = tmp_path / "ashvale.docx"
    with pytest.raises(ConfidentialityError, match="Corriford") as caught:
        draft(workspace, ashvale.session_id, path)
    assert not path.exists()
    assert isinstance(caught.value, WriteError)
    assert (caught.value.authority, caught.value.other) == ("Ashvale", "Corriford")


def test_the_check_raises_on_a_foreign_marker_added_to_a_finished_note(
    workspace: Workspace, triad: tuple[int, list[FilledSession]]
) -> None:
    ashvale, brackenmoor = triad[1][0], triad[1][1]
    content = collect_session_note(workspace, ashvale.session_id)
    doc = build_session_note(
        content, status_line="", draft_version=1, agreed_on=None, generated_at=GENERATED
    )
    assert_only_this_session(doc, workspace, ashvale.session_id)  # clean as built

    doc.tables[0].rows[0].cells[1].add_paragraph(f"Edge of care {brackenmoor.markers[15]}")
    with pytest.raises(ConfidentialityError, match="Brackenmoor"):
        assert_only_this_session(doc, workspace, ashvale.session_id)


def test_words_another_session_shares_with_the_notes_own_are_no_leak(
    workspace: Workspace, triad: tuple[int, list[FilledSession]], tmp_path: Path
) -> None:
    day_id, sessions = triad
    plan = workspace.planner.day_plan(day_id)
    insights = next(
        s.id
        for s in plan.stages
        if s.session_id == sessions[1].session_id and s.kind is StageKind.INSIGHTS
    )
    bank_question = workspace.bank.bank().question("budget-02").text
    for same in ("None recorded.", "Marcus Thorne", "Insights from the balcony", bank_question):
        workspace.notebook.add(insights, same)  # in Brackenmoor's session
    workspace.notebook.add(insights, "the front door")  # inside Ashvale's own action

    draft(workspace, sessions[0].session_id, tmp_path / "ashvale.docx")  # no error


def test_awkward_text_is_written_safely(workspace: Workspace, tmp_path: Path) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    plan = workspace.planner.day_plan(day_id)
    session_id = plan.stages[1].session_id
    assert session_id is not None
    stage = next(s.id for s in plan.stages if s.kind is StageKind.REACTION)
    note = workspace.notebook.add(stage, "First line\nsecond line\twith a tab and a bell\x07")
    assert note is not None

    doc = draft(workspace, session_id, tmp_path / "awkward.docx")

    line = next(p for p in doc.paragraphs if p.text.startswith("First line"))
    assert line.text == "First line\nsecond line\twith a tab and a bell"
    with pytest.raises(WriteError, match="already exists"):
        draft(workspace, session_id, tmp_path / "awkward.docx")


def test_a_user_template_without_second_level_bullets_still_works(
    workspace: Workspace, triad: tuple[int, list[FilledSession]], tmp_path: Path
) -> None:
    template = docx.Document()
    style = template.styles["List Bullet 2"].element
    style.getparent().remove(style)
    template.save(str(tmp_path / "letterhead.docx"))

    export_session_note(
        workspace,
        triad[1][0].session_id,
        tmp_path / "note.docx",
        status_line="",
        draft_version=None,
        agreed_on=None,
        template=tmp_path / "letterhead.docx",
        marking=None,
        generated_at=GENERATED,
    )
    doc = docx.Document(str(tmp_path / "note.docx"))
    scores = next(p for p in doc.paragraphs if p.text.startswith("Scores out of 10"))
    assert scores.style.name == "List Bullet"
    assert "OFFICIAL" not in header_text(doc)
    assert "DRAFT" not in all_text(tmp_path / "note.docx")
    assert doc.core_properties.version == ""


# the day summary and the cycle report ----------------------------------------------------


def test_the_day_summary_lists_the_days_outcomes(
    workspace: Workspace, triad: tuple[int, list[FilledSession]], tmp_path: Path
) -> None:
    day_id = triad[0]
    path = tmp_path / "summary.docx"
    export_day_summary(workspace, day_id, path, generated_at=GENERATED)
    doc = docx.Document(str(path))

    assert headings(doc) == [
        ("Heading 1", "Peer challenge day summary"),
        ("Heading 2", "Best practice examples"),
        ("Heading 3", "Ashvale"),
        ("Heading 3", "Brackenmoor"),
        ("Heading 3", "Corriford"),
        ("Heading 2", "Common systemic issues"),
        ("Heading 3", "Ashvale"),
        ("Heading 3", "Brackenmoor"),
        ("Heading 3", "Corriford"),
        ("Heading 2", "Priorities for next year’s regional improvement plan"),
        ("Heading 2", "Asks and offers"),
        ("Heading 2", "Plenary"),
        ("Heading 3", "Key learning to take back"),
        ("Heading 3", "Topics for problem-solving groups"),
        ("Heading 3", "New regional networking groups"),
        ("Heading 2", "Attendance"),
    ]
    _details, priorities, exchanges, attendance = doc.tables
    assert [[c.text for c in r.cells] for r in priorities.rows] == [
        ["Rank", "Priority"],
        ["1", "Workforce stability (priority 1)"],
        ["2", "Placement sufficiency (priority 2)"],
        ["3", "SEND (priority 3)"],
    ]
    assert [c.text for c in exchanges.rows[0].cells] == [
        "Authority",
        "Ask or offer",
        "Topic",
        "Detail",
        "Scope",
        "With",
    ]
    assert len(exchanges.rows) == 1 + 8
    assert [c.text for c in attendance.rows[1].cells] == [
        "Ashvale",
        "Priya Ellwood",
        "Director of Children’s Services",
    ]
    assert all(table_headers_repeat(doc))
    assert all(p.text.strip() for p in doc.paragraphs)
    props = doc.core_properties
    assert props.identifier == f"balcony:day-summary:{day_id}"
    assert props.title == "Peer challenge day summary: Monday 18 January 2027"
    assert props.language == "en-GB"
    assert "OFFICIAL-SENSITIVE" in header_text(doc)
    assert any(name.startswith("plenary-") for name in bookmarks(doc))


def test_the_cycle_report_draws_the_days_together(
    workspace: Workspace, triad: tuple[int, list[FilledSession]], tmp_path: Path
) -> None:
    fill_day(workspace, quartet_day(workspace))
    path = tmp_path / "cycle.docx"
    export_cycle_report(workspace, DEMO_CYCLE, path, generated_at=GENERATED, version=1)
    doc = docx.Document(str(path))

    assert [h for h in headings(doc) if h[0] != "Heading 3"] == [
        ("Heading 1", "Peer challenge cycle report"),
        ("Heading 2", "The days"),
        ("Heading 2", "Recurring themes"),
        ("Heading 2", "Common systemic issues"),
        ("Heading 2", "Best practice examples"),
        ("Heading 2", "Asks and offers"),
        ("Heading 2", "Suggested pairings"),
        ("Heading 2", "Priorities for the regional programme"),
    ]
    days, themes, _exchanges, pairings, priorities = doc.tables
    assert [c.text for c in days.rows[2].cells][:3] == ["Day 2", "9 March 2027", "Quartet"]
    assert [c.text for c in themes.rows[1].cells] == ["Budget", "7", "7", "2"]
    offers = [row.cells[0].text for row in pairings.rows[1:]]
    assert "Ashvale (Day 1): Practice weeks for senior leaders" in offers
    assert [c.text for c in priorities.rows[1].cells] == [
        "1",
        "Workforce stability (priority 1)",
        "Day 1 (1), Day 2 (1)",
    ]
    assert all(table_headers_repeat(doc))
    assert all(p.text.strip() for p in doc.paragraphs)
    props = doc.core_properties
    assert props.identifier == f"balcony:cycle-report:{DEMO_CYCLE}"
    assert props.author == "Sam Okafor, Idris Penhallow"
    assert props.version == "1"


def test_an_empty_days_records_are_still_complete_papers(
    workspace: Workspace, tmp_path: Path
) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    session_id = workspace.planner.day_plan(day_id).stages[-2].session_id  # Corriford's
    assert session_id is not None

    note = draft(workspace, session_id, tmp_path / "note.docx", version=1)
    export_day_summary(workspace, day_id, tmp_path / "summary.docx", generated_at=GENERATED)
    export_cycle_report(workspace, DEMO_CYCLE, tmp_path / "cycle.docx", generated_at=GENERATED)

    texts = [p.text for p in note.paragraphs]
    assert texts.count("None recorded.") == 8  # every section but the ones shown only when used
    assert "Not discussed." in texts
    appendix = note.tables[-1]
    assert [c.text for c in appendix.rows[1].cells] == [
        "Presentation of the self-assessment",
        "15",
        "Not run",
        "",
    ]
    for name in ("summary.docx", "cycle.docx"):
        doc = docx.Document(str(tmp_path / name))
        assert all(p.text.strip() for p in doc.paragraphs)
        assert "None recorded." in [p.text for p in doc.paragraphs]
