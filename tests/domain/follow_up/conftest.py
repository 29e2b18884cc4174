"""A triad with an action, an ask and offers, and a PCTR with a team: every name invented.

The clock stands at 10.00 UTC on 1 February 2027, two weeks after the demo day (Monday
18 January 2027); the PCTR of Northshire ran from 10 to 12 August 2026.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import ExchangeKind, FindingSection
from facilitator.demo import create_demo_day
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.pool.people import ChallengerDetails
from facilitator.reviews.kinds import ReviewDraft, ReviewKind
from facilitator.reviews.team_rules import Role
from facilitator.reviews.vague_dates import parse_vague_date
from facilitator.storage.models import ReviewFinding
from facilitator.workspace import Workspace

TODAY = dt.date(2027, 2, 1)
DAY = dt.date(2027, 1, 18)
LAST_REVIEW_DAY = dt.date(2026, 8, 12)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2027, 2, 1, 10, 0, tzinfo=dt.UTC))


@pytest.fixture
def workspace(clock: FakeClock) -> Iterator[Workspace]:
    ws = Workspace.in_memory(clock)
    yield ws
    ws.close()


@dataclass(frozen=True)
class Triad:
    day_id: int
    sessions: list[int]  # Ashvale's, Brackenmoor's, Corriford's
    authorities: list[int]


@pytest.fixture
def triad(workspace: Workspace) -> Triad:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    infos = presenting_sessions(workspace.db, day_id)
    return Triad(day_id, [i.session_id for i in infos], [i.authority_id for i in infos])


@pytest.fixture
def action_id(workspace: Workspace, triad: Triad) -> int:
    return workspace.actions.add(triad.sessions[0], "Test the sufficiency plan", "Priya").id


@pytest.fixture
def ask_id(workspace: Workspace, triad: Triad) -> int:
    ask = workspace.exchanges.add(
        triad.sessions[0],
        ExchangeKind.ASK,
        triad.authorities[0],
        "Fostering recruitment hub",
        "Recruiting foster carers jointly across the region",
    )
    return ask.id


@pytest.fixture
def offer_id(workspace: Workspace, triad: Triad) -> int:
    offer = workspace.exchanges.add(
        triad.sessions[1],
        ExchangeKind.OFFER,
        triad.authorities[1],
        "Our fostering recruitment hub",
        "How we recruit foster carers together",
    )
    return offer.id


@dataclass(frozen=True)
class Pctr:
    review_id: int
    people: list[int]  # pool ids: Alex Tester, Bo Sample, Cal Example


def add_review(workspace: Workspace, kind: ReviewKind, host: str, words: str) -> int:
    dates = parse_vague_date(words)
    fixed = kind is ReviewKind.PCTR and dates.earliest is not None
    days = (dt.date(2026, 8, 10), dt.date(2026, 8, 11), LAST_REVIEW_DAY) if fixed else ()
    draft = ReviewDraft(kind=kind, host=host, dates=dates, days=days)
    (review,) = workspace.reviews.add_all([draft])
    return review.id


@pytest.fixture
def pctr(workspace: Workspace) -> Pctr:
    review_id = add_review(workspace, ReviewKind.PCTR, "Northshire", "10-12 Aug 2026")
    people = [
        workspace.pool.add(ChallengerDetails(name, council)).id
        for name, council in (
            ("Alex Tester", "Southshire"),
            ("Bo Sample", "Eastshire"),
            ("Cal Example", "Westshire"),
        )
    ]
    for person_id in people[:2]:
        workspace.reviews.add_member(review_id, person_id, Role.PCR_MEMBER)
    return Pctr(review_id, people)


def add_finding(workspace: Workspace, review_id: int, section: FindingSection, text: str) -> int:
    with workspace.db.session_scope() as s:
        row = ReviewFinding(review_id=review_id, section=section, text=text)
        s.add(row)
        s.flush()
        assert row.id is not None
        return row.id
