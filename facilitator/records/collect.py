"""What each record document says, gathered from the services into frozen values.

No python-docx here: facilitator.word turns these values (word.record_content) into Word
files, and anything else (a preview, a test) can read them without loading it. This module
gathers a session note; the day summary and cycle report are gathered in summaries.py, the
confidentiality check is confidentiality.py, and all of them are offered here too, with the
values they fill, so callers need one import.

Where a line comes from one stored row it carries that row's bookmark name ("note-12",
"action-3", "exchange-5", "asked-8", "plenary-4"), so a Word file amended by a DCS can be
mapped back to the rows it came from.
"""

from __future__ import annotations

from sqlmodel import col, select

from facilitator.capture.focus_risks import focus_words
from facilitator.common.vocabulary import ExchangeKind, ExchangeScope, NoteTag, StageKind
from facilitator.common.wording import one_line
from facilitator.live.timer import elapsed_seconds
from facilitator.planning.day_plan import DayPlan
from facilitator.records.common import (
    ACTION,
    ASKED,
    EXCHANGE,
    Names,
    NoteLine,
    attendance,
    bookmark,
    day_facts,
    note_bullet,
    read_notes,
    stage_kinds,
)
from facilitator.records.confidentiality import first_foreign, other_sessions_texts, public_texts
from facilitator.records.keys import RecordKey
from facilitator.records.sources import RecordSources
from facilitator.records.summaries import collect_cycle_report, collect_day_summary
from facilitator.storage.models import Stage
from facilitator.word.record_content import (
    AuthorityBullets,
    Bullet,
    CycleDay,
    CycleExchange,
    CyclePriority,
    CycleReportContent,
    DayFacts,
    DaySummaryContent,
    ExchangeRow,
    PersonLine,
    PlenaryAnswers,
    PriorityMention,
    QuestionExplored,
    RankedItem,
    ScaleScore,
    SessionNoteContent,
    StageTime,
    TeamAttendance,
    ThemeCount,
    ThemeExplored,
    topical_bookmark,
)
from facilitator.word.session_note_words import agreed_status_line, draft_status_line
from question_bank import Bank, for_cycle


def collect_session_note(workspace: RecordSources, session_id: int) -> SessionNoteContent:
    """Everything one authority's session note says, from that session's rows alone."""
    facts = workspace.session_facts.get(session_id)
    plan = workspace.planner.day_plan(facts.day_id)
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
    cycle = plan.summary.cycle_name
    themes, new_questions = _questions_explored(workspace, session_id, bank, names, linked, cycle)
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
    if facts.topical_topic:
        own.add(facts.topical_topic)
    return SessionNoteContent(
        identifier=RecordKey.session_note(facts.day_id, session_id, facts.authority_id).identifier,
        day=day_facts(plan),
        session_id=session_id,
        authority_id=facts.authority_id,
        authority=facts.authority_name,
        lead_reviewer=_lead_reviewer(plan, facts.authority_id),
        presenting_dcs=_dcs(plan, facts.authority_id),
        attendance=attendance(workspace, plan),
        focus_risks=_once(
            _focus_risks(workspace, session_id, bank, cycle) + sections.get("focus", [])
        ),
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
            facts.authority_name, facts.topical_invitation, facts.topical_topic
        ),
        topical_topic=facts.topical_topic if facts.topical_invitation else "",
        topical_bookmark_name=topical_bookmark(session_id) if facts.topical_invitation else "",
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


def _focus_risks(
    workspace: RecordSources, session_id: int, bank: Bank, cycle_name: str
) -> list[Bullet]:
    bullets = []
    for focus in workspace.questions.focus(session_id):
        lead, words = focus_words(focus, bank, cycle_name)
        bullets.append(Bullet(words, lead=lead))
    return bullets


def _once(bullets: list[Bullet]) -> tuple[Bullet, ...]:
    """The bullets less any whose words (with or without a lead-in) an earlier one already
    says: a focus risk both chosen in the list and noted in the presentation prints once."""
    seen: set[str] = set()
    kept = []
    for bullet in bullets:
        keys = {_comparable(bullet.lead + bullet.text), _comparable(bullet.text)} - {""}
        if keys & seen:
            continue
        seen |= keys
        kept.append(bullet)
    return tuple(kept)


def _comparable(text: str) -> str:
    """Text as compared for sameness: case, spacing, curly quotes and end stops ignored."""
    plain = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return one_line(plain).strip(" .;:!?").casefold()


def _questions_explored(
    workspace: RecordSources,
    session_id: int,
    bank: Bank,
    names: Names,
    linked: dict[str, list[Bullet]],
    cycle_name: str,
) -> tuple[tuple[ThemeExplored, ...], list[Bullet]]:
    """Bank questions asked (or scored, or noted against) by theme in bank order, then the
    visitors' own questions."""
    scores: dict[str, list[ScaleScore]] = {}
    for answer in workspace.questions.scale_answers(session_id):
        asker = names.authority(answer.asked_by_authority_id)
        score = ScaleScore(names.authority(answer.authority_id), answer.value, asker)
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
            line = Bullet(for_cycle(found.text, cycle_name))
            by_question[question_id] = (theme.title if theme else "", line)
    order = {q.id: i for i, q in enumerate(bank.all_questions())}
    themes: dict[str, list[QuestionExplored]] = {}
    # An id the bank has since moved (political-climate-09) sorts where it now stands.
    for question_id in sorted(by_question, key=lambda q: order.get(bank.resolve_id(q), len(order))):
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


def _dcs(plan: DayPlan, authority_id: int) -> str:
    return next((p.dcs for p in plan.participants if p.authority_id == authority_id), "")


def _invitation(authority: str, invited: bool | None, topic: str) -> str:
    if invited is None:
        return "Not discussed."
    if not invited:
        return f"{authority} does not plan to invite a topical peer challenge next year."
    if topic:
        return f"{authority} would welcome a topical peer challenge next year on: {topic}"
    return f"{authority} would welcome a topical peer challenge next year; the topic is to come."


def session_stage_times(workspace: RecordSources, session_id: int) -> tuple[StageTime, ...]:
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
