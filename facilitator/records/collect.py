"""What each record document says, gathered from the services into frozen values.

No python-docx here: facilitator.word turns these values into Word files, and anything else
(a preview, a test) can read them without loading it. This module gathers a session note and
checks its confidentiality; the day summary and cycle report are gathered in summaries.py
and offered here too, so callers need one import.

Where a line comes from one stored row it carries that row's bookmark name ("note-12",
"action-3", "exchange-5", "asked-8", "plenary-4"), so a Word file amended by a DCS can be
mapped back to the rows it came from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import col, select

from facilitator.common.vocabulary import ExchangeKind, ExchangeScope, NoteTag, StageKind
from facilitator.live.timer import elapsed_seconds
from facilitator.planning.day_plan import DayPlan
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.records.common import (
    ACTION,
    ASKED,
    EXCHANGE,
    Bullet,
    DayFacts,
    Names,
    NoteLine,
    PersonLine,
    TeamAttendance,
    attendance,
    bookmark,
    day_facts,
    note_bullet,
    one_line,
    read_notes,
    short_date,
    stage_kinds,
)
from facilitator.records.summaries import (
    AuthorityBullets,
    CycleDay,
    CycleExchange,
    CyclePriority,
    CycleReportContent,
    DaySummaryContent,
    ExchangeRow,
    PlenaryAnswers,
    PriorityMention,
    RankedItem,
    ThemeCount,
    collect_cycle_report,
    collect_day_summary,
)
from facilitator.storage.models import Action, AskedQuestion, Exchange, Note, Session, Stage
from facilitator.workspace import Workspace
from question_bank import Bank


@dataclass(frozen=True)
class ScaleScore:
    authority: str
    value: int


@dataclass(frozen=True)
class QuestionExplored:
    question: Bullet
    scale_low: str = ""
    scale_high: str = ""
    scores: tuple[ScaleScore, ...] = ()
    notes: tuple[Bullet, ...] = ()


@dataclass(frozen=True)
class ThemeExplored:
    title: str
    questions: tuple[QuestionExplored, ...]


@dataclass(frozen=True)
class StageTime:
    title: str
    planned_minutes: int
    actual_minutes: int | None  # None: not run
    running: bool = False

    @property
    def difference(self) -> int | None:
        if self.actual_minutes is None:
            return None
        return self.actual_minutes - self.planned_minutes


@dataclass(frozen=True)
class SessionNoteContent:
    day: DayFacts
    session_id: int
    authority_id: int
    authority: str
    lead_reviewer: str
    attendance: tuple[TeamAttendance, ...]
    focus_risks: tuple[Bullet, ...]
    presentation: tuple[Bullet, ...]
    strengths: tuple[Bullet, ...]
    themes: tuple[ThemeExplored, ...]
    new_questions: tuple[Bullet, ...]
    discussion: tuple[Bullet, ...]
    insights: tuple[Bullet, ...]
    reaction: tuple[Bullet, ...]
    reflection: tuple[Bullet, ...]
    actions: tuple[Bullet, ...]
    asks: tuple[Bullet, ...]
    offers: tuple[Bullet, ...]
    topical_invitation: str
    other_notes: tuple[Bullet, ...]
    stage_times: tuple[StageTime, ...]
    # Every text stored for this session: the confidentiality check never counts these.
    own_texts: frozenset[str]

    @property
    def title(self) -> str:
        return f"Peer challenge session note: {self.authority}"

    @property
    def identifier(self) -> str:
        return f"balcony:session-note:{self.day.day_id}:{self.session_id}:{self.authority_id}"


def collect_session_note(workspace: Workspace, session_id: int) -> SessionNoteContent:
    """Everything one authority's session note says, from that session's rows alone."""
    record = workspace.session_record.get(session_id)
    plan = workspace.planner.day_plan(record.day_id)
    names = Names(workspace, plan)
    bank = workspace.bank.bank(include_hidden=True)
    kinds = stage_kinds(plan)
    notes = read_notes(workspace, session_id=session_id)
    sections: dict[str, list[Bullet]] = {}
    linked: dict[str, list[Bullet]] = {}
    for note in notes:
        section, item = _place_note(note, kinds.get(note.stage_id or -1), names, bank)
        if section == "linked" and note.question_id:
            linked.setdefault(note.question_id, []).append(item)
        else:
            sections.setdefault(section, []).append(item)
    themes, new_questions = _questions_explored(workspace, session_id, bank, names, linked)
    actions = [
        Bullet(a.text, bookmark(ACTION, a.id), f"owner: {a.owner}" if a.owner else "")
        for a in workspace.actions.for_session(session_id)
    ]
    exchanges = workspace.exchanges.for_session(session_id)
    asks: list[Bullet] = []
    offers: list[Bullet] = []
    for x in exchanges:
        line = _exchange_bullet(x.id, x.topic, x.detail, x.scope, names.authority(x.counterpart_id))
        (asks if x.kind is ExchangeKind.ASK else offers).append(line)
    own = {n.text for n in notes} | {a.text for a in actions}
    own |= {x.topic for x in exchanges} | {x.detail for x in exchanges if x.detail}
    own |= {q.text for q in workspace.questions.asked(session_id)}
    if record.topical_topic:
        own.add(record.topical_topic)
    return SessionNoteContent(
        day=day_facts(plan),
        session_id=session_id,
        authority_id=record.authority_id,
        authority=record.authority_name,
        lead_reviewer=_lead_reviewer(plan, record.authority_id),
        attendance=attendance(workspace, plan),
        focus_risks=tuple(_focus_risks(workspace, session_id, bank) + sections.get("focus", [])),
        presentation=tuple(sections.get("presentation", [])),
        strengths=tuple(sections.get("strengths", [])),
        themes=themes,
        new_questions=tuple(new_questions + sections.get("new questions", [])),
        discussion=tuple(sections.get("discussion", [])),
        insights=tuple(sections.get("insights", [])),
        reaction=tuple(sections.get("reaction", [])),
        reflection=tuple(sections.get("reflection", [])),
        actions=tuple(actions + sections.get("actions", [])),
        asks=tuple(asks + sections.get("asks", [])),
        offers=tuple(offers + sections.get("offers", [])),
        topical_invitation=_invitation(
            record.authority_name, record.topical_invitation, record.topical_topic
        ),
        other_notes=tuple(sections.get("other", [])),
        stage_times=session_stage_times(workspace, session_id),
        own_texts=frozenset(text for text in own if text),
    )


_STAGE_SECTIONS = {
    StageKind.PRESENTATION: "presentation",
    StageKind.QUESTIONING: "discussion",
    StageKind.AFFIRMATION: "strengths",
    StageKind.INSIGHTS: "insights",
    StageKind.REACTION: "reaction",
    StageKind.REFLECTION: "reflection",
}
_TAG_SECTIONS = {
    NoteTag.ACTION: "actions",
    NoteTag.ASK: "asks",
    NoteTag.OFFER: "offers",
    NoteTag.QUESTION: "new questions",
}


def _place_note(
    note: NoteLine, kind: StageKind | None, names: Names, bank: Bank
) -> tuple[str, Bullet]:
    """Which section a note goes in: a list's tag wins, then a link to a bank question,
    then the stage it was typed in."""
    who = names.who(note.person_id, note.authority_id)
    if note.tag in _TAG_SECTIONS:
        attribution = f"asked by {who}" if note.tag is NoteTag.QUESTION and who else ""
        return _TAG_SECTIONS[note.tag], note_bullet(note, attribution)
    if note.question_id and bank.find_question(note.question_id) is not None:
        return "linked", note_bullet(note)
    if kind is StageKind.PRESENTATION and note.tag is NoteTag.RISK:
        return "focus", note_bullet(note)
    if kind is StageKind.AFFIRMATION:
        return "strengths", note_bullet(note, f"named by {who}" if who else "")
    return _STAGE_SECTIONS.get(kind, "other") if kind else "other", note_bullet(note)


def _focus_risks(workspace: Workspace, session_id: int, bank: Bank) -> list[Bullet]:
    bullets = []
    for focus in workspace.questions.focus(session_id):
        theme = bank.find_theme(focus.theme_id)
        title = theme.title if theme else focus.theme_id
        question = bank.find_question(focus.question_id) if focus.question_id else None
        bullets.append(Bullet(question.text, lead=f"{title}: ") if question else Bullet(title))
    return bullets


def _questions_explored(
    workspace: Workspace,
    session_id: int,
    bank: Bank,
    names: Names,
    linked: dict[str, list[Bullet]],
) -> tuple[tuple[ThemeExplored, ...], list[Bullet]]:
    """Bank questions asked (or scored, or noted against) by theme in bank order, then the
    visitors' own questions."""
    scores: dict[str, list[ScaleScore]] = {}
    for answer in workspace.questions.scale_answers(session_id):
        score = ScaleScore(names.authority(answer.authority_id), answer.value)
        scores.setdefault(answer.question_id, []).append(score)
    new: list[Bullet] = []
    by_question: dict[str, tuple[str, Bullet]] = {}  # question id: (theme title, line)
    for asked in workspace.questions.asked(session_id):
        who = names.who(asked.person_id, asked.authority_id)
        line = Bullet(asked.text, bookmark(ASKED, asked.id), f"asked by {who}" if who else "")
        if asked.question_id is None:
            new.append(line)
        elif asked.question_id not in by_question:
            found = bank.find_question(asked.question_id)
            theme = bank.find_theme(found.theme_id) if found else None
            title = asked.theme_title or (theme.title if theme else "Other bank questions")
            by_question[asked.question_id] = (title, line)
    for question_id in [*scores, *linked]:
        if question_id not in by_question and (found := bank.find_question(question_id)):
            theme = bank.find_theme(found.theme_id)
            by_question[question_id] = (theme.title if theme else "", Bullet(found.text))
    order = {q.id: i for i, q in enumerate(bank.all_questions())}
    themes: dict[str, list[QuestionExplored]] = {}
    for question_id in sorted(by_question, key=lambda q: order.get(q, len(order))):
        title, line = by_question[question_id]
        found = bank.find_question(question_id)
        themes.setdefault(title or "Other bank questions", []).append(
            QuestionExplored(
                question=line,
                scale_low=found.scale.low if found and found.scale else "",
                scale_high=found.scale.high if found and found.scale else "",
                scores=tuple(scores.get(question_id, ())),
                notes=tuple(linked.get(question_id, ())),
            )
        )
    return tuple(ThemeExplored(t, tuple(qs)) for t, qs in themes.items()), new


