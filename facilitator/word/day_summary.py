"""The day's summary as a Word file, for every authority of the day and the region.

Best practice examples and common systemic issues by presenting authority, the prioritised
list for next year's regional improvement plan, every ask and offer in one table, the
plenary's answers and who came.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from facilitator.records.collect import (
    AuthorityBullets,
    DaySummaryContent,
    ExchangeRow,
    RankedItem,
    collect_day_summary,
)
from facilitator.storage.files import write_atomically
from facilitator.word.conventions import (
    Document,
    document_bytes,
)
from facilitator.word.record_parts import (
    SMALL_TABLE_POINTS,
    RecordWriter,
    day_details,
    record_document,
    set_record_properties,
)
from facilitator.workspace import Workspace

SUBJECT = TITLE = "Peer challenge day summary"
DEFAULT_MARKING = "OFFICIAL-SENSITIVE"
PRIORITY_HEADERS = ("Rank", "Priority", "Raised by")
PRIORITY_WIDTHS = (1.4, 10.6, 4.0)
EXCHANGE_HEADERS = ("Authority", "Ask or offer", "Topic", "Detail", "Scope", "With")
EXCHANGE_WIDTHS = (2.5, 1.4, 3.9, 3.6, 2.3, 2.3)
EXCHANGE_SCOPE_NOTE = (
    "Bilateral: between two authorities. Multilateral: open to every authority in the region. "
    "Most can be met at low cost, by visits, shared documents or a call."
)


def build_day_summary(
    content: DaySummaryContent,
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
        author=content.day.author,
        created=generated_at,
        identifier=content.identifier,
        version="" if version is None else str(version),
        status=status,
        keywords=", ".join(content.day.authorities),
    )
    write = RecordWriter(doc)
    write.heading(TITLE, 1)
    write.details(day_details(content.day))
    _grouped(write, "Best practice examples", content.best_practice)
    _grouped(write, "Common systemic issues", content.systemic_issues)
    write.heading("Priorities for next year’s regional improvement plan", 2)
    _priorities(write, content.priorities)
    write.heading("Asks and offers", 2)
    _exchanges(write, content.exchanges)
    write.heading("Plenary", 2)
    for answers in content.plenary:
        write.heading(answers.question, 3)
        write.bullets(answers.bullets)
    write.heading("Attendance", 2)
    write.attendance(content.attendance)
    return doc


def day_summary_bytes(
    workspace: Workspace,
    day_id: int,
    *,
    marking: str | None = DEFAULT_MARKING,
    template: Path | None = None,
    generated_at: datetime | None = None,
    version: int | None = None,
    status: str = "",
) -> bytes:
    doc = build_day_summary(
        collect_day_summary(workspace, day_id),
        marking=marking,
        template=template,
        generated_at=generated_at or datetime.now(),
        version=version,
        status=status,
    )
    return document_bytes(doc)


def export_day_summary(
    workspace: Workspace,
    day_id: int,
    path: Path,
    *,
    marking: str | None = DEFAULT_MARKING,
    template: Path | None = None,
    generated_at: datetime | None = None,
    overwrite: bool = False,
    version: int | None = None,
    status: str = "",
) -> None:
    """Writes the day summary to `path`; raises WriteError with a readable message."""
    data = day_summary_bytes(
        workspace,
        day_id,
        marking=marking,
        template=template,
        generated_at=generated_at,
        version=version,
        status=status,
    )
    write_atomically(Path(path), data, overwrite=overwrite)


def _grouped(write: RecordWriter, title: str, groups: tuple[AuthorityBullets, ...]) -> None:
    write.heading(title, 2)
    if not groups:
        write.paragraph("None recorded.", italic=True)
    for group in groups:
        write.heading(group.heading, 3)
        write.bullets(group.bullets)


def _priorities(write: RecordWriter, items: tuple[RankedItem, ...]) -> None:
    if not items:
        write.paragraph("None recorded.", italic=True)
        return
    if any(item.who for item in items):
        rows = [(str(item.rank), item.text, item.who) for item in items]
        table = write.table(PRIORITY_HEADERS, rows, PRIORITY_WIDTHS, centre=(0,))
    else:  # nobody was named: no empty column
        short = [(str(item.rank), item.text) for item in items]
        widths = (PRIORITY_WIDTHS[0], sum(PRIORITY_WIDTHS[1:]))
        table = write.table(PRIORITY_HEADERS[:2], short, widths, centre=(0,))
    for index, item in enumerate(items, start=1):
        write.bookmark_cell(table, index, 1, item.bookmark)


def _exchanges(write: RecordWriter, rows: tuple[ExchangeRow, ...]) -> None:
    if not rows:
        write.paragraph("None recorded.", italic=True)
        return
    cells = [(r.authority, r.kind_label, r.topic, r.detail, r.scope, r.counterpart) for r in rows]
    table = write.table(EXCHANGE_HEADERS, cells, EXCHANGE_WIDTHS, font_size=SMALL_TABLE_POINTS)
    for index, row in enumerate(rows, start=1):
        write.bookmark_cell(table, index, 2, row.bookmark)
    write.paragraph(EXCHANGE_SCOPE_NOTE)
