"""Reviewing a session note before it is exported: the note as it will read, section by
section, with what a director would question flagged on the line it concerns.

The checks: a bullet nobody is credited to where the stage has a speaker; an ask or offer
that is bilateral with nobody named; a line that repeats another of the note; a bullet added
to a stage after it ended; words that also stand in another session's notes. Each flag says
how to clear it: the same fixes in place the console offers (its tag, person, stage or
session, or deleting a repeat), or completing the item in the Outcomes panel.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum

from sqlmodel import select

from facilitator.capture.attribution import Roles, Speaker, speaker_for
from facilitator.capture.exchanges import ExchangeView
from facilitator.capture.notes import NoteView
from facilitator.common.vocabulary import ExchangeScope, StageKind
from facilitator.common.wording import one_line
from facilitator.records.common import ASKED, EXCHANGE, NOTE
from facilitator.records.confidentiality import session_texts
from facilitator.records.sources import RecordSources
from facilitator.storage.models import Stage
from facilitator.word.record_content import Bullet, SessionNoteContent
from facilitator.word.session_note_words import (
    ACTIONS,
    ASKS,
    DISCUSSION,
    FOCUS_RISKS,
    INSIGHTS,
    NEW_QUESTIONS,
    OFFERS,
    OTHER_NOTES,
    PRESENTATION,
    QUESTIONS,
    REACTION,
    REFLECTION,
    STRENGTHS,
)

REPEAT_LIKENESS = 0.9  # how alike two lines must be to look like one said twice
_SPOKEN = (Speaker.PRESENTING, Speaker.QUESTIONER, Speaker.VISITING_MEMBER)


class Check(StrEnum):
    NO_PERSON = "no person"
    NO_SCOPE = "no scope"
    REPEAT = "repeat"
    LATE = "added late"
    ELSEWHERE = "in another session"


@dataclass(frozen=True)
class Flag:
    check: Check
    message: str  # what is wrong and how to clear it


@dataclass(frozen=True)
class ReviewLine:
    """One line of the note as it will print, and what it came from (a bookmark such as
    "note-12"; "" for a line no single row holds)."""

    text: str
    source: str = ""
    flags: tuple[Flag, ...] = ()
    level: int = 1  # 2: an answer under its question

    def _id(self, kind: str) -> int | None:
        prefix = f"{kind}-"
        return int(self.source[len(prefix) :]) if self.source.startswith(prefix) else None

    @property
    def note_id(self) -> int | None:
        return self._id(NOTE)

    @property
    def exchange_id(self) -> int | None:
        return self._id(EXCHANGE)


@dataclass(frozen=True)
class ReviewSection:
    heading: str
    lines: tuple[ReviewLine, ...]


@dataclass(frozen=True)
class SessionReview:
    session_id: int
    authority: str
    sections: tuple[ReviewSection, ...] = field(default=())

    @property
    def flagged(self) -> list[ReviewLine]:
        return [line for s in self.sections for line in s.lines if line.flags]

    @property
    def summary(self) -> str:
        count = sum(len(line.flags) for line in self.flagged)
        if not count:
            return "Nothing to check: the note is ready to export."
        return f"{count} thing{'s' if count != 1 else ''} to check before export."


def note_sections(content: SessionNoteContent) -> list[tuple[str, list[tuple[Bullet, int]]]]:
    """The note's headings and lines in the order the Word note prints them: (heading,
    [(line, level)]). Question themes are headed "Questions explored: <theme>"."""
    sections: list[tuple[str, list[tuple[Bullet, int]]]] = [
        (FOCUS_RISKS, [(b, 1) for b in content.focus_risks]),
    ]
    if content.presentation:
        sections.append((PRESENTATION, [(b, 1) for b in content.presentation]))
    for theme in content.themes:
        lines: list[tuple[Bullet, int]] = []
        for explored in theme.questions:
            lines.append((explored.question, 1))
            lines += [(answer, 2) for answer in explored.answers]
        sections.append((f"{QUESTIONS}: {theme.title}", lines))
    if content.new_questions:
        sections.append((NEW_QUESTIONS, [(b, 1) for b in content.new_questions]))
    if content.discussion:
        sections.append((DISCUSSION, [(b, 1) for b in content.discussion]))
    sections.append((STRENGTHS, [(b, 1) for b in content.strengths]))
    sections.append((INSIGHTS, [(b, 1) for b in content.insights]))
    sections.append((REACTION, [(b, 1) for b in content.reaction]))
    if content.reflection:
        sections.append((REFLECTION, [(b, 1) for b in content.reflection]))
    sections.append((ACTIONS, [(b, 1) for b in content.actions]))
    sections.append((ASKS, [(b, 1) for b in content.asks]))
    sections.append((OFFERS, [(b, 1) for b in content.offers]))
    if content.other_notes:
        sections.append((OTHER_NOTES, [(b, 1) for b in content.other_notes]))
    return sections


def printed(bullet: Bullet) -> str:
    """A line as the note shows it: lead-in, words, and who in brackets."""
    said = f" ({bullet.attribution})" if bullet.attribution else ""
    return f"{bullet.lead}{bullet.text}{said}"


def review_session(
    workspace: RecordSources, content: SessionNoteContent, notes: Iterable[NoteView]
) -> SessionReview:
    """The review of one session's note: `content` as collected for export, `notes` the
    session's bullets as the notebook holds them."""
    session_id = content.session_id
    by_id = {n.id: n for n in notes}
    exchanges = {x.id: x for x in workspace.exchanges.for_session(session_id)}
    stages = _stages(workspace, session_id)
    elsewhere = _other_sessions(workspace, session_id)
    seen: list[tuple[str, str]] = []  # (comparable words, heading) of lines already read
    sections = []
    for heading, bullets in note_sections(content):
        lines = []
        for bullet, level in bullets:
            flags: list[Flag] = []
            kind, _, row = bullet.bookmark.partition("-")
            note = by_id.get(int(row)) if kind == NOTE and row.isdigit() else None
            if note is not None:
                flags += _note_flags(note, stages, content.authority_id)
            if kind == ASKED and not bullet.attribution:
                flags.append(Flag(Check.NO_PERSON, "Nobody is credited with asking it."))
            if kind == EXCHANGE and row.isdigit() and int(row) in exchanges:
                flags += _exchange_flags(exchanges[int(row)])
            words = _comparable(bullet.text)
            if len(words) >= 12:
                repeat = next((h for w, h in seen if _alike(w, words)), None)
                if repeat is not None:
                    where = "above" if repeat == heading else f"under “{repeat}”"
                    fix = "delete one (Delete)" if note else "delete one"
                    flags.append(
                        Flag(Check.REPEAT, f"Looks like a repeat of a line {where}: {fix}.")
                    )
                seen.append((words, heading))
            other = elsewhere.get(one_line(bullet.text)) if note is not None else None
            if other and len(words) >= 12:
                flags.append(
                    Flag(
                        Check.ELSEWHERE,
                        f"The same words are in {other}’s session: if they were said there, "
                        "move this bullet (Ctrl+Shift+S) or delete it.",
                    )
                )
            lines.append(ReviewLine(printed(bullet), bullet.bookmark, tuple(flags), level))
        sections.append(ReviewSection(heading, tuple(lines)))
    return SessionReview(session_id, content.authority, tuple(sections))


