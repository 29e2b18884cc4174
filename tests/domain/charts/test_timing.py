"""The timing chart: the day planned against how it ran, in minutes from the planned start."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator

import pytest

from facilitator.charts.timing import day_timing
from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import DayStatus, StageKind
from facilitator.demo import create_demo_day
from facilitator.workspace import Workspace

PLANNED_FINISH = 455.0  # 17.35 is 7 hours 35 minutes after the 10.00 start


def test_a_day_not_started_has_only_its_plan(workspace: Workspace, day_id: int) -> None:
    chart = day_timing(workspace, day_id)

    assert chart.title == "Triad on Monday 18 January 2027: planned and actual"
    assert chart.start_label == "10.00"
    assert len(chart.bars) == 22
    first, presentation, questioning = chart.bars[:3]
    assert (first.label, first.planned_start, first.planned_minutes) == ("Introductions", 0, 15)
    assert (presentation.label, presentation.planned_start) == ("Presentation · Ashvale", 15)
    assert (questioning.label, questioning.planned_minutes) == ("Questioning · Ashvale", 70)
    assert [b.planned_start for b in chart.bars[-2:]] == [430, 440]  # reflection, plenary
    assert all(b.actual_start is None and b.actual_minutes is None for b in chart.bars)
    assert not any(b.running for b in chart.bars)
    assert [b.label for b in chart.bars if b.is_break] == ["Lunch", "Tea and coffee"]
    assert chart.planned_finish == chart.projected_finish == PLANNED_FINISH
    assert chart.now is None
    assert chart.alt_text == (
        "The day has not started. It is planned to start at 10.00 and to finish by 17.35, "
        "in 22 stages."
    )


def test_a_running_stage_runs_to_now_and_its_overrun_shows_so_far(
    workspace: Workspace, clock: FakeClock, day_id: int
) -> None:
    clock.advance(minutes=10)  # the day starts at 10.10, ten minutes late
    workspace.conductor.start_day(day_id)
    clock.advance(minutes=20)
    workspace.conductor.advance(day_id)
    clock.advance(minutes=3)

    chart = day_timing(workspace, day_id)
    introductions, presentation = chart.bars[:2]
    assert (introductions.actual_start, introductions.actual_minutes) == (10, 20)
    assert introductions.over_minutes == 5
    assert not introductions.running
    assert (presentation.actual_start, presentation.actual_minutes) == (30, 3)
    assert presentation.running
    assert presentation.over_minutes == 0
    assert chart.now == 33
    # 12 minutes of the presentation left, then the 425 planned after it.
    assert chart.projected_finish == 33 + 12 + 425 == PLANNED_FINISH + 15
    assert chart.clock(chart.projected_finish) == "17.50"
    assert chart.alt_text == (
        "Planned to finish at 17.35; now heading for 17.50, 15 minutes late. "
        "Running now: Presentation (Ashvale), 3 minutes in of 15 planned. "
        "Introductions ran 5 minutes over."
    )

    clock.advance(minutes=18)  # 21 minutes into a 15-minute presentation
    chart = day_timing(workspace, day_id)
    assert chart.bars[1].over_minutes == 6
    assert chart.now == 51
    assert chart.alt_text == (
        "Planned to finish at 17.35; now heading for 17.56, 21 minutes late. "
        "Running now: Presentation (Ashvale), 21 minutes in of 15 planned. "
        "Introductions ran 5 minutes over; Presentation (Ashvale) ran 6 minutes over so far."
    )


def run_whole_day(workspace: Workspace, clock: FakeClock, day_id: int) -> None:
    """Ashvale's questioning runs 12 minutes over, lunch 10 short, tea is skipped; every other
    stage takes its planned time."""
    conductor = workspace.conductor
    conductor.start_day(day_id)
    while (current := conductor.state(day_id).current) is not None:
        if current.kind is StageKind.TEA:
            conductor.skip_break(day_id)
            continue
        minutes = current.planned_minutes
        if current.kind is StageKind.QUESTIONING and current.presenter == "Ashvale":
            minutes += 12
        if current.kind is StageKind.LUNCH:
            minutes -= 10
        clock.advance(minutes=minutes)
        conductor.advance(day_id)


def test_a_finished_day_shows_each_overrun_a_short_break_and_a_skipped_one(
    workspace: Workspace, clock: FakeClock, day_id: int
) -> None:
    run_whole_day(workspace, clock, day_id)

    chart = day_timing(workspace, day_id)
    assert workspace.conductor.state(day_id).status is DayStatus.FINISHED
    by_label = {bar.label: bar for bar in chart.bars}
    questioning = by_label["Questioning · Ashvale"]
    assert (questioning.actual_start, questioning.actual_minutes) == (30, 82)
    assert questioning.over_minutes == 12
    lunch = by_label["Lunch"]
    assert lunch.is_break
    assert (lunch.planned_start, lunch.planned_minutes) == (140, 40)
    assert (lunch.actual_start, lunch.actual_minutes, lunch.over_minutes) == (152, 30, 0)
    tea = by_label["Tea and coffee"]
    assert tea.is_break
    assert tea.actual_minutes == 0
    assert [bar.label for bar in chart.bars if bar.over_minutes] == ["Questioning · Ashvale"]
    assert not any(bar.running for bar in chart.bars)
    assert chart.now is None  # the day is over: no "now" line
    assert chart.projected_finish == PLANNED_FINISH + 12 - 10 - 10
    assert chart.alt_text == (
        "Planned to finish at 17.35; finished at 17.27, 8 minutes early. "
        "Questioning (Ashvale) ran 12 minutes over."
    )


def test_a_day_to_time_has_no_overruns(workspace: Workspace, clock: FakeClock, day_id: int) -> None:
    workspace.conductor.start_day(day_id)
    clock.advance(minutes=15)
    workspace.conductor.advance(day_id)

    assert day_timing(workspace, day_id).alt_text == (
        "Planned to finish at 17.35; now heading for 17.35, on time. "
        "Running now: Presentation (Ashvale), 0 minutes in of 15 planned. "
        "No stage has run over its planned time."
    )


@pytest.fixture
def london() -> Iterator[None]:
    """The machine's zone is London; time.tzset makes astimezone() see the change."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/London"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.mark.usefixtures("london")
def test_summer_time_stored_in_utc_lines_up_with_the_local_plan() -> None:
    # 09.05 UTC is 10.05 British Summer Time: five minutes after the planned 10.00 start.
    clock = FakeClock(dt.datetime(2026, 7, 6, 9, 5, tzinfo=dt.UTC))
    summer = Workspace.in_memory(clock)
    try:
        day_id = create_demo_day(summer.planner, summer.notebook)
        summer.conductor.start_day(day_id)
        clock.advance(minutes=15)
        chart = day_timing(summer, day_id)
    finally:
        summer.close()
    assert chart.bars[0].actual_start == 5
    assert chart.now == 20
    assert chart.planned_finish == PLANNED_FINISH
    assert chart.clock(chart.projected_finish) == "17.40"
