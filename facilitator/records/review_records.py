"""What a review's report and a cycle's forward plan say, gathered into frozen values (no docx).

The review report reads the review as scheduled (reviews.service), its team from the pool,
its findings, strengths, areas for development and recommendations (reviews.findings), and
each recommendation's owner and date when it is tracked as a follow-up. The forward plan
reads every day of a cycle: each ask and offer and the support agreed for it from the menu
(Annex 1), each action with its owner and date, and the topical peer challenges invited (as
the cycle report collects them).

Follow-ups are read from their table here: the follow-up package builds on this one, so this
one does not import it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from sqlmodel import col, select

from facilitator.common.support_menu import support_label
from facilitator.common.vocabulary import FindingSection, FollowUpKind, FollowUpStatus, NoteTag
from facilitator.common.wording import short_date
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.pool.service import Pool
from facilitator.records.common import EXCHANGE, Names, bookmark, read_notes
from facilitator.records.keys import RecordKey
from facilitator.records.sources import RecordSources
from facilitator.records.summaries import _day_exchanges, collect_cycle_report
from facilitator.reviews.findings import ReviewFindings
from facilitator.reviews.kinds import ReviewKind
from facilitator.reviews.service import Reviews
from facilitator.storage.models import FollowUp
from facilitator.word.review_content import (
    AgreedSupport,
    FollowUpFacts,
    ForwardPlanRecord,
    PlanAction,
    PlanExchange,
    ReportLine,
    ReportSection,
    ReviewReportRecord,
    TeamRow,
    days_text,
)

__all__ = ["collect_forward_plan", "collect_review_report"]

FINDING = "finding"  # the bookmark of a line of a review's report: "finding-12"
TO_BE_CONFIRMED = "To be confirmed"
KIND_TITLES = {
    ReviewKind.PCTR: "Peer Challenge Team Review",
    ReviewKind.SAV: "Safeguarding Assurance Visit",
    ReviewKind.SAV_MAX: "Safeguarding Assurance Visit (SAV MAX)",
}


# the review's report -----------------------------------------------------------------------


def collect_review_report(workspace: RecordSources, review_id: int) -> ReviewReportRecord:
    """The review's report; LookupError if there is no such review. The services are made
    here over the workspace's data file: they keep nothing but it."""
    pool = Pool(workspace.db)
    reviews = Reviews(workspace.db, pool)
    findings = ReviewFindings(workspace.db)
    review = reviews.get(review_id)
    draft = review.draft
    lead_title = draft.lead_title[:1].upper() + draft.lead_title[1:]
    team = [TeamRow(p.name, p.authority, lead_title) for p in draft.leads]
    team += [TeamRow(p.name, p.authority, "QA DCS") for p in draft.qa]
    for member in reviews.members(review_id):
        person = pool.get(member.person_id)
        role = member.role.value
        team.append(TeamRow(person.name, person.authority, role[:1].upper() + role[1:]))
    lines = findings.for_review(review_id)
    tracked = _recommendation_follow_ups(workspace, [line.id for line in lines])
    sections = tuple(
        ReportSection(
            section.label,
            tuple(
                ReportLine(line.text, bookmark(FINDING, line.id), tracked.get(line.id))
                for line in lines
                if line.section is section
            ),
        )
        for section in FindingSection
    )
    dates = days_text(draft.days) or draft.dates.words or TO_BE_CONFIRMED
    return ReviewReportRecord(
        identifier=RecordKey.review_report(review_id).identifier,
        kind_title=KIND_TITLES[draft.kind],
        host=draft.host,
        dates=TO_BE_CONFIRMED if dates.strip().casefold() in ("tbc", "tba") else dates,
        lead_title=lead_title,
        leads=tuple(str(p) for p in draft.leads),
        qa=tuple(str(p) for p in draft.qa),
        team=tuple(team),
        kloe=draft.kloe if draft.kloe_agreed else "",
        enquiry_title=draft.enquiry_title,
        hypotheses=findings.hypotheses(review_id),
        sections=sections,
    )


def _recommendation_follow_ups(
    workspace: RecordSources, finding_ids: list[int]
) -> dict[int, FollowUpFacts]:
    """Each tracked recommendation's owner, date and status (the first follow-up if several)."""
    rows = _follow_ups(workspace, FollowUpKind.RECOMMENDATION, "finding_id", finding_ids)
    found: dict[int, FollowUpFacts] = {}
    for row in rows:
        if row.finding_id is not None:
            found.setdefault(row.finding_id, _facts(row))
    return found


# the forward plan --------------------------------------------------------------------------


