"""Changing a day's agenda inside the caller's unit of work: lengths, breaks and order.

Each edit returns a DayChange saying which day and stages moved, and anything the user
should know (a stage set below its usual minimum is allowed, but said).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.common.vocabulary import StageKind
from facilitator.planning.agenda import DEFAULT_FINISH_LIMIT
from facilitator.storage.models import Day, Note, Stage
from facilitator.storage.rows import get_stored, stored_id

# Nothing in a peer challenge day lasts longer than the day itself.
MAX_STAGE_MINUTES = 12 * 60


@dataclass(frozen=True)
class DayChange:
    """What an edit changed, so each view can decide what to refresh."""

    day_id: int
    stage_ids: tuple[int, ...] = ()
    notices: tuple[str, ...] = ()


class AgendaInputError(ValueError):
    """An agenda change that cannot be made; the message says why and what to do instead."""


def get_day(s: DbSession, day_id: int) -> Day:
    return get_stored(s, Day, day_id, "day")


def get_stage(s: DbSession, stage_id: int) -> Stage:
    return get_stored(s, Stage, stage_id, "stage")


def day_stages(s: DbSession, day_id: int) -> list[Stage]:
    return list(
        s.exec(
            select(Stage).where(Stage.day_id == day_id).order_by(col(Stage.position), col(Stage.id))
        ).all()
    )


def renumber(stages: Sequence[Stage]) -> None:
    for position, stage in enumerate(stages):
        stage.position = position


def set_minutes(s: DbSession, stage_id: int, minutes: int) -> DayChange:
    stage = get_stage(s, stage_id)
    check_minutes(stage.kind, minutes)
    stage.planned_minutes = minutes
    s.add(stage)
    notices: tuple[str, ...] = ()
    if minutes < stage.min_minutes:
        notices = (
            f"{stage.kind.label} is now {minutes} minutes, below its usual minimum of "
            f"{stage.min_minutes}.",
        )
    return DayChange(stage.day_id, (stage_id,), notices)


def check_minutes(kind: StageKind, minutes: int) -> None:
    if not 1 <= minutes <= MAX_STAGE_MINUTES:
        raise AgendaInputError(
            f"{kind.label} cannot last {minutes} minutes: "
            f"choose between 1 and {MAX_STAGE_MINUTES} minutes."
        )


def insert_break(
    s: DbSession, day_id: int, after_stage_id: int, kind: StageKind, minutes: int
) -> DayChange:
    if not kind.is_break:
        raise AgendaInputError(f"{kind.label} is not a break.")
    check_minutes(kind, minutes)
    get_day(s, day_id)
    stages = day_stages(s, day_id)
    index = next((i for i, x in enumerate(stages) if x.id == after_stage_id), None)
    if index is None:
        raise LookupError(f"Stage {after_stage_id} is not part of day {day_id}.")
    pause = Stage(
        day_id=day_id, position=0, kind=kind, planned_minutes=minutes, min_minutes=minutes
    )
    s.add(pause)
    stages.insert(index + 1, pause)
    renumber(stages)
    s.flush()
    return DayChange(day_id, (stored_id(pause.id),))


def delete_break(s: DbSession, stage_id: int) -> DayChange:
    stage = get_stage(s, stage_id)
    if not stage.kind.is_break:
        raise AgendaInputError(
            f"Only breaks can be removed; {stage.kind.label} stays. Shorten it instead."
        )
    if stage.started_at is not None:
        raise AgendaInputError("This break has already started, so it stays on the record.")
    day_id = stage.day_id
    s.delete(stage)
    s.flush()
    renumber(day_stages(s, day_id))
    return DayChange(day_id, (stage_id,))


def set_all_minutes(s: DbSession, day_id: int, minutes: Sequence[tuple[int, int]]) -> DayChange:
    """Sets several stages' lengths at once (an agreed proposal); all or none."""
    stages = {x.id: x for x in day_stages(s, day_id)}
    for stage_id, length in minutes:
        if stage_id not in stages:
            raise LookupError(f"Stage {stage_id} is not part of day {day_id}.")
        check_minutes(stages[stage_id].kind, length)
    changed = []
    for stage_id, length in minutes:
        if stages[stage_id].planned_minutes != length:
            stages[stage_id].planned_minutes = length
            changed.append(stage_id)
    return DayChange(day_id, tuple(changed))


def set_start(s: DbSession, day_id: int, start: dt.time) -> DayChange:
    day = get_day(s, day_id)
    day.start_time = start.replace(second=0, microsecond=0)
    s.add(day)
    return DayChange(day_id)


def finish_limit_of(day: Day) -> dt.time:
    """The day's finish limit. Every day has one: a day stored without (before limits were
    on by default) reads as DEFAULT_FINISH_LIMIT, at read time, so no file is rewritten."""
    return day.finish_limit if day.finish_limit is not None else DEFAULT_FINISH_LIMIT


def set_limit(s: DbSession, day_id: int, limit: dt.time | None) -> DayChange:
    """None puts the day back to the default limit (DEFAULT_FINISH_LIMIT)."""
    day = get_day(s, day_id)
    day.finish_limit = limit.replace(second=0, microsecond=0) if limit is not None else None
    s.add(day)
    return DayChange(day_id)


def reordered_stage_ids(
    stages: Sequence[tuple[int, int | None]], session_order: Sequence[int]
) -> list[int]:
    """Stage ids after the sessions are put in `session_order`; breaks keep their places.

    `stages` is (stage id, session id or None) in agenda order. Each session's stretch runs
    from its first stage to its last, with whatever lies inside (a screen break) travelling
    with it; what lies between two sessions (lunch, tea) stays in that slot.
    """
    spans: dict[int, tuple[int, int]] = {}
    for index, (_stage_id, session_id) in enumerate(stages):
        if session_id is not None:
            first, _last = spans.get(session_id, (index, index))
            spans[session_id] = (first, index)
    if sorted(spans) != sorted(session_order):
        raise ValueError("the new order must name every session of the day once")
    current = sorted(spans, key=lambda key: spans[key][0])
    for before, after in pairwise(current):
        if spans[before][1] > spans[after][0]:
            raise ValueError("two sessions’ stages are interleaved; the agenda is damaged")
    ids = [stage_id for stage_id, _session_id in stages]
    if not current:
        return ids
    result = ids[: spans[current[0]][0]]
    for slot, session_id in enumerate(session_order):
        first, last = spans[session_id]
        result += ids[first : last + 1]
        gap_start = spans[current[slot]][1] + 1
        gap_end = spans[current[slot + 1]][0] if slot + 1 < len(current) else len(ids)
        result += ids[gap_start:gap_end]
    return result


def has_notes(s: DbSession, stage_id: int) -> bool:
    return s.exec(select(Note.id).where(Note.stage_id == stage_id)).first() is not None
