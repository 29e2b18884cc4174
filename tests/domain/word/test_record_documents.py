"""The record as Word files, checked by reopening them with python-docx."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import StageKind
from facilitator.common.wording import short_date
from facilitator.demo import DEMO_CYCLE, create_demo_day
from facilitator.records import exporting
from facilitator.records.collect import Bullet, SessionNoteContent, collect_session_note
from facilitator.records.exporting import DayRecord, RecordExports
from facilitator.storage.files import WriteError
from facilitator.word import session_note
from facilitator.word.session_note import ConfidentialityError
from facilitator.workspace import Workspace
from tests.support.record_day import FilledSession, fill_day, marker, quartet_day

AGREED = dt.date(2027, 2, 20)


@pytest.fixture
def triad(workspace: Workspace, clock: FakeClock) -> tuple[int, list[FilledSession]]:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    return day_id, fill_day(workspace, day_id, clock)


def record_of(workspace: Workspace, session_id: int) -> DayRecord:
    day_id = workspace.session_facts.get(session_id).day_id
    records = RecordExports(workspace).day_records(day_id)
    return next(r for r in records if r.session and r.session.session_id == session_id)


def draft(workspace: Workspace, session_id: int, path: Path) -> Document:
    """The note as the records window leaves it: exported, sent for amendment, exported again."""
    exports, record = RecordExports(workspace), record_of(workspace, session_id)
    exports.export(record, path)
    workspace.records.mark_sent(record.key)
    exports.export(record, path, overwrite=True)
    return docx.Document(str(path))


def agreed(workspace: Workspace, session_id: int, path: Path) -> Document:
    draft(workspace, session_id, path)
    record = record_of(workspace, session_id)
    workspace.records.agree(record.key, AGREED)
    RecordExports(workspace).export(record, path, overwrite=True)
    return docx.Document(str(path))


def sent_on(workspace: Workspace, session_id: int) -> str:
    when = workspace.records.status(record_of(workspace, session_id).key).sent_on
    assert when is not None
    return short_date(when)


def export_day_summary(workspace: Workspace, day_id: int, path: Path) -> None:
    exports = RecordExports(workspace)
    (summary,) = [r for r in exports.day_records(day_id) if r.session is None]
    exports.export(summary, path)


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


def test_each_record_of_a_day_names_itself_in_a_sentence(workspace: Workspace) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)

    described = [r.described for r in RecordExports(workspace).day_records(day_id)]

    names = [s.authority_name for s in workspace.planner.presenting_sessions(day_id)]
    assert described == [f"session note for {name}" for name in names] + ["day summary"]


def test_a_draft_note_has_its_title_status_and_sections_in_order(
    workspace: Workspace, triad: tuple[int, list[FilledSession]], tmp_path: Path
) -> None:
    doc = draft(workspace, triad[1][0].session_id, tmp_path / "ashvale.docx")

    assert headings(doc) == [
        ("Heading 1", "Peer challenge session note: Ashvale"),
        ("Heading 2", "Who took part"),
        ("Heading 2", "Focus risks"),
        ("Heading 2", "The presentation"),
        ("Heading 2", "Questions explored"),
        ("Heading 3", "Budget"),
        ("Heading 3", "New questions"),
        ("Heading 3", "Other points from the questioning"),
        ("Heading 2", "Strengths affirmed"),
        ("Heading 2", "Insights from the balcony"),
        ("Heading 2", "The presenting team’s reaction"),
        ("Heading 2", "Reflection"),
        ("Heading 2", "Actions"),
        ("Heading 2", "Asks: support wanted"),
        ("Heading 2", "Offers: practice to share"),
        ("Heading 2", "Topical peer challenge next year"),
        ("Heading 2", "Sign-off"),
        ("Heading 2", "Appendix: planned and actual times"),
    ]
    sent = sent_on(workspace, triad[1][0].session_id)
    assert doc.paragraphs[1].text == f"Status: draft for amendment, version 1, sent {sent}"
    details = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert details[0] == ["Date", "Monday 18 January 2027"]
    assert ["Lead reviewer", "Tom Hallworth, Brackenmoor"] in details
    assert "DRAFT for amendment — version 1" in header_text(doc)
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
    assert (props.content_status, props.version) == ("Agreed", "1")


def test_a_notes_properties_name_it_for_the_round_trip(
    workspace: Workspace, clock: FakeClock, triad: tuple[int, list[FilledSession]], tmp_path: Path
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
    assert (props.version, props.content_status) == ("1", "Draft for amendment")
    assert props.language == "en-GB"
    assert props.created == clock.wall_now()
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

    def leaky(workspace: Workspace, session_id: int) -> SessionNoteContent:
        content = real(workspace, session_id)
        return dataclasses.replace(content, insights=(*content.insights, Bullet(leaked)))

    monkeypatch.setattr(exporting, "collect_session_note", leaky)
    path = tmp_path / "ashvale.docx"
    with pytest.raises(ConfidentialityError, match="Corriford") as caught:
        draft(workspace, ashvale.session_id, path)
    assert not path.exists()
    assert isinstance(caught.value, WriteError)
    assert (caught.value.authority, caught.value.other) == ("Ashvale", "Corriford")


def test_the_check_reads_the_finished_note_tables_included(
    workspace: Workspace,
    triad: tuple[int, list[FilledSession]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ashvale, brackenmoor = triad[1][0], triad[1][1]
    real = session_note.build_session_note

    def tampered(*args: Any, **kwargs: Any) -> Document:
        doc = real(*args, **kwargs)
        doc.tables[0].rows[0].cells[1].add_paragraph(f"Edge of care {brackenmoor.markers[15]}")
        return doc

    monkeypatch.setattr(session_note, "build_session_note", tampered)
    path = tmp_path / "ashvale.docx"
    with pytest.raises(ConfidentialityError, match="Brackenmoor"):
        draft(workspace, ashvale.session_id, path)
    assert not path.exists()


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
    exports = RecordExports(workspace, marking=None, template=tmp_path / "letterhead.docx")

    exports.export(record_of(workspace, triad[1][0].session_id), tmp_path / "note.docx")

    doc = docx.Document(str(tmp_path / "note.docx"))
    scores = next(p for p in doc.paragraphs if p.text.startswith("Scores out of 10"))
    assert scores.style.name == "List Bullet"
    assert "OFFICIAL" not in header_text(doc)
    assert "DRAFT for amendment — version 1" in header_text(doc)


# the day summary and the cycle report ----------------------------------------------------


def test_the_day_summary_lists_the_days_outcomes(
    workspace: Workspace, triad: tuple[int, list[FilledSession]], tmp_path: Path
) -> None:
    day_id = triad[0]
    path = tmp_path / "summary.docx"
    export_day_summary(workspace, day_id, path)
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
        ("Heading 2", "Introductions"),
        ("Heading 2", "Attendance"),
        ("Heading 2", "The day in charts"),
        ("Heading 3", "Triad on Monday 18 January 2027: planned and actual"),
        ("Heading 3", "Triad on Monday 18 January 2027: questions by theme and authority"),
        (
            "Heading 3",
            "How confident are you that continued improvement is possible within the budget "
            "umbrella you have been set for 2026–2027 from 0 not confident at all to 10 very "
            "confident?",
        ),
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
    RecordExports(workspace).export_cycle_report(DEMO_CYCLE, path)
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
        ("Heading 2", "Plenary answers, day by day"),
        ("Heading 2", "Topical peer challenge invitations"),
        ("Heading 2", "The cycle in charts"),
    ]
    days, themes, _issues, _exchanges, pairings, priorities, _invitations = doc.tables
    assert [c.text for c in days.rows[2].cells][:3] == ["Day 2", "9 March 2027", "Quartet"]
    assert [c.text for c in themes.rows[1].cells] == ["Budget", "7", "7", "2"]
    pairs = [(row.cells[0].text, row.cells[1].text) for row in pairings.rows[1:]]
    assert (
        f"Brackenmoor (Day 1): Senior leaders practice weeks\nDetail {marker('Brackenmoor', 14)}",
        f"Ashvale (Day 1): Practice weeks for senior leaders\nDetail {marker('Ashvale', 14)}",
    ) in pairs
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

    note = draft(workspace, session_id, tmp_path / "note.docx")
    export_day_summary(workspace, day_id, tmp_path / "summary.docx")
    RecordExports(workspace).export_cycle_report(DEMO_CYCLE, tmp_path / "cycle.docx")

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
        texts = [p.text for p in doc.paragraphs]
        # The demo day names best practice but no systemic issue.
        assert texts[texts.index("Common systemic issues") + 1] == "None recorded.", name
