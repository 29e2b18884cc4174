from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import DayStatus, StageKind
from facilitator.demo import create_demo_day
from facilitator.live.conductor import Conductor, RunError, StageStatus
from facilitator.live.timer import Phase
from facilitator.workspace import Workspace


@pytest.fixture
def day_id(workspace: Workspace) -> int:
    return create_demo_day(workspace.planner, workspace.notebook)


@pytest.fixture
def conductor(workspace: Workspace, clock: FakeClock) -> Conductor:
    return Conductor(workspace.db, clock)


def test_a_whole_triad_day_runs_from_introductions_to_plenary(
    conductor: Conductor, clock: FakeClock, day_id: int
) -> None:
    conductor.start_day(day_id)
    state = conductor.state(day_id)
    assert state.status is DayStatus.RUNNING
    assert state.current is not None
    assert state.current.kind is StageKind.INTRODUCTIONS
    assert state.next is not None
    assert state.next.kind is StageKind.PRESENTATION
    assert state.drift_minutes == 0

    kinds = []
    for _ in range(len(state.stages)):
        current = conductor.state(day_id).current
        assert current is not None
        kinds.append(current.kind)
        clock.advance(minutes=current.planned_minutes)
        conductor.advance(day_id)

    final = conductor.state(day_id)
    assert final.status is DayStatus.FINISHED
    assert final.current is None
    assert all(s.status is StageStatus.DONE for s in final.stages)
    assert kinds[0] is StageKind.INTRODUCTIONS
    assert kinds[-1] is StageKind.PLENARY
    assert kinds.count(StageKind.QUESTIONING) == 3
    assert final.drift_minutes == 0
    assert (final.stages[-1].ended_at - final.stages[0].started_at) == dt.timedelta(  # type: ignore[operator]
        hours=7, minutes=35
    )


def test_the_timer_turns_amber_then_counts_the_overrun(
    conductor: Conductor, clock: FakeClock, day_id: int
) -> None:
    conductor.start_day(day_id)  # introductions, 15 minutes
    timer = conductor.state(day_id).timer
    assert timer is not None
    assert timer.display == "15:00"
    assert timer.phase is Phase.RUNNING

    clock.advance(minutes=12, seconds=1)
    timer = conductor.state(day_id).timer
    assert timer is not None
    assert timer.phase is Phase.AMBER
    assert timer.display == "2:59"

    clock.advance(minutes=5)
    state = conductor.state(day_id)
    assert state.timer is not None
    assert state.timer.phase is Phase.OVERRUN
    assert state.timer.display == "+2:01"
    assert state.drift_minutes == 2
    assert state.drift_text == "2 min behind"


def test_a_new_amber_share_is_kept_in_bounds_and_announced(
    conductor: Conductor, clock: FakeClock, day_id: int
) -> None:
    heard: list[float] = []
    conductor.amber_changed.connect(heard.append)
    conductor.start_day(day_id)  # introductions, 15 minutes
    clock.advance(minutes=9)  # 6 of 15 minutes left: 40 %

    conductor.set_amber_share(0.5)
    timer = conductor.state(day_id).timer
    assert timer is not None
    assert timer.phase is Phase.AMBER

    conductor.set_amber_share(0.5)  # no change, no news
    conductor.set_amber_share(3.0)
    conductor.set_amber_share(0)
    assert heard == [0.5, 0.9, 0.01]


def test_a_pause_stops_the_clock_and_is_kept_across_advance(
    conductor: Conductor, clock: FakeClock, day_id: int
) -> None:
    conductor.start_day(day_id)
    clock.advance(minutes=5)
    conductor.pause(day_id)
    clock.advance(minutes=30)
    timer = conductor.state(day_id).timer
    assert timer is not None
    assert timer.paused
    assert timer.elapsed_seconds == 300
    conductor.resume(day_id)
    clock.advance(minutes=1)
    timer = conductor.state(day_id).timer
    assert timer is not None
    assert timer.elapsed_seconds == 360
    assert not timer.paused


def test_going_back_reopens_the_previous_stage_and_keeps_notes(
    workspace: Workspace, conductor: Conductor, clock: FakeClock, day_id: int
) -> None:
    conductor.start_day(day_id)
    clock.advance(minutes=15)
    conductor.advance(day_id)  # now the first presentation
    presentation = conductor.state(day_id).current
    assert presentation is not None
    workspace.notebook.add(presentation.id, "Focus on the front door")
    clock.advance(minutes=2)

    conductor.go_back(day_id)

    state = conductor.state(day_id)
    assert state.current is not None
    assert state.current.kind is StageKind.INTRODUCTIONS
    assert state.timer is not None
    assert state.timer.elapsed_seconds == 15 * 60  # the 2 minutes away count as a pause
    assert [n.text for n in workspace.notebook.for_stage(presentation.id)][-1] == (
        "Focus on the front door"
    )
    with pytest.raises(RunError, match="no earlier stage"):
        conductor.go_back(day_id)


