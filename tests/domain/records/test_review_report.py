"""A PCTR's or SAV's report: what it gathers, its Word file read back, its life as a record
(sent, agreed and locked, reopened), and a director's returned copy."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from sqlmodel import select

from facilitator.amendments.round_trip import Choice
from facilitator.common.vocabulary import FindingSection, FollowUpKind, FollowUpStatus
from facilitator.pool.people import ChallengerDetails
from facilitator.records.exporting import RecordExports
from facilitator.records.keys import RecordKey
from facilitator.records.review_records import collect_review_report
from facilitator.records.versions import RecordLockedError
from facilitator.reviews.kinds import Person, ReviewDraft, ReviewKind
from facilitator.reviews.team_rules import Role
from facilitator.reviews.vague_dates import parse_vague_date
from facilitator.storage.models import FollowUp
from facilitator.storage.record_tables import RecordKind, RecordStatus, RecordVersion, VersionOrigin
from facilitator.workspace import Workspace
from tests.support.word_edits import retype, save

STRONG = "A stable, visible leadership team that staff trust."
FRONT_DOOR = "Thresholds at the front door are applied consistently."
EARLY_HELP = "Review the early help offer with schools."
SUFFICIENCY = "Publish a sufficiency strategy for placements."
AGREED_ON = dt.date(2027, 10, 1)


def add_review(workspace: Workspace) -> int:
    """A PCTR of Northshire with its leads, a team of two and a report partly written."""
    (review,) = workspace.reviews.add_all(
        [
            ReviewDraft(
                ReviewKind.PCTR,
                "Northshire",
                parse_vague_date("10-12 Aug 2027"),
                leads=(Person("Lesley Marsh", "Eastvale"),),
                qa=(Person("Andy Cole", "Westmere"),),
                kloe="Early intervention linking to social care",
                days=(dt.date(2027, 8, 10), dt.date(2027, 8, 11), dt.date(2027, 8, 12)),
            )
        ]
    )
    for name, authority, role in (
        ("Alex Tester", "Southby", Role.PCR_MEMBER),
        ("Cal Data", "Eastvale", Role.DATA_SPECIALIST),
    ):
        person = workspace.pool.add(ChallengerDetails(name, authority))
        workspace.reviews.add_member(review.id, person.id, role)
    findings = workspace.findings
    findings.add(review.id, FindingSection.RECOMMENDATION, EARLY_HELP)
    findings.add(review.id, FindingSection.STRENGTH, STRONG)
    findings.add(review.id, FindingSection.FINDING, FRONT_DOOR)
    tracked = findings.for_review(review.id)[-1]
    findings.add(review.id, FindingSection.RECOMMENDATION, SUFFICIENCY)
    findings.set_hypotheses(review.id, "Early help reaches families too late")
    with workspace.db.session_scope() as s:
        s.add(
            FollowUp(
                kind=FollowUpKind.RECOMMENDATION,
                finding_id=tracked.id,
                who="Director of Early Help",
                due_on=dt.date(2027, 12, 31),
                status=FollowUpStatus.OPEN,
            )
        )
    return review.id


@pytest.fixture
def review_id(workspace: Workspace) -> int:
    return add_review(workspace)


def export(workspace: Workspace, review_id: int, path: Path) -> tuple[int, RecordStatus]:
    view = RecordExports(workspace).export_review_report(review_id, path, overwrite=True)
    return view.version, view.status


def test_the_report_gathers_the_review_its_team_and_its_four_sections(
    workspace: Workspace, review_id: int
) -> None:
    report = collect_review_report(workspace, review_id)

    assert report.title == "Peer Challenge Team Review: Northshire"
    assert report.identifier == f"balcony:review-report:{review_id}"
    assert report.dates == "10, 11 and 12 August 2027"
    assert [(r.name, r.authority, r.role) for r in report.team] == [
        ("Lesley Marsh", "Eastvale", "Lead DCS"),
        ("Andy Cole", "Westmere", "QA DCS"),
        ("Alex Tester", "Southby", "PCR team member"),
        ("Cal Data", "Eastvale", "Data specialist"),
    ]
    assert report.hypotheses == ("Early help reaches families too late",)
    assert [(s.title, [line.text for line in s.lines]) for s in report.sections] == [
        ("Findings", [FRONT_DOOR]),
        ("Strengths", [STRONG]),
        ("Areas for development", []),
        ("Recommendations", [EARLY_HELP, SUFFICIENCY]),
    ]
    tracked, untracked = report.sections[3].lines
    assert tracked.tracking == "Owner: Director of Early Help; due 31 December 2027; open"
    assert untracked.tracking == ""
    assert all(line.bookmark.startswith("finding-") for s in report.sections for line in s.lines)


def test_a_sav_with_dates_to_come_and_nothing_written_says_so(workspace: Workspace) -> None:
    (sav,) = workspace.reviews.add_all(
        [ReviewDraft(ReviewKind.SAV, "Rutland", parse_vague_date("TBC"), kloe="tba")]
    )

    report = collect_review_report(workspace, sav.id)

    assert report.title == "Safeguarding Assurance Visit: Rutland"
    assert (report.dates, report.kloe, report.team, report.hypotheses) == (
        "To be confirmed",
        "",
        (),
        (),
    )
    assert all(section.lines == () for section in report.sections)
    assert report.enquiry_title == "Focus"  # a SAV looks at the front door, say, not KLoEs
    with pytest.raises(LookupError, match="no review with id 99"):
        collect_review_report(workspace, 99)


def test_the_word_file_has_real_headings_tables_and_the_marking(
    workspace: Workspace, review_id: int, tmp_path: Path
) -> None:
    target = tmp_path / "report.docx"
    export(workspace, review_id, target)
    doc = docx.Document(str(target))

    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Head")]
    assert headings == [
        ("Heading 1", "Peer Challenge Team Review: Northshire"),
        ("Heading 2", "The review team"),
        ("Heading 2", "Key lines of enquiry"),
        ("Heading 3", "Hypotheses"),
        ("Heading 2", "Findings"),
        ("Heading 2", "Strengths"),
        ("Heading 2", "Areas for development"),
        ("Heading 2", "Recommendations"),
    ]
    texts = [p.text for p in doc.paragraphs]
    development = texts.index("Areas for development")
    assert texts[development + 1] == "None recorded."
    assert f"{EARLY_HELP} (Owner: Director of Early Help; due 31 December 2027; open)" in texts
    assert SUFFICIENCY in texts
    details, team = doc.tables
    assert [c.text for c in details.rows[1].cells] == ["Dates", "10, 11 and 12 August 2027"]
    assert [c.text for c in team.rows[0].cells] == ["Name", "Authority", "Role"]
    assert [c.text for c in team.rows[4].cells] == ["Cal Data", "Eastvale", "Data specialist"]
    for table in (details, team):  # a header row screen readers announce
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    header = [p.text for p in doc.sections[0].header.paragraphs]
    assert header[0] == "OFFICIAL-SENSITIVE"
    assert header[-1] == "DRAFT — version 1 — 16 January 2026"
    assert "OFFICIAL-SENSITIVE" in [p.text for p in doc.sections[0].footer.paragraphs]
    props = doc.core_properties
    assert (props.title, props.language, props.identifier) == (
        "Peer Challenge Team Review: Northshire",
        "en-GB",
        f"balcony:review-report:{review_id}",
    )


def test_agreeing_locks_the_report_and_a_later_export_keeps_its_number(
    workspace: Workspace, review_id: int, tmp_path: Path
) -> None:
    key = RecordKey.review_report(review_id)
    book = workspace.records
    assert export(workspace, review_id, tmp_path / "v1.docx") == (1, RecordStatus.DRAFT)
    workspace.findings.add(review_id, FindingSection.DEVELOPMENT, "Audit is not yet routine.")
    assert export(workspace, review_id, tmp_path / "v2.docx") == (2, RecordStatus.DRAFT)
    book.mark_sent(key)
    book.agree(key, AGREED_ON)

    assert export(workspace, review_id, tmp_path / "agreed.docx") == (2, RecordStatus.AGREED)
    header = [
        p.text for p in docx.Document(str(tmp_path / "agreed.docx")).sections[0].header.paragraphs
    ]
    assert "Agreed on 1 October 2027" in header[-1]
    workspace.findings.add(review_id, FindingSection.DEVELOPMENT, "A change after agreeing.")
    with pytest.raises(RecordLockedError, match="review report was agreed on 1 October 2027"):
        export(workspace, review_id, tmp_path / "v3.docx")

    book.reopen(key, "The host asked for a further area for development.")
    assert export(workspace, review_id, tmp_path / "v3.docx") == (3, RecordStatus.DRAFT)
    assert {v.file_name for v in book.versions(key)} >= {"v1.docx", "agreed.docx", "v3.docx"}
    with workspace.db.session_scope() as s:
        rows = s.exec(select(RecordVersion).where(RecordVersion.record_key == key.identifier))
        assert {(row.kind, row.review_id) for row in rows} == {
            (RecordKind.REVIEW_REPORT, review_id)
        }


@pytest.mark.parametrize(
    "key",
    [
        RecordKey.review_report(7),
        RecordKey.forward_plan("Demo cycle 2026–2027"),
        RecordKey.forward_plan("2022:2023"),
    ],
)
def test_the_identifier_reads_back_as_the_same_record(key: RecordKey) -> None:
    assert RecordKey.from_identifier(key.identifier) == key


def test_identifiers_of_the_new_kinds_that_are_not_ours_are_refused() -> None:
    assert RecordKey.review_report(7).identifier == "balcony:review-report:7"
    assert RecordKey.forward_plan("X").identifier == "balcony:forward-plan:X"
    for bad in (
        "balcony:review-report:",
        "balcony:review-report:seven",
        "balcony:review-report:1:2",
    ):
        with pytest.raises(ValueError, match="not a Balcony record identifier"):
            RecordKey.from_identifier(bad)
    with pytest.raises(ValueError, match="lacks its ids"):
        RecordKey(RecordKind.REVIEW_REPORT)


def test_a_returned_copy_is_kept_as_the_amended_text(
    workspace: Workspace, review_id: int, tmp_path: Path
) -> None:
    key = RecordKey.review_report(review_id)
    export(workspace, review_id, tmp_path / "sent.docx")
    workspace.records.mark_sent(key)
    doc = docx.Document(str(tmp_path / "sent.docx"))
    retype(doc, STRONG, "A stable leadership team that staff and partners trust.")
    returned = save(doc, tmp_path / "Northshire report - host comments.docx")

    amended = workspace.round_trip.read_amended(returned, key)
    assert (amended.key, amended.version) == (key, 1)
    assert [(c.section, c.before, c.after) for c in amended.edits] == [
        ("Strengths", STRONG, "A stable leadership team that staff and partners trust.")
    ]
    assert workspace.round_trip.problems(amended)  # a report's lines are not notes
    result = workspace.round_trip.apply(amended, Choice.KEEP)

    assert result.status.status is RecordStatus.AMENDED
    assert result.status.kept_amended
    assert result.version.origin is VersionOrigin.RETURNED
    assert [v.origin for v in workspace.records.versions(key)] == [
        VersionOrigin.EXPORTED,
        VersionOrigin.RETURNED,
    ]
    other = RecordKey.review_report(review_id + 1)
    with pytest.raises(ValueError, match=f"for review {review_id}, not review {review_id + 1}"):
        workspace.round_trip.read_amended(returned, other)
