"""What is known of a session beyond its notes: the topical peer challenge invitation, and
who is still to name a strength in the affirmation.

In the affirmation the presenting team sits back and each visiting member names one
strength. Strengths are notes (tag strength) written through the Notebook with the
speaker's person id, so this module only reads them to show who has spoken.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.capture.introductions import read_people
from facilitator.capture.lists import tidy
from facilitator.common.events import Event
from facilitator.common.vocabulary import NoteTag, StageKind
from facilitator.storage.database import Database
from facilitator.storage.models import Authority, DayAuthority, Note, Session, Stage
from facilitator.storage.rows import get_stored, stored_id


@dataclass(frozen=True)
class SessionFactsView:
    session_id: int
    day_id: int
    position: int
    authority_id: int
    authority_name: str
    topical_invitation: bool | None  # None: not yet asked
    topical_topic: str


@dataclass(frozen=True)
class VisitingMember:
    person_id: int
    name: str
    authority_id: int | None
    authority_name: str


@dataclass(frozen=True)
class MemberAffirmation:
    member: VisitingMember
    strength_note_ids: tuple[int, ...]

    @property
    def named(self) -> bool:
        return bool(self.strength_note_ids)


class SessionFacts:
    """Reads a session's facts and sets its invitation; `changed` carries the session id."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.changed: Event[int] = Event()

    def get(self, session_id: int) -> SessionFactsView:
        with self._db.session_scope() as s:
            return _view(s, get_stored(s, Session, session_id, "session"))

    def set_topical_invitation(
        self, session_id: int, invited: bool | None, topic: str = ""
    ) -> SessionFactsView:
        """Whether the authority invites a topical peer challenge next year, and on what.

        None means the question has not been answered yet.
        """
        topic = tidy(topic, "A topic")
        with self._db.session_scope() as s:
            session = get_stored(s, Session, session_id, "session")
            session.topical_invitation = invited
            session.topical_topic = topic
            s.add(session)
            view = _view(s, session)
        self.changed.emit(session_id)
        return view

    def affirmation_status(self, session_id: int) -> list[MemberAffirmation]:
        """Each visiting member with the strength notes attributed to them in the
        session's affirmation stage (none yet: still to speak).

        The visiting members are everyone on the day's list except the presenting team, in
        presenting order; a DCS shared with the presenting authority presents with it, so is
        left out too.
        """
        with self._db.session_scope() as s:
            members = _visiting(s, get_stored(s, Session, session_id, "session"))
            spoken = s.exec(
                select(Note.id, Note.person_id)
                .join(Stage, col(Stage.id) == col(Note.stage_id))
                .where(
                    Note.session_id == session_id,
                    Note.tag == NoteTag.STRENGTH,
                    col(Note.person_id).is_not(None),
                    Stage.kind == StageKind.AFFIRMATION,
                )
                .order_by(col(Note.position), col(Note.id))
            ).all()
        by_person: dict[int, list[int]] = {}
        for note_id, person_id in spoken:
            if note_id is not None and person_id is not None:
                by_person.setdefault(person_id, []).append(note_id)
        return [MemberAffirmation(m, tuple(by_person.get(m.person_id, ()))) for m in members]


def _visiting(s: DbSession, session: Session) -> list[VisitingMember]:
    presenting_dcs = s.exec(
        select(DayAuthority.dcs_id).where(
            DayAuthority.day_id == session.day_id,
            DayAuthority.authority_id == session.authority_id,
        )
    ).first()
    return [
        VisitingMember(p.person_id, p.name, p.authority_id, p.authority_name)
        for p in read_people(s, session.day_id)
        if p.authority_id != session.authority_id and p.person_id != presenting_dcs
    ]


def _view(s: DbSession, session: Session) -> SessionFactsView:
    authority = s.get(Authority, session.authority_id)
    return SessionFactsView(
        session_id=stored_id(session.id),
        day_id=session.day_id,
        position=session.position,
        authority_id=session.authority_id,
        authority_name=authority.name if authority else "",
        topical_invitation=session.topical_invitation,
        topical_topic=session.topical_topic,
    )