def test_an_advance_made_by_mistake_is_undone_exactly(
    conductor: Conductor, clock: FakeClock, day_id: int
) -> None:
    conductor.start_day(day_id)
    clock.advance(minutes=4)
    before = conductor.state(day_id)
    step = conductor.advance(day_id)
    clock.advance(seconds=10)

    conductor.undo(step)

    after = conductor.state(day_id)
    assert after.current is not None
    assert after.current.id == before.stages[0].id
    assert after.stages[1].started_at is None
    assert after.timer is not None
    assert after.timer.elapsed_seconds == 4 * 60 + 10
    conductor.redo(step)
    assert conductor.state(day_id).current.id == before.stages[1].id  # type: ignore[union-attr]


def test_skipping_a_break_goes_straight_on(
    conductor: Conductor, clock: FakeClock, day_id: int
) -> None:
    conductor.start_day(day_id)
    for _ in range(6):  # introductions and five stages of the first session
        conductor.advance(day_id)
    state = conductor.state(day_id)
    assert state.current is not None
    assert state.current.kind is StageKind.REFLECTION
    assert state.next is not None
    assert state.next.kind is StageKind.LUNCH

    conductor.skip_break(day_id)

    state = conductor.state(day_id)
    assert state.current is not None
    assert state.current.kind is StageKind.PRESENTATION
    assert state.current.presenter == "Brackenmoor"
    lunch = next(s for s in state.stages if s.kind is StageKind.LUNCH)
    assert lunch.status is StageStatus.DONE
    assert lunch.started_at == lunch.ended_at


def test_replanning_shortens_what_is_left_but_never_below_minimums(
    conductor: Conductor, clock: FakeClock, day_id: int
) -> None:
    conductor.start_day(day_id)
    clock.advance(minutes=45)  # introductions overrun by half an hour
    state = conductor.state(day_id)
    assert state.drift_minutes == 30

    proposal = conductor.replan(day_id)

    assert proposal.possible
    old = conductor.apply_replan(proposal)
    state = conductor.state(day_id)
    assert state.drift_minutes == 0
    assert all(s.planned_minutes >= s.min_minutes for s in state.stages)
    reaction = [s for s in state.stages if s.kind is StageKind.REACTION]
    assert all(s.planned_minutes >= 5 for s in reaction)
    conductor.set_minutes(day_id, old)
    assert conductor.state(day_id).drift_minutes == 30
    assert conductor.state(day_id).planned_finish.time() == dt.time(17, 35)


def test_replanning_an_impossible_target_says_why(
    conductor: Conductor, clock: FakeClock, day_id: int
) -> None:
    conductor.start_day(day_id)
    clock.advance(minutes=6 * 60)
    proposal = conductor.replan(day_id)
    assert not proposal.possible
    assert "minimums" in proposal.problem


def test_a_restart_mid_stage_restores_the_running_timer(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite"
    clock = FakeClock()
    first = Workspace.open(path, clock)
    day_id = create_demo_day(first.planner, first.notebook)
    Conductor(first.db, clock).start_day(day_id)
    clock.advance(minutes=7)
    Conductor(first.db, clock).pause(day_id)
    clock.advance(minutes=3)
    Conductor(first.db, clock).resume(day_id)
    first.close()

    clock.advance(minutes=2)  # the laptop was off for two minutes: that time passed
    later = FakeClock(start=clock.wall_now())
    second = Workspace.open(path, later)
    try:
        state = Conductor(second.db, later).state(day_id)
        assert state.current is not None
        assert state.current.kind is StageKind.INTRODUCTIONS
        assert state.timer is not None
        assert state.timer.elapsed_seconds == 9 * 60
    finally:
        second.close()


def test_a_wall_clock_put_back_does_not_eat_into_a_stage(
    conductor: Conductor, clock: FakeClock, day_id: int
) -> None:
    conductor.start_day(day_id)
    clock.advance(minutes=5)
    clock.jump_wall(dt.timedelta(hours=-1))
    timer = conductor.state(day_id).timer
    assert timer is not None
    assert timer.elapsed_seconds == 300


def test_steps_that_make_no_sense_are_refused(conductor: Conductor, day_id: int) -> None:
    with pytest.raises(RunError, match="Start the day first"):
        conductor.advance(day_id)
    conductor.start_day(day_id)
    with pytest.raises(RunError, match="already running"):
        conductor.start_day(day_id)
    with pytest.raises(RunError, match="no break to skip"):
        conductor.skip_break(day_id)
    conductor.end_day(day_id)
    assert conductor.state(day_id).status is DayStatus.FINISHED
