"""Changing who takes part how: lead reviewers and the presenting order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.planning.agenda_edits import DayChange, day_stages, get_day, reordered_stage_ids
from facilitator.planning.day_plan import roster, roster_problems
from facilitator.planning.day_setup import DayInputError
from facilitator.planning.lead_reviewers import suggest_assignment
from facilitator.storage.models import DayAuthority, Session
from facilitator.storage.rows import stored_id


def day_authorities(s: DbSession, day_id: int) -> list[DayAuthority]:
    get_day(s, day_id)
    return list(
        s.exec(
            select(DayAuthority)
            .where(DayAuthority.day_id == day_id)
            .order_by(col(DayAuthority.position))
        ).all()
    )


def set_lead_reviewers(s: DbSession, day_id: int, reviews: Mapping[int, int | None]) -> DayChange:
    """Stores who reviews whom even when it is not yet valid: the user may be mid-edit.

    Authorities missing from `reviews` keep their lead reviewer role; None clears one.
    The change's notices are the assignment's remaining problems.
    """
    rows = {row.authority_id: row for row in day_authorities(s, day_id)}
    for reviewer, reviewed in reviews.items():
        if reviewer not in rows or (reviewed is not None and reviewed not in rows):
            unknown = reviewer if reviewer not in rows else reviewed
            raise DayInputError(f"Authority {unknown} is not taking part in this day.")
    for reviewer, reviewed in reviews.items():
        rows[reviewer].reviews_authority_id = reviewed
        s.add(rows[reviewer])
    s.flush()
    return DayChange(day_id, notices=tuple(roster_problems(roster(s, day_id))))


def suggested_lead_reviewers(s: DbSession, day_id: int) -> dict[int, int]:
    """The default assignment for the current presenting order, avoiding shared-DCS conflicts."""
    rows = day_authorities(s, day_id)
    groups: dict[int, set[int]] = {}
    for row in rows:
        if row.dcs_id is not None:
            groups.setdefault(row.dcs_id, set()).add(row.authority_id)
    return suggest_assignment([row.authority_id for row in rows], groups.values())


def reorder_authorities(s: DbSession, day_id: int, order: Sequence[int]) -> DayChange:
    """Puts the authorities, their sessions and the sessions' stages in a new order.

    Each session keeps its stages and their notes; lunch stays after the first session and
    tea after the second. Lead reviewers stay as they were: changing them is a separate,
    explicit choice (see `suggested_lead_reviewers`).
    """
    rows = day_authorities(s, day_id)
    if sorted(order) != sorted(row.authority_id for row in rows):
        names = ", ".join(str(row.authority_id) for row in rows)
        raise DayInputError(
            f"The new presenting order must list each of the day’s authorities once ({names})."
        )
    stages = day_stages(s, day_id)
    if any(stage.started_at is not None for stage in stages):
        raise DayInputError("The day has begun, so its presenting order can no longer change.")
    place = {authority_id: position for position, authority_id in enumerate(order)}
    for row in rows:
        row.position = place[row.authority_id]
        s.add(row)
    sessions = list(s.exec(select(Session).where(Session.day_id == day_id)).all())
    session_of = {session.authority_id: session for session in sessions}
    for session in sessions:
        session.position = place[session.authority_id]
        s.add(session)
    new_ids = reordered_stage_ids(
        [(stored_id(stage.id), stage.session_id) for stage in stages],
        [stored_id(session_of[authority_id].id) for authority_id in order],
    )
    by_id = {stage.id: stage for stage in stages}
    moved = []
    for position, stage_id in enumerate(new_ids):
        if by_id[stage_id].position != position:
            by_id[stage_id].position = position
            moved.append(stage_id)
    return DayChange(day_id, tuple(moved))
