from __future__ import annotations

from dataclasses import dataclass

import pytest

from facilitator.capture.exchanges import ExchangeInputError
from facilitator.common.vocabulary import ExchangeKind, ExchangeScope
from facilitator.demo import create_demo_day
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.workspace import Workspace

ASK, OFFER = ExchangeKind.ASK, ExchangeKind.OFFER


@dataclass(frozen=True)
class Triad:
    day_id: int
    sessions: list[int]  # Ashvale's, Brackenmoor's, Corriford's
    authorities: list[int]  # Ashvale, Brackenmoor, Corriford


@pytest.fixture
def triad(workspace: Workspace) -> Triad:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    infos = presenting_sessions(workspace.db, day_id)
    return Triad(day_id, [i.session_id for i in infos], [i.authority_id for i in infos])


def test_an_ask_keeps_everything_said_and_announces_its_session(
    workspace: Workspace, triad: Triad
) -> None:
    ashvale, brackenmoor, _ = triad.authorities
    touched: list[int] = []
    workspace.exchanges.changed.connect(touched.append)

    ask = workspace.exchanges.add(
        triad.sessions[0],
        ASK,
        ashvale,
        "  Fostering recruitment hub ",
        "Set up jointly; low cost.",
        ExchangeScope.BILATERAL,
        brackenmoor,
    )

    assert (ask.kind, ask.authority_id, ask.topic, ask.detail) == (
        ASK,
        ashvale,
        "Fostering recruitment hub",
        "Set up jointly; low cost.",
    )
    assert (ask.scope, ask.counterpart_id, ask.position) == (
        ExchangeScope.BILATERAL,
        brackenmoor,
        0,
    )
    assert workspace.exchanges.for_session(triad.sessions[0]) == [ask]
    assert touched == [triad.sessions[0]]


@pytest.mark.parametrize(
    ("kind", "words"),
    [(ASK, "An ask needs a topic"), (OFFER, "An offer needs a topic")],
)
def test_a_topic_is_required(
    workspace: Workspace, triad: Triad, kind: ExchangeKind, words: str
) -> None:
    with pytest.raises(ExchangeInputError, match=words):
        workspace.exchanges.add(triad.sessions[0], kind, triad.authorities[0], "  \n ")
    assert workspace.exchanges.for_session(triad.sessions[0]) == []


def test_counterparts_must_make_sense(workspace: Workspace, triad: Triad) -> None:
    session = triad.sessions[0]
    ashvale, brackenmoor, _ = triad.authorities
    add = workspace.exchanges.add
    with pytest.raises(ExchangeInputError, match="multilateral"):
        add(
            session,
            OFFER,
            ashvale,
            "Audit tool",
            scope=ExchangeScope.MULTILATERAL,
            counterpart_id=brackenmoor,
        )
    with pytest.raises(ExchangeInputError, match="other than the authority making it"):
        add(session, OFFER, ashvale, "Audit tool", counterpart_id=ashvale)
    with pytest.raises(ExchangeInputError, match="one of the day’s authorities"):
        add(session, OFFER, 9999, "Audit tool")
    assert workspace.exchanges.for_session(session) == []