def _exchange_bullet(
    exchange_id: int, topic: str, detail: str, scope: ExchangeScope, counterpart: str
) -> Bullet:
    if scope is ExchangeScope.MULTILATERAL:
        where = "multilateral: open to every authority"
    else:
        where = f"bilateral, with {counterpart}" if counterpart else "bilateral"
    if detail:
        return Bullet(detail, bookmark(EXCHANGE, exchange_id), where, lead=f"{topic}: ")
    return Bullet(topic, bookmark(EXCHANGE, exchange_id), where)


def _lead_reviewer(plan: DayPlan, authority_id: int) -> str:
    for p in plan.participants:
        if p.reviews_authority_id == authority_id:
            return f"{p.dcs}, {p.name}" if p.dcs else f"The DCS of {p.name}"
    return "Not recorded"


def _invitation(authority: str, invited: bool | None, topic: str) -> str:
    if invited is None:
        return "Not discussed."
    if not invited:
        return f"{authority} does not plan to invite a topical peer challenge next year."
    if topic:
        return f"{authority} would welcome a topical peer challenge next year on: {topic}"
    return f"{authority} would welcome a topical peer challenge next year; the topic is to come."


def session_stage_times(workspace: Workspace, session_id: int) -> tuple[StageTime, ...]:
    """Each stage of the session: minutes planned, and minutes run less any pauses."""
    now = workspace.conductor.now()
    with workspace.db.session_scope() as s:
        stages = s.exec(
            select(Stage).where(Stage.session_id == session_id).order_by(col(Stage.position))
        ).all()
    times = []
    for stage in stages:
        actual = None
        if stage.started_at is not None:
            seconds = elapsed_seconds(
                stage.started_at, stage.ended_at, stage.paused_at, stage.paused_seconds, now
            )
            actual = round(seconds / 60)
        times.append(
            StageTime(
                title=StageKind(stage.kind).label,
                planned_minutes=stage.planned_minutes,
                actual_minutes=actual,
                running=stage.started_at is not None and stage.ended_at is None,
            )
        )
    return tuple(times)


