"""How the scheme window words dates, kinds of review and people: plain English, whatever the
machine's locale."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable

from facilitator.pool.people import ServiceView
from facilitator.reviews.service import ReviewView

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(day: dt.date) -> str:
    """ "20 Jan 2026"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_kind(review: ReviewView) -> str:
    """ "PCTR", "SAV" or "SAV MAX"."""
    return review.kind.name.replace("_", " ")


def served_text(service: tuple[ServiceView, ...]) -> str:
    """ "None", or "2 (last 20 Jan 2026)"."""
    if not service:
        return "None"
    return f"{len(service)} (last {short_date(service[-1].served_on)})"


def listed(items: Iterable[str], empty: str = "None") -> str:
    words = [item for item in items if item]
    return "; ".join(words) if words else empty


def bullets(lines: Iterable[str]) -> str:
    """Lines as an HTML list, each escaped."""
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return f"<ul style='margin-left: -20px'>{items}</ul>"


def review_title(review: ReviewView) -> str:
    """ "Peer Challenge Team Review of Northshire, 10-12 Aug 2015"."""
    return f"{review.kind} of {review.host}, {review.draft.dates.words}"
