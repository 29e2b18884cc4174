"""Asks matched with offers across a cycle, and the cycle's topical peer challenge invitations.

Both reuse what the cycle report already works out: the pairing of asks with offers
(records/cycle_pairing.py) and the invitations it gathers (records/summaries.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.common.vocabulary import ExchangeKind
from facilitator.follow_up.origins import fetch, place_of_session
from facilitator.follow_up.views import FollowUpInputError
from facilitator.storage.models import Day, Exchange, Session

if TYPE_CHECKING:
    from facilitator.records.sources import RecordSources
    from facilitator.word.report_content import TopicalInvitation

UNKNOWN_EXCHANGE = "see the day's asks and offers in its Outcomes panel"


@dataclass(frozen=True)
class OfferMatch:
    """An offer that could meet an ask: whose, what, where it was made, the words they share
    and how closely (0 to 1, of the shorter's words)."""

    exchange_id: int
    authority: str
    topic: str
    detail: str
    where: str
    shared: tuple[str, ...]
    score: float


@dataclass(frozen=True)
class _Traded:
    """An ask or offer as the pairing reads it (records/cycle_pairing.Detailed)."""

    kind: ExchangeKind
    authority: str
    topic: str
    detail: str
    exchange_id: int
    where: str


def offers_for(s: DbSession, ask_id: int) -> tuple[OfferMatch, ...]:
    """Offers made by other authorities on any day of the ask's cycle (the ask's own day
    when it has no cycle) that could meet the ask, closest first."""
    ask = fetch(s, Exchange, ask_id, "ask or offer", UNKNOWN_EXCHANGE)
    if ask.kind is not ExchangeKind.ASK:
        raise FollowUpInputError(
            f"Number {ask_id} is an offer, “{ask.topic}”: offers are suggested for an ask, "
            "so give an ask's id."
        )
    day = place_of_session(s, ask.session_id).day
    same_cycle = (
        col(Day.cycle_id) == day.cycle_id if day.cycle_id is not None else col(Day.id) == day.id
    )
    offers = s.exec(
        select(Exchange)
        .join(Session, col(Session.id) == col(Exchange.session_id))
        .join(Day, col(Day.id) == col(Session.day_id))
        .where(same_cycle)
        .where(Exchange.kind == ExchangeKind.OFFER)
        .order_by(col(Day.date), col(Session.position), col(Exchange.position))
    ).all()
    # The records' code loads when first asked for: the home window never needs it.
    from facilitator.records.cycle_pairing import pair_asks_with_offers

    traded = [_traded(s, row) for row in (ask, *offers)]
    return tuple(
        OfferMatch(
            exchange_id=p.offer.exchange_id,
            authority=p.offer.authority,
            topic=p.offer.topic,
            detail=p.offer.detail,
            where=p.offer.where,
            shared=p.shared,
            score=p.score,
        )
        for p in pair_asks_with_offers(traded)
    )


def offer_words(s: DbSession, offer_id: int) -> str:
    """How an agreed support names the offer that meets an ask, e.g. "Meets the offer of
    Brackenmoor, Day 1 (18 January 2027): “Fostering recruitment hub”."""
    offer = fetch(s, Exchange, offer_id, "ask or offer", UNKNOWN_EXCHANGE)
    if offer.kind is not ExchangeKind.OFFER:
        raise FollowUpInputError(
            f"Number {offer_id} is an ask, “{offer.topic}”: an ask is met by an offer, so "
            "give an offer's id."
        )
    place = place_of_session(s, offer.session_id, offer.authority_id)
    return f"Meets the offer of {place.words}: “{offer.topic}”."


def topical_invitations(sources: RecordSources, cycle_name: str) -> tuple[TopicalInvitation, ...]:
    """Each presenting authority's answer on a topical peer challenge next year, day by day,
    exactly as the cycle report gathers them (`invited` True for those who invite one)."""
    from facilitator.records.summaries import collect_cycle_report

    try:
        return collect_cycle_report(sources, cycle_name).topical_invitations
    except LookupError as exc:
        raise FollowUpInputError(f"{exc} Check the cycle's name as the days list it.") from exc


def _traded(s: DbSession, row: Exchange) -> _Traded:
    place = place_of_session(s, row.session_id, row.authority_id)
    return _Traded(row.kind, place.authority, row.topic, row.detail, row.id or 0, place.words)
