"""A review's report as a Word file: a Peer Challenge Team Review's or a Safeguarding
Assurance Visit's findings, strengths, areas for development and recommendations.

The title block (authority, dates, leads), the team, the key lines of enquiry and the
hypotheses tested, then the four sections in the report's order, each "None recorded." when
empty. A recommendation tracked as a follow-up shows its owner and date beside it. Every line
sits in a bookmark naming its stored row ("finding-12"), as a session note's do.
"""

from __future__ import annotations

from facilitator.word.conventions import Document
from facilitator.word.record_content import NONE_RECORDED, Bullet, Stamp
from facilitator.word.record_parts import add_header_line, begin_record
from facilitator.word.review_content import NOT_AGREED, ReviewReportRecord

SUBJECT = "Peer challenge review report"
TEAM_HEADERS = ("Name", "Authority", "Role")
TEAM_WIDTHS = (5.0, 4.4, 6.6)
HYPOTHESES = "Hypotheses"
TEAM = "The review team"


def build_review_report(content: ReviewReportRecord, stamp: Stamp, mark: str = "") -> Document:
    """The report; `mark` (a draft's or agreed mark) heads every page."""
    write = begin_record(content, SUBJECT, stamp)
    write.heading(content.title, 1)
    details = [("Authority", content.host), ("Dates", content.dates)]
    if content.leads:
        plural = "s" if len(content.leads) > 1 else ""
        details.append((content.lead_title + plural, "\n".join(content.leads)))
    if content.qa:
        details.append(("QA DCS", "\n".join(content.qa)))
    write.mark_cells(write.details(details), "details", first_row=0)
    write.heading(TEAM, 2)
    if content.team:
        team = write.table(
            TEAM_HEADERS,
            [(row.name, row.authority or "Not recorded", row.role) for row in content.team],
            TEAM_WIDTHS,
        )
        write.mark_cells(team, "team")
    else:
        write.paragraph(NONE_RECORDED, italic=True)
    write.heading(content.enquiry_title, 2)
    if content.kloe:
        lines = [line.strip() for line in content.kloe.split("\n") if line.strip()]
        for number, line in enumerate(lines, start=1):
            write.paragraph(line, marked=line, bookmark=f"kloe-{number}")
    else:
        write.paragraph(NOT_AGREED, italic=True)
    write.heading(HYPOTHESES, 3)
    write.bullets([Bullet(text) for text in content.hypotheses])
    for section in content.sections:
        write.heading(section.title, 2)
        write.bullets([Bullet(line.text, line.bookmark, line.tracking) for line in section.lines])
    if mark:
        add_header_line(write.doc, mark)
    return write.doc
