"""What gathering each record document shares: bookmark names, the day's facts and names,
who came, and the notes as the record reads them.

No python-docx here: of facilitator.records only reading.py and the export use it, inside
their functions, so the app's start-up never loads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from sqlmodel import col, select

from facilitator.common.vocabulary import DayMode, NoteTag, StageKind
from facilitator.common.wording import join_names
from facilitator.planning.day_plan import DayPlan
from facilitator.planning.day_setup import DCS_ROLE
from facilitator.records.sources import RecordSources
from facilitator.storage.models import Note, Stage
from facilitator.word.record_content import (
    Bullet,
    DayFacts,
    PersonLine,
    TeamAttendance,
    attendance_bookmark,
)

NOTE, ACTION, EXCHANGE, ASKED, PLENARY = "note", "action", "exchange", "asked", "plenary"
FLAGGED_TAGS = (NoteTag.BEST_PRACTICE, NoteTag.SYSTEMIC_ISSUE)


def bookmark(kind: str, row_id: int) -> str:
    """The name of the Word bookmark around the text of one stored row."""
    return f"{kind}-{row_id}"


class Names:
    """Who is who on a day: authority and person names by id, read once."""

    def __init__(self, workspace: RecordSources, plan: DayPlan) -> None:
        self.authorities = {p.authority_id: p.name for p in plan.participants}
        people = workspace.introductions.people_of_day(plan.summary.id)
        self.people = {p.person_id: (p.name, p.authority_name) for p in people}

    def authority(self, authority_id: int | None) -> str:
        return self.authorities.get(authority_id, "") if authority_id is not None else ""

    def who(self, person_id: int | None, authority_id: int | None) -> str:
        """ "Tom Hallworth, Brackenmoor", "Brackenmoor" or ""."""
        name, authority = self.people.get(person_id, ("", "")) if person_id else ("", "")
        authority = self.authority(authority_id) or authority
        return ", ".join(part for part in (name, authority) if part)


def day_facts(plan: DayPlan) -> DayFacts:
    day = plan.summary
    place = (day.place or "To be confirmed") if day.mode is DayMode.FACE_TO_FACE else "Virtual"
    return DayFacts(
        day_id=day.id,
        date=day.date,
        kind_label=day.kind.label,
        cycle_name=day.cycle_name,
        number=day.number,
        place=place,
        facilitator=plan.facilitator,
        authorities=day.authorities,
    )


def attendance(workspace: RecordSources, plan: DayPlan) -> tuple[TeamAttendance, ...]:
    """The day's people by authority in presenting order, each DCS first, then any guests."""
    guests: dict[str, list[PersonLine]] = {}
    names = {p.authority_id: p.name for p in plan.participants}
    for intro in workspace.introductions.for_day(plan.summary.id):
        if intro.person_id is None:
            place = names.get(intro.authority_id, "Guests") if intro.authority_id else "Guests"
            guests.setdefault(place, []).append(PersonLine(intro.name, "Guest"))
    lines = []
    teams = workspace.planner.teams(plan.summary.id)
    for team, participant in zip(teams, plan.participants, strict=True):
        people = []
        mark = partial(attendance_bookmark, team.authority_id)
        if team.dcs_name:
            shared = participant.shares_dcs_with
            role = f"{DCS_ROLE} (also for {join_names(shared)})" if shared else DCS_ROLE
            people.append(PersonLine(team.dcs_name, role, mark("dcs")))
        people += [
            PersonLine(m.name, m.role, mark("name", i), mark("role", i))
            for i, m in enumerate(team.members)
        ]
        people += guests.pop(team.name, [])
        lines.append(TeamAttendance(team.name, tuple(people)))
    lines += [TeamAttendance(place, tuple(people)) for place, people in guests.items()]
    return tuple(lines)


@dataclass(frozen=True)
class NoteLine:
    """A stored note as the record reads it."""

    id: int
    session_id: int | None
    stage_id: int | None
    text: str
    tag: NoteTag
    authority_id: int | None
    person_id: int | None
    question_id: str | None


def read_notes(
    workspace: RecordSources, *, day_id: int | None = None, session_id: int | None = None
) -> list[NoteLine]:
    """A day's or a session's notes in agenda order (a note whose stage is gone comes last).

    Plain columns, not stored objects: a long session holds hundreds of bullets and every
    export reads them all.
    """
    columns = [getattr(Note, name) for name in NoteLine.__dataclass_fields__]
    query = (
        select(*columns)
        .outerjoin(Stage, col(Stage.id) == col(Note.stage_id))
        .order_by(col(Stage.position).is_(None), col(Stage.position), col(Note.position))
    )
    if day_id is not None:
        query = query.where(Note.day_id == day_id)
    if session_id is not None:
        query = query.where(Note.session_id == session_id)
    with workspace.db.session_scope() as s:
        return [NoteLine(row[0] or 0, *row[1:]) for row in s.exec(query).all()]


def note_bullet(note: NoteLine, attribution: str = "") -> Bullet:
    if not attribution and note.tag in FLAGGED_TAGS:
        attribution = note.tag.label.lower()
    return Bullet(note.text, bookmark(NOTE, note.id), attribution)


def stage_kinds(plan: DayPlan) -> dict[int, StageKind]:
    return {stage.id: stage.kind for stage in plan.stages}


__all__ = [
    "ACTION",
    "ASKED",
    "EXCHANGE",
    "NOTE",
    "PLENARY",
    "Bullet",
    "DayFacts",
    "Names",
    "NoteLine",
    "PersonLine",
    "TeamAttendance",
    "attendance",
    "bookmark",
    "day_facts",
    "note_bullet",
    "read_notes",
    "stage_kinds",
]
