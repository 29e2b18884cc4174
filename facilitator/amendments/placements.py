"""Where the bullets a director adds to a returned session note go.

Shared by the Records window and the command line, so both take a returned copy in alike.
"""

from __future__ import annotations

from facilitator.amendments.taking_in import ActionsOf, NotesOf, Placements
from facilitator.common.vocabulary import NoteTag, StageKind
from facilitator.planning.day_plan import DayPlan
from facilitator.records.exporting import DayRecord


def session_note_placements(plan: DayPlan, record: DayRecord) -> Placements:
    """Where bullets a director adds under each heading of a session note go: notes of the
    session's stage, tagged so the next export prints them under the same heading, or
    actions. Headings with no place (a theme's questions, the times) are left out, and an
    addition there is listed as a problem. The headings are the Word note's own."""
    if record.session is None:
        return {}
    from facilitator.word import session_note as words

    session_id = record.session.session_id
    stages = {s.kind: s.id for s in plan.stages if s.session_id == session_id}
    wanted: dict[str, tuple[StageKind, NoteTag]] = {
        words.FOCUS_RISKS: (StageKind.PRESENTATION, NoteTag.RISK),
        words.PRESENTATION: (StageKind.PRESENTATION, NoteTag.NOTE),
        words.STRENGTHS: (StageKind.AFFIRMATION, NoteTag.STRENGTH),
        words.NEW_QUESTIONS: (StageKind.QUESTIONING, NoteTag.QUESTION),
        words.DISCUSSION: (StageKind.QUESTIONING, NoteTag.NOTE),
        words.INSIGHTS: (StageKind.INSIGHTS, NoteTag.INSIGHT),
        words.REACTION: (StageKind.REACTION, NoteTag.NOTE),
        words.REFLECTION: (StageKind.REFLECTION, NoteTag.NOTE),
        words.ASKS: (StageKind.REFLECTION, NoteTag.ASK),
        words.OFFERS: (StageKind.REFLECTION, NoteTag.OFFER),
    }
    placements: dict[str, int | NotesOf | ActionsOf] = {
        heading: NotesOf(stages[kind], tag)
        for heading, (kind, tag) in wanted.items()
        if kind in stages
    }
    placements[words.ACTIONS] = ActionsOf(session_id)
    return placements
