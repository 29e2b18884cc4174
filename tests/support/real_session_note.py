"""The demo triad's session notes exactly as Balcony exports them, for the round-trip tests.

A Session's `builder` is RecordExports.document: the one way a record's bytes are made, so the
notes carry the real headings (each in a bookmark "heading-N"), bullets with their stored
words inside a bookmark ("note-12", "action-3", "exchange-5") and any attribution after it in
brackets, and they pass the confidentiality check. Where bullets a director adds go is
session_note_placements', as in the Records window and the command line. The headings are
session_note_words' own. What a director does in Word is in word_edits (offered here too).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx

from facilitator.amendments.placements import session_note_placements
from facilitator.amendments.round_trip import RoundTrip
from facilitator.amendments.taking_in import Placements
from facilitator.common.vocabulary import StageKind
from facilitator.demo import create_demo_day
from facilitator.records.exporting import DayRecord, RecordExports
from facilitator.records.versions import RecordBook, RecordKey, RecordStatus, VersionView
from facilitator.word.session_note_words import (
    ACTIONS,
    ASKS,
    DISCUSSION,
    FOCUS_RISKS,
    INSIGHTS,
    NEW_QUESTIONS,
    OFFERS,
    PRESENTATION,
    QUESTIONS,
    REACTION,
    REFLECTION,
    SIGN_OFF,
    STRENGTHS,
    TOPICAL,
    WHO_TOOK_PART,
)
from facilitator.workspace import Workspace
from tests.support.word_edits import (
    add_after,
    add_bullet,
    bookmarked_runs,
    delete,
    paragraph,
    retype,
    save,
)

__all__ = [
    "ACTIONS",
    "ADDED",
    "ASKS",
    "BUDGET",
    "BUDGET_NEW",
    "CANDID",
    "DISCUSSION",
    "FOCUS_RISKS",
    "INSIGHTS",
    "NEW_QUESTIONS",
    "OFFERS",
    "PRACTICE",
    "PRESENTATION",
    "QUESTIONS",
    "REACTION",
    "REFLECTION",
    "SIGN_OFF",
    "STAGE_HEADINGS",
    "STRENGTHS",
    "TOPICAL",
    "VOICE",
    "WHO_TOOK_PART",
    "Session",
    "add_after",
    "add_bullet",
    "bookmarked_runs",
    "delete",
    "demo_sessions",
    "director_amends",
    "paragraph",
    "retype",
    "save",
]

# The heading a plain note of each stage is printed under (a tag may send it elsewhere: a
# question to NEW_QUESTIONS, an action to ACTIONS, a risk to FOCUS_RISKS).
STAGE_HEADINGS = {
    StageKind.PRESENTATION: PRESENTATION,
    StageKind.QUESTIONING: DISCUSSION,
    StageKind.AFFIRMATION: STRENGTHS,
    StageKind.INSIGHTS: INSIGHTS,
    StageKind.REACTION: REACTION,
    StageKind.REFLECTION: REFLECTION,
}


@dataclass
class Session:
    """One presenting authority's session on the demo day, with its record services (the
    workspace's own, so the note's status lines read what the book says)."""

    workspace: Workspace
    book: RecordBook
    trip: RoundTrip
    day_id: int
    session_id: int
    authority_id: int
    authority: str
    stages: dict[StageKind, int]
    record: DayRecord
    exports: RecordExports

    @property
    def key(self) -> RecordKey:
        return self.record.key

    def builder(self, status: RecordStatus, version: int) -> bytes:
        """The real note's bytes: RecordExports.document, confidentiality check and all."""
        return self.exports.document(self.key, status, version)

    @property
    def placements(self) -> Placements:
        """Where bullets a director adds under each heading go, as the app decides."""
        return session_note_placements(self.workspace.planner.day_plan(self.day_id), self.record)

    def export(self, path: Path, **options: bool) -> VersionView:
        """The note's next version written to `path` and kept (RecordBook.export)."""
        return self.book.export(self.key, self.builder, path, **options)

    def sent_draft(self, folder: Path, name: str = "") -> Path:
        """Version 1 exported to `folder` and marked as sent."""
        path = folder / (name or f"{self.authority} session note.docx")
        self.export(path)
        self.book.mark_sent(self.key)
        return path

    def texts(self, kind: StageKind) -> list[str]:
        return [n.text for n in self.workspace.notebook.for_stage(self.stages[kind])]

    def note_id(self, text: str) -> int:
        for stage_id in self.stages.values():
            for note in self.workspace.notebook.for_stage(stage_id):
                if note.text == text:
                    return note.id
        raise LookupError(text)


def demo_sessions(workspace: Workspace, *, routed: bool = True) -> list[Session]:
    """The demo triad's sessions in order (Ashvale's has notes), each exported by one
    RecordExports. `routed`: the demo's action, ask and offer are actions and asks and offers
    (as the app and `balcony demo` make them); else tagged notes, as older files kept them."""
    route = workspace.outcome_route if routed else None
    day_id = create_demo_day(workspace.planner, workspace.notebook, route)
    plan = workspace.planner.day_plan(day_id)
    exports = RecordExports(workspace)
    sessions = []
    for record in exports.day_records(day_id):
        info = record.session
        if info is None:
            continue  # the day summary
        stages = {s.kind: s.id for s in plan.stages if s.session_id == info.session_id}
        sessions.append(
            Session(
                workspace,
                workspace.records,
                workspace.round_trip,
                day_id,
                info.session_id,
                info.authority_id,
                info.authority_name,
                stages,
                record,
                exports,
            )
        )
    return sessions


# The demo note's bullets, and a director's amendments to them ---------------------------

BUDGET = "The story assumes the budget is fixed; the corporate centre may see it otherwise."
BUDGET_NEW = "The story assumes the budget is fixed; the council’s finance team may not."
PRACTICE = "Practice weeks where senior leaders shadow front-line teams."  # (best practice)
VOICE = "Strong voice of children in the corporate parenting board."  # (named by Corriford)
CANDID = "A candid self-assessment that names its own weak spots."  # (named by Brackenmoor)
ADDED = "Visitors were struck by how openly the team talked about drift."


def director_amends(sent: Path, folder: Path) -> Path:
    """What a director does to the sent note: one bullet reworded, one added after another,
    one deleted."""
    doc = docx.Document(str(sent))
    retype(doc, BUDGET, BUDGET_NEW)
    add_after(doc, PRACTICE, ADDED)
    delete(doc, VOICE)
    return save(doc, folder / "Ashvale session note - DCS comments.docx")
