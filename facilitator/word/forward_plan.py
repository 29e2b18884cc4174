"""A cycle's forward plan as a Word file: what the region will do after its peer challenge days.

Every ask and offer of the cycle's days, the support agreed for each from the menu of support
(Annex 1) with its owner, date and how it stands, the asks and offers with nothing agreed
yet, every action with its owner and date, and the topical peer challenges invited.
"""

from __future__ import annotations

from facilitator.common.wording import join_names, short_date
from facilitator.word.conventions import Document
from facilitator.word.cycle_report import (
    EXCHANGE_HEADERS,
    EXCHANGE_WIDTHS,
    INVITATION_HEADERS,
    INVITATION_WIDTHS,
)
from facilitator.word.record_content import NONE_RECORDED, Bullet, Stamp
from facilitator.word.record_parts import add_header_line, begin_record
from facilitator.word.record_writer import RecordWriter
from facilitator.word.review_content import ForwardPlanRecord, PlanAction, PlanExchange

SUBJECT = "Peer challenge forward plan"
SUPPORT_HEADERS = ("Ask or offer", "Support agreed", "Owner", "Due", "Status")
SUPPORT_WIDTHS = (4.4, 4.2, 2.5, 2.5, 2.4)  # "30 September 2027" unbroken
ACTION_HEADERS = ("Day", "Authority", "Action", "Owner", "Due", "Status")
ACTION_WIDTHS = (1.4, 2.8, 4.4, 2.5, 2.5, 2.4)  # "Brackenmoor", "February" whole
SUPPORT_NOTE = (
    "The support agreed for each ask and offer, from the menu of support after a peer "
    "challenge (Annex 1 of the handbook), with who will see it through and by when."
)


def build_forward_plan(content: ForwardPlanRecord, stamp: Stamp, mark: str = "") -> Document:
    """The plan; `mark` (a draft's or agreed mark) heads every page."""
    write = begin_record(content, SUBJECT, stamp)
    write.heading(f"Forward plan: {content.cycle_name}", 1)
    write.paragraph(_introduction(content))
    write.heading("Asks and offers", 2)
    if content.exchanges:
        table = write.table(
            EXCHANGE_HEADERS,
            [
                (x.day, x.authority, x.kind_label, x.topic_text, x.scope, x.counterpart)
                for x in content.exchanges
            ],
            EXCHANGE_WIDTHS,
        )
        write.mark_cells(table, "exchanges")
    else:
        write.paragraph(NONE_RECORDED, italic=True)
    write.heading("Agreed support", 2)
    _support(write, content.exchanges)
    write.heading("Actions", 2)
    _actions(write, content.actions)
    write.heading("Topical peer challenge invitations", 2)
    invitations = content.topical_invitations
    if all(i.invited is None for i in invitations):
        write.paragraph(NONE_RECORDED, italic=True)
    else:
        table = write.table(
            INVITATION_HEADERS,
            [(i.day, i.authority, i.answer, i.topic_text) for i in invitations],
            INVITATION_WIDTHS,
        )
        write.mark_cells(table, "invitations")
    if mark:
        add_header_line(write.doc, mark)
    return write.doc


def _introduction(content: ForwardPlanRecord) -> str:
    first, last = content.days[0].date, content.days[-1].date
    span = short_date(first) if first == last else f"{short_date(first)} to {short_date(last)}"
    count = len(content.days)
    days = f"{count} peer challenge day{'s' if count != 1 else ''}"
    by = f" Facilitated by {join_names(content.facilitators)}." if content.facilitators else ""
    return (
        f"What follows from the {days} of the {content.cycle_name} cycle, held {span}: "
        f"every ask and offer, the support agreed for each, the actions agreed and the "
        f"topical peer challenges invited.{by}"
    )


def _support(write: RecordWriter, exchanges: tuple[PlanExchange, ...]) -> None:
    agreed = [(x, s) for x in exchanges for s in x.support]
    waiting = [x for x in exchanges if not x.support]
    if agreed:
        write.paragraph(SUPPORT_NOTE)
        table = write.table(
            SUPPORT_HEADERS,
            [
                (
                    x.named,
                    s.option + (f"\n{s.note}" if s.note else ""),
                    s.follow_up.owner_text,
                    s.follow_up.due,
                    s.follow_up.status,
                )
                for x, s in agreed
            ],
            SUPPORT_WIDTHS,
        )
        write.mark_cells(table, "support")
    else:
        write.paragraph("No support has been agreed yet.", italic=True)
    if waiting:
        write.heading("Asks and offers with no support agreed yet", 3)
        write.bullets([Bullet(x.named) for x in waiting])


def _actions(write: RecordWriter, actions: tuple[PlanAction, ...]) -> None:
    if not actions:
        write.paragraph(NONE_RECORDED, italic=True)
        return
    table = write.table(
        ACTION_HEADERS,
        [
            (
                a.day,
                a.authority,
                a.text,
                a.follow_up.owner_text,
                a.follow_up.due,
                a.follow_up.status or "Open",
            )
            for a in actions
        ],
        ACTION_WIDTHS,
    )
    write.mark_cells(table, "actions")
