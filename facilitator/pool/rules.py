"""The DCSs' rules for calling on the pool, as pure functions a team builder can ask."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from facilitator.pool.people import ChallengerView, ServiceView


def once_a_year_problem(
    person: ChallengerView, service: Iterable[ServiceView], on_date: dt.date
) -> str | None:
    """Why `person` cannot be called on for a review on `on_date`, or None if they can.

    The DCSs require that nobody is called on too often: "certainly not more than once per
    calendar year" (the call for peer challengers). `service` is the person's history.
    """
    same_year = sorted(
        (s for s in service if s.person_id == person.id and s.served_on.year == on_date.year),
        key=lambda s: s.served_on,
    )
    if not same_year:
        return None
    first = same_year[0]
    return (
        f"{person.name} ({person.authority}) has already served in {on_date.year}, on "
        f"{first.review} ({first.served_on:%d/%m/%Y}); nobody is called on more than once a "
        f"calendar year, so choose someone else, or call on them from 1 January "
        f"{on_date.year + 1}."
    )
