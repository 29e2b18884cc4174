"""The cycle report as a Word file: what the days of one cycle say together.

Recurring themes, best practice and systemic issues day by day, every ask and offer with
suggested pairings, and the priorities for the regional programme.
"""

from __future__ import annotations

from facilitator.common.wording import join_names, short_date
from facilitator.word.conventions import Document
from facilitator.word.record_content import (
    NONE_RECORDED,
    CyclePriority,
    CycleReportContent,
    Stamp,
)
from facilitator.word.record_parts import add_header_line, begin_record

SUBJECT = TITLE = "Peer challenge cycle report"
DAY_HEADERS = ("Day", "Date", "Kind", "Authorities", "Where")
DAY_WIDTHS = (1.6, 3.2, 1.7, 5.5, 4.0)
THEME_HEADERS = ("Theme", "Sessions that asked", "Sessions that chose it as a focus risk", "Days")
THEME_WIDTHS = (7.0, 3.0, 3.6, 2.4)
EXCHANGE_HEADERS = ("Day", "Authority", "Ask or offer", "Topic", "Scope", "With")
EXCHANGE_WIDTHS = (1.5, 2.8, 1.6, 5.0, 2.3, 2.8)  # "Brackenmoor" whole at 11 pt
PAIRING_HEADERS = ("Offer", "Could meet the ask of", "Words in common")
PAIRING_WIDTHS = (6.2, 6.2, 3.6)
PRIORITY_HEADERS = ("Rank", "Priority", "Named on (rank that day)")
PRIORITY_WIDTHS = (1.4, 8.6, 6.0)
PRIORITY_NOTE = (
    "Priorities named on several days are listed once, in the words ranked highest; those "
    "named on most days come first, then those ranked highest on their days."
)
PAIRING_NOTE = (
    "An offer is suggested for an ask when their topics share at least half of their "
    "meaningful words. These are suggestions to follow up, not agreements."
)


def build_cycle_report(content: CycleReportContent, stamp: Stamp, mark: str = "") -> Document:
    """The report; `mark` (a draft's or agreed mark) heads every page."""
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
    write.table(
        DAY_HEADERS,
        [
            (d.label, short_date(d.date), d.kind_label, join_names(d.authorities), d.place)
            for d in content.days
        ],
        DAY_WIDTHS,
    )
    write.heading("Recurring themes", 2)
    if content.themes:
        write.table(
            THEME_HEADERS,
            [
                (t.title, str(t.sessions_asked), str(t.sessions_focus), str(t.days))
                for t in content.themes
            ],
            THEME_WIDTHS,
            right=(1, 2, 3),
        )
    else:
        write.paragraph("No bank questions were recorded as asked.", italic=True)
    write.groups("Common systemic issues", content.systemic_issues)
    write.groups("Best practice examples", content.best_practice)
    write.heading("Asks and offers", 2)
    if content.exchanges:
        write.table(
            EXCHANGE_HEADERS,
            [
                (
                    x.day,
                    x.authority,
                    x.kind_label,
                    _topic(x.topic, x.detail),
                    x.scope,
                    x.counterpart,
                )
                for x in content.exchanges
            ],
            EXCHANGE_WIDTHS,
        )
    else:
        write.paragraph(NONE_RECORDED, italic=True)
    write.heading("Suggested pairings", 2)
    if content.pairings:
        write.paragraph(PAIRING_NOTE)
        write.table(
            PAIRING_HEADERS,
            [
                (
                    f"{p.offer.authority} ({p.offer.day}): {p.offer.topic}",
                    f"{p.ask.authority} ({p.ask.day}): {p.ask.topic}",
                    ", ".join(p.shared),
                )
                for p in content.pairings
            ],
            PAIRING_WIDTHS,
        )
    else:
        write.paragraph("No offer matched another authority’s ask closely enough.", italic=True)
    write.heading("Priorities for the regional programme", 2)
    if content.priorities:
        write.paragraph(PRIORITY_NOTE)
        write.table(
            PRIORITY_HEADERS,
            [(str(p.rank), p.text, _mentions(p)) for p in content.priorities],
            PRIORITY_WIDTHS,
            centre=(0,),
        )
    else:
        write.paragraph(NONE_RECORDED, italic=True)
    if mark:
        add_header_line(write.doc, mark)
    return write.doc


def _mentions(priority: CyclePriority) -> str:
    """ "Day 1 (1), Day 3 (2: “Stable workforce”)": other wordings are shown, not lost."""
    return ", ".join(
        f"{m.day} ({m.rank})" if m.text == priority.text else f"{m.day} ({m.rank}: “{m.text}”)"
        for m in priority.mentions
    )


def _topic(topic: str, detail: str) -> str:
    return f"{topic}: {detail}" if detail else topic
