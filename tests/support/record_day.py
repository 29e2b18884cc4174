"""A day filled through the services as a facilitator would, for the record's tests.

Every session gets notes in several stages, each carrying a marker unique to its authority
("MARKER-ASHVALE-7"), so a test can tell whose words ended up in which document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import (
    DayKind,
    DayMode,
    ExchangeKind,
    ExchangeScope,
    NoteTag,
    PlenaryQuestion,
    StageKind,
)
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.planning.planner import AuthorityEntry, NewDay, TeamMember
from facilitator.workspace import Workspace

# (stage, tag, text with {m} for the marker). The markers run from 1 in this order.
SESSION_NOTES: tuple[tuple[StageKind, NoteTag, str], ...] = (
    (StageKind.PRESENTATION, NoteTag.RISK, "Focus on placement sufficiency {m}"),
    (StageKind.PRESENTATION, NoteTag.NOTE, "New locality model since September {m}"),
    (StageKind.QUESTIONING, NoteTag.NOTE, "Caseloads have fallen to eighteen {m}"),
    (StageKind.QUESTIONING, NoteTag.QUESTION, "How do you hear from care leavers? {m}"),
    (StageKind.AFFIRMATION, NoteTag.STRENGTH, "A candid and well-evidenced story {m}"),
    (StageKind.INSIGHTS, NoteTag.INSIGHT, "The budget is treated as fixed {m}"),
    (StageKind.INSIGHTS, NoteTag.BEST_PRACTICE, "Practice weeks for senior leaders {m}"),
    (StageKind.INSIGHTS, NoteTag.SYSTEMIC_ISSUE, "Shortage of residential places {m}"),
    (StageKind.REACTION, NoteTag.NOTE, "The team recognised the budget point {m}"),
    (StageKind.REFLECTION, NoteTag.NOTE, "Will revisit the sufficiency plan {m}"),
    (StageKind.REFLECTION, NoteTag.ACTION, "Brief the lead member on placements {m}"),
)
# Offers and asks whose topics pair up across authorities (see the pairing tests).
TOPICS = {
    0: (ExchangeKind.OFFER, "Practice weeks for senior leaders"),
    1: (ExchangeKind.ASK, "Senior leaders practice weeks"),
    2: (ExchangeKind.ASK, "Recruiting foster carers"),
    3: (ExchangeKind.OFFER, "Foster carer recruiting"),
}
SCALE_QUESTION = "budget-02"


@dataclass(frozen=True)
class FilledSession:
    session_id: int
    authority: str
    markers: tuple[str, ...]


def marker(authority: str, number: int) -> str:
    return f"MARKER-{authority.upper().replace(' ', '')}-{number}"


def quartet_day(workspace: Workspace, cycle: str = "Demo cycle 2026–2027", number: int = 2) -> int:
    return workspace.planner.create_day(
        NewDay(
            date=dt.date(2027, 3, 9),
            kind=DayKind.QUARTET,
            mode=DayMode.VIRTUAL,
            authorities=(
                AuthorityEntry("Upton", "UP", "Nadia Fairbairn", (TeamMember("Lena Corr", "AD"),)),
                AuthorityEntry("Lowmoor", "LM", "Owen Castellan"),
                AuthorityEntry("Isle of Wren", "IW", "Owen Castellan"),
                AuthorityEntry("Redbank", "RB", "Beth Marchetti"),
            ),
            meeting_link="https://meet.example.org/quartet-2",
            facilitator="Idris Penhallow",
            cycle_name=cycle,
            number=number,
        )
    )


def fill_day(
    workspace: Workspace, day_id: int, clock: FakeClock | None = None
) -> list[FilledSession]:
    """Notes, questions, scores, actions, asks and offers in every session, plenary answers,
    and (given a fake clock) the whole day run with some stages over and some under time."""
    plan = workspace.planner.day_plan(day_id)
    authority_ids = [p.authority_id for p in plan.participants]
    bank = workspace.bank.bank()
    question = bank.question(SCALE_QUESTION)
    people = workspace.introductions.people_of_day(day_id)
    filled = []
    for index, info in enumerate(presenting_sessions(workspace.db, day_id)):
        stages = {s.kind: s.id for s in plan.stages if s.session_id == info.session_id}
        visitor = next(p for p in people if p.authority_id != info.authority_id)
        markers = []
        for number, (kind, tag, text) in enumerate(SESSION_NOTES, start=1):
            mark = marker(info.authority_name, number)
            markers.append(mark)
            person = visitor.person_id if tag is NoteTag.STRENGTH else None
            workspace.notebook.add(stages[kind], text.format(m=mark), tag, person_id=person)
        number = len(SESSION_NOTES)
        workspace.questions.pin(info.session_id, "budget")
        workspace.questions.mark_asked(
            info.session_id, question, bank.theme("budget"), authority_id=visitor.authority_id
        )
        # The presenting authority's own rating, asked by the visitor.
        workspace.questions.record_scale(
            info.session_id, SCALE_QUESTION, 4 + index, asked_by=visitor.authority_id
        )
        mark = marker(info.authority_name, number + 1)
        markers.append(mark)
        workspace.notebook.add(
            stages[StageKind.QUESTIONING], f"What would your children say? {mark}", NoteTag.QUESTION
        )
        mark = marker(info.authority_name, number + 2)
        markers.append(mark)
        workspace.actions.add(info.session_id, f"Review the front door {mark}", "The DCS")
        kind, topic = TOPICS[index % len(TOPICS)]
        mark = marker(info.authority_name, number + 3)
        markers.append(mark)
        workspace.exchanges.add(
            info.session_id,
            kind,
            info.authority_id,
            topic,
            f"Detail {mark}",
            ExchangeScope.MULTILATERAL,
        )
        counterpart = authority_ids[(index + 1) % len(authority_ids)]
        mark = marker(info.authority_name, number + 4)
        markers.append(mark)
        workspace.exchanges.add(
            info.session_id,
            ExchangeKind.ASK if kind is ExchangeKind.OFFER else ExchangeKind.OFFER,
            info.authority_id,
            f"Quality assurance audits {mark}",
            "",
            ExchangeScope.BILATERAL,
            counterpart,
        )
        mark = marker(info.authority_name, number + 5)
        markers.append(mark)
        workspace.session_facts.set_topical_invitation(
            info.session_id, True, f"Edge of care {mark}"
        )
        filled.append(FilledSession(info.session_id, info.authority_name, tuple(markers)))
    for rank, text in enumerate(("Workforce stability", "Placement sufficiency", "SEND")):
        workspace.plenary.add(day_id, PlenaryQuestion.PRIORITIES, f"{text} (priority {rank + 1})")
    workspace.plenary.add(day_id, PlenaryQuestion.KEY_LEARNING, "Say less, ask more")
    workspace.plenary.add(day_id, PlenaryQuestion.PROBLEM_SOLVING, "Unregulated placements")
    workspace.plenary.add(day_id, PlenaryQuestion.NETWORKING, "Principal social workers")
    if clock is not None:
        run_whole_day(workspace, day_id, clock)
    return filled


def run_whole_day(workspace: Workspace, day_id: int, clock: FakeClock) -> None:
    """Runs every stage: the questioning five minutes over, the reaction two minutes short."""
    conductor = workspace.conductor
    conductor.start_day(day_id)
    for stage in workspace.planner.day_plan(day_id).stages:
        minutes = stage.planned_minutes
        minutes += 5 if stage.kind is StageKind.QUESTIONING else 0
        minutes -= 2 if stage.kind is StageKind.REACTION else 0
        clock.advance(minutes=minutes)
        conductor.advance(day_id)