def collect_forward_plan(workspace: RecordSources, cycle_name: str) -> ForwardPlanRecord:
    """Every day of the cycle, in the cycle report's order; LookupError if it has none."""
    report = collect_cycle_report(workspace, cycle_name)
    summaries = [d for d in workspace.planner.list_days() if d.cycle_name == cycle_name]
    summaries.sort(key=lambda d: (d.number is None, d.number or 0, d.date, d.id))
    exchanges: list[tuple[int | None, PlanExchange]] = []
    actions: list[tuple[int | None, PlanAction]] = []
    for summary, day in zip(summaries, report.days, strict=True):
        plan = workspace.planner.day_plan(summary.id)
        names = Names(workspace, plan)
        presenter = {
            s.session_id: s.authority_name for s in presenting_sessions(workspace.db, summary.id)
        }
        notes = read_notes(workspace, day_id=summary.id)
        for row in _day_exchanges(workspace, summary.id, names, notes, presenter):
            exchange = PlanExchange(
                day.label,
                row.authority,
                row.kind,
                row.topic,
                row.detail,
                row.scope,
                row.counterpart,
            )
            exchanges.append((_exchange_id(row.bookmark), exchange))
        for action in workspace.actions.for_day(summary.id):
            owner = FollowUpFacts(owner=action.owner)
            item = PlanAction(day.label, presenter.get(action.session_id, ""), action.text, owner)
            actions.append((action.id, item))
        actions += [
            (None, PlanAction(day.label, presenter.get(n.session_id, ""), n.text, FollowUpFacts()))
            for n in notes
            if n.tag is NoteTag.ACTION and n.session_id is not None
        ]
    return ForwardPlanRecord(
        identifier=RecordKey.forward_plan(cycle_name).identifier,
        cycle_name=cycle_name,
        facilitators=report.facilitators,
        days=report.days,
        exchanges=_with_support(workspace, exchanges),
        actions=_with_tracking(workspace, actions),
        topical_invitations=report.topical_invitations,
    )


def _exchange_id(name: str) -> int | None:
    """The stored ask's or offer's id from its bookmark ("exchange-5"); None for a note."""
    kind, _, number = name.rpartition("-")
    return int(number) if kind == EXCHANGE and number.isdigit() else None


def _with_support(
    workspace: RecordSources, exchanges: list[tuple[int | None, PlanExchange]]
) -> tuple[PlanExchange, ...]:
    ids = [exchange_id for exchange_id, _ in exchanges if exchange_id is not None]
    agreed: dict[int, list[AgreedSupport]] = {}
    for row in _follow_ups(workspace, FollowUpKind.SUPPORT, "exchange_id", ids):
        if row.exchange_id is not None:
            option = support_label(row.support)
            support = AgreedSupport(option or "Not chosen", _facts(row), row.note)
            agreed.setdefault(row.exchange_id, []).append(support)
    return tuple(
        replace(x, support=tuple(agreed.get(exchange_id or -1, ()))) for exchange_id, x in exchanges
    )


def _with_tracking(
    workspace: RecordSources, actions: list[tuple[int | None, PlanAction]]
) -> tuple[PlanAction, ...]:
    ids = [action_id for action_id, _ in actions if action_id is not None]
    tracked: dict[int, FollowUp] = {}
    for row in _follow_ups(workspace, FollowUpKind.ACTION, "action_id", ids):
        if row.action_id is not None:
            tracked.setdefault(row.action_id, row)
    found = []
    for action_id, action in actions:
        stored = tracked.get(action_id or -1)
        if stored is not None:
            facts = _facts(stored)
            if not facts.owner:  # the owner named in the session, until another is given
                facts = replace(facts, owner=action.follow_up.owner)
            action = replace(action, follow_up=facts)
        found.append(action)
    return tuple(found)


# follow-ups --------------------------------------------------------------------------------


def _follow_ups(
    workspace: RecordSources, kind: FollowUpKind, column: str, ids: Iterable[int]
) -> list[FollowUp]:
    """The follow-ups of `kind` whose `column` ("action_id"…) holds one of `ids`, oldest first."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    with workspace.db.session_scope() as s:
        query = (
            select(FollowUp)
            .where(FollowUp.kind == kind, col(getattr(FollowUp, column)).in_(wanted))
            .order_by(col(FollowUp.id))
        )
        rows = list(s.exec(query).all())
        for row in rows:
            s.expunge(row)
        return rows


def _facts(row: FollowUp) -> FollowUpFacts:
    status = FollowUpStatus(row.status)
    words = status.label
    if status is FollowUpStatus.DONE and row.done_on is not None:
        words = f"Done on {short_date(row.done_on)}"
    return FollowUpFacts(row.who, row.due_from, row.due_on, words)
