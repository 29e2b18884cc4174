"""Saved agenda shapes: a day's stages, lengths, breaks and start time, reused by name.

A template belongs to one kind of day, because a triad's shape has three sessions and a
quartet's four. Applying one keeps the day's sessions, stages and notes wherever the shape
still has a place for them.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.common.vocabulary import DayKind, DayMode, StageKind
from facilitator.planning.agenda import QUARTET_START, clock_times, format_clock, quartet_agenda
from facilitator.planning.agenda_edits import (
    AgendaInputError,
    DayChange,
    check_minutes,
    day_stages,
    get_day,
    has_notes,
)
from facilitator.storage.models import AgendaTemplate, Session, Stage
from facilitator.storage.rows import get_stored, stored_id

TEMPLATE_FORMAT = 1
# The quartet template ships with Balcony (docs/quartet-timing.md); it is not stored, so
# its id is negative and it cannot be replaced or damaged.
QUARTET_TEMPLATE_ID = -1
QUARTET_TEMPLATE_NAME = "Quartet in a working day (built in)"


@dataclass(frozen=True)
class TemplateItem:
    kind: StageKind
    minutes: int
    min_minutes: int
    session_index: int | None


@dataclass(frozen=True)
class TemplateSummary:
    id: int
    name: str
    kind: DayKind
    start: dt.time
    finish: dt.time
    items: tuple[TemplateItem, ...]

    @property
    def description(self) -> str:
        return f"{self.kind.label}, {format_clock(self.start)} to {format_clock(self.finish)}"


def save_template(s: DbSession, day_id: int, name: str, *, replace: bool = False) -> int:
    name = " ".join(name.split())
    if not name:
        raise AgendaInputError("Give the template a name.")
    if name.casefold() == QUARTET_TEMPLATE_NAME.casefold():
        raise AgendaInputError(f"“{name}” is the built-in template. Choose another name.")
    day = get_day(s, day_id)
    sessions = {
        x.id: x.position for x in s.exec(select(Session).where(Session.day_id == day_id)).all()
    }
    ranks = {
        session_id: rank
        for rank, session_id in enumerate(sorted(sessions, key=sessions.__getitem__))
    }
    items = [
        {
            "kind": stage.kind.value,
            "minutes": stage.planned_minutes,
            "min": stage.min_minutes,
            "session": ranks[stage.session_id] if stage.session_id is not None else None,
        }
        for stage in day_stages(s, day_id)
    ]
    shape = json.dumps(
        {"format": TEMPLATE_FORMAT, "start": day.start_time.strftime("%H:%M"), "items": items}
    )
    existing = s.exec(select(AgendaTemplate).where(AgendaTemplate.name == name)).first()
    if existing is not None and not replace:
        raise AgendaInputError(
            f"A template called “{name}” already exists. Choose another name, or replace it."
        )
    template = existing or AgendaTemplate(name=name, kind=day.kind, shape=shape)
    template.kind = day.kind
    template.shape = shape
    s.add(template)
    s.flush()
    return stored_id(template.id)


def list_templates(s: DbSession, kind: DayKind | None = None) -> list[TemplateSummary]:
    """The built-in quartet template first (for quartets), then the saved ones by name."""
    query = select(AgendaTemplate).order_by(col(AgendaTemplate.name))
    if kind is not None:
        query = query.where(AgendaTemplate.kind == kind)
    built_in = [quartet_template()] if kind in (None, DayKind.QUARTET) else []
    return built_in + [_summary(t) for t in s.exec(query).all()]


def quartet_template(mode: DayMode = DayMode.FACE_TO_FACE) -> TemplateSummary:
    """The built-in quartet template; on a virtual day its short pause is a screen break."""
    items = tuple(
        TemplateItem(x.kind, x.minutes, x.min_minutes, x.session_index)
        for x in quartet_agenda(mode)
    )
    finish = clock_times(QUARTET_START, [item.minutes for item in items])[-1]
    return TemplateSummary(
        QUARTET_TEMPLATE_ID, QUARTET_TEMPLATE_NAME, DayKind.QUARTET, QUARTET_START, finish, items
    )


def apply_template(s: DbSession, day_id: int, template_id: int) -> DayChange:
    """Gives the day the template's shape and start time, reusing its stages where it can."""
    day = get_day(s, day_id)
    if template_id == QUARTET_TEMPLATE_ID:
        shape = quartet_template(day.mode)
    else:
        shape = _summary(get_stored(s, AgendaTemplate, template_id, "agenda template"))
    template = shape
    if template.kind != day.kind:
        raise AgendaInputError(
            f"“{template.name}” is a {template.kind.value} agenda; this day is a {day.kind.value}."
        )
    sessions = list(
        s.exec(select(Session).where(Session.day_id == day_id).order_by(col(Session.position)))
    )
    if any(
        item.session_index is not None and item.session_index >= len(sessions)
        for item in shape.items
    ):
        raise AgendaInputError(f"“{template.name}” has more sessions than this day.")
    unused: dict[tuple[int | None, StageKind], list[Stage]] = {}
    for stage in day_stages(s, day_id):
        unused.setdefault((stage.session_id, stage.kind), []).append(stage)
    ordered: list[Stage] = []
    for item in shape.items:
        session_id = sessions[item.session_index].id if item.session_index is not None else None
        bucket = unused.get((session_id, item.kind))
        stage = (
            bucket.pop(0)
            if bucket
            else Stage(
                day_id=day_id,
                session_id=session_id,
                position=0,
                kind=item.kind,
                planned_minutes=item.minutes,
            )
        )
        stage.planned_minutes = item.minutes
        stage.min_minutes = item.min_minutes
        ordered.append(stage)
    leftovers = [stage for bucket in unused.values() for stage in bucket]
    for stage in leftovers:
        if stage.started_at is not None or (stage.id is not None and has_notes(s, stage.id)):
            raise AgendaInputError(
                f"“{template.name}” has no place for {stage.kind.label}, which already has "
                "notes or has started. Move or delete those notes first."
            )
    for stage in leftovers:
        s.delete(stage)
    for position, stage in enumerate(ordered):
        stage.position = position
        s.add(stage)
    day.start_time = shape.start
    s.add(day)
    s.flush()
    return DayChange(day_id, tuple(stored_id(stage.id) for stage in ordered))


def _summary(template: AgendaTemplate) -> TemplateSummary:
    try:
        data: dict[str, Any] = json.loads(template.shape)
        start = dt.time.fromisoformat(data["start"])
        items = tuple(
            TemplateItem(
                StageKind(item["kind"]),
                int(item["minutes"]),
                int(item["min"]),
                None if item["session"] is None else int(item["session"]),
            )
            for item in data["items"]
        )
        for item in items:
            check_minutes(item.kind, item.minutes)
    except (ValueError, KeyError, TypeError, AgendaInputError) as exc:
        raise AgendaInputError(
            f"The agenda template “{template.name}” is damaged ({exc}). "
            "Delete it and save it again."
        ) from exc
    finish = clock_times(start, [item.minutes for item in items])[-1]
    return TemplateSummary(
        stored_id(template.id), template.name, template.kind, start, finish, items
    )
