"""What the follow-up dialogs choose from: the cycles, and the actions, asks and offers of a
cycle's days, each with the day and authority it was said on. Read from the planner and the
capture services through the workspace; nothing here changes anything."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from facilitator.common.vocabulary import ExchangeKind
from facilitator.common.wording import short_date
from facilitator.planning.day_list import DaySummary
from facilitator.workspace import Workspace


@dataclass(frozen=True)
class DayRef:
    date: dt.date
    number: int | None

    @property
    def words(self) -> str:
        """ "Day 1 (18 January 2027)", or the date alone."""
        when = short_date(self.date)
        return f"Day {self.number} ({when})" if self.number else when


@dataclass(frozen=True)
class ActionRow:
    id: int
    day: DayRef
    authority: str
    text: str
    owner: str


@dataclass(frozen=True)
class ExchangeRow:
    id: int
    kind: ExchangeKind
    day: DayRef
    authority: str
    topic: str
    detail: str


def cycles(workspace: Workspace) -> list[str]:
    """Every cycle a day is in, by name."""
    return sorted({d.cycle_name for d in workspace.planner.list_days() if d.cycle_name})


def days_of(workspace: Workspace, cycle: str | None) -> list[DaySummary]:
    """The cycle's days by date; every day when `cycle` is None."""
    days = workspace.planner.list_days()
    chosen = [d for d in days if cycle is None or d.cycle_name == cycle]
    return sorted(chosen, key=lambda d: (d.date, d.id))


def _authorities(workspace: Workspace, day_id: int) -> dict[int, str]:
    return {p.authority_id: p.name for p in workspace.planner.day_plan(day_id).participants}


def untracked_actions(workspace: Workspace, cycle: str | None) -> list[ActionRow]:
    """The actions of the cycle's days that no follow-up tracks yet, day by day."""
    tracked = {v.action_id for v in workspace.follow_ups.list() if v.action_id is not None}
    rows: list[ActionRow] = []
    for day in days_of(workspace, cycle):
        sessions = {
            s.session_id: s.authority_name for s in workspace.planner.presenting_sessions(day.id)
        }
        ref = DayRef(day.date, day.number)
        rows += [
            ActionRow(a.id, ref, sessions.get(a.session_id, ""), a.text, a.owner)
            for a in workspace.actions.for_day(day.id)
            if a.id not in tracked
        ]
    return rows


def exchanges(workspace: Workspace, cycle: str | None) -> list[ExchangeRow]:
    """The asks and offers of the cycle's days, day by day."""
    rows: list[ExchangeRow] = []
    for day in days_of(workspace, cycle):
        names = _authorities(workspace, day.id)
        ref = DayRef(day.date, day.number)
        rows += [
            ExchangeRow(x.id, x.kind, ref, names.get(x.authority_id, ""), x.topic, x.detail)
            for x in workspace.exchanges.for_day(day.id)
        ]
    return rows
