"""A review's report, line by line: its findings, strengths, areas for development and
recommendations (FindingSection, in the report's order), and the hypotheses the team tests
against the key lines of enquiry.

Each section is an ordered list, kept as the capture lists are (capture/lists.py): positions
0..n-1, renumbered after every change, a deleted line returned whole so an undo can put it
back. `changed` carries the id of the review whose report changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.capture.lists import next_position, place, renumber
from facilitator.common.clean_text import TextFieldError, field_text
from facilitator.common.events import Event
from facilitator.common.vocabulary import FindingSection
from facilitator.storage.database import Database
from facilitator.storage.models import Review, ReviewFinding
from facilitator.storage.rows import get_stored, stored_id

__all__ = [
    "FINDING_LIMIT",
    "HYPOTHESES_LIMIT",
    "FindingError",
    "FindingView",
    "ReviewFindings",
    "section_named",
]

FINDING_LIMIT = 2000  # characters: a finding is a sentence or a short paragraph
HYPOTHESES_LIMIT = 1000  # characters for each hypothesis (one a line)
MAX_HYPOTHESES = 20


class FindingError(ValueError):
    """A line of a review's report that cannot be stored as given; the message says why."""


@dataclass(frozen=True)
class FindingView:
    id: int
    review_id: int
    section: FindingSection
    text: str
    position: int  # within its section, 0 first


def section_named(words: str) -> FindingSection:
    """The section a coordinator typed: "strength", "Strengths", "areas for development"…
    (any case); FindingError naming the choices otherwise."""
    wanted = " ".join(words.replace("-", " ").replace("_", " ").casefold().split())
    for section in FindingSection:
        if wanted in (section.value, section.label.casefold(), section.value + "s"):
            return section
    choices = ", ".join(section.value for section in FindingSection)
    raise FindingError(f"“{words}” is not a section of a review’s report: choose {choices}.")


class ReviewFindings:
    """Adds, edits, moves, deletes (with undo) and lists the lines of reviews' reports."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.changed: Event[int] = Event()

    # reading ----------------------------------------------------------------------------

    def for_review(self, review_id: int) -> tuple[FindingView, ...]:
        """Every line of the review's report: section by section in the report's order,
        each section in its own order."""
        order = {section: index for index, section in enumerate(FindingSection)}
        with self._db.session_scope() as s:
            get_stored(s, Review, review_id, "review")
            rows = s.exec(select(ReviewFinding).where(ReviewFinding.review_id == review_id)).all()
            views = [_view(row) for row in rows]
        return tuple(sorted(views, key=lambda v: (order[v.section], v.position, v.id)))

    def hypotheses(self, review_id: int) -> tuple[str, ...]:
        """The review's hypotheses, one a line, in the order given."""
        with self._db.session_scope() as s:
            words = get_stored(s, Review, review_id, "review").hypotheses
        return tuple(line for line in words.split("\n") if line)

    # changing ---------------------------------------------------------------------------

    def add(self, review_id: int, section: FindingSection, text: str) -> FindingView:
        """Adds a line at the end of its section."""
        section = FindingSection(section)
        cleaned = _text(text, section)
        with self._db.session_scope() as s:
            get_stored(s, Review, review_id, "review")
            row = ReviewFinding(
                review_id=review_id,
                section=section,
                text=cleaned,
                position=next_position(_ordered(s, review_id, section)),
            )
            s.add(row)
            s.flush()
            view = _view(row)
        self.changed.emit(review_id)
        return view

    def edit(self, finding_id: int, text: str) -> FindingView:
        with self._db.session_scope() as s:
            row = _get(s, finding_id)
            row.text = _text(text, row.section)
            s.add(row)
            view = _view(row)
        self.changed.emit(view.review_id)
        return view

    def delete(self, finding_id: int) -> FindingView:
        """Deletes a line and returns it whole, so an undo can put it back (restore). Its
        follow-up (a recommendation's owner and date) goes with it."""
        with self._db.session_scope() as s:
            row = _get(s, finding_id)
            view = _view(row)
            s.delete(row)
            s.flush()
            renumber(_ordered(s, view.review_id, view.section))
        self.changed.emit(view.review_id)
        return view

    def restore(self, view: FindingView) -> FindingView:
        """Puts a deleted line back where it was (with its id, if still free)."""
        with self._db.session_scope() as s:
            get_stored(s, Review, view.review_id, "review")
            row = ReviewFinding(
                id=view.id if s.get(ReviewFinding, view.id) is None else None,
                review_id=view.review_id,
                section=view.section,
                text=view.text,
                position=view.position,
            )
            place(_ordered(s, view.review_id, view.section), row, view.position)
            s.add(row)
            s.flush()
            restored = _view(row)
        self.changed.emit(view.review_id)
        return restored

    def move(self, finding_id: int, new_position: int) -> FindingView:
        """Moves a line within its section (0 is first; beyond the end means last)."""
        with self._db.session_scope() as s:
            row = _get(s, finding_id)
            place(_ordered(s, row.review_id, row.section), row, new_position)
            view = _view(row)
        self.changed.emit(view.review_id)
        return view

    def set_hypotheses(self, review_id: int, text: str) -> tuple[str, ...]:
        """Replaces the review's hypotheses: one a line, blank lines left out."""
        lines = [line for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
        if len(lines) > MAX_HYPOTHESES:
            raise FindingError(
                f"A review can keep up to {MAX_HYPOTHESES} hypotheses; this has {len(lines)}. "
                "Merge some of them."
            )
        try:
            cleaned = [field_text(line, "A hypothesis", HYPOTHESES_LIMIT) for line in lines]
        except TextFieldError as exc:
            raise FindingError(str(exc)) from exc
        with self._db.session_scope() as s:
            review = get_stored(s, Review, review_id, "review")
            review.hypotheses = "\n".join(cleaned)
            s.add(review)
        self.changed.emit(review_id)
        return tuple(cleaned)


def _text(text: str, section: FindingSection) -> str:
    what = {
        FindingSection.FINDING: "A finding",
        FindingSection.STRENGTH: "A strength",
        FindingSection.DEVELOPMENT: "An area for development",
        FindingSection.RECOMMENDATION: "A recommendation",
    }[section]
    try:
        return field_text(text, what, FINDING_LIMIT, required=True)
    except TextFieldError as exc:
        raise FindingError(str(exc)) from exc


def _get(s: DbSession, finding_id: int) -> ReviewFinding:
    return get_stored(s, ReviewFinding, finding_id, "line of a review’s report")


def _ordered(s: DbSession, review_id: int, section: FindingSection) -> list[ReviewFinding]:
    return list(
        s.exec(
            select(ReviewFinding)
            .where(ReviewFinding.review_id == review_id, ReviewFinding.section == section)
            .order_by(col(ReviewFinding.position), col(ReviewFinding.id))
        ).all()
    )


def _view(row: ReviewFinding) -> FindingView:
    return FindingView(
        id=stored_id(row.id),
        review_id=row.review_id,
        section=FindingSection(row.section),
        text=row.text,
        position=row.position,
    )
