"""The day's summary as a Word file, for every authority of the day and the region.

Best practice examples and common systemic issues by presenting authority, the prioritised
list for next year's regional improvement plan, every ask and offer in one table, the
plenary's answers, what each person wants to give and receive, and who came.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.word.conventions import Document
from facilitator.word.figures import DAY_FIGURES_TITLE, RecordFigure, add_figures
from facilitator.word.record_content import (
    NONE_RECORDED,
    ExchangeRow,
    RankedItem,
    Stamp,
)
from facilitator.word.record_parts import add_header_line, begin_record, day_details
from facilitator.word.record_writer import RecordWriter
from facilitator.word.report_content import NOT_RECORDED, DaySummaryRecord, IntroductionRow

SUBJECT = TITLE = "Peer challenge day summary"
PRIORITY_HEADERS = ("Rank", "Priority", "Raised by")
PRIORITY_WIDTHS = (1.4, 10.6, 4.0)
EXCHANGE_HEADERS = ("Authority", "Ask or offer", "Topic", "Detail", "Scope", "With")
EXCHANGE_WIDTHS = (2.8, 1.6, 3.5, 3.0, 2.3, 2.8)  # "Brackenmoor" whole at 11 pt
INTRODUCTION_HEADERS = ("Authority", "Who", "Wants to give", "Wants to receive")
INTRODUCTION_WIDTHS = (2.8, 4.6, 4.3, 4.3)
INTRODUCTION_NOTE = "What each person said they want to give to and receive from the day."
EXCHANGE_SCOPE_NOTE = (
    "Bilateral: between two authorities. Multilateral: open to every authority in the region. "
    "Most can be met at low cost, by visits, shared documents or a call."
)


def build_day_summary(
    content: DaySummaryRecord,
    stamp: Stamp,
    mark: str = "",
    figures: Sequence[RecordFigure] = (),
) -> Document:
    """The summary, its charts last; `mark` (a draft's or agreed mark) heads every page."""
    write = begin_record(content, SUBJECT, stamp)
    write.heading(TITLE, 1)
    write.details(day_details(content.day))
    write.groups("Best practice examples", content.best_practice)
    write.groups("Common systemic issues", content.systemic_issues)
    write.heading("Priorities for next year’s regional improvement plan", 2)
    _priorities(write, content.priorities)
    write.heading("Asks and offers", 2)
    _exchanges(write, content.exchanges)
    write.heading("Plenary", 2)
    for answers in content.plenary:
        write.heading(answers.question, 3)
        write.bullets(answers.bullets)
    write.heading("Introductions", 2)
    _introductions(write, content.introductions)
    write.heading("Attendance", 2)
    write.attendance(content.attendance)
    add_figures(write, DAY_FIGURES_TITLE, figures)
    if mark:
        add_header_line(write.doc, mark)
    return write.doc


def _priorities(write: RecordWriter, items: tuple[RankedItem, ...]) -> None:
    if not items:
        write.paragraph(NONE_RECORDED, italic=True)
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
        write.paragraph(NONE_RECORDED, italic=True)
        return
    cells = [(r.authority, r.kind_label, r.topic, r.detail, r.scope, r.counterpart) for r in rows]
    table = write.table(EXCHANGE_HEADERS, cells, EXCHANGE_WIDTHS)
    for index, row in enumerate(rows, start=1):
        write.bookmark_cell(table, index, 2, row.bookmark)
    write.paragraph(EXCHANGE_SCOPE_NOTE)


def _introductions(write: RecordWriter, rows: tuple[IntroductionRow, ...]) -> None:
    if not rows:
        write.paragraph(NONE_RECORDED, italic=True)
        return
    write.paragraph(INTRODUCTION_NOTE)
    cells = [
        (r.authority, r.who, r.gives or NOT_RECORDED, r.receives or NOT_RECORDED) for r in rows
    ]
    write.table(INTRODUCTION_HEADERS, cells, INTRODUCTION_WIDTHS)
