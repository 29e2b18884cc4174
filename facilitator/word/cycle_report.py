"""The cycle report as a Word file: what the days of one cycle say together.

Recurring themes, systemic issues raised across the days (those worded alike listed once),
best practice day by day, every ask and offer with the offers of any day that could meet
each ask, the priorities for the regional programme, each day's plenary answers and the
topical peer challenges invited for next year.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from facilitator.common.wording import join_names, short_date
from facilitator.word.conventions import Document
from facilitator.word.figures import CYCLE_FIGURES_TITLE, RecordFigure, add_figures
from facilitator.word.record_content import (
    NONE_RECORDED,
    CycleExchange,
    CyclePriority,
    Stamp,
)
from facilitator.word.record_parts import add_header_line, begin_record
from facilitator.word.record_writer import RecordWriter
from facilitator.word.report_content import (
    CycleReportRecord,
    DayPlenary,
    SystemicIssueGroup,
    TopicalInvitation,
)

SUBJECT = TITLE = "Peer challenge cycle report"
DAY_HEADERS = ("Day", "Date", "Kind", "Authorities", "Where")
DAY_WIDTHS = (1.6, 3.2, 1.7, 5.5, 4.0)
THEME_HEADERS = ("Theme", "Sessions that asked", "Sessions that chose it as a focus risk", "Days")
THEME_WIDTHS = (7.0, 3.0, 3.6, 2.4)
ISSUE_HEADERS = ("Systemic issue", "Raised on (presenting authority)")
ISSUE_WIDTHS = (10.0, 6.0)
EXCHANGE_HEADERS = ("Day", "Authority", "Ask or offer", "Topic", "Scope", "With")
EXCHANGE_WIDTHS = (1.5, 2.8, 1.6, 5.0, 2.3, 2.8)  # "Brackenmoor" whole at 11 pt
PAIRING_HEADERS = ("Ask", "Offer that could meet it", "Words in common")
PAIRING_WIDTHS = (6.2, 6.2, 3.6)
PRIORITY_HEADERS = ("Rank", "Priority", "Named on (rank that day)")
PRIORITY_WIDTHS = (1.4, 8.6, 6.0)
INVITATION_HEADERS = ("Day", "Presenting authority", "Invites a topical peer challenge", "Topic")
INVITATION_WIDTHS = (1.6, 3.4, 3.6, 7.4)
ISSUE_NOTE = (
    "Issues raised in much the same words are listed once, in the words first used, with "
    "every day they came up and the presenting authority whose session raised them."
)
PRIORITY_NOTE = (
    "Priorities named on several days are listed once, in the words ranked highest; those "
    "named on most days come first, then those ranked highest on their days."
)
PAIRING_NOTE = (
    "Each ask is set beside offers of other authorities, made on any day of the cycle, whose "
    "topic and detail share at least two meaningful words with it, making up at least half "
    "of the words of the shorter. Up to three offers are shown for each ask, closest first. "
    "These are suggestions to follow up, not agreements."
)
NO_PAIRING = "No offer matched another authority’s ask closely enough."
NO_BANK_QUESTIONS = "No bank questions were recorded as asked."


def build_cycle_report(
    content: CycleReportRecord,
    stamp: Stamp,
    mark: str = "",
    figures: Sequence[RecordFigure] = (),
) -> Document:
    """The report, its charts last; `mark` (a draft's or agreed mark) heads every page."""
    write = begin_record(content, SUBJECT, stamp)
    write.heading(TITLE, 1)
    first, last = content.days[0].date, content.days[-1].date
    span = short_date(first) if first == last else f"{short_date(first)} to {short_date(last)}"
    count = len(content.days)
    write.paragraph(
        f"This report draws together the {count} peer challenge day{'s' if count != 1 else ''} "
        f"of the {content.cycle_name} cycle, held {span}."
        + (f" Facilitated by {join_names(content.facilitators)}." if content.facilitators else "")
    )
    write.heading("The days", 2)
    _table(
        write,
        "days",
        DAY_HEADERS,
        [
            # A day without a number would say its date twice, in both columns.
            (
                d.label if d.label != short_date(d.date) else "–",
                short_date(d.date),
                d.kind_label,
                join_names(d.authorities),
                d.place,
            )
            for d in content.days
        ],
        DAY_WIDTHS,
    )
    write.heading("Recurring themes", 2)
    if content.themes:
        _table(
            write,
            "themes",
            THEME_HEADERS,
            [
                (t.title, str(t.sessions_asked), str(t.sessions_focus), str(t.days))
                for t in content.themes
            ],
            THEME_WIDTHS,
            right=(1, 2, 3),
        )
    else:
        write.paragraph(NO_BANK_QUESTIONS, italic=True)
    write.heading("Common systemic issues", 2)
    _issues(write, content.issue_groups)
    write.groups("Best practice examples", content.best_practice)
    write.heading("Asks and offers", 2)
    if content.exchanges:
        _table(
            write,
            "exchanges",
            EXCHANGE_HEADERS,
            [
                (x.day, x.authority, x.kind_label, _topic(x), x.scope, x.counterpart)
                for x in content.exchanges
            ],
            EXCHANGE_WIDTHS,
        )
    else:
        write.paragraph(NONE_RECORDED, italic=True)
    write.heading("Suggested pairings", 2)
    if content.pairings:
        write.paragraph(PAIRING_NOTE)
        _table(
            write,
            "pairings",
            PAIRING_HEADERS,
            [(_side(p.ask), _side(p.offer), ", ".join(p.shared)) for p in content.pairings],
            PAIRING_WIDTHS,
        )
    else:
        write.paragraph(NO_PAIRING, italic=True)
    write.heading("Priorities for the regional programme", 2)
    if content.priorities:
        write.paragraph(PRIORITY_NOTE)
        _table(
            write,
            "priorities",
            PRIORITY_HEADERS,
            [(str(p.rank), p.text, _mentions(p)) for p in content.priorities],
            PRIORITY_WIDTHS,
            centre=(0,),
        )
    else:
        write.paragraph(NONE_RECORDED, italic=True)
    write.heading("Plenary answers, day by day", 2)
    _plenary(write, content.plenary)
    write.heading("Topical peer challenge invitations", 2)
    _invitations(write, content.topical_invitations)
    add_figures(write, CYCLE_FIGURES_TITLE, figures)
    if mark:
        add_header_line(write.doc, mark)
    return write.doc


def _issues(write: RecordWriter, groups: tuple[SystemicIssueGroup, ...]) -> None:
    if not groups:
        write.paragraph(NONE_RECORDED, italic=True)
        return
    write.paragraph(ISSUE_NOTE)
    rows = []
    for group in groups:
        also = "".join(f"\nAlso put as: “{text}”" for text in group.other_wordings)
        days = []
        for day in group.days:
            authorities = group.authorities_on(day)
            days.append(f"{day} ({join_names(authorities)})" if authorities else day)
        rows.append((group.text + also, "\n".join(days)))
    _table(write, "issues", ISSUE_HEADERS, rows, ISSUE_WIDTHS)


def _plenary(write: RecordWriter, days: tuple[DayPlenary, ...]) -> None:
    """Each day under its own heading, each question as a bold line over its answers."""
    if all(day.empty for day in days):
        write.paragraph(NONE_RECORDED, italic=True)
        return
    for day in days:
        write.heading(day.day, 3)
        if day.empty:
            write.paragraph(NONE_RECORDED, italic=True)
            continue
        for answers in day.answers:
            _keep_with_next(write.paragraph(answers.question, bold=True))
            write.bullets(answers.bullets)


def _invitations(write: RecordWriter, invitations: tuple[TopicalInvitation, ...]) -> None:
    if all(i.invited is None for i in invitations):
        write.paragraph(NONE_RECORDED, italic=True)
        return
    _table(
        write,
        "invitations",
        INVITATION_HEADERS,
        [(i.day, i.authority, i.answer, i.topic_text) for i in invitations],
        INVITATION_WIDTHS,
    )


def _table(write: RecordWriter, name: str, *args: Any, **kwargs: Any) -> None:
    """A table whose every cell counts in the version's fingerprint (mark_cells): an agreed
    report whose table changed must not be re-printed as agreed under the same number."""
    write.mark_cells(write.table(*args, **kwargs), name)


def _keep_with_next(p: etree._Element) -> None:
    """A lead-in line stays on the page of the list it introduces."""
    p[0].insert(1, etree.Element(qn("w:keepNext")))  # after the style, as the schema orders


def _mentions(priority: CyclePriority) -> str:
    """ "Day 1 (1), Day 3 (2: “Stable workforce”)": other wordings are shown, not lost."""
    return ", ".join(
        f"{m.day} ({m.rank})" if m.text == priority.text else f"{m.day} ({m.rank}: “{m.text}”)"
        for m in priority.mentions
    )


def _side(x: CycleExchange) -> str:
    """ "Ashvale (Day 1): Practice weeks", the detail on a line of its own."""
    return f"{x.authority} ({x.day}): {x.topic}" + (f"\n{x.detail}" if x.detail else "")


def _topic(x: CycleExchange) -> str:
    return f"{x.topic}: {x.detail}" if x.detail else x.topic
