"""Small pieces of wording the charts' alt texts share, and the reads every chart starts from.

Alt text is read aloud by screen readers and printed under figures in the records, so numbers
are written as a person would say them: "1 question", "3.5 each", "17.50".
"""

from __future__ import annotations

from facilitator.common.wording import short_date
from facilitator.planning.day_list import DaySummary
from facilitator.planning.day_sessions import SessionInfo, read_sessions
from facilitator.storage.database import Database
from facilitator.storage.models import Session
from facilitator.storage.rows import get_stored


def count_of(number: int, noun: str, plural: str | None = None) -> str:
    """ "1 question", "3 questions", "no questions"."""
    if number == 0:
        return f"no {plural or noun + 's'}"
    return f"{number} {noun if number == 1 else (plural or noun + 's')}"


def minutes_text(minutes: float) -> str:
    """ "1 minute", "12 minutes": whole minutes, as the console shows them."""
    whole = round(minutes)
    return f"{whole} minute" if whole == 1 else f"{whole} minutes"


def number_text(value: float) -> str:
    """ "3", "3.5": no ".0" on a whole number, one decimal place otherwise."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def possessive(name: str) -> str:
    """ "Ashvale’s"; the curly apostrophe the rest of Balcony prints."""
    return f"{name}’s"


def day_label(summary: DaySummary) -> str:
    """ "Day 1", or the date for a day without a number: how the cycle report names days."""
    return f"Day {summary.number}" if summary.number else short_date(summary.date)


def cycle_days(days: list[DaySummary], cycle_name: str) -> list[DaySummary]:
    """The cycle's days in day number (then date) order, as the cycle report lists them."""
    found = [d for d in days if d.cycle_name == cycle_name]
    if not found:
        raise LookupError(f"There are no days in the cycle “{cycle_name}”.")
    return sorted(found, key=lambda d: (d.number is None, d.number or 0, d.date, d.id))


def session_presenter(db: Database, session_id: int) -> SessionInfo:
    """Who presents in the session: the name a chart of the session is titled by."""
    with db.session_scope() as s:
        day_id = get_stored(s, Session, session_id, "session").day_id
        return next(x for x in read_sessions(s, day_id) if x.session_id == session_id)
