"""A review's report, line by line: added, edited, moved, deleted with undo, listed in the
report's order; and the hypotheses the team tests."""

from __future__ import annotations

import pytest

from facilitator.common.vocabulary import FindingSection
from facilitator.reviews.findings import (
    FINDING_LIMIT,
    FindingError,
    FindingView,
    ReviewFindings,
    section_named,
)
from facilitator.reviews.kinds import ReviewDraft, ReviewKind
from facilitator.reviews.vague_dates import parse_vague_date
from facilitator.workspace import Workspace

STRENGTH, FINDING = FindingSection.STRENGTH, FindingSection.FINDING
RECOMMENDATION = FindingSection.RECOMMENDATION


@pytest.fixture
def review_id(workspace: Workspace) -> int:
    (review,) = workspace.reviews.add_all(
        [ReviewDraft(ReviewKind.PCTR, "Northshire", parse_vague_date("10-12 Aug 2027"))]
    )
    return review.id


def texts(findings: ReviewFindings, review_id: int) -> list[tuple[str, str]]:
    return [(line.section.value, line.text) for line in findings.for_review(review_id)]


def test_lines_are_listed_section_by_section_in_the_order_given(
    workspace: Workspace, review_id: int
) -> None:
    findings = workspace.findings
    heard: list[int] = []
    findings.changed.connect(heard.append)

    findings.add(review_id, RECOMMENDATION, "Publish a sufficiency strategy.")
    findings.add(review_id, STRENGTH, "Stable leadership.")
    findings.add(review_id, FINDING, "  Thresholds are\n applied   consistently. ")
    findings.add(review_id, STRENGTH, "A candid self-assessment.")

    assert texts(findings, review_id) == [
        ("finding", "Thresholds are applied consistently."),
        ("strength", "Stable leadership."),
        ("strength", "A candid self-assessment."),
        ("recommendation", "Publish a sufficiency strategy."),
    ]
    assert [line.position for line in findings.for_review(review_id)] == [0, 0, 1, 0]
    assert heard == [review_id] * 4


def test_a_line_is_edited_moved_deleted_and_put_back_where_it_was(
    workspace: Workspace, review_id: int
) -> None:
    findings = workspace.findings
    first, second, third = (
        findings.add(review_id, STRENGTH, words) for words in ("One.", "Two.", "Three.")
    )

    assert findings.edit(second.id, "Two, reworded.").text == "Two, reworded."
    moved = findings.move(third.id, 0)
    assert moved.position == 0
    assert [t for _, t in texts(findings, review_id)] == ["Three.", "One.", "Two, reworded."]

    gone = findings.delete(first.id)
    assert [t for _, t in texts(findings, review_id)] == ["Three.", "Two, reworded."]
    back = findings.restore(gone)

    assert back == gone == FindingView(first.id, review_id, STRENGTH, "One.", 1)
    assert [t for _, t in texts(findings, review_id)] == ["Three.", "One.", "Two, reworded."]
    assert [line.position for line in findings.for_review(review_id)] == [0, 1, 2]


def test_a_line_that_cannot_be_stored_is_refused_in_plain_words(
    workspace: Workspace, review_id: int
) -> None:
    findings = workspace.findings
    with pytest.raises(FindingError, match="A strength is empty"):
        findings.add(review_id, STRENGTH, " \n ")
    with pytest.raises(FindingError, match=f"at most {FINDING_LIMIT:,}"):
        findings.add(review_id, RECOMMENDATION, "x" * (FINDING_LIMIT + 1))
    with pytest.raises(LookupError, match="There is no review with id 99"):
        findings.add(99, STRENGTH, "Stable leadership.")
    line = findings.add(review_id, FINDING, "Kept.")
    with pytest.raises(FindingError, match="A finding is empty"):
        findings.edit(line.id, "")
    assert texts(findings, review_id) == [("finding", "Kept.")]
    assert issubclass(FindingError, ValueError)


def test_hypotheses_are_kept_one_a_line(workspace: Workspace, review_id: int) -> None:
    findings = workspace.findings
    assert findings.hypotheses(review_id) == ()

    kept = findings.set_hypotheses(
        review_id, "Early help comes late\r\n\n  Partners   escalate late "
    )

    assert kept == ("Early help comes late", "Partners escalate late")
    assert findings.hypotheses(review_id) == kept
    with pytest.raises(FindingError, match="up to 20 hypotheses"):
        findings.set_hypotheses(review_id, "\n".join(f"H{n}" for n in range(21)))
    assert findings.hypotheses(review_id) == kept


@pytest.mark.parametrize(
    ("words", "section"),
    [
        ("strength", STRENGTH),
        ("Strengths", STRENGTH),
        ("development", FindingSection.DEVELOPMENT),
        ("areas for development", FindingSection.DEVELOPMENT),
        ("RECOMMENDATION", RECOMMENDATION),
        ("findings", FINDING),
    ],
)
def test_a_section_is_named_as_a_coordinator_types_it(words: str, section: FindingSection) -> None:
    assert section_named(words) is section


def test_an_unknown_section_names_the_choices() -> None:
    with pytest.raises(FindingError, match="choose finding, strength, development, recommendation"):
        section_named("weakness")
