"""A seeded demo triad (Ashvale, Brackenmoor, Corriford) for the charts' data functions."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.common.vocabulary import DayKind, DayMode
from facilitator.demo import DEMO_AUTHORITIES, DEMO_CYCLE, create_demo_day
from facilitator.planning.planner import AuthorityEntry, NewDay
from facilitator.workspace import Workspace
from question_bank import Bank


@pytest.fixture
def day_id(workspace: Workspace) -> int:
    return create_demo_day(workspace.planner, workspace.notebook)


@pytest.fixture
def bank(workspace: Workspace) -> Bank:
    return workspace.bank.bank()


def ask(workspace: Workspace, bank: Bank, session_id: int, question_id: str, by: int) -> None:
    """Marks a bank question as asked in the session by authority `by`."""
    question = bank.question(question_id)
    workspace.questions.mark_asked(
        session_id, question, bank.theme(question.theme_id), authority_id=by
    )


def second_day(workspace: Workspace) -> int:
    """Day 2 of the demo cycle: Ashvale presents again, with two authorities new to it."""
    return workspace.planner.create_day(
        NewDay(
            date=dt.date(2027, 2, 8),
            kind=DayKind.TRIAD,
            mode=DayMode.VIRTUAL,
            authorities=(
                DEMO_AUTHORITIES[0],
                AuthorityEntry("Dunmere", "DM", "Ruth Calloway"),
                AuthorityEntry("Eskdale", "ED", "Owen Marsh"),
            ),
            cycle_name=DEMO_CYCLE,
            number=2,
        )
    )
