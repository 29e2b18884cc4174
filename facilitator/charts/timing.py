"""The day planned against how it ran: one bar per stage, read from the conductor's RunState.

Every time becomes minutes from the day's planned start (the first stage's planned clock time
on the day it is run), so the chart needs no clock and no time zone. The stored times are
aware UTC; the plan is local wall time. Both are turned into instants the way run_state does
for the planned finish: the plan's clock times on the run date, in the local zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from facilitator.charts.alt_text import minutes_text
from facilitator.charts.figures import TimingBar, TimingChart
from facilitator.common.vocabulary import DayStatus
from facilitator.common.wording import long_date
from facilitator.live.conductor import Conductor
from facilitator.live.run_state import RunState, StageRun
from facilitator.planning.agenda import format_clock
from facilitator.planning.planner import Planner


class TimingSources(Protocol):
    """What day_timing reads; any Workspace is one (named here to keep the import one-way)."""

    @property
    def conductor(self) -> Conductor: ...

    @property
    def planner(self) -> Planner: ...


def day_timing(workspace: TimingSources, day_id: int) -> TimingChart:
    """The timing chart of a stored day, as it stands now."""
    summary = workspace.planner.day_plan(day_id).summary
    title = f"{summary.kind.label} on {long_date(summary.date)}"
    return timing_chart(workspace.conductor.state(day_id), title)


def timing_chart(state: RunState, day_title: str) -> TimingChart:
    """The chart of `state`: planned bars from the agenda, actual bars from the stored times."""
    start_time = state.stages[0].planned_start if state.stages else dt.time(0, 0)
    # planned_finish already stands on the run date in the local zone (see run_state).
    origin = dt.datetime.combine(
        state.planned_finish.date(), start_time, tzinfo=state.planned_finish.tzinfo
    )

    def minutes_from_start(moment: dt.datetime) -> float:
        return (moment - origin).total_seconds() / 60

    bars = []
    planned_start = 0.0
    for stage in state.stages:
        bars.append(_bar(stage, planned_start, state.now, minutes_from_start))
        # Cumulative, not from the clock times, so an agenda past midnight still adds up.
        planned_start += stage.planned_minutes
    running = state.status is DayStatus.RUNNING
    chart = TimingChart(
        title=f"{day_title}: planned and actual",
        start_label=format_clock(start_time),
        bars=tuple(bars),
        planned_finish=minutes_from_start(state.planned_finish),
        projected_finish=minutes_from_start(state.projected_finish),
        now=minutes_from_start(state.now) if running else None,
        alt_text="",
    )
    return replace(chart, alt_text=timing_alt_text(chart, state.status))


def _bar(
    stage: StageRun,
    planned_start: float,
    now: dt.datetime,
    minutes_from_start: Callable[[dt.datetime], float],
) -> TimingBar:
    actual_start = actual_minutes = None
    if stage.started_at is not None:
        actual_start = minutes_from_start(stage.started_at)
        # Wall time, pauses included: the bar shows when the stage held the room.
        until = stage.ended_at if stage.ended_at is not None else now
        actual_minutes = max(0.0, (until - stage.started_at).total_seconds() / 60)
    return TimingBar(
        label=stage_label(stage),
        planned_start=planned_start,
        planned_minutes=float(stage.planned_minutes),
        actual_start=actual_start,
        actual_minutes=actual_minutes,
        running=stage.started_at is not None and stage.ended_at is None,
        is_break=stage.is_break,
    )


def stage_label(stage: StageRun) -> str:
    """ "Questioning · Ashvale": the stage as the console's running agenda names it."""
    who = f" · {stage.presenter}" if stage.presenter else ""
    return f"{stage.kind.short_label}{who}"


def _spoken_stage(bar: TimingBar) -> str:
    """ "Questioning (Ashvale)": the bar's label as a sentence can say it."""
    kind, _, who = bar.label.partition(" · ")
    return f"{kind} ({who})" if who else kind


def timing_alt_text(chart: TimingChart, status: DayStatus) -> str:
    """The finish planned against the actual or projected one, then every overrun."""
    planned = chart.clock(chart.planned_finish)
    started = any(bar.actual_start is not None for bar in chart.bars)
    if status is DayStatus.PLANNED or not started:
        return (
            f"The day has not started. It is planned to start at {chart.start_label} "
            f"and to finish by {planned}, in {len(chart.bars)} stages."
        )
    drift = round(chart.projected_finish - chart.planned_finish)
    verb = "finished at" if status is DayStatus.FINISHED else "now heading for"
    sentences = [
        f"Planned to finish at {planned}; {verb} {chart.clock(chart.projected_finish)}, "
        f"{_drift_words(drift)}."
    ]
    running = next((bar for bar in chart.bars if bar.running), None)
    if running is not None and running.actual_minutes is not None:
        sentences.append(
            f"Running now: {_spoken_stage(running)}, {minutes_text(running.actual_minutes)} "
            f"in of {round(running.planned_minutes)} planned."
        )
    overruns = [
        f"{_spoken_stage(bar)} ran {minutes_text(bar.over_minutes)} over"
        + (" so far" if bar.running else "")
        for bar in chart.bars
        if round(bar.over_minutes) > 0
    ]
    sentences.append(
        f"{'; '.join(overruns)}." if overruns else "No stage has run over its planned time."
    )
    return " ".join(sentences)


def _drift_words(drift: int) -> str:
    if drift == 0:
        return "on time"
    return f"{minutes_text(abs(drift))} {'late' if drift > 0 else 'early'}"