def test_editing_changes_only_what_is_given_and_can_clear_the_counterpart(
    workspace: Workspace, triad: Triad
) -> None:
    ashvale, brackenmoor, corriford = triad.authorities
    ask = workspace.exchanges.add(
        triad.sessions[0], ASK, ashvale, "Hub", "detail", counterpart_id=brackenmoor
    )

    moved = workspace.exchanges.edit(ask.id, counterpart_id=corriford, topic="Fostering hub")
    assert (moved.topic, moved.detail, moved.counterpart_id) == (
        "Fostering hub",
        "detail",
        corriford,
    )

    opened = workspace.exchanges.edit(ask.id, scope=ExchangeScope.MULTILATERAL, counterpart_id=None)
    assert (opened.scope, opened.counterpart_id) == (ExchangeScope.MULTILATERAL, None)

    as_offer = workspace.exchanges.edit(ask.id, kind=OFFER)
    assert as_offer.kind is OFFER
    assert as_offer.scope is ExchangeScope.MULTILATERAL

    with pytest.raises(ExchangeInputError, match="needs a topic"):
        workspace.exchanges.edit(ask.id, topic=" ")
    with pytest.raises(ExchangeInputError, match="one of the day’s authorities"):
        workspace.exchanges.edit(ask.id, authority_id=9999)
    with pytest.raises(ExchangeInputError, match="no single counterpart"):
        workspace.exchanges.edit(ask.id, counterpart_id=brackenmoor)
    assert workspace.exchanges.for_session(triad.sessions[0]) == [as_offer]


def test_delete_and_restore_put_an_exchange_back_in_its_place(
    workspace: Workspace, triad: Triad
) -> None:
    session, ashvale = triad.sessions[0], triad.authorities[0]
    first, second, third = (
        workspace.exchanges.add(session, OFFER, ashvale, topic) for topic in ("one", "two", "three")
    )

    removed = workspace.exchanges.delete(second.id)
    assert [(e.topic, e.position) for e in workspace.exchanges.for_session(session)] == [
        ("one", 0),
        ("three", 1),
    ]

    restored = workspace.exchanges.restore(removed)
    assert restored == second
    assert workspace.exchanges.for_session(session) == [first, second, third]


def test_a_restore_after_the_id_was_reused_takes_a_new_id(
    workspace: Workspace, triad: Triad
) -> None:
    session, ashvale = triad.sessions[0], triad.authorities[0]
    last = workspace.exchanges.add(session, OFFER, ashvale, "last")
    removed = workspace.exchanges.delete(last.id)
    reused = workspace.exchanges.add(session, ASK, ashvale, "new one")
    if workspace.db.server is None:  # SQLite hands out the freed id again; a sequence never
        assert reused.id == removed.id

    restored = workspace.exchanges.restore(removed)

    assert restored.id != reused.id
    assert [e.topic for e in workspace.exchanges.for_session(session)] == ["last", "new one"]


def test_moving_reorders_a_sessions_list(workspace: Workspace, triad: Triad) -> None:
    session, ashvale = triad.sessions[1], triad.authorities[1]
    items = [workspace.exchanges.add(session, ASK, ashvale, t) for t in "abc"]
    workspace.exchanges.move(items[2].id, 0)
    assert [e.topic for e in workspace.exchanges.for_session(session)] == ["c", "a", "b"]
    workspace.exchanges.move(items[2].id, 99)
    assert [e.topic for e in workspace.exchanges.for_session(session)] == ["a", "b", "c"]


def test_the_days_list_runs_in_presenting_order_then_as_listed(
    workspace: Workspace, triad: Triad
) -> None:
    ashvale_s, brackenmoor_s, corriford_s = triad.sessions
    ashvale, brackenmoor, corriford = triad.authorities
    workspace.exchanges.add(corriford_s, ASK, corriford, "C1")
    workspace.exchanges.add(ashvale_s, OFFER, ashvale, "A1")
    workspace.exchanges.add(brackenmoor_s, ASK, brackenmoor, "B1")
    a2 = workspace.exchanges.add(ashvale_s, ASK, ashvale, "A2")
    workspace.exchanges.move(a2.id, 0)

    topics = [e.topic for e in workspace.exchanges.for_day(triad.day_id)]

    assert topics == ["A2", "A1", "B1", "C1"]


def test_an_unknown_session_or_exchange_is_a_lookup_error(workspace: Workspace) -> None:
    with pytest.raises(LookupError, match="no session"):
        workspace.exchanges.add(404, ASK, 1, "x")
    with pytest.raises(LookupError, match="no ask or offer"):
        workspace.exchanges.delete(404)
