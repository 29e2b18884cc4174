"""A cycle's forward plan: every ask and offer with the support agreed for it, the actions
with their owners and dates, the topical peer challenges invited; its Word file read back,
and its life as a record."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from sqlmodel import select

from facilitator.common.support_menu import SupportOption, support_label
from facilitator.common.vocabulary import (
    ExchangeKind,
    ExchangeScope,
    FollowUpKind,
    FollowUpStatus,
    NoteTag,
    StageKind,
)
from facilitator.demo import DEMO_CYCLE, create_demo_day
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.records.exporting import RecordExports
from facilitator.records.keys import RecordKey
from facilitator.records.review_records import collect_forward_plan
from facilitator.records.versions import RecordLockedError
from facilitator.storage.models import FollowUp, Note
from facilitator.storage.record_tables import RecordStatus
from facilitator.workspace import Workspace

HUB = "Support to set up a regional fostering recruitment hub."
PRACTICE_WEEK = "Our practice-week model, with its audit tool."
SUFFICIENCY = "Test the placement sufficiency plan with the lead member before Easter."
EDGE = "Help with an edge-of-care service"
AGREED_ON = dt.date(2027, 3, 12)


@pytest.fixture
def day_id(workspace: Workspace) -> int:
    """The demo day, its ask and action tracked; Brackenmoor's ask stored with nothing agreed,
    a note tagged as an action, and Ashvale inviting a topical peer challenge."""
    day = create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route)
    plan = workspace.planner.day_plan(day)
    ashvale, brackenmoor = plan.participants[0], plan.participants[1]
    sessions = {s.authority_id: s.session_id for s in presenting_sessions(workspace.db, day)}
    hub, _ = workspace.exchanges.for_day(day)
    (action,) = workspace.actions.for_day(day)
    workspace.exchanges.add(
        sessions[brackenmoor.authority_id],
        ExchangeKind.ASK,
        brackenmoor.authority_id,
        EDGE,
        "for adolescents",
        ExchangeScope.MULTILATERAL,
    )
    stage = next(
        s.id
        for s in plan.stages
        if s.kind is StageKind.REFLECTION and s.presenter == brackenmoor.name
    )
    workspace.notebook.add(stage, "Share the audit tool with Corriford.", NoteTag.ACTION)
    workspace.session_facts.set_topical_invitation(
        sessions[ashvale.authority_id], True, "Adolescent exploitation"
    )
    with workspace.db.session_scope() as s:
        s.add(
            FollowUp(
                kind=FollowUpKind.SUPPORT,
                exchange_id=hub.id,
                support=SupportOption.SLIP_SUPPORT.name,
                who="Priya Ellwood",
                due_on=dt.date(2027, 4, 30),
                note="Two days of SLIP time",
            )
        )
        s.add(
            FollowUp(
                kind=FollowUpKind.ACTION,
                action_id=action.id,
                due_on=dt.date(2027, 3, 1),
                status=FollowUpStatus.DONE,
                done_on=dt.date(2027, 2, 20),
            )
        )
    return day


def export(workspace: Workspace, path: Path) -> tuple[int, RecordStatus]:
    view = RecordExports(workspace).export_forward_plan(DEMO_CYCLE, path, overwrite=True)
    return view.version, view.status


def test_the_plan_gathers_asks_offers_support_actions_and_invitations(
    workspace: Workspace, day_id: int
) -> None:
    plan = collect_forward_plan(workspace, DEMO_CYCLE)

    assert plan.identifier == f"balcony:forward-plan:{DEMO_CYCLE}"
    assert [(x.day, x.authority, x.kind_label, x.topic_text) for x in plan.exchanges] == [
        ("Day 1", "Ashvale", "Ask", HUB),
        ("Day 1", "Ashvale", "Offer", PRACTICE_WEEK),
        ("Day 1", "Brackenmoor", "Ask", f"{EDGE}: for adolescents"),
    ]
    hub, practice, edge = plan.exchanges
    (support,) = hub.support
    assert support.option == "Support from a Sector Led Improvement Partner (SLIP)"
    assert (support.follow_up.owner, support.follow_up.due, support.follow_up.status) == (
        "Priya Ellwood",
        "30 April 2027",
        "Open",
    )
    assert support.note == "Two days of SLIP time"
    assert practice.support == edge.support == ()
    assert edge.counterpart == "Any authority"
    assert [(a.authority, a.text, a.follow_up.due, a.follow_up.status) for a in plan.actions] == [
        ("Ashvale", SUFFICIENCY, "1 March 2027", "Done on 20 February 2027"),
        ("Brackenmoor", "Share the audit tool with Corriford.", "Not set", ""),
    ]
    invited = [(i.authority, i.answer, i.topic_text) for i in plan.topical_invitations]
    assert invited[0] == ("Ashvale", "Yes", "Adolescent exploitation")


def test_a_cycle_without_days_has_no_plan(workspace: Workspace) -> None:
    with pytest.raises(LookupError, match="no days in the cycle “2099–2100”"):
        collect_forward_plan(workspace, "2099–2100")
    with pytest.raises(LookupError, match="no days in the cycle"):
        RecordExports(workspace).export_forward_plan("2099–2100", Path("never.docx"))


def test_an_option_is_read_by_its_stored_name() -> None:
    assert support_label("SLIP_SUPPORT") == SupportOption.SLIP_SUPPORT.label
    assert support_label("A_LATER_OPTION") == "A later option"


def test_the_word_file_has_its_sections_tables_and_marking(
    workspace: Workspace, day_id: int, tmp_path: Path
) -> None:
    target = tmp_path / "plan.docx"
    export(workspace, target)
    doc = docx.Document(str(target))

    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Head")]
    assert headings == [
        ("Heading 1", f"Forward plan: {DEMO_CYCLE}"),
        ("Heading 2", "Asks and offers"),
        ("Heading 2", "Agreed support"),
        ("Heading 3", "Asks and offers with no support agreed yet"),
        ("Heading 2", "Actions"),
        ("Heading 2", "Topical peer challenge invitations"),
    ]
    exchanges, support, actions, invitations = doc.tables
    assert [c.text for c in exchanges.rows[0].cells] == [
        "Day", "Authority", "Ask or offer", "Topic", "Scope", "With",
    ]  # fmt: skip
    assert len(exchanges.rows) == 4
    assert [c.text for c in support.rows[1].cells] == [
        f"Ashvale’s ask (Day 1): {HUB}",
        "Support from a Sector Led Improvement Partner (SLIP)\nTwo days of SLIP time",
        "Priya Ellwood",
        "30 April 2027",
        "Open",
    ]
    assert [c.text for c in actions.rows[2].cells][2:] == [
        "Share the audit tool with Corriford.", "Not set", "Not set", "Open",
    ]  # fmt: skip
    assert invitations.rows[1].cells[3].text == "Adolescent exploitation"
    for table in doc.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    waiting = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert waiting == [
        f"Ashvale’s offer (Day 1): {PRACTICE_WEEK}",
        f"Brackenmoor’s ask (Day 1): {EDGE}",
    ]
    header = [p.text for p in doc.sections[0].header.paragraphs]
    assert header == ["OFFICIAL-SENSITIVE", "DRAFT — version 1 — 16 January 2026"]
    assert (doc.core_properties.language, doc.core_properties.title) == (
        "en-GB",
        f"Peer challenge forward plan: {DEMO_CYCLE}",
    )


def test_an_empty_cycle_plan_says_none_recorded(workspace: Workspace, tmp_path: Path) -> None:
    create_demo_day(workspace.planner, workspace.notebook)  # notes only: nothing stored as such
    with workspace.db.session_scope() as s:
        for note in s.exec(select(Note)).all():
            s.delete(note)
    target = tmp_path / "plan.docx"
    export(workspace, target)

    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    for heading in ("Asks and offers", "Actions", "Topical peer challenge invitations"):
        assert texts[texts.index(heading) + 1] == "None recorded."
    assert texts[texts.index("Agreed support") + 1] == "No support has been agreed yet."


def test_agreeing_locks_the_plan_and_a_reprint_keeps_its_number(
    workspace: Workspace, day_id: int, tmp_path: Path
) -> None:
    key = RecordKey.forward_plan(DEMO_CYCLE)
    book = workspace.records
    assert export(workspace, tmp_path / "v1.docx") == (1, RecordStatus.DRAFT)
    assert export(workspace, tmp_path / "again.docx") == (1, RecordStatus.DRAFT)  # a re-print
    book.mark_sent(key)
    book.agree(key, AGREED_ON)
    assert export(workspace, tmp_path / "agreed.docx") == (1, RecordStatus.AGREED)

    (action,) = workspace.actions.for_day(day_id)
    workspace.actions.edit(action.id, owner="Marcus Thorne")
    with pytest.raises(RecordLockedError, match="forward plan was agreed on 12 March 2027"):
        export(workspace, tmp_path / "v2.docx")
    book.reopen(key, "An owner was named for the action.")
    assert export(workspace, tmp_path / "v2.docx") == (2, RecordStatus.DRAFT)