@dataclass(frozen=True)
class _StageEnd:
    kind: StageKind
    ended_at: dt.datetime | None


def _stages(workspace: RecordSources, session_id: int) -> dict[int, _StageEnd]:
    with workspace.db.session_scope() as s:
        rows = s.exec(
            select(Stage.id, Stage.kind, Stage.ended_at).where(Stage.session_id == session_id)
        ).all()
    return {stage_id or 0: _StageEnd(StageKind(kind), ended) for stage_id, kind, ended in rows}


def _note_flags(note: NoteView, stages: dict[int, _StageEnd], presenting: int) -> list[Flag]:
    flags = []
    stage = stages.get(note.stage_id or -1)
    kind = stage.kind if stage else None
    speaker, _ = speaker_for(kind, note.tag, Roles(kind, presenting))
    if speaker in _SPOKEN and note.authority_id is None and note.person_id is None:
        who = "the visiting member" if speaker is Speaker.VISITING_MEMBER else "who said it"
        flags.append(Flag(Check.NO_PERSON, f"Nobody is credited: choose {who} (Ctrl+Shift+P)."))
    ended = stage.ended_at if stage is not None else None
    if stage is not None and ended is not None and _utc(note.created_at) > _utc(ended):
        at = _utc(ended).replace(tzinfo=dt.UTC).astimezone().strftime("%H.%M")
        flags.append(
            Flag(
                Check.LATE,
                f"Added after the {stage.kind.label.lower()} ended at {at}: check it "
                "belongs here, or move it (Ctrl+Shift+M).",
            )
        )
    return flags


def _exchange_flags(exchange: ExchangeView) -> list[Flag]:
    if exchange.scope is ExchangeScope.BILATERAL and exchange.counterpart_id is None:
        return [
            Flag(
                Check.NO_SCOPE,
                "Bilateral with whom? Name the other authority or make it multilateral "
                "(Ctrl+Shift+O).",
            )
        ]
    return []


def _other_sessions(workspace: RecordSources, session_id: int) -> dict[str, str]:
    """{words: authority} for every text the day's other sessions hold."""
    found: dict[str, str] = {}
    for authority, text in session_texts(workspace, session_id):
        line = one_line(text)
        if line:
            found.setdefault(line, authority)
    return found


def _comparable(text: str) -> str:
    return re.sub(r"[^\w ]+", "", " ".join(text.casefold().split()))


def _alike(a: str, b: str) -> bool:
    if a == b:
        return True
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= REPEAT_LIKENESS
        and matcher.quick_ratio() >= REPEAT_LIKENESS
        and matcher.ratio() >= REPEAT_LIKENESS
    )


def _utc(moment: dt.datetime) -> dt.datetime:
    """A stored time as naive UTC: SQLite keeps no zone, a fresh value may carry one."""
    if moment.tzinfo is not None:
        return moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment
