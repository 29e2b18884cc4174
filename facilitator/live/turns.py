"""Questioning turns: which visiting authority asks next, and how many each has asked.

The lead reviewer asks first; then the other visiting authorities take turns in presenting
order after it, wrapping round. The current turn is kept on the session (Session.turn, an
index into that order), so it survives a restart mid-session.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from sqlmodel import Session as DbSession
from sqlmodel import select

from facilitator.common.events import Event
from facilitator.common.vocabulary import NoteTag
from facilitator.planning.day_plan import roster
from facilitator.storage.database import Database
from facilitator.storage.models import AskedQuestion, Note, Session
from facilitator.storage.rows import get_stored, stored_id


@dataclass(frozen=True)
class TurnView:
    session_id: int
    authority_id: int
    authority_name: str
    index: int
    order: tuple[tuple[int, str], ...]  # (authority id, name), whose turn first
    questions_by_authority: dict[int, int]


class NoTurnsError(LookupError):
    """A session with nobody to take turns: the day has no other authority."""


def turn_order(
    presenting_order: Sequence[int],
    reviews: Mapping[int, int | None],
    presenter: int,
    same_dcs: Collection[int] = (),
) -> list[int]:
    """The visiting authorities of `presenter`'s session, whose turn first.

    `reviews` maps each authority to the one it is lead reviewer for. Without a lead
    reviewer the authority presenting next after the presenter starts. `same_dcs` are the
    authorities led by the presenter's own DCS: they take no turn, as the one DCS would be
    questioning their own authority.
    """
    if presenter not in presenting_order:
        raise ValueError("The presenting authority is not one of the day’s authorities.")
    lead = next(
        (
            a
            for a in presenting_order
            if a != presenter and a not in same_dcs and reviews.get(a) == presenter
        ),
        None,
    )
    start = presenting_order.index(lead if lead is not None else presenter)
    count = len(presenting_order)
    rotated = [presenting_order[(start + step) % count] for step in range(count)]
    return [a for a in rotated if a != presenter and a not in same_dcs]


class Turns:
    """Moves the questioning turn in a session; `changed` carries the session id."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.changed: Event[int] = Event()

    def current(self, session_id: int) -> TurnView:
        with self._db.session_scope() as s:
            return _view(s, get_stored(s, Session, session_id, "session"))

    def next(self, session_id: int) -> TurnView:
        """The next authority's turn; after the last comes the first again."""
        return self._step(session_id, +1)

    def previous(self, session_id: int) -> TurnView:
        """Back one turn (to undo a slip); before the first comes the last."""
        return self._step(session_id, -1)

    def _step(self, session_id: int, step: int) -> TurnView:
        with self._db.session_scope() as s:
            session = get_stored(s, Session, session_id, "session")
            count = len(_order(s, session))
            session.turn = (session.turn % count + step) % count
            s.add(session)
            view = _view(s, session)
        self.changed.emit(session_id)
        return view


def _order(s: DbSession, session: Session) -> list[tuple[int, str]]:
    entries = roster(s, session.day_id)
    names = {e.authority_id: e.name for e in entries}
    dcs = next((e.dcs_id for e in entries if e.authority_id == session.authority_id), None)
    order = turn_order(
        [e.authority_id for e in entries],
        {e.authority_id: e.reviews_authority_id for e in entries},
        session.authority_id,
        [e.authority_id for e in entries if dcs is not None and e.dcs_id == dcs],
    )
    if not order:
        raise NoTurnsError("This session has no visiting authorities to take turns.")
    return [(a, names[a]) for a in order]


def _question_counts(s: DbSession, session_id: int, visitors: Sequence[int]) -> dict[int, int]:
    """Questions asked by each visiting authority: bank or new ones marked as asked, plus
    notes tagged as questions. A question note that cites a bank question already marked
    as asked by the same authority is the same question, so it counts once."""
    counts = dict.fromkeys(visitors, 0)
    asked = s.exec(
        select(AskedQuestion.authority_id, AskedQuestion.question_id).where(
            AskedQuestion.session_id == session_id
        )
    ).all()
    noted = s.exec(
        select(Note.authority_id, Note.question_id).where(
            Note.session_id == session_id, Note.tag == NoteTag.QUESTION
        )
    ).all()
    already = {(a, q) for a, q in asked if q is not None}
    for authority_id, _ in asked:
        if authority_id in counts:
            counts[authority_id] += 1
    for authority_id, question_id in noted:
        if authority_id in counts and (authority_id, question_id) not in already:
            counts[authority_id] += 1
    return counts


def _view(s: DbSession, session: Session) -> TurnView:
    session_id = stored_id(session.id)
    order = _order(s, session)
    index = session.turn % len(order)
    authority_id, name = order[index]
    return TurnView(
        session_id=session_id,
        authority_id=authority_id,
        authority_name=name,
        index=index,
        order=tuple(order),
        questions_by_authority=_question_counts(s, session_id, [a for a, _ in order]),
    )
