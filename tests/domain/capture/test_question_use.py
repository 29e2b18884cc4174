from __future__ import annotations

import pytest

from facilitator.common.clock import FakeClock
from facilitator.demo import create_demo_day
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.workspace import Workspace
from question_bank import for_cycle


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

    assert asked.text == for_cycle(question.text, "Demo cycle 2026–2027")  # as asked that day
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


def test_a_scale_answer_is_the_presenting_authoritys_own_rating_whoever_asked(
    workspace: Workspace, session_ids: list[int]
) -> None:
    ashvale, brackenmoor, _corriford = presenting_sessions(workspace.db, 1)
    log = workspace.questions
    session = brackenmoor.session_id

    log.record_scale(session, "budget-02", 6, asked_by=ashvale.authority_id)

    (answer,) = log.scale_answers(session)
    assert answer.authority_id == brackenmoor.authority_id  # its own rating
    assert answer.asked_by_authority_id == ashvale.authority_id  # kept apart
    assert log.rating(session, "budget-02") == answer
    assert log.rating(session, "budget-01") is None


def test_a_rating_is_one_per_question_changed_by_a_later_asker_or_cleared(
    workspace: Workspace, session_ids: list[int]
) -> None:
    ashvale, brackenmoor, corriford = presenting_sessions(workspace.db, 1)
    log = workspace.questions
    session = ashvale.session_id
    log.record_scale(session, "budget-02", 4, asked_by=brackenmoor.authority_id)
    log.record_scale(session, "budget-02", 6, asked_by=corriford.authority_id)
    log.record_scale(session, "learning-culture-02", 3)

    assert [
        (a.question_id, a.authority_id, a.value, a.asked_by_authority_id)
        for a in log.scale_answers(session)
    ] == [
        ("budget-02", ashvale.authority_id, 6, corriford.authority_id),
        ("learning-culture-02", ashvale.authority_id, 3, None),
    ]
    assert log.scale_answers(brackenmoor.session_id) == []

    log.record_scale(session, "budget-02", None)
    assert [a.question_id for a in log.scale_answers(session)] == ["learning-culture-02"]
    with pytest.raises(ValueError, match="0 to 10"):
        log.record_scale(session, "budget-02", 11)


def test_an_unknown_session_is_reported(workspace: Workspace) -> None:
    with pytest.raises(LookupError, match="no session"):
        workspace.questions.pin(999, "budget")
