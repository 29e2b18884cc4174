"""Actions, asks and offers, and plenary answers edited on the version their user saw: on a
shared database, an edit made on words someone else has changed since is refused and theirs
are kept; an edit that names no version (the command line) is made on whatever is stored."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from facilitator.common.vocabulary import ExchangeKind, ExchangeScope, PlenaryQuestion
from facilitator.demo import create_demo_day
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.storage.errors import ChangedElsewhereError
from facilitator.workspace import Workspace


@dataclass(frozen=True)
class Day:
    workspace: Workspace
    day_id: int
    session_id: int  # the first presenter's
    authorities: list[int]  # in presenting order


@pytest.fixture
def day(workspace: Workspace) -> Day:
    """The demo day, on each back end (the folder's `workspace`)."""
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    infos = presenting_sessions(workspace.db, day_id)
    return Day(workspace, day_id, infos[0].session_id, [i.authority_id for i in infos])


def test_an_action_edited_on_the_version_seen_is_saved_and_an_older_one_refused(
    day: Day,
) -> None:
    actions = day.workspace.actions
    seen = actions.add(day.session_id, "Share the audit tool", "Priya")
    assert seen.row_version == 1

    saved = actions.edit(seen.id, text="Share the audit tool by March", seen_version=1)
    assert (saved.text, saved.row_version) == ("Share the audit tool by March", 2)
    owner = actions.edit(seen.id, owner="Sam", seen_version=saved.row_version)
    assert owner.row_version == 3

    with pytest.raises(ChangedElsewhereError):
        actions.edit(seen.id, text="My older words", seen_version=seen.row_version)
    [stored] = actions.for_session(day.session_id)
    assert (stored.text, stored.owner, stored.row_version) == (
        "Share the audit tool by March",
        "Sam",
        3,
    )
    # The command line names no version: its edit is made on whatever is stored.
    assert actions.edit(seen.id, text="Share it").row_version == 4
    # The version is not part of what the action is.
    assert actions.edit(seen.id, text=seen.text, owner=seen.owner) == seen


def test_an_ask_edited_on_the_version_seen_is_saved_and_an_older_one_refused(
    day: Day,
) -> None:
    exchanges = day.workspace.exchanges
    ashvale, brackenmoor, _ = day.authorities
    seen = exchanges.add(day.session_id, ExchangeKind.ASK, ashvale, "Fostering hub")
    assert seen.row_version == 1

    saved = exchanges.edit(
        seen.id, topic="Fostering recruitment hub", seen_version=seen.row_version
    )
    assert (saved.topic, saved.row_version) == ("Fostering recruitment hub", 2)
    scoped = exchanges.edit(
        seen.id,
        scope=ExchangeScope.BILATERAL,
        counterpart_id=brackenmoor,
        seen_version=saved.row_version,
    )
    assert (scoped.counterpart_id, scoped.row_version) == (brackenmoor, 3)

    with pytest.raises(ChangedElsewhereError):
        exchanges.edit(seen.id, topic="My older words", seen_version=saved.row_version)
    with pytest.raises(ChangedElsewhereError):
        exchanges.edit(
            seen.id,
            scope=ExchangeScope.MULTILATERAL,
            counterpart_id=None,
            seen_version=seen.row_version,
        )
    [stored] = exchanges.for_session(day.session_id)
    assert (stored.topic, stored.scope, stored.counterpart_id, stored.row_version) == (
        "Fostering recruitment hub",
        ExchangeScope.BILATERAL,
        brackenmoor,
        3,
    )
    assert exchanges.edit(seen.id, detail="Low cost").row_version == 4


def test_a_plenary_answer_edited_on_the_version_seen_is_saved_and_an_older_one_refused(
    day: Day,
) -> None:
    plenary = day.workspace.plenary
    seen = plenary.add(day.day_id, PlenaryQuestion.PRIORITIES, "Edge of care")
    assert seen.row_version == 1

    saved = plenary.edit(seen.id, text="Edge of care services", seen_version=1)
    assert (saved.text, saved.row_version) == ("Edge of care services", 2)
    credited = plenary.edit(seen.id, authority_id=day.authorities[1], seen_version=2)
    assert credited.row_version == 3

    with pytest.raises(ChangedElsewhereError):
        plenary.edit(seen.id, text="My older words", seen_version=saved.row_version)
    with pytest.raises(ChangedElsewhereError):  # nor moved to another question
        plenary.edit(seen.id, question=PlenaryQuestion.NETWORKING, seen_version=1)
    [stored] = plenary.for_day(day.day_id)
    assert (stored.text, stored.question, stored.authority_id, stored.row_version) == (
        "Edge of care services",
        PlenaryQuestion.PRIORITIES,
        day.authorities[1],
        3,
    )
    moved = plenary.edit(seen.id, question=PlenaryQuestion.KEY_LEARNING, seen_version=3)
    assert moved.question is PlenaryQuestion.KEY_LEARNING
    assert plenary.for_day(day.day_id) == [moved]  # the view has the version stored
    assert plenary.for_day(day.day_id)[0].row_version == moved.row_version
    assert plenary.edit(seen.id, text="Take back the audit").row_version == moved.row_version + 1
