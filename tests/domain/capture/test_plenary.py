from __future__ import annotations

import pytest

from facilitator.capture.plenary import PlenaryInputError
from facilitator.common.vocabulary import PlenaryQuestion
from facilitator.demo import create_demo_day
from facilitator.workspace import Workspace

PRIORITIES = PlenaryQuestion.PRIORITIES
LEARNING = PlenaryQuestion.KEY_LEARNING
NETWORKING = PlenaryQuestion.NETWORKING


@pytest.fixture
def day_id(workspace: Workspace) -> int:
    return create_demo_day(workspace.planner, workspace.notebook)


def test_an_answer_keeps_its_question_words_and_speaker(workspace: Workspace, day_id: int) -> None:
    plan = workspace.planner.day_plan(day_id)
    authority = plan.participants[1].authority_id
    person_id = workspace.introductions.people_of_day(day_id)[3].person_id
    touched: list[int] = []
    workspace.plenary.changed.connect(touched.append)

    item = workspace.plenary.add(
        day_id, LEARNING, " Practice weeks ", person_id=person_id, authority_id=authority
    )

    assert (item.question, item.text, item.person_id, item.authority_id) == (
        LEARNING,
        "Practice weeks",
        person_id,
        authority,
    )
    assert item.rank is None
    assert workspace.plenary.for_day(day_id, LEARNING) == [item]
    assert touched == [day_id]


def test_each_question_keeps_its_own_list(workspace: Workspace, day_id: int) -> None:
    workspace.plenary.add(day_id, NETWORKING, "Principal social workers")
    workspace.plenary.add(day_id, LEARNING, "Learning one")
    workspace.plenary.add(day_id, PRIORITIES, "Sufficiency")
    workspace.plenary.add(day_id, LEARNING, "Learning two")

    assert [i.text for i in workspace.plenary.for_day(day_id, LEARNING)] == [
        "Learning one",
        "Learning two",
    ]
    assert [i.position for i in workspace.plenary.for_day(day_id, LEARNING)] == [0, 1]
    assert workspace.plenary.for_day(day_id, PlenaryQuestion.PROBLEM_SOLVING) == []
    every = [(i.question, i.text) for i in workspace.plenary.for_day(day_id)]
    assert every == [
        (LEARNING, "Learning one"),
        (LEARNING, "Learning two"),
        (PRIORITIES, "Sufficiency"),
        (NETWORKING, "Principal social workers"),
    ]


def test_moving_or_deleting_an_answer_leaves_the_other_questions_lists_alone(
    workspace: Workspace, day_id: int
) -> None:
    learning = [workspace.plenary.add(day_id, LEARNING, t) for t in ("one", "two")]
    priorities = [workspace.plenary.add(day_id, PRIORITIES, t) for t in ("a", "b", "c")]

    workspace.plenary.move(priorities[2].id, 0)
    workspace.plenary.delete(priorities[1].id)

    assert [(i.rank, i.text) for i in workspace.plenary.priorities(day_id)] == [(1, "c"), (2, "a")]
    assert workspace.plenary.for_day(day_id, LEARNING) == learning


def test_the_room_reranks_the_priorities(workspace: Workspace, day_id: int) -> None:
    items = [
        workspace.plenary.add(day_id, PRIORITIES, t)
        for t in ("Sufficiency", "Workforce", "SEND", "Early help")
    ]
    assert [i.rank for i in workspace.plenary.priorities(day_id)] == [1, 2, 3, 4]

    workspace.plenary.move(items[2].id, 0)  # SEND to the top
    workspace.plenary.move(items[0].id, 99)  # sufficiency to the bottom

    ranked = [(i.rank, i.text) for i in workspace.plenary.priorities(day_id)]
    assert ranked == [(1, "SEND"), (2, "Workforce"), (3, "Early help"), (4, "Sufficiency")]


def test_deleting_a_priority_closes_the_gap_and_restoring_reopens_it(
    workspace: Workspace, day_id: int
) -> None:
    items = [workspace.plenary.add(day_id, PRIORITIES, t) for t in "abc"]

    removed = workspace.plenary.delete(items[1].id)
    assert [(i.rank, i.text) for i in workspace.plenary.priorities(day_id)] == [
        (1, "a"),
        (2, "c"),
    ]

    assert workspace.plenary.restore(removed) == items[1]
    assert workspace.plenary.priorities(day_id) == items


def test_editing_can_clear_the_speaker_and_move_to_another_question(
    workspace: Workspace, day_id: int
) -> None:
    authority = workspace.planner.day_plan(day_id).participants[0].authority_id
    learning = [workspace.plenary.add(day_id, LEARNING, t) for t in ("l1", "l2", "l3")]
    workspace.plenary.add(day_id, PRIORITIES, "p1")
    workspace.plenary.edit(learning[0].id, authority_id=authority)

    moved = workspace.plenary.edit(learning[0].id, question=PRIORITIES, text="Now a priority")
    assert (moved.question, moved.text, moved.rank, moved.authority_id) == (
        PRIORITIES,
        "Now a priority",
        2,
        authority,
    )
    assert [(i.position, i.text) for i in workspace.plenary.for_day(day_id, LEARNING)] == [
        (0, "l2"),
        (1, "l3"),
    ]

    cleared = workspace.plenary.edit(learning[0].id, authority_id=None)
    assert cleared.authority_id is None
    assert cleared.text == "Now a priority"


def test_answers_need_words_and_known_speakers(workspace: Workspace, day_id: int) -> None:
    with pytest.raises(PlenaryInputError, match="needs some words"):
        workspace.plenary.add(day_id, LEARNING, "  ")
    with pytest.raises(PlenaryInputError, match="Choose a person"):
        workspace.plenary.add(day_id, LEARNING, "x", person_id=9999)
    item = workspace.plenary.add(day_id, LEARNING, "kept")
    with pytest.raises(PlenaryInputError, match="Choose an authority"):
        workspace.plenary.edit(item.id, authority_id=9999)
    with pytest.raises(LookupError, match="no day"):
        workspace.plenary.add(day_id + 1, LEARNING, "x")
    assert workspace.plenary.for_day(day_id) == [item]
