"""What a day's summary and a cycle's report say, gathered into frozen values (no docx).

The day summary is shared with every authority of the day: best practice examples and
common systemic issues by presenting authority, the prioritised list for next year's
regional improvement plan, every ask and offer, the plenary's answers, what each person
said they want to give and receive at the introductions, and who came. The cycle report
reads every day of a cycle: recurring themes, systemic issues worded alike on several days
listed once, the same lists across days, offers that could meet another authority's ask on
any day, the priorities for the regional programme, each day's plenary answers and the
topical peer challenges invited.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.common.vocabulary import (
    ExchangeKind,
    ExchangeScope,
    NoteTag,
    PlenaryQuestion,
    StageKind,
)
from facilitator.common.wording import short_date
from facilitator.planning.day_plan import DayPlan
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.planning.day_setup import DCS_ROLE
from facilitator.records.common import (
    EXCHANGE,
    FLAGGED_TAGS,
    NOTE,
    PLENARY,
    Names,
    NoteLine,
    attendance,
    bookmark,
    day_facts,
    note_bullet,
    read_notes,
    stage_kinds,
)
from facilitator.records.cycle_pairing import pair_asks_with_offers
from facilitator.records.keys import RecordKey
from facilitator.records.pairing import group_similar
from facilitator.records.sources import RecordSources
from facilitator.records.systemic_groups import group_issues
from facilitator.word.record_content import (
    AuthorityBullets,
    Bullet,
    CycleDay,
    CycleExchange,
    CyclePriority,
    DayFacts,
    ExchangeRow,
    PlenaryAnswers,
    PriorityMention,
    RankedItem,
    ThemeCount,
)
from facilitator.word.report_content import (
    CycleReportRecord,
    DayPlenary,
    DaySummaryRecord,
    IntroductionRow,
    IssueMention,
    TopicalInvitation,
)
from question_bank import Bank

ACROSS_THE_DAY = "Across the day"
GUEST = "Guest"
NOT_SET = "Not set"
OTHER_PLENARY_NOTES = "Other notes from the plenary"
ANSWERED_IN_PLENARY = (
    PlenaryQuestion.KEY_LEARNING,
    PlenaryQuestion.PROBLEM_SOLVING,
    PlenaryQuestion.NETWORKING,
)


# the day summary -----------------------------------------------------------------------


def collect_day_summary(workspace: RecordSources, day_id: int) -> DaySummaryRecord:
    plan = workspace.planner.day_plan(day_id)
    names = Names(workspace, plan)
    notes = _day_notes(workspace, plan)
    sessions = presenting_sessions(workspace.db, day_id)
    presenter = {s.session_id: s.authority_name for s in sessions}
    order = [s.authority_name for s in sessions] + [ACROSS_THE_DAY]

    def flagged(tag: NoteTag) -> tuple[AuthorityBullets, ...]:
        groups: dict[str, list[Bullet]] = {}
        for note in notes:
            if note.tag is tag:
                heading = presenter.get(note.session_id or -1, ACROSS_THE_DAY)
                groups.setdefault(heading, []).append(Bullet(note.text, bookmark(NOTE, note.id)))
        return tuple(AuthorityBullets(h, tuple(groups[h])) for h in order if h in groups)

    priorities = tuple(
        RankedItem(
            item.position + 1,
            item.text,
            names.who(item.person_id, item.authority_id),
            bookmark(PLENARY, item.id),
        )
        for item in workspace.plenary.priorities(day_id)
    )
    return DaySummaryRecord(
        identifier=RecordKey.day_summary(day_id).identifier,
        day=day_facts(plan),
        best_practice=flagged(NoteTag.BEST_PRACTICE),
        systemic_issues=flagged(NoteTag.SYSTEMIC_ISSUE),
        priorities=priorities,
        exchanges=_day_exchanges(workspace, day_id, names, notes, presenter),
        plenary=_plenary(workspace, plan, names, notes),
        attendance=attendance(workspace, plan),
        introductions=_introductions(workspace, day_id, names),
    )


def _introductions(
    workspace: RecordSources, day_id: int, names: Names
) -> tuple[IntroductionRow, ...]:
    """What each person said they want to give and receive, in the order they spoke."""
    people = {p.person_id: p for p in workspace.introductions.people_of_day(day_id)}
    rows = []
    for intro in workspace.introductions.for_day(day_id):
        person = people.get(intro.person_id) if intro.person_id is not None else None
        role = (person.role or (DCS_ROLE if person.is_dcs else "")) if person else ""
        authority = names.authority(intro.authority_id) or (person.authority_name if person else "")
        rows.append(
            IntroductionRow(authority or GUEST, intro.name, role, intro.gives, intro.receives)
        )
    return tuple(rows)


def _day_notes(workspace: RecordSources, plan: DayPlan) -> list[NoteLine]:
    """Every note of the day, stage by stage in agenda order."""
    return read_notes(workspace, day_id=plan.summary.id)


def _day_exchanges(
    workspace: RecordSources,
    day_id: int,
    names: Names,
    notes: list[NoteLine],
    presenter: dict[int, str],
) -> tuple[ExchangeRow, ...]:
    """Asks and offers session by session: those recorded as such, then notes tagged so."""
    by_session: dict[int, list[ExchangeRow]] = {session: [] for session in presenter}
    for x in workspace.exchanges.for_day(day_id):
        by_session.setdefault(x.session_id, []).append(
            ExchangeRow(
                authority=names.authority(x.authority_id),
                kind=x.kind,
                topic=x.topic,
                detail=x.detail,
                scope=x.scope.value.capitalize(),
                counterpart=_counterpart(x.scope, names.authority(x.counterpart_id)),
                bookmark=bookmark(EXCHANGE, x.id),
            )
        )
    for note in notes:
        if note.tag in (NoteTag.ASK, NoteTag.OFFER) and note.session_id is not None:
            kind = ExchangeKind.ASK if note.tag is NoteTag.ASK else ExchangeKind.OFFER
            authority = names.authority(note.authority_id) or presenter.get(note.session_id, "")
            by_session.setdefault(note.session_id, []).append(
                ExchangeRow(authority, kind, note.text, "", NOT_SET, "", bookmark(NOTE, note.id))
            )
    return tuple(row for rows in by_session.values() for row in rows)


def _counterpart(scope: ExchangeScope, counterpart: str) -> str:
    if scope is ExchangeScope.MULTILATERAL:
        return "Any authority"
    return counterpart or "To be agreed"


def _plenary(
    workspace: RecordSources, plan: DayPlan, names: Names, notes: list[NoteLine]
) -> tuple[PlenaryAnswers, ...]:
    answers = []
    for question in ANSWERED_IN_PLENARY:
        items = workspace.plenary.for_day(plan.summary.id, question)
        bullets = tuple(
            Bullet(i.text, bookmark(PLENARY, i.id), names.who(i.person_id, i.authority_id))
            for i in items
        )
        answers.append(PlenaryAnswers(question.label, bullets))
    kinds = stage_kinds(plan)
    loose = tuple(
        note_bullet(n)
        for n in notes
        if kinds.get(n.stage_id or -1) is StageKind.PLENARY and n.tag not in FLAGGED_TAGS
    )
    if loose:
        answers.append(PlenaryAnswers(OTHER_PLENARY_NOTES, loose))
    return tuple(answers)


# the cycle report ----------------------------------------------------------------------


def collect_cycle_report(workspace: RecordSources, cycle_name: str) -> CycleReportRecord:
    """Every day of the cycle, in day number (then date) order."""
    summaries = [d for d in workspace.planner.list_days() if d.cycle_name == cycle_name]
    if not summaries:
        raise LookupError(f"There are no days in the cycle “{cycle_name}”.")
    summaries.sort(key=lambda d: (d.number is None, d.number or 0, d.date, d.id))
    bank = workspace.bank.bank(include_hidden=True)
    days: list[CycleDay] = []
    facilitators: list[str] = []
    themes: dict[str, tuple[set[int], set[int], set[int]]] = {}  # asked, focus, days
    titles: dict[str, str] = {}
    best: list[AuthorityBullets] = []
    issues: list[AuthorityBullets] = []
    exchanges: list[CycleExchange] = []
    mentions: list[PriorityMention] = []
    issue_mentions: list[IssueMention] = []
    plenaries: list[DayPlenary] = []
    invitations: list[TopicalInvitation] = []
    for summary in summaries:
        plan = workspace.planner.day_plan(summary.id)
        facts = day_facts(plan)
        label = _day_label(facts)
        days.append(CycleDay(label, facts.date, facts.kind_label, facts.authorities, facts.place))
        if plan.facilitator and plan.facilitator not in facilitators:
            facilitators.append(plan.facilitator)
        names = Names(workspace, plan)
        presenter = {
            s.session_id: s.authority_name for s in presenting_sessions(workspace.db, facts.day_id)
        }
        for session_id in presenter:
            for theme_id, title, focus in _themes_touched(workspace, session_id, bank):
                asked, pinned, on_days = themes.setdefault(theme_id, (set(), set(), set()))
                (pinned if focus else asked).add(session_id)
                on_days.add(facts.day_id)
                titles.setdefault(theme_id, title)
        notes = _day_notes(workspace, plan)
        for tag, into in ((NoteTag.BEST_PRACTICE, best), (NoteTag.SYSTEMIC_ISSUE, issues)):
            bullets = tuple(
                Bullet(n.text, attribution=presenter.get(n.session_id or -1, ACROSS_THE_DAY))
                for n in notes
                if n.tag is tag
            )
            if bullets:
                into.append(AuthorityBullets(_day_heading(facts), bullets))
        issue_mentions += [
            IssueMention(label, presenter.get(n.session_id or -1, ""), n.text)
            for n in notes
            if n.tag is NoteTag.SYSTEMIC_ISSUE
        ]
        plenaries.append(DayPlenary(_day_heading(facts), _plenary(workspace, plan, names, notes)))
        invitations += _invitations(workspace, label, presenter)
        exchanges += [
            CycleExchange(label, r.authority, r.kind, r.topic, r.detail, r.scope, r.counterpart)
            for r in _day_exchanges(workspace, facts.day_id, names, notes, presenter)
        ]
        mentions += [
            PriorityMention(label, p.position + 1, p.text)
            for p in workspace.plenary.priorities(facts.day_id)
        ]
    bank_order = {t.id: i for i, t in enumerate(bank.themes)}
    counts = sorted(
        themes.items(),
        key=lambda item: (
            -len(item[1][0] | item[1][1]),
            -len(item[1][2]),
            bank_order.get(item[0], len(bank_order)),
        ),
    )
    return CycleReportRecord(
        identifier=RecordKey.cycle_report(cycle_name).identifier,
        cycle_name=cycle_name,
        facilitators=tuple(facilitators),
        days=tuple(days),
        themes=tuple(
            ThemeCount(titles[theme_id], len(asked), len(pinned), len(on_days))
            for theme_id, (asked, pinned, on_days) in counts
        ),
        best_practice=tuple(best),
        systemic_issues=tuple(issues),
        exchanges=tuple(exchanges),
        pairings=pair_asks_with_offers(exchanges),
        priorities=rank_priorities(mentions, [day.label for day in days]),
        plenary=tuple(plenaries),
        topical_invitations=tuple(invitations),
        issue_groups=group_issues(issue_mentions, [day.label for day in days]),
    )


def rank_priorities(
    mentions: Sequence[PriorityMention], day_order: Sequence[str]
) -> tuple[CyclePriority, ...]:
    """The cycle's priorities: those saying much the same merged, named on most days first,
    then by their average rank on those days, then by when they were first named."""
    order = {label: index for index, label in enumerate(day_order)}
    ordered = sorted(mentions, key=lambda m: (m.rank, order.get(m.day, len(order))))
    groups = [[ordered[i] for i in group] for group in group_similar([m.text for m in ordered])]
    groups.sort(
        key=lambda group: (
            -len({m.day for m in group}),
            sum(m.rank for m in group) / len(group),
            min(order.get(m.day, len(order)) for m in group),
        )
    )
    return tuple(
        CyclePriority(rank, group[0].text, tuple(sorted(group, key=lambda m: order.get(m.day, 0))))
        for rank, group in enumerate(groups, start=1)
    )


def _invitations(
    workspace: RecordSources, day: str, presenter: dict[int, str]
) -> list[TopicalInvitation]:
    """Each presenting authority's answer on a topical peer challenge next year."""
    invitations = []
    for session_id, authority in presenter.items():
        facts = workspace.session_facts.get(session_id)
        invitations.append(
            TopicalInvitation(day, authority, facts.topical_invitation, facts.topical_topic)
        )
    return invitations


