"""The bank in a session: focus risks pinned, questions marked as asked, scale answers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session as DbSession
from sqlmodel import col, func, select

from facilitator.capture.focus_risks import Focus, FocusRisks, focus_view
from facilitator.common.clock import Clock
from facilitator.common.events import Event
from facilitator.storage.database import Database
from facilitator.storage.models import (
    AskedQuestion,
    Cycle,
    Day,
    FocusRisk,
    ScaleAnswer,
    Session,
)
from facilitator.storage.rows import get_stored, stored_id
from question_bank import Bank, Question, Theme, for_cycle


@dataclass(frozen=True)
class Asked:
    id: int
    session_id: int
    question_id: str | None
    theme_id: str | None
    theme_title: str
    text: str
    authority_id: int | None
    person_id: int | None
    asked_at: dt.datetime


@dataclass(frozen=True)
class Answer:
    """A 0–10 scale answer: `authority_id` rated itself; `asked_by_authority_id` asked."""

    question_id: str
    authority_id: int
    value: int
    asked_by_authority_id: int | None = None


class QuestionLog:
    """Records how the bank was used in each session; `changed` carries the session id."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        # Focus risks typed in the DCS's own words and those pinned here are one list, and
        # one event tells every view of it.
        self.focus_risks = FocusRisks(db)
        self.changed: Event[int] = self.focus_risks.changed

    # focus risks ----------------------------------------------------------------------

    def pin(self, session_id: int, theme_id: str, question_id: str | None = None) -> Focus:
        """Pins a theme (or one of its questions) as a focus risk; pinning twice is harmless."""
        with self._db.session_scope() as s:
            get_stored(s, Session, session_id, "session")
            existing = s.exec(
                select(FocusRisk).where(
                    FocusRisk.session_id == session_id,
                    FocusRisk.theme_id == theme_id,
                    FocusRisk.question_id == question_id,
                )
            ).first()
            if existing is None:
                last = s.exec(
                    select(func.max(FocusRisk.position)).where(FocusRisk.session_id == session_id)
                ).one()
                existing = FocusRisk(
                    session_id=session_id,
                    theme_id=theme_id,
                    question_id=question_id,
                    position=(last + 1) if last is not None else 0,
                )
                s.add(existing)
                s.flush()
            focus = focus_view(existing)
        self.changed.emit(session_id)
        return focus

    def unpin(self, session_id: int, theme_id: str, question_id: str | None = None) -> None:
        with self._db.session_scope() as s:
            for row in s.exec(
                select(FocusRisk).where(
                    FocusRisk.session_id == session_id,
                    FocusRisk.theme_id == theme_id,
                    FocusRisk.question_id == question_id,
                )
            ):
                s.delete(row)
        self.changed.emit(session_id)

    def focus(self, session_id: int) -> list[Focus]:
        with self._db.session_scope() as s:
            rows = s.exec(
                select(FocusRisk)
                .where(FocusRisk.session_id == session_id)
                .order_by(col(FocusRisk.position))
            ).all()
            return [focus_view(row) for row in rows]

    # asked questions ------------------------------------------------------------------

    def mark_asked(
        self,
        session_id: int,
        question: Question,
        theme: Theme | None = None,
        *,
        authority_id: int | None = None,
        person_id: int | None = None,
    ) -> Asked:
        with self._db.session_scope() as s:
            session = get_stored(s, Session, session_id, "session")
            day = s.get(Day, session.day_id)
            cycle = s.get(Cycle, day.cycle_id) if day and day.cycle_id is not None else None
            row = AskedQuestion(
                session_id=session_id,
                question_id=question.id,
                theme_id=question.theme_id,
                theme_title=theme.title if theme else "",
                # Kept as asked: "{cycle_years}" becomes the years of the day's cycle.
                text=for_cycle(question.text, cycle.name if cycle else None),
                authority_id=authority_id,
                person_id=person_id,
                asked_at=self._clock.wall_now(),
            )
            s.add(row)
            s.flush()
            asked = _asked(row)
        self.changed.emit(session_id)
        return asked

    def unmark(self, asked_id: int) -> Asked:
        """Removes one asking and returns it, so an undo can put it back."""
        with self._db.session_scope() as s:
            row = get_stored(s, AskedQuestion, asked_id, "asked question")
            asked = _asked(row)
            s.delete(row)
        self.changed.emit(asked.session_id)
        return asked

    def restore(self, asked: Asked) -> None:
        with self._db.session_scope() as s:
            s.add(AskedQuestion(**{k: getattr(asked, k) for k in Asked.__dataclass_fields__}))
        self.changed.emit(asked.session_id)

    def asked(self, session_id: int) -> list[Asked]:
        with self._db.session_scope() as s:
            rows = s.exec(
                select(AskedQuestion)
                .where(AskedQuestion.session_id == session_id)
                .order_by(col(AskedQuestion.asked_at), col(AskedQuestion.id))
            ).all()
            return [_asked(row) for row in rows]

    def untouched_themes(self, session_id: int, bank: Bank) -> list[Theme]:
        """Signature themes with no question asked yet, in bank order."""
        touched = {a.theme_id for a in self.asked(session_id)}
        return [t for t in bank.themes if t.section == "signatures" and t.id not in touched]

    # scale answers --------------------------------------------------------------------

    def record_scale(
        self, session_id: int, question_id: str, value: int | None, *, asked_by: int | None = None
    ) -> None:
        """Stores the presenting authority's own 0–10 rating in its session; None clears it.

        A scale answer is the presenting team rating itself, whoever asked, so it is stored
        against the session's presenting authority (one rating per question), and `asked_by`,
        the visiting authority that asked, is kept beside it.
        """
        if value is not None and not 0 <= value <= 10:
            raise ValueError(f"A scale answer runs from 0 to 10; {value} is outside it.")
        with self._db.session_scope() as s:
            presenter = get_stored(s, Session, session_id, "session").authority_id
            row = _own_rating(s, session_id, question_id, presenter)
            if value is None:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(
                    ScaleAnswer(
                        session_id=session_id,
                        question_id=question_id,
                        authority_id=presenter,
                        asked_by_authority_id=asked_by,
                        value=value,
                        answered_at=self._clock.wall_now(),
                    )
                )
            else:
                row.value = value
                row.asked_by_authority_id = asked_by
                row.answered_at = self._clock.wall_now()
                s.add(row)
        self.changed.emit(session_id)

    def rating(self, session_id: int, question_id: str) -> Answer | None:
        """The presenting authority's own rating for a question in its session, if given."""
        with self._db.session_scope() as s:
            presenter = get_stored(s, Session, session_id, "session").authority_id
            row = _own_rating(s, session_id, question_id, presenter)
            return _answer(row) if row is not None else None

    def scale_answers(self, session_id: int) -> list[Answer]:
        """Every scale answer of a session; answers stored before version 3 may be credited
        to the authority that asked (see ScaleAnswer)."""
        with self._db.session_scope() as s:
            rows = s.exec(
                select(ScaleAnswer)
                .where(ScaleAnswer.session_id == session_id)
                .order_by(col(ScaleAnswer.question_id), col(ScaleAnswer.authority_id))
            ).all()
            return [_answer(r) for r in rows]


def _own_rating(
    s: DbSession, session_id: int, question_id: str, presenter: int
) -> ScaleAnswer | None:
    return s.exec(
        select(ScaleAnswer).where(
            ScaleAnswer.session_id == session_id,
            ScaleAnswer.question_id == question_id,
            ScaleAnswer.authority_id == presenter,
        )
    ).first()


def _answer(row: ScaleAnswer) -> Answer:
    return Answer(row.question_id, row.authority_id, row.value, row.asked_by_authority_id)


def _asked(row: AskedQuestion) -> Asked:
    return Asked(
        id=stored_id(row.id),
        session_id=row.session_id,
        question_id=row.question_id,
        theme_id=row.theme_id,
        theme_title=row.theme_title,
        text=row.text,
        authority_id=row.authority_id,
        person_id=row.person_id,
        asked_at=row.asked_at,
    )