# the confidentiality check -------------------------------------------------------------

FOREIGN_MIN_LENGTH = 12


def other_sessions_texts(
    workspace: Workspace, session_id: int, own: Iterable[str] = ()
) -> dict[str, str]:
    """{text: authority} for what the day's other sessions stored (notes, the visitors' own
    questions, actions, asks and offers, invitation topics) that is long enough to be telling
    and is not also this session's own words. Text is in one_line form."""
    record = workspace.session_record.get(session_id)
    others = {
        s.session_id: s.authority_name
        for s in presenting_sessions(workspace.db, record.day_id)
        if s.session_id != session_id
    }
    mine = {one_line(text) for text in own}
    found: dict[str, str] = {}
    for other, text in _session_texts(workspace, list(others)):
        line = one_line(text)
        if len(line) > FOREIGN_MIN_LENGTH and line not in mine:
            found.setdefault(line, others[other])
    return found


def _session_texts(workspace: Workspace, session_ids: list[int]) -> list[tuple[int, str]]:
    """(session id, text) for every text the sessions stored: plain columns, no objects, as
    this runs on every export and a long day holds thousands of bullets."""
    rows: list[tuple[int, str]] = []
    with workspace.db.session_scope() as s:
        for session, text in s.exec(
            select(Note.session_id, Note.text).where(col(Note.session_id).in_(session_ids))
        ):
            rows.append((session or 0, text))
        for session, text in s.exec(
            select(Action.session_id, Action.text).where(col(Action.session_id).in_(session_ids))
        ):
            rows.append((session, text))
        for session, topic, detail in s.exec(
            select(Exchange.session_id, Exchange.topic, Exchange.detail).where(
                col(Exchange.session_id).in_(session_ids)
            )
        ):
            rows += [(session, topic), (session, detail)]
        for session, text in s.exec(
            select(AskedQuestion.session_id, AskedQuestion.text).where(
                col(AskedQuestion.session_id).in_(session_ids),
                col(AskedQuestion.question_id).is_(None),
            )
        ):
            rows.append((session, text))
        for session, text in s.exec(
            select(Session.id, Session.topical_topic).where(col(Session.id).in_(session_ids))
        ):
            rows.append((session or 0, text))
    return rows


