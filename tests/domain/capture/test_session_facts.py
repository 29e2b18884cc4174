from __future__ import annotations

import datetime as dt

import pytest

from facilitator.capture.session_facts import VisitingMember
from facilitator.common.vocabulary import DayKind, DayMode, NoteTag, StageKind
from facilitator.demo import create_demo_day
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.planning.planner import AuthorityEntry, NewDay, TeamMember
from facilitator.workspace import Workspace


@pytest.fixture
def sessions(workspace: Workspace) -> list[int]:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    return [i.session_id for i in presenting_sessions(workspace.db, day_id)]


def stage_id(workspace: Workspace, session_id: int, kind: StageKind) -> int:
    day_id = workspace.planner.list_days()[0].id
    plan = workspace.planner.day_plan(day_id)
    return next(s.id for s in plan.stages if s.session_id == session_id and s.kind is kind)


def test_a_session_starts_with_the_invitation_unanswered(
    workspace: Workspace, sessions: list[int]
) -> None:
    record = workspace.session_facts.get(sessions[1])

    assert (record.authority_name, record.position) == ("Brackenmoor", 1)
    assert record.topical_invitation is None
    assert record.topical_topic == ""


def test_the_topical_invitation_is_kept_and_announced(
    workspace: Workspace, sessions: list[int]
) -> None:
    touched: list[int] = []
    workspace.session_facts.changed.connect(touched.append)

    record = workspace.session_facts.set_topical_invitation(
        sessions[0], True, "  Placement sufficiency "
    )
    assert (record.topical_invitation, record.topical_topic) == (True, "Placement sufficiency")
    assert workspace.session_facts.get(sessions[0]) == record

    declined = workspace.session_facts.set_topical_invitation(sessions[0], False)
    assert (declined.topical_invitation, declined.topical_topic) == (False, "")
    assert touched == [sessions[0], sessions[0]]
    with pytest.raises(LookupError):
        workspace.session_facts.get(404)


def visiting(workspace: Workspace, session_id: int) -> list[VisitingMember]:
    """Who is to name a strength in the session's affirmation, as the panel lists them."""
    return [status.member for status in workspace.session_facts.affirmation_status(session_id)]


def test_visiting_members_are_everyone_but_the_presenting_team(
    workspace: Workspace, sessions: list[int]
) -> None:
    members = visiting(workspace, sessions[1])  # Brackenmoor presents

    assert [(m.name, m.authority_name) for m in members] == [
        ("Priya Ellwood", "Ashvale"),
        ("Marcus Thorne", "Ashvale"),
        ("Jo Whitlock", "Ashvale"),
        ("Grace Adeyemi-Lowe", "Corriford"),
        ("Hannah Oduya", "Corriford"),
        ("Callum Brierley", "Corriford"),
    ]


def test_a_dcs_shared_with_the_presenter_sits_back_with_its_team(workspace: Workspace) -> None:
    day_id = workspace.planner.create_day(
        NewDay(
            date=dt.date(2027, 3, 1),
            kind=DayKind.QUARTET,
            mode=DayMode.VIRTUAL,
            authorities=(
                AuthorityEntry("Hampshire", dcs_name="Stuart Ash", team=(TeamMember("Hal"),)),
                AuthorityEntry("Isle of Wight", dcs_name="Stuart Ash", team=(TeamMember("Iva"),)),
                AuthorityEntry("Portsmouth", dcs_name="Pat Sole"),
                AuthorityEntry("Southampton", dcs_name="Sue Tan"),
            ),
        )
    )
    wight = presenting_sessions(workspace.db, day_id)[1].session_id
    portsmouth = presenting_sessions(workspace.db, day_id)[2].session_id

    assert [m.name for m in visiting(workspace, wight)] == [
        "Hal",
        "Pat Sole",
        "Sue Tan",
    ]
    assert [m.name for m in visiting(workspace, portsmouth)] == [
        "Stuart Ash",
        "Hal",
        "Iva",
        "Sue Tan",
    ]


def test_affirmation_status_counts_only_attributed_strengths_in_the_affirmation(
    workspace: Workspace, sessions: list[int]
) -> None:
    session = sessions[0]  # Ashvale; the demo's strengths there name no person
    members = {m.name: m for m in visiting(workspace, session)}
    affirmation = stage_id(workspace, session, StageKind.AFFIRMATION)
    insights = stage_id(workspace, session, StageKind.INSIGHTS)
    strength = workspace.notebook.add(
        affirmation,
        "Honest self-assessment",
        NoteTag.STRENGTH,
        person_id=members["Tom Hallworth"].person_id,
    )
    workspace.notebook.add(
        affirmation, "Said in passing", NoteTag.NOTE, person_id=members["Aisha Karim"].person_id
    )
    workspace.notebook.add(
        insights, "Wrong stage", NoteTag.STRENGTH, person_id=members["Rhys Penhale"].person_id
    )

    status = workspace.session_facts.affirmation_status(session)

    assert [(a.member.name, a.named) for a in status] == [
        ("Tom Hallworth", True),
        ("Aisha Karim", False),
        ("Rhys Penhale", False),
        ("Grace Adeyemi-Lowe", False),
        ("Hannah Oduya", False),
        ("Callum Brierley", False),
    ]
    assert strength is not None
    assert status[0].strength_note_ids == (strength.id,)
