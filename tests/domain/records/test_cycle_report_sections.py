"""The cycle report's plenary answers, topical invitations, systemic issues grouped across
days and ask and offer pairings across days, read back from the Word file it exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from facilitator.common.vocabulary import (
    ExchangeKind,
    ExchangeScope,
    NoteTag,
    PlenaryQuestion,
    StageKind,
)
from facilitator.demo import DEMO_CYCLE, create_demo_day
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.records.collect import collect_cycle_report
from facilitator.records.cycle_pairing import meaning_words, pair_asks_with_offers
from facilitator.records.exporting import RecordExports
from facilitator.records.pairing import suggest_pairings
from facilitator.records.systemic_groups import alike, group_issues, normalise
from facilitator.word.cycle_report import build_cycle_report
from facilitator.word.record_content import Stamp
from facilitator.word.report_content import IssueMention
from facilitator.workspace import Workspace
from tests.support.record_day import quartet_day

RESIDENTIAL = "Shortage of residential placements for teenagers."
RESIDENTIAL_AGAIN = "Shortage of residential placement for teenagers"  # day 2, Redbank
RESIDENTIAL_LONGER = (  # holds RESIDENTIAL whole, though difflib finds them far apart
    "Shortage of residential placements for teenagers, so children live far from home, "
    "school and friends"
)
EHCP = "Delays in education, health and care plan assessments"  # day 1, Brackenmoor
COURT = "Delays in care proceedings at the family court"  # day 2, Lowmoor
# Corriford (day 1) asks; Lowmoor (day 2) offers: their topics share no word, their details do.
FRONT_DOOR_ASK = ("Help with our front door", "Consistent triage decisions in the MASH")
FRONT_DOOR_OFFER = ("Peer visits", "Our MASH triage model has made decisions consistent")


@dataclass(frozen=True)
class Cycle:
    day_one: int
    day_two: int
    sessions: dict[str, int]  # authority name: its session id
    authorities: dict[str, int]  # authority name: id


def stage(workspace: Workspace, session_id: int, kind: StageKind) -> int:
    day_id = workspace.session_facts.get(session_id).day_id
    plan = workspace.planner.day_plan(day_id)
    return next(s.id for s in plan.stages if s.session_id == session_id and s.kind is kind)


@pytest.fixture
def cycle(workspace: Workspace) -> Cycle:
    """Two days of the demo cycle: the demo triad, then a quartet."""
    day_one = create_demo_day(workspace.planner, workspace.notebook)
    day_two = quartet_day(workspace)
    sessions, authorities = {}, {}
    for day_id in (day_one, day_two):
        for info in presenting_sessions(workspace.db, day_id):
            sessions[info.authority_name] = info.session_id
            authorities[info.authority_name] = info.authority_id
    made = Cycle(day_one, day_two, sessions, authorities)

    def issue(authority: str, text: str) -> None:
        at = stage(workspace, sessions[authority], StageKind.INSIGHTS)
        workspace.notebook.add(at, text, NoteTag.SYSTEMIC_ISSUE)

    issue("Ashvale", RESIDENTIAL)
    issue("Brackenmoor", EHCP)
    issue("Redbank", RESIDENTIAL_AGAIN)
    issue("Upton", RESIDENTIAL_LONGER)
    issue("Lowmoor", COURT)

    def exchange(authority: str, kind: ExchangeKind, topic: str, detail: str) -> None:
        workspace.exchanges.add(
            sessions[authority],
            kind,
            authorities[authority],
            topic,
            detail,
            ExchangeScope.BILATERAL,
        )

    exchange("Corriford", ExchangeKind.ASK, *FRONT_DOOR_ASK)
    exchange("Lowmoor", ExchangeKind.OFFER, *FRONT_DOOR_OFFER)
    # Redbank asks and offers the same thing: it must never be its own match.
    exchange("Redbank", ExchangeKind.ASK, "Edge of care", "Family group conferencing for teenagers")
    exchange(
        "Redbank", ExchangeKind.OFFER, "Edge of care", "Family group conferencing for teenagers"
    )

    people = {p.name: p for p in workspace.introductions.people_of_day(day_one)}
    tom = people["Tom Hallworth"]
    workspace.plenary.add(
        day_one, PlenaryQuestion.KEY_LEARNING, "Ask fewer, better questions", tom.person_id
    )
    workspace.plenary.add(
        day_two,
        PlenaryQuestion.NETWORKING,
        "Heads of fostering",
        authority_id=authorities["Redbank"],
    )
    workspace.session_facts.set_topical_invitation(sessions["Ashvale"], True, "Care leavers")
    workspace.session_facts.set_topical_invitation(sessions["Brackenmoor"], False)
    workspace.session_facts.set_topical_invitation(sessions["Redbank"], True)
    return made


def export(workspace: Workspace, path: Path) -> Document:
    RecordExports(workspace).export_cycle_report(DEMO_CYCLE, path)
    return docx.Document(str(path))


def section(doc: Document, title: str) -> list[Paragraph | Table]:
    """The paragraphs and tables under one heading 2, in order, to the next heading 2."""
    found: list[Paragraph | Table] = []
    inside = False
    for element in doc.element.body.iterchildren():
        if element.tag == qn("w:p"):
            p = Paragraph(element, doc._body)
            if p.style is not None and p.style.name == "Heading 2":
                if inside:
                    break
                inside = p.text == title
            elif inside:
                found.append(p)
        elif element.tag == qn("w:tbl") and inside:
            found.append(Table(element, doc._body))
    assert inside, f"no section {title!r}"
    return found


def only_table(blocks: list[Paragraph | Table]) -> Table:
    (table,) = [b for b in blocks if isinstance(b, Table)]
    return table


def rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def words(blocks: list[Paragraph | Table]) -> list[str]:
    return [b.text for b in blocks if isinstance(b, Paragraph)]


# grouping systemic issues: pure functions --------------------------------------------------


def test_issue_wordings_are_compared_without_case_punctuation_or_spacing() -> None:
    assert normalise("  Shortage of residential  places. ") == "shortage of residential places"
    assert normalise("Children’s homes: sufficiency!") == "childrens homes sufficiency"
    assert alike(normalise(RESIDENTIAL), normalise(RESIDENTIAL_AGAIN))  # nearly the same
    assert alike(normalise(RESIDENTIAL), normalise(RESIDENTIAL_LONGER))  # one holds the other
    assert (
        SequenceMatcher(None, normalise(RESIDENTIAL), normalise(RESIDENTIAL_LONGER)).ratio() < 0.8
    )
    assert not alike(normalise(RESIDENTIAL), normalise(EHCP))
    assert not alike(normalise(EHCP), normalise(COURT))
    assert not alike("send", "send transport")  # one word is not enough to hold another


def test_alike_issues_of_two_days_are_one_entry_listing_both_days() -> None:
    mentions = [
        IssueMention("Day 2", "Upton", RESIDENTIAL_LONGER),
        IssueMention("Day 2", "Redbank", RESIDENTIAL_AGAIN),
        IssueMention("Day 1", "Ashvale", RESIDENTIAL),
        IssueMention("Day 1", "Brackenmoor", EHCP),
        IssueMention("Day 2", "Lowmoor", COURT),
    ]
    groups = group_issues(mentions, ["Day 1", "Day 2"])

    assert [(g.text, g.days) for g in groups] == [
        (RESIDENTIAL, ("Day 1", "Day 2")),
        (EHCP, ("Day 1",)),
        (COURT, ("Day 2",)),
    ]
    assert groups[0].other_wordings == (RESIDENTIAL_LONGER, RESIDENTIAL_AGAIN)
    assert groups[0].authorities_on("Day 2") == ("Upton", "Redbank")


# pairing across days: pure functions -------------------------------------------------------


@dataclass(frozen=True)
class Item:
    day: str
    kind: ExchangeKind
    authority: str
    topic: str
    detail: str = ""


def test_words_are_cut_to_a_simple_stem_without_filler() -> None:
    assert set(meaning_words("Recruiting foster carers for our children")) == {
        "recruit",
        "foster",
        "carer",
    }
    assert set(meaning_words("Foster carer recruitment")) == {"foster", "carer", "recruit"}
    assert meaning_words("Planned audits")["plan"] == "planned"


def test_an_ask_pairs_with_an_offer_of_another_day_by_the_words_of_their_detail() -> None:
    ask = Item("Day 1", ExchangeKind.ASK, "Corriford", *FRONT_DOOR_ASK)
    offer = Item("Day 2", ExchangeKind.OFFER, "Lowmoor", *FRONT_DOOR_OFFER)
    own = Item("Day 2", ExchangeKind.OFFER, "corriford ", *FRONT_DOOR_ASK)
    unrelated = Item("Day 2", ExchangeKind.OFFER, "Upton", "Youth justice", "Diversion panel")

    assert suggest_pairings([ask, offer]) == ()  # the topics alone share nothing
    (pairing,) = pair_asks_with_offers([ask, offer, own, unrelated])

    assert (pairing.ask, pairing.offer) == (ask, offer)
    assert pairing.shared == ("consistent", "triage", "decisions", "mash")


# the exported report ---------------------------------------------------------------------


def test_the_report_lists_systemic_issues_once_with_every_day_they_came_up(
    workspace: Workspace, cycle: Cycle, tmp_path: Path
) -> None:
    doc = export(workspace, tmp_path / "cycle.docx")
    table = only_table(section(doc, "Common systemic issues"))

    assert rows(table) == [
        ["Systemic issue", "Raised on (presenting authority)"],
        [
            f"{RESIDENTIAL}\nAlso put as: “{RESIDENTIAL_LONGER}”\n"
            f"Also put as: “{RESIDENTIAL_AGAIN}”",
            "Day 1 (Ashvale)\nDay 2 (Upton and Redbank)",
        ],
        [EHCP, "Day 1 (Brackenmoor)"],
        [COURT, "Day 2 (Lowmoor)"],
    ]


def test_the_report_pairs_an_ask_with_another_days_offer_never_with_its_own(
    workspace: Workspace, cycle: Cycle, tmp_path: Path
) -> None:
    content = collect_cycle_report(workspace, DEMO_CYCLE)
    assert all(p.ask.authority != p.offer.authority for p in content.pairings)

    doc = export(workspace, tmp_path / "cycle.docx")
    table = only_table(section(doc, "Suggested pairings"))

    assert rows(table)[0] == ["Ask", "Offer that could meet it", "Words in common"]
    assert [
        "Corriford (Day 1): Help with our front door\nConsistent triage decisions in the MASH",
        "Lowmoor (Day 2): Peer visits\nOur MASH triage model has made decisions consistent",
        "consistent, triage, decisions, mash",
    ] in rows(table)
    for ask, offer, _shared in rows(table)[1:]:
        assert ask.split(" (")[0] != offer.split(" (")[0]
    assert not [r for r in rows(table) if r[0].startswith("Redbank")]


def test_the_report_gives_each_days_plenary_answers_and_who_gave_them(
    workspace: Workspace, cycle: Cycle, tmp_path: Path
) -> None:
    doc = export(workspace, tmp_path / "cycle.docx")
    lines = words(section(doc, "Plenary answers, day by day"))

    headings = [
        p.text
        for p in section(doc, "Plenary answers, day by day")
        if isinstance(p, Paragraph) and p.style is not None and p.style.name == "Heading 3"
    ]
    assert headings == ["Day 1: 18 January 2027", "Day 2: 9 March 2027"]
    day_one = lines[: lines.index("Day 2: 9 March 2027")]
    assert "Key learning to take back" in day_one
    assert "Ask fewer, better questions (Tom Hallworth, Brackenmoor)" in day_one
    day_two = lines[lines.index("Day 2: 9 March 2027") :]
    assert "Heads of fostering (Redbank)" in day_two
    assert day_two[day_two.index("Key learning to take back") + 1] == "None recorded."


def test_the_report_lists_topical_invitations_by_day_and_presenting_authority(
    workspace: Workspace, cycle: Cycle, tmp_path: Path
) -> None:
    doc = export(workspace, tmp_path / "cycle.docx")
    table = rows(only_table(section(doc, "Topical peer challenge invitations")))

    assert table[0] == ["Day", "Presenting authority", "Invites a topical peer challenge", "Topic"]
    assert table[1:4] == [
        ["Day 1", "Ashvale", "Yes", "Care leavers"],
        ["Day 1", "Brackenmoor", "No", ""],
        ["Day 1", "Corriford", "Not discussed", ""],
    ]
    assert ["Day 2", "Redbank", "Yes", "To be confirmed"] in table


def test_new_sections_say_plainly_when_nothing_was_recorded(
    workspace: Workspace, tmp_path: Path
) -> None:
    create_demo_day(workspace.planner, workspace.notebook)
    doc = export(workspace, tmp_path / "cycle.docx")

    for title in (
        "Common systemic issues",
        "Plenary answers, day by day",
        "Topical peer challenge invitations",
    ):
        assert words(section(doc, title)) == ["None recorded."], title
    # The demo's ask (fostering) and offer (practice weeks) share no meaningful word.
    assert words(section(doc, "Suggested pairings")) == [
        "No offer matched another authority’s ask closely enough."
    ]


def built(workspace: Workspace, path: Path) -> Document:
    """The report as the builder leaves it, saved by python-docx alone: without the export's
    last pass (clean_package.finish_document), which would hide a builder's lapse."""
    stamp = Stamp(dt.datetime(2027, 3, 10, 9, 0))
    build_cycle_report(collect_cycle_report(workspace, DEMO_CYCLE), stamp).save(str(path))
    return docx.Document(str(path))