def _day_heading(day: DayFacts) -> str:
    return f"Day {day.number}: {short_date(day.date)}" if day.number else short_date(day.date)


def _day_label(day: DayFacts) -> str:
    return f"Day {day.number}" if day.number else short_date(day.date)


def _themes_touched(
    workspace: RecordSources, session_id: int, bank: Bank
) -> list[tuple[str, str, bool]]:
    """(theme id, title, pinned as a focus risk) for each theme a session asked or pinned."""
    touched: list[tuple[str, str, bool]] = []
    for focus in workspace.questions.focus(session_id):
        if not focus.theme_id:  # in the DCS's own words: no theme of the bank
            continue
        theme = bank.find_theme(focus.theme_id)
        touched.append((focus.theme_id, theme.title if theme else focus.theme_id, True))
    for asked in workspace.questions.asked(session_id):
        found = bank.find_question(asked.question_id) if asked.question_id else None
        theme_id = asked.theme_id or (found.theme_id if found else None)
        if theme_id:
            theme = bank.find_theme(theme_id)
            touched.append(
                (theme_id, asked.theme_title or (theme.title if theme else theme_id), False)
            )
    for answer in workspace.questions.scale_answers(session_id):
        found = bank.find_question(answer.question_id)
        theme = bank.find_theme(found.theme_id) if found else None
        if theme:
            touched.append((theme.id, theme.title, False))
    return touched
