"""What a day's agenda says, as plain text: one source for the Word file and the printout.

No python-docx here, so the UI can print an agenda without loading it.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.common.vocabulary import DayMode
from facilitator.common.wording import join_names, long_date
from facilitator.planning.agenda import format_clock
from facilitator.planning.day_plan import DayPlan, Participant

HEADING = "Peer challenge day: agenda"
PARTICIPANTS_HEADING = "Authorities and lead reviewers"
TIMETABLE_HEADING = "Timetable"
PARTICIPANT_HEADERS = ("Presenting order", "Authority", "DCS", "Lead reviewer for")
TIMETABLE_HEADERS = ("Time", "Item", "Presenting", "Minutes")
SESSION_NOTE = (
    "Each authority’s session follows the same pattern: it presents its self-assessment, "
    "then its lead reviewer opens the questioning on strengths and signatures of risk and the "
    "other teams follow. The presenting team then sits back while the visitors affirm its "
    "strengths and share their insights “on the balcony”, before it reacts, reflects and "
    "agrees its actions."
)
TO_BE_CONFIRMED = "To be confirmed"


@dataclass(frozen=True)
class TimetableRow:
    """One line of the timetable. A session's stretch of rows shares one Presenting cell:
    its first row has `span` > 1 and the presenter; the rows it covers have `span` 0."""

    time: str
    item: str
    minutes: str
    presenting: str = ""
    lead_reviewer: str = ""
    span: int = 1
    is_break: bool = False
    is_finish: bool = False

    @property
    def cells(self) -> tuple[str, str, str, str]:
        return (self.time, self.item, self.presenting, self.minutes)


@dataclass(frozen=True)
class AgendaContent:
    title: str
    author: str
    details: tuple[tuple[str, str], ...]
    participants: tuple[tuple[str, str, str, str], ...]
    timetable: tuple[TimetableRow, ...]
    # "This plan ends at 18.05, 30 minutes after the 17.35 finish limit." or "".
    over_limit: str = ""


def agenda_content(plan: DayPlan) -> AgendaContent:
    day = plan.summary
    details = [("Date", long_date(day.date)), ("Day", _day_label(plan)), ("Where", _where(plan))]
    if plan.facilitator:
        details.append(("Facilitator", plan.facilitator))
    details.append(("Times", f"{format_clock(plan.start)} to {format_clock(plan.finish)}"))
    participants = tuple(
        (str(number), p.name, _dcs(plan, p), p.reviews or TO_BE_CONFIRMED)
        for number, p in enumerate(plan.participants, start=1)
    )
    return AgendaContent(
        title=f"Agenda: {day.kind.label} on {long_date(day.date)}",
        author=plan.facilitator or "Balcony",
        details=tuple(details),
        participants=participants,
        timetable=timetable_rows(plan),
        over_limit=plan.finish_notice,
    )


def timetable_rows(plan: DayPlan) -> tuple[TimetableRow, ...]:
    rows: list[TimetableRow] = []
    stages = plan.stages
    for index, stage in enumerate(stages):
        session = stage.session_id
        continues = index > 0 and session is not None and stages[index - 1].session_id == session
        span = 0
        if session is not None and not continues:
            span = 1
            while index + span < len(stages) and stages[index + span].session_id == session:
                span += 1
        resumes = span > 0 and any(s.session_id == session for s in stages[:index])
        presenting = stage.presenter if span else ""
        rows.append(
            TimetableRow(
                time=format_clock(stage.starts),
                item=stage.title,
                minutes=str(stage.planned_minutes),
                presenting=f"{presenting} (continued)" if resumes else presenting,
                lead_reviewer=_lead_reviewer(plan, stage.presenter) if span and not resumes else "",
                span=span if session is not None else 1,
                is_break=stage.is_break,
            )
        )
    rows.append(TimetableRow(format_clock(plan.finish), "Finish", "", is_finish=True))
    return tuple(rows)


def _dcs(plan: DayPlan, participant: Participant) -> str:
    """The DCS, or for a shared one both authorities in presenting order and the DCS named
    once: "Hampshire and Isle of Wight (one DCS: Stuart Ashley)"."""
    if not participant.shares_dcs_with:
        return participant.dcs or TO_BE_CONFIRMED
    group = {participant.name, *participant.shares_dcs_with}
    led = join_names([p.name for p in plan.participants if p.name in group])
    return f"{led} (one DCS: {participant.dcs or TO_BE_CONFIRMED.lower()})"


def _lead_reviewer(plan: DayPlan, presenter: str) -> str:
    """Who opens the questioning of `presenter`: "Tom Hallworth (Brackenmoor)"."""
    for p in plan.participants:
        if presenter and p.reviews == presenter:
            return f"{p.dcs} ({p.name})" if p.dcs else f"the DCS of {p.name}"
    return ""


def _day_label(plan: DayPlan) -> str:
    day = plan.summary
    return f"{day.kind.label}, {day.cycle_name}" if day.cycle_name else day.kind.label


def _where(plan: DayPlan) -> str:
    place = plan.summary.place
    if plan.summary.mode is DayMode.VIRTUAL:
        return f"Virtual: {place}" if place and place != "Online" else "Virtual"
    return place or TO_BE_CONFIRMED
