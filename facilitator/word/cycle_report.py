"""The cycle report as a Word file: what the days of one cycle say together.

Recurring themes, best practice and systemic issues day by day, every ask and offer with
suggested pairings, and the priorities for the regional programme.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from facilitator.records.collect import (
    AuthorityBullets,
    CyclePriority,
    CycleReportContent,
    collect_cycle_report,
)
from facilitator.records.common import join_names, short_date
from facilitator.storage.files import write_atomically
from facilitator.word.conventions import (
    Document,
    document_bytes,
)
from facilitator.word.record_parts import (
    SMALL_TABLE_POINTS,
    RecordWriter,
    record_document,
    set_record_properties,
)
from facilitator.workspace import Workspace

SUBJECT = TITLE = "Peer challenge cycle report"
DEFAULT_MARKING = "OFFICIAL-SENSITIVE"
DAY_HEADERS = ("Day", "Date", "Kind", "Authorities", "Where")
DAY_WIDTHS = (1.6, 3.2, 1.7, 5.5, 4.0)
THEME_HEADERS = ("Theme", "Sessions that asked", "Sessions that chose it as a focus risk", "Days")
THEME_WIDTHS = (7.0, 3.0, 3.6, 2.4)
EXCHANGE_HEADERS = ("Day", "Authority", "Ask or offer", "Topic", "Scope", "With")
EXCHANGE_WIDTHS = (1.5, 2.5, 1.4, 6.0, 2.3, 2.3)
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


def build_cycle_report(
    content: CycleReportContent,
    *,
    marking: str | None = DEFAULT_MARKING,
    template: Path | None = None,
    generated_at: datetime,
    version: int | None = None,
    status: str = "",
) -> Document:
    """`version` and `status` go in the document's properties, for the record's history."""
    doc = record_document(template, marking)
    set_record_properties(
        doc,
        title=content.title,
        subject=SUBJECT,
        author=content.author,
        created=generated_at,
        identifier=content.identifier,
        version="" if version is None else str(version),
        status=status,
        keywords=content.cycle_name,
    )
    write = RecordWriter(doc)
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
    _by_day(write, "Common systemic issues", content.systemic_issues)
    _by_day(write, "Best practice examples", content.best_practice)
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
            font_size=SMALL_TABLE_POINTS,
        )
    else:
        write.paragraph("None recorded.", italic=True)
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
        write.paragraph("None recorded.", italic=True)
    return doc


def cycle_report_bytes(
    workspace: Workspace,
    cycle_name: str,
    *,
    marking: str | None = DEFAULT_MARKING,
    template: Path | None = None,
    generated_at: datetime | None = None,
    version: int | None = None,
    status: str = "",
) -> bytes:
    doc = build_cycle_report(
        collect_cycle_report(workspace, cycle_name),
        marking=marking,
        template=template,
        generated_at=generated_at or datetime.now(),
        version=version,
        status=status,
    )
    return document_bytes(doc)


def export_cycle_report(
    workspace: Workspace,
    cycle_name: str,
    path: Path,
    *,
    marking: str | None = DEFAULT_MARKING,
    template: Path | None = None,
    generated_at: datetime | None = None,
    overwrite: bool = False,
    version: int | None = None,
    status: str = "",
) -> None:
    """Writes the cycle report to `path`; raises WriteError with a readable message, or
    LookupError when the cycle has no days."""
    data = cycle_report_bytes(
        workspace,
        cycle_name,
        marking=marking,
        template=template,
        generated_at=generated_at,
        version=version,
        status=status,
    )
    write_atomically(Path(path), data, overwrite=overwrite)


def _mentions(priority: CyclePriority) -> str:
    """ "Day 1 (1), Day 3 (2: “Stable workforce”)": other wordings are shown, not lost."""
    return ", ".join(
        f"{m.day} ({m.rank})" if m.text == priority.text else f"{m.day} ({m.rank}: “{m.text}”)"
        for m in priority.mentions
    )


def _topic(topic: str, detail: str) -> str:
    return f"{topic}: {detail}" if detail else topic


def _by_day(write: RecordWriter, title: str, groups: tuple[AuthorityBullets, ...]) -> None:
    write.heading(title, 2)
    if not groups:
        write.paragraph("None recorded.", italic=True)
    for group in groups:
        write.heading(group.heading, 3)
        write.bullets(group.bullets)