def check_tables(doc: Document) -> None:
    """Every table: a header row (and only one), no merged cells, text of 11 pt or more."""
    for table in doc.tables:
        flagged = [
            row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
            for row in table.rows
        ]
        assert flagged[0], [c.text for c in table.rows[0].cells]
        assert not any(flagged[1:])
        for tc in table._tbl.iter(qn("w:tc")):
            props = tc.tcPr
            if props is not None:
                for merge in ("w:gridSpan", "w:vMerge", "w:hMerge"):
                    assert props.find(qn(merge)) is None
        sizes = [r.font.size for row in table.rows for c in row.cells for r in c.paragraphs[0].runs]
        assert sizes
        assert all(size is not None and size.pt >= 11 for size in sizes)


@pytest.mark.parametrize("make", [export, built])
def test_every_table_has_a_header_row_no_merged_cells_and_text_of_eleven_point(
    workspace: Workspace, cycle: Cycle, tmp_path: Path, make: Callable[[Workspace, Path], Document]
) -> None:
    doc = make(workspace, tmp_path / "cycle.docx")
    page = doc.sections[0]
    assert page.page_width is not None
    assert page.page_height is not None
    assert (round(page.page_width.mm), round(page.page_height.mm)) == (210, 297)  # A4

    assert len(doc.tables) == 5  # the days, issues, asks and offers, pairings, invitations
    check_tables(doc)
