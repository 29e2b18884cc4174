"""The session note's own wording: its headings, its status marks and lines, and the error
that stops a note holding another session's words.

No python-docx here, so the printout, the returned-copy dialog and the confidentiality check
use the same words as the Word file without loading it.
"""

from __future__ import annotations

import datetime as dt

from facilitator.common.vocabulary import STAGE_LABELS
from facilitator.common.wording import long_date, short_date
from facilitator.storage.files import WriteError
from facilitator.word.record_content import NONE_RECORDED, SCORES

SUBJECT = "Peer challenge session note"
STATUS_DRAFT = "Draft for amendment"
STATUS_AGREED = "Agreed"
STAGE_TIME_HEADERS = ("Stage", "Planned (minutes)", "Actual (minutes)", "Difference")
WHO_TOOK_PART = "Who took part"
FOCUS_RISKS = "Focus risks"
PRESENTATION = "The presentation"
STRENGTHS = "Strengths affirmed"
INSIGHTS = "Insights from the balcony"
REACTION = "The presenting team’s reaction"
REFLECTION = "Reflection"
ACTIONS = "Actions"
ASKS = "Asks: support wanted"
OFFERS = "Offers: practice to share"
TOPICAL = "Topical peer challenge next year"
OTHER_NOTES = "Other notes"
QUESTIONS = "Questions explored"
NEW_QUESTIONS = "New questions"
DISCUSSION = "Other points from the questioning"
APPENDIX = "Appendix: planned and actual times"
SIGN_OFF = "Sign-off"
PRESENTING_DCS = "Presenting DCS"
# A draft goes back to the facilitator within this many working days (Monday to Friday;
# bank holidays are not known, so they count). There is no record setting for it yet.
RETURN_WITHIN_WORKING_DAYS = 10
RUNNING_NOTE = "A stage still running is counted up to the time of this note."
WHOLE_SESSION = "Whole session"
NOT_RUN = "Not run"
CONFIDENTIAL = (
    "This note is confidential to {authority}. Once agreed, the Director of Children’s "
    "Services may share it with the Lead Member."
)
# The note's own wording: another session's bullet that happens to say the same is no leak.
FIXED_TEXTS: tuple[str, ...] = (
    WHO_TOOK_PART,
    FOCUS_RISKS,
    PRESENTATION,
    STRENGTHS,
    INSIGHTS,
    REACTION,
    REFLECTION,
    ACTIONS,
    ASKS,
    OFFERS,
    TOPICAL,
    OTHER_NOTES,
    QUESTIONS,
    NEW_QUESTIONS,
    DISCUSSION,
    APPENDIX,
    SIGN_OFF,
    RUNNING_NOTE,
    WHOLE_SESSION,
    NOT_RUN,
    *STAGE_TIME_HEADERS,
    *CONFIDENTIAL.split("{authority}"),
    *STAGE_LABELS.values(),
    NONE_RECORDED,
    "Date",
    "Day",
    "Cycle",
    "Where",
    "Facilitator",
    "Lead reviewer",
    "Not recorded",
    SCORES,
)


class ConfidentialityError(WriteError):
    """A session note holds words from another authority's session; nothing was written."""

    def __init__(self, authority: str, other: str, text: str) -> None:
        shown = text if len(text) <= 60 else text[:57] + "…"
        super().__init__(
            f"The session note for {authority} contains words from {other}’s session "
            f"(“{shown}”), so it was not saved. Each note may hold only its own session. "
            "Move that bullet to the right session, or remove it from this one, and export again."
        )
        self.authority = authority
        self.other = other
        self.text = text


def draft_mark(version: int) -> str:
    return f"DRAFT for amendment — version {version}"


def dated_draft_mark(version: int, issued: dt.date) -> str:
    """The mark of a draft record that is not sent for amendment (a day summary, a cycle
    report): "DRAFT — version 2 — 3 February 2027"."""
    return f"DRAFT — version {version} — {short_date(issued)}"


def agreed_mark(agreed_on: dt.date) -> str:
    return f"Agreed on {short_date(agreed_on)}"


def draft_status_line(version: int, sent_on: dt.date | None = None) -> str:
    """ "Status: draft for amendment, version 2, sent 3 February 2027"."""
    sent = f", sent {short_date(sent_on)}" if sent_on else ""
    return f"Status: draft for amendment, version {version}{sent}"


def agreed_status_line(agreed_on: dt.date) -> str:
    return f"Status: agreed on {short_date(agreed_on)}"


def return_by(issued: dt.date, working_days: int = RETURN_WITHIN_WORKING_DAYS) -> dt.date:
    """The date `working_days` working days (Monday to Friday) after `issued`."""
    day = issued
    while working_days > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            working_days -= 1
    return day


def sign_off_lines(
    *,
    authority: str,
    dcs: str,
    facilitator: str,
    issued: dt.date,
    agreed_on: dt.date | None,
    draft: bool = True,
) -> list[str]:
    """The lines at the foot of a note: who presented, who agreed it and when (or, for a
    draft, by when and to whom amendments go) and the day it was issued. A working copy,
    neither draft nor agreed, names neither."""
    director = dcs.strip() or f"the DCS of {authority}"
    lines = [f"{PRESENTING_DCS}: {dcs.strip() or 'Not recorded'}"]
    if agreed_on is not None:
        lines.append(f"Agreed by {director} on {long_date(agreed_on)}")
    elif draft:
        to = facilitator.strip() or "the facilitator"
        lines.append(f"Please return amendments by {long_date(return_by(issued))} to {to}")
    lines.append(f"Issued {long_date(issued)}")
    return lines
