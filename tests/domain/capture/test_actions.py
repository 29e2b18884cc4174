from __future__ import annotations

import pytest

from facilitator.capture.actions import ActionInputError
from facilitator.demo import create_demo_day
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.workspace import Workspace


@pytest.fixture
def sessions(workspace: Workspace) -> list[int]:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    return [i.session_id for i in presenting_sessions(workspace.db, day_id)]


def test_an_action_keeps_its_words_and_owner(workspace: Workspace, sessions: list[int]) -> None:
    touched: list[int] = []
    workspace.actions.changed.connect(touched.append)

    action = workspace.actions.add(
        sessions[0], "  Test the sufficiency plan with the lead member\r\n", " Priya "
    )

    assert (action.text, action.owner, action.position) == (
        "Test the sufficiency plan with the lead member",
        "Priya",
        0,
    )
    assert workspace.actions.for_session(sessions[0]) == [action]
    assert touched == [sessions[0]]


def test_an_empty_action_is_refused_in_plain_words(
    workspace: Workspace, sessions: list[int]
) -> None:
    with pytest.raises(ActionInputError, match="needs some words"):
        workspace.actions.add(sessions[0], " \t ")
    action = workspace.actions.add(sessions[0], "kept")
    with pytest.raises(ActionInputError, match="needs some words"):
        workspace.actions.edit(action.id, text="")
    assert [a.text for a in workspace.actions.for_session(sessions[0])] == ["kept"]


def test_editing_changes_only_what_is_given(workspace: Workspace, sessions: list[int]) -> None:
    action = workspace.actions.add(sessions[0], "Draft", "Marcus")

    worded = workspace.actions.edit(action.id, text="Final words")
    assert (worded.text, worded.owner) == ("Final words", "Marcus")

    unowned = workspace.actions.edit(action.id, owner="")
    assert (unowned.text, unowned.owner) == ("Final words", "")


def test_each_session_keeps_its_own_list(workspace: Workspace, sessions: list[int]) -> None:
    first = [workspace.actions.add(sessions[0], t) for t in ("one", "two")]
    second = [workspace.actions.add(sessions[1], t) for t in ("a", "b", "c")]

    workspace.actions.move(second[2].id, 0)
    workspace.actions.delete(second[1].id)
    workspace.actions.restore(workspace.actions.delete(first[0].id))

    assert [(a.text, a.position) for a in workspace.actions.for_session(sessions[1])] == [
        ("c", 0),
        ("a", 1),
    ]
    assert workspace.actions.for_session(sessions[0]) == first


def test_delete_then_restore_puts_an_action_back(workspace: Workspace, sessions: list[int]) -> None:
    items = [workspace.actions.add(sessions[1], t) for t in ("one", "two", "three")]

    removed = workspace.actions.delete(items[0].id)
    assert [(a.text, a.position) for a in workspace.actions.for_session(sessions[1])] == [
        ("two", 0),
        ("three", 1),
    ]

    assert workspace.actions.restore(removed) == items[0]
    assert workspace.actions.for_session(sessions[1]) == items


def test_moving_sets_the_order_and_clamps_the_place(
    workspace: Workspace, sessions: list[int]
) -> None:
    items = [workspace.actions.add(sessions[2], t) for t in "abcd"]

    workspace.actions.move(items[0].id, 2)
    assert [a.text for a in workspace.actions.for_session(sessions[2])] == list("bcad")
    workspace.actions.move(items[3].id, -5)
    assert [a.text for a in workspace.actions.for_session(sessions[2])] == list("dbca")
    assert [a.position for a in workspace.actions.for_session(sessions[2])] == [0, 1, 2, 3]


def test_the_days_actions_run_in_presenting_order(
    workspace: Workspace, sessions: list[int]
) -> None:
    workspace.actions.add(sessions[2], "third presenter")
    workspace.actions.add(sessions[0], "first presenter, first")
    workspace.actions.add(sessions[1], "second presenter")
    workspace.actions.add(sessions[0], "first presenter, second")

    day_id = workspace.planner.list_days()[0].id
    assert [a.text for a in workspace.actions.for_day(day_id)] == [
        "first presenter, first",
        "first presenter, second",
        "second presenter",
        "third presenter",
    ]
    assert workspace.actions.for_day(day_id + 1) == []
