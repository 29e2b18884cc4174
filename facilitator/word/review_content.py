"""What a review's report and a cycle's forward plan say, as frozen values.

No python-docx here, as in record_content: facilitator.records gathers these values from the
stored review or cycle (records/review_records.py), and review_report.py and forward_plan.py
lay them out in Word.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from facilitator.common.vocabulary import ExchangeKind
from facilitator.common.wording import join_names, short_date
from facilitator.word.record_content import CycleDay
from facilitator.word.report_content import TopicalInvitation

NOT_SET = "Not set"
NOT_AGREED = "Not yet agreed."


def due_text(due_from: dt.date | None, due_on: dt.date | None) -> str:
    """ "30 June 2027", "1 May 2027 to 30 June 2027", or "Not set"."""
    if due_on is None:
        return f"From {short_date(due_from)}" if due_from else NOT_SET
    if due_from is not None and due_from != due_on:
        return f"{short_date(due_from)} to {short_date(due_on)}"
    return short_date(due_on)


def days_text(days: tuple[dt.date, ...]) -> str:
    """A review's days: "10, 11 and 12 August 2015" within a month, else each in full."""
    if not days:
        return ""
    first = days[0]
    if all((d.year, d.month) == (first.year, first.month) for d in days):
        month = short_date(days[-1]).split(" ", 1)[1]
        return f"{join_names([str(d.day) for d in days])} {month}"
    return join_names([short_date(d) for d in days])


@dataclass(frozen=True)
class FollowUpFacts:
    """Who will see a recommendation or an agreed support through, by when, and how it stands."""

    owner: str = ""
    due_from: dt.date | None = None
    due_on: dt.date | None = None
    status: str = ""  # "Open", "Done on 3 May 2027", "Dropped"

    @property
    def due(self) -> str:
        return due_text(self.due_from, self.due_on)

    @property
    def owner_text(self) -> str:
        return self.owner or NOT_SET


# the review's report -----------------------------------------------------------------------


@dataclass(frozen=True)
class TeamRow:
    name: str
    authority: str
    role: str


@dataclass(frozen=True)
class ReportLine:
    """One finding, strength, area for development or recommendation, with its bookmark, and
    for a recommendation tracked as a follow-up its owner and date."""

    text: str
    bookmark: str = ""
    follow_up: FollowUpFacts | None = None

    @property
    def tracking(self) -> str:
        """ "Owner: Director of Early Help; due 30 June 2027; open" ("" when not tracked)."""
        if self.follow_up is None:
            return ""
        f = self.follow_up
        parts = [f"Owner: {f.owner_text}", f"due {f.due}" if f.due != NOT_SET else "no date set"]
        if f.status:
            parts.append(f.status[:1].lower() + f.status[1:])
        return "; ".join(parts)


@dataclass(frozen=True)
class ReportSection:
    title: str  # "Findings", "Strengths", "Areas for development", "Recommendations"
    lines: tuple[ReportLine, ...]


@dataclass(frozen=True)
class ReviewReportRecord:
    identifier: str
    kind_title: str  # "Peer Challenge Team Review", "Safeguarding Assurance Visit"
    host: str
    dates: str  # the days, or the dates as the schedule gives them
    lead_title: str  # "Lead DCS", "Lead AD"
    leads: tuple[str, ...]  # "Lesley (Northshire)"
    qa: tuple[str, ...]
    team: tuple[TeamRow, ...]
    kloe: str  # "" while the lines of enquiry are to be agreed
    hypotheses: tuple[str, ...]
    sections: tuple[ReportSection, ...]
    enquiry_title: str = "Key lines of enquiry"  # a SAV's: "Focus"

    @property
    def title(self) -> str:
        return f"{self.kind_title}: {self.host}"

    @property
    def author(self) -> str:
        return ", ".join(self.leads) or "Balcony"

    @property
    def keywords(self) -> str:
        return self.host


# the forward plan --------------------------------------------------------------------------


@dataclass(frozen=True)
class AgreedSupport:
    """Support from the menu (Annex 1) agreed for an ask or offer."""

    option: str  # the option's label
    follow_up: FollowUpFacts
    note: str = ""


@dataclass(frozen=True)
class PlanExchange:
    day: str
    authority: str
    kind: ExchangeKind
    topic: str
    detail: str
    scope: str
    counterpart: str
    support: tuple[AgreedSupport, ...] = ()

    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def topic_text(self) -> str:
        return f"{self.topic}: {self.detail}" if self.detail else self.topic

    @property
    def named(self) -> str:
        """ "Ashvale’s ask (Day 1): Fostering hub"."""
        return f"{self.authority}’s {self.kind.value} ({self.day}): {self.topic}"


@dataclass(frozen=True)
class PlanAction:
    day: str
    authority: str  # the presenting authority whose session agreed it
    text: str
    follow_up: FollowUpFacts


@dataclass(frozen=True)
class ForwardPlanRecord:
    identifier: str
    cycle_name: str
    facilitators: tuple[str, ...]
    days: tuple[CycleDay, ...]
    exchanges: tuple[PlanExchange, ...]
    actions: tuple[PlanAction, ...]
    topical_invitations: tuple[TopicalInvitation, ...]

    @property
    def title(self) -> str:
        return f"Peer challenge forward plan: {self.cycle_name}"

    @property
    def author(self) -> str:
        return ", ".join(self.facilitators) or "Balcony"

    @property
    def keywords(self) -> str:
        return self.cycle_name
