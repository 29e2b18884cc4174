from __future__ import annotations

import pytest

from facilitator.common.clock import FakeClock
from facilitator.demo import create_demo_day
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.workspace import Workspace


@pytest.fixture
def session_ids(workspace: Workspace) -> list[int]:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    return [s.session_id for s in presenting_sessions(workspace.db, day_id)]


def test_sessions_of_a_day_come_in_presenting_order(
    workspace: Workspace, session_ids: list[int]
) -> None:
    day_id = workspace.planner.list_days()[0].id
    infos = presenting_sessions(workspace.db, day_id)
    assert [i.label for i in infos] == ["1. Ashvale", "2. Brackenmoor", "3. Corriford"]
    assert infos[0].short_name == "AV"


def test_focus_risks_are_pinned_once_in_order_and_unpinned(
    workspace: Workspace, session_ids: list[int]
) -> None:
    log = workspace.questions
    first = session_ids[0]
    log.pin(first, "budget")
    log.pin(first, "workforce", "workforce-02")
    log.pin(first, "budget")  # twice is harmless

    assert [(f.theme_id, f.question_id) for f in log.focus(first)] == [
        ("budget", None),
        ("workforce", "workforce-02"),
    ]
    assert log.focus(session_ids[1]) == []

    log.unpin(first, "budget")
    assert [f.theme_id for f in log.focus(first)] == ["workforce"]


def test_marking_asked_records_who_when_and_the_words(
    workspace: Workspace, session_ids: list[int], clock: FakeClock
) -> None:
    bank = workspace.bank.bank()
    question = bank.question("budget-02")
    theme = bank.theme("budget")
    brackenmoor = presenting_sessions(workspace.db, 1)[1].authority_id

    clock.advance(minutes=20)
    asked = workspace.questions.mark_asked(
        session_ids[0], question, theme, authority_id=brackenmoor
    )

    assert asked.text == question.text
    assert asked.theme_title == "Budget"
    assert asked.authority_id == brackenmoor
    assert asked.asked_at == clock.wall_now()
    assert workspace.questions.asked(session_ids[0]) == [asked]
    assert workspace.questions.asked(session_ids[1]) == []


def test_untouched_themes_shrink_as_questions_are_asked(
    workspace: Workspace, session_ids: list[int]
) -> None:
    bank = workspace.bank.bank()
    before = workspace.questions.untouched_themes(session_ids[0], bank)
    assert len(before) == 13
    workspace.questions.mark_asked(session_ids[0], bank.question("strengths-01"))
    after = [t.id for t in workspace.questions.untouched_themes(session_ids[0], bank)]
    assert "strengths" not in after
    assert len(after) == 12


def test_unmark_and_restore_round_trip(workspace: Workspace, session_ids: list[int]) -> None:
    bank = workspace.bank.bank()
    asked = workspace.questions.mark_asked(session_ids[0], bank.question("strengths-01"))
    removed = workspace.questions.unmark(asked.id)
    assert workspace.questions.asked(session_ids[0]) == []
    workspace.questions.restore(removed)
    assert workspace.questions.asked(session_ids[0]) == [asked]


def test_scale_answers_are_one_per_authority_and_can_be_changed_or_cleared(
    workspace: Workspace, session_ids: list[int]
) -> None:
    infos = presenting_sessions(workspace.db, 1)
    log = workspace.questions
    log.record_scale(session_ids[0], "budget-02", infos[0].authority_id, 4)
    log.record_scale(session_ids[0], "budget-02", infos[0].authority_id, 6)
    log.record_scale(session_ids[0], "budget-02", infos[1].authority_id, 8)
    answers = log.scale_answers(session_ids[0])
    assert [(a.authority_id, a.value) for a in answers] == [
        (infos[0].authority_id, 6),
        (infos[1].authority_id, 8),
    ]
    log.record_scale(session_ids[0], "budget-02", infos[1].authority_id, None)
    assert len(log.scale_answers(session_ids[0])) == 1
    with pytest.raises(ValueError, match="0 to 10"):
        log.record_scale(session_ids[0], "budget-02", infos[0].authority_id, 11)


def test_an_unknown_session_is_reported(workspace: Workspace) -> None:
    with pytest.raises(LookupError, match="no session"):
        workspace.questions.pin(999, "budget")