def first_foreign(
    document_lines: Iterable[str], foreign: dict[str, str], allowed: Iterable[str] = ()
) -> tuple[str, str] | None:
    """The first (text, authority) of `foreign` found inside any of the document's lines.

    A foreign text that is also part of an `allowed` text is no leak: the same words are
    this session's own, a name on the day's list, a bank question or the note's own wording.
    """
    text = "\n".join(one_line(line) for line in document_lines)
    words = set(text.split())
    permitted: str | None = None
    for line, authority in foreign.items():
        # A line inside the text has its inner words whole in the text: a quick first test.
        inner = line.split(" ")[1:-1]
        if all(word in words for word in inner) and line in text:
            if permitted is None:
                permitted = "\n".join(one_line(words) for words in allowed)
            if line not in permitted:
                return line, authority
    return None


def public_texts(content: SessionNoteContent, bank: Bank) -> frozenset[str]:
    """What a session note may show besides the session's own rows: the day's facts and
    people, and the question bank's words."""
    day = content.day
    texts = {day.label, day.cycle_label, day.place, day.facilitator, content.lead_reviewer}
    texts |= set(day.authorities)
    for team in content.attendance:
        texts.add(team.authority)
        texts |= {person.name for person in team.people} | {p.role for p in team.people}
    for theme in bank.themes:
        texts.add(theme.title)
        for question in theme.questions:
            texts |= {question.text, *question.follow_ups}
    return frozenset(text for text in texts if text)


# plain words for status lines ----------------------------------------------------------


def draft_status_line(version: int, sent_on: dt.date | None = None) -> str:
    """ "Status: draft for amendment, version 2, sent 3 February 2027"."""
    sent = f", sent {short_date(sent_on)}" if sent_on else ""
    return f"Status: draft for amendment, version {version}{sent}"


def agreed_status_line(agreed_on: dt.date) -> str:
    return f"Status: agreed on {short_date(agreed_on)}"


__all__ = [
    "AuthorityBullets",
    "Bullet",
    "CycleDay",
    "CycleExchange",
    "CyclePriority",
    "CycleReportContent",
    "DayFacts",
    "DaySummaryContent",
    "ExchangeRow",
    "PersonLine",
    "PlenaryAnswers",
    "PriorityMention",
    "QuestionExplored",
    "RankedItem",
    "ScaleScore",
    "SessionNoteContent",
    "StageTime",
    "TeamAttendance",
    "ThemeCount",
    "ThemeExplored",
    "agreed_status_line",
    "bookmark",
    "collect_cycle_report",
    "collect_day_summary",
    "collect_session_note",
    "draft_status_line",
    "first_foreign",
    "other_sessions_texts",
    "public_texts",
]
