"""The session note is laid out once (facilitator.word.note_layout): its order and wording,
and the Word file reads exactly as the layout says, block by block."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest
from docx.document import Document
from docx.oxml.ns import qn

from facilitator.common.clock import FakeClock
from facilitator.demo import create_demo_day
from facilitator.records.collect import collect_session_note
from facilitator.word.note_layout import (
    NONE,
    Attendance,
    Block,
    Bullets,
    Details,
    Heading,
    Look,
    Paragraph,
    Table,
    bullet_text,
    session_note_layout,
)
from facilitator.word.record_content import SessionNoteContent, Stamp
from facilitator.word.record_parts import ATTENDANCE_HEADERS
from facilitator.word.session_note import build_session_note
from facilitator.word.session_note_words import sign_off_lines
from facilitator.workspace import Workspace
from tests.support.record_day import fill_day

STATUS = "Status: draft for amendment, version 3"
SIGN_OFF = ("Presenting DCS: Priya Ellwood", "Issued Monday 18 January 2027")


@pytest.fixture
def content(workspace: Workspace, clock: FakeClock) -> SessionNoteContent:
    """Ashvale's note on a demo day filled and run as a facilitator would."""
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    sessions = fill_day(workspace, day_id, clock)
    return collect_session_note(workspace, sessions[0].session_id)


def texts(blocks: tuple[Block, ...]) -> Iterator[str]:
    """What a reader reads, block by block, cell by cell, as Word lays it out."""
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            yield block.text
        elif isinstance(block, Bullets):
            for item in block.items:
                yield bullet_text(item.bullet)
                yield from (bullet_text(below) for below in item.below)
        elif isinstance(block, Details):
            yield from (text for row in block.rows for text in row)
        elif isinstance(block, Attendance):
            yield from ATTENDANCE_HEADERS
            yield from (text for row in block.rows for text in row)
        else:
            yield from block.headers
            yield from (text for row in block.rows for text in row)


def word_texts(doc: Document) -> Iterator[str]:
    """The body of a Word file in order: each paragraph, and each table cell by cell."""
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield "".join(t.text or "" for t in child.iter(qn("w:t")))
        elif child.tag == qn("w:tbl"):
            for cell in child.iter(qn("w:tc")):
                yield "".join(t.text or "" for t in cell.iter(qn("w:t")))


def headings(blocks: tuple[Block, ...]) -> list[tuple[int, str]]:
    return [(b.level, b.text) for b in blocks if isinstance(b, Heading)]


def test_the_layout_holds_the_notes_order_from_title_to_appendix(
    content: SessionNoteContent,
) -> None:
    blocks = session_note_layout(content, status_line=STATUS, sign_off=SIGN_OFF)

    assert headings(blocks) == [
        (1, "Peer challenge session note: Ashvale"),
        (2, "Who took part"),
        (2, "Focus risks"),
        (2, "The presentation"),
        (2, "Questions explored"),
        (3, "Budget"),
        (3, "New questions"),
        (3, "Other points from the questioning"),
        (2, "Strengths affirmed"),
        (2, "Insights from the balcony"),
        (2, "The presenting team’s reaction"),
        (2, "Reflection"),
        (2, "Actions"),
        (2, "Asks: support wanted"),
        (2, "Offers: practice to share"),
        (2, "Topical peer challenge next year"),
        (2, "Sign-off"),
        (2, "Appendix: planned and actual times"),
    ]
    title, status, details, confidential, *_ = blocks
    assert title == Heading(content.title, 1)
    assert status == Paragraph(STATUS, Look.STATUS)
    assert isinstance(details, Details)
    assert details.rows[-1] == ("Lead reviewer", "Tom Hallworth, Brackenmoor")
    assert confidential.look is Look.CONFIDENTIAL  # type: ignore[union-attr]
    assert isinstance(blocks[5], Attendance)
    sign_off = blocks.index(Heading("Sign-off", 2))
    assert blocks[sign_off + 1 : sign_off + 3] == tuple(Paragraph(line) for line in SIGN_OFF)
    table = blocks[-1]
    assert isinstance(table, Table)
    assert table.rows[-1][0] == "Whole session"
    assert table.bold_last
    assert table.right == (1, 2, 3)


def test_the_layout_keeps_bookmarks_and_question_answers(content: SessionNoteContent) -> None:
    blocks = session_note_layout(content, status_line=STATUS, sign_off=SIGN_OFF)

    budget = blocks.index(Heading("Budget", 3))
    questions = blocks[budget + 1]
    assert isinstance(questions, Bullets)
    (explored,) = content.themes[0].questions
    assert questions.items[0].bullet == explored.question
    assert questions.items[0].below == explored.answers
    actions = blocks[blocks.index(Heading("Actions", 2)) + 1]
    assert isinstance(actions, Bullets)
    assert tuple(item.bullet for item in actions.items) == content.actions
    assert any(item.bullet.bookmark.startswith("action-") for item in actions.items)


def test_empty_sections_say_none_recorded_and_optional_ones_are_left_out(
    content: SessionNoteContent,
) -> None:
    empty = dataclasses.replace(
        content,
        attendance=(),
        presentation=(),
        reflection=(),
        strengths=(),
        themes=(),
        new_questions=(),
        discussion=(),
        stage_times=(),
    )

    blocks = session_note_layout(empty, status_line="  ", sign_off=())

    names = [text for _, text in headings(blocks)]
    for left_out in ("The presentation", "Reflection", "Other notes", "Sign-off", "Appendix"):
        assert not any(name.startswith(left_out) for name in names)
    assert not any(b.look is Look.STATUS for b in blocks if isinstance(b, Paragraph))
    for heading in ("Who took part", "Questions explored", "Strengths affirmed"):
        assert blocks[blocks.index(Heading(heading, 2)) + 1] == NONE


def test_paper_furniture_opens_and_closes_the_page(content: SessionNoteContent) -> None:
    blocks = session_note_layout(
        content, status_line=STATUS, sign_off=SIGN_OFF, marking="OFFICIAL", mark="Agreed on 3 Jan"
    )

    assert blocks[:3] == (
        Paragraph("OFFICIAL", Look.MARKING),
        Paragraph("Agreed on 3 Jan", Look.MARK),
        Heading(content.title, 1),
    )
    assert blocks[-1] == Paragraph("OFFICIAL", Look.MARKING)


@pytest.mark.parametrize("agreed", [False, True])
def test_word_reads_exactly_as_the_layout_says(content: SessionNoteContent, agreed: bool) -> None:
    stamp = Stamp(dt.datetime(2027, 1, 18, 17, 0, tzinfo=dt.UTC))
    agreed_on = dt.date(2027, 2, 1) if agreed else None
    doc = build_session_note(
        content,
        stamp,
        status_line=STATUS,
        draft_version=None if agreed else 3,
        agreed_on=agreed_on,
    )
    sign_off = sign_off_lines(
        authority=content.authority,
        dcs=content.presenting_dcs,
        facilitator=content.day.facilitator,
        issued=stamp.generated_at.date(),
        agreed_on=agreed_on,
        draft=not agreed,
    )

    blocks = session_note_layout(content, status_line=STATUS, sign_off=sign_off)

    assert list(word_texts(doc)) == list(texts(blocks))
    styles = {p.text: p.style.name if p.style else "" for p in doc.paragraphs}
    assert styles["Questions explored"] == "Heading 2"
    assert styles["Budget"] == "Heading 3"
    (explored,) = content.themes[0].questions
    assert styles[bullet_text(explored.answers[0])] == "List Bullet 2"
