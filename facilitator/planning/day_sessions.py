"""Who presents in each session of a day: the small read the session screens start from."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.storage.database import Database
from facilitator.storage.models import Authority, Session


@dataclass(frozen=True)
class SessionInfo:
    session_id: int
    position: int
    authority_id: int
    authority_name: str
    short_name: str

    @property
    def label(self) -> str:
        return f"{self.position + 1}. {self.authority_name}"


def presenting_sessions(db: Database, day_id: int) -> list[SessionInfo]:
    with db.session_scope() as s:
        return read_sessions(s, day_id)


def read_sessions(s: DbSession, day_id: int) -> list[SessionInfo]:
    """The day's sessions in presenting order, inside the caller's unit of work."""
    rows = s.exec(
        select(Session, Authority)
        .join(Authority, col(Authority.id) == col(Session.authority_id))
        .where(Session.day_id == day_id)
        .order_by(col(Session.position))
    ).all()
    return [
        SessionInfo(
            session_id=session.id or 0,
            position=session.position,
            authority_id=session.authority_id,
            authority_name=authority.name,
            short_name=authority.short_name,
        )
        for session, authority in rows
    ]
