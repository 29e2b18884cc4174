"""Whose words a typed bullet is, under which tag, and where it goes: pure rules, no Qt."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.capture.attribution import (
    Attribution,
    Chosen,
    Roles,
    Speaker,
    WhoChoice,
    attribute,
    capture_line,
    capture_stage,
    finished_session,
    goes_to,
    speaker_for,
    viewed_stage,
    who_choices,
)
from facilitator.capture.introductions import PersonOfDay
from facilitator.common.vocabulary import DayStatus, NoteTag, StageKind
from facilitator.live.run_state import RunState, StageRun, StageStatus

ASHVALE, BRACKENMOOR, CORRIFORD = 1, 2, 3
ROLES = {kind: Roles(kind, ASHVALE, BRACKENMOOR) for kind in StageKind}


@pytest.mark.parametrize(
    ("kind", "tag", "speaker"),
    [
        (StageKind.PRESENTATION, NoteTag.NOTE, Speaker.PRESENTING),
        (StageKind.PRESENTATION, NoteTag.RISK, Speaker.PRESENTING),
        (StageKind.QUESTIONING, NoteTag.NOTE, Speaker.PRESENTING),
        (StageKind.QUESTIONING, NoteTag.STRENGTH, Speaker.PRESENTING),
        (StageKind.QUESTIONING, NoteTag.QUESTION, Speaker.QUESTIONER),
        (StageKind.AFFIRMATION, NoteTag.STRENGTH, Speaker.VISITING_MEMBER),
        (StageKind.INSIGHTS, NoteTag.INSIGHT, Speaker.VISITING_GROUP),
        (StageKind.REACTION, NoteTag.NOTE, Speaker.PRESENTING),
        (StageKind.REFLECTION, NoteTag.ACTION, Speaker.PRESENTING),
        (StageKind.REFLECTION, NoteTag.QUESTION, Speaker.NOBODY),
        (StageKind.INTRODUCTIONS, NoteTag.NOTE, Speaker.NOBODY),
        (StageKind.PLENARY, NoteTag.NOTE, Speaker.NOBODY),
    ],
)
def test_who_speaks_follows_the_stage_s_roles(
    kind: StageKind, tag: NoteTag, speaker: Speaker
) -> None:
    expected = {Speaker.PRESENTING: ASHVALE, Speaker.QUESTIONER: BRACKENMOOR}.get(speaker)
    assert speaker_for(kind, tag, ROLES[kind]) == (speaker, expected)


@pytest.mark.parametrize(
    ("kind", "tag", "authority_id"),
    [
        (StageKind.PRESENTATION, NoteTag.NOTE, ASHVALE),  # never a focus risk by default
        (StageKind.QUESTIONING, NoteTag.NOTE, ASHVALE),  # an answer, not a question
        (StageKind.REACTION, NoteTag.NOTE, ASHVALE),
        (StageKind.REFLECTION, NoteTag.NOTE, ASHVALE),  # never an action by default
        (StageKind.AFFIRMATION, NoteTag.STRENGTH, None),  # the facilitator says which member
        (StageKind.INSIGHTS, NoteTag.INSIGHT, None),  # the group's, no single authority
        (StageKind.LUNCH, NoteTag.NOTE, None),
    ],
)
def test_a_plain_line_takes_only_a_heading_the_room_gives(
    kind: StageKind, tag: NoteTag, authority_id: int | None
) -> None:
    shown = attribute("Two interim heads of service", ROLES[kind])
    assert (shown.tag, shown.authority_id, shown.text) == (
        tag,
        authority_id,
        "Two interim heads of service",
    )


def test_a_question_is_the_questioner_s_and_everything_else_the_presenter_s() -> None:
    roles = ROLES[StageKind.QUESTIONING]
    asked = attribute("q: How do you know?", roles)
    assert (asked.tag, asked.authority_id, asked.text) == (
        NoteTag.QUESTION,
        BRACKENMOOR,
        "How do you know?",
    )
    after_f7 = Roles(StageKind.QUESTIONING, ASHVALE, CORRIFORD)
    assert attribute("q: Next one?", after_f7) == Attribution(
        NoteTag.QUESTION, CORRIFORD, Speaker.QUESTIONER, "Next one?"
    )
    picked = attribute("How do you know?", roles, picked_tag=NoteTag.QUESTION)
    assert (picked.tag, picked.authority_id) == (NoteTag.QUESTION, BRACKENMOOR)
    strength = attribute("s: a candid self-assessment", roles)
    assert (strength.tag, strength.authority_id) == (NoteTag.STRENGTH, ASHVALE)


def test_a_prefix_wins_over_the_tag_picked_and_a_person_picked_wins_over_the_roles() -> None:
    roles = ROLES[StageKind.QUESTIONING]
    assert attribute("r: turnover", roles, picked_tag=NoteTag.ACTION).tag is NoteTag.RISK
    chosen = attribute("q: How?", roles, chosen=Chosen(CORRIFORD))
    assert (chosen.authority_id, chosen.speaker) == (CORRIFORD, Speaker.CHOSEN)
    nobody = attribute("An answer", roles, chosen=Chosen(None))
    assert (nobody.authority_id, nobody.speaker) == (None, Speaker.CHOSEN)


def test_a_visiting_member_chosen_is_stored_with_their_authority() -> None:
    roles = ROLES[StageKind.AFFIRMATION]
    default = attribute("Leaders who know their front line", roles)
    assert (default.authority_id, default.person_id) == (None, None)
    assert default.speaker is Speaker.VISITING_MEMBER
    named = attribute("Leaders who know their front line", roles, chosen=Chosen(BRACKENMOOR, 6))
    assert named == Attribution(
        NoteTag.STRENGTH, BRACKENMOOR, Speaker.CHOSEN, "Leaders who know their front line", 6
    )
    team = attribute("A candid team", roles, chosen=Chosen(CORRIFORD))
    assert (team.authority_id, team.person_id) == (CORRIFORD, None)


PEOPLE = [
    PersonOfDay(1, "Priya Ellwood", "DCS", ASHVALE, "Ashvale", True),
    PersonOfDay(2, "Tom Hallworth", "DCS", BRACKENMOOR, "Brackenmoor", True),
    PersonOfDay(3, "Grace Adeyemi-Lowe", "DCS", CORRIFORD, "Corriford", True),
    PersonOfDay(9, "Sam Guest", "Observer", None, "", False),
]
TEAMS = {ASHVALE: "Ashvale", BRACKENMOOR: "Brackenmoor", CORRIFORD: "Corriford"}


def test_the_who_box_offers_authorities_then_people_and_in_affirmation_visitors_first() -> None:
    questioning = who_choices(TEAMS, PEOPLE, ROLES[StageKind.QUESTIONING])
    assert [c.label for c in questioning] == [
        "",
        "Ashvale",
        "Brackenmoor",
        "Corriford",
        "Priya Ellwood (Ashvale)",
        "Tom Hallworth (Brackenmoor)",
        "Grace Adeyemi-Lowe (Corriford)",
        "Sam Guest",
    ]
    affirmation = who_choices(TEAMS, PEOPLE, ROLES[StageKind.AFFIRMATION])
    assert affirmation[:3] == [
        WhoChoice(""),
        WhoChoice("Tom Hallworth (Brackenmoor)", BRACKENMOOR, 2),
        WhoChoice("Grace Adeyemi-Lowe (Corriford)", CORRIFORD, 3),
    ]
    assert all(c.person_id != 1 for c in affirmation)  # Ashvale presents: not a visitor
    assert [c.label for c in affirmation[3:]] == [
        "Ashvale",
        "Brackenmoor",
        "Corriford",
        "Sam Guest",
    ]


def test_the_who_box_names_the_group_and_asks_for_the_member() -> None:
    assert "group" in Speaker.VISITING_GROUP.label
    assert "Choose" in Speaker.VISITING_MEMBER.label
    assert Speaker.NOBODY.label == Speaker.CHOSEN.label == "Nobody in particular"


# where a bullet goes -------------------------------------------------------------------

T0 = dt.datetime(2026, 3, 4, 9, 30, tzinfo=dt.UTC)


def _stage(
    stage_id: int, kind: StageKind, status: StageStatus, session_id: int | None = 7
) -> StageRun:
    done = status is StageStatus.DONE
    return StageRun(
        id=stage_id,
        kind=kind,
        title=kind.label,
        presenter="Ashvale" if session_id else "",
        presenter_id=ASHVALE if session_id else None,
        session_id=session_id,
        planned_minutes=15,
        min_minutes=5,
        planned_start=dt.time(9, 30),
        started_at=T0 if done or status is StageStatus.NOW else None,
        ended_at=T0 if done else None,
        status=status,
    )


def _state(*stages: StageRun, status: DayStatus = DayStatus.RUNNING) -> RunState:
    now = next((i for i, s in enumerate(stages) if s.status is StageStatus.NOW), None)
    return RunState(1, status, stages, now, None, T0, T0, T0)


RUNNING = _state(
    _stage(1, StageKind.INTRODUCTIONS, StageStatus.DONE, None),
    _stage(2, StageKind.PRESENTATION, StageStatus.DONE),
    _stage(3, StageKind.QUESTIONING, StageStatus.NOW),
    _stage(4, StageKind.AFFIRMATION, StageStatus.NEXT),
)


def test_a_bullet_goes_to_the_running_stage_whichever_is_on_screen() -> None:
    target = capture_stage(RUNNING, viewed_stage_id=2)
    assert target is not None
    assert target.id == 3
    assert goes_to(RUNNING, target, RUNNING.stages[1]) == "Goes to: Questioning · Ashvale (running)"
    assert goes_to(RUNNING, target, target) == ""  # on screen: nothing to say


def test_a_bullet_begun_stays_where_it_began() -> None:
    target = capture_stage(RUNNING, viewed_stage_id=None, draft_stage_id=2)
    assert target is not None
    assert target.id == 2
    assert goes_to(RUNNING, target, RUNNING.stages[2]) == "Goes to: Presentation · Ashvale"


def test_with_nothing_running_a_bullet_goes_to_the_stage_on_screen() -> None:
    before = _state(
        _stage(1, StageKind.INTRODUCTIONS, StageStatus.NEXT, None),
        _stage(2, StageKind.PRESENTATION, StageStatus.LATER),
        status=DayStatus.PLANNED,
    )
    assert capture_stage(before, None) == before.stages[0]
    assert capture_stage(before, 2) == before.stages[1]
    assert finished_session(before, before.stages[1]) == ""


def test_once_the_day_has_ended_the_last_stage_run_is_on_screen() -> None:
    ended = _state(
        _stage(1, StageKind.INTRODUCTIONS, StageStatus.DONE, None),
        _stage(2, StageKind.PLENARY, StageStatus.DONE, None),
        _stage(3, StageKind.REACTION, StageStatus.LATER),  # never run: the day ended early
        status=DayStatus.FINISHED,
    )
    assert viewed_stage(ended, None) == ended.stages[1]
    assert viewed_stage(ended, 1) == ended.stages[0]  # what the facilitator picks wins


def test_a_finished_session_is_named_for_confirmation() -> None:
    ended = _state(
        _stage(1, StageKind.INTRODUCTIONS, StageStatus.DONE, None),
        _stage(2, StageKind.PRESENTATION, StageStatus.DONE),
        _stage(3, StageKind.QUESTIONING, StageStatus.DONE),
        _stage(4, StageKind.AFFIRMATION, StageStatus.LATER),  # ended before it ran
        status=DayStatus.FINISHED,
    )
    assert finished_session(ended, ended.stages[1]) == "session 7"
    assert finished_session(ended, ended.stages[2]) == "session 7"  # the same, asked once
    assert finished_session(ended, ended.stages[0]) == "stage 1"
    assert finished_session(RUNNING, RUNNING.stages[1]) == ""  # its session runs on


def test_the_capture_line_knows_whose_turn_it_is_in_the_running_questioning() -> None:
    asked: list[int] = []

    def questioner(session_id: int) -> int:
        asked.append(session_id)
        return CORRIFORD

    line = capture_line(RUNNING, 2, None, questioner)
    assert line.stage_id == 3
    assert line.roles == Roles(StageKind.QUESTIONING, ASHVALE, CORRIFORD)
    assert line.goes_to.startswith("Goes to: Questioning")
    assert asked == [7]
    assert capture_line(RUNNING, 2, 2, questioner).roles.questioner is None
