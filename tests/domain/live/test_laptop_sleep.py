"""A laptop closed over lunch: the wall clock jumps while the monotonic clock stands still.
The stage that ran through it counts the real time that passed, and nothing else moves."""

from __future__ import annotations

import datetime as dt

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import StageKind
from facilitator.demo import create_demo_day
from facilitator.workspace import Workspace


def test_a_stage_run_through_a_sleep_counts_the_time_that_passed(
    workspace: Workspace, clock: FakeClock
) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route)
    conductor = workspace.conductor
    conductor.start_day(day_id)
    while (current := conductor.state(day_id).current) and current.kind is not StageKind.LUNCH:
        clock.advance(minutes=5)
        conductor.advance(day_id)
    clock.advance(minutes=2)
    clock.jump_wall(dt.timedelta(minutes=40))  # asleep: only the wall clock moved

    state = conductor.state(day_id)
    assert state.current is not None
    assert state.current.kind is StageKind.LUNCH
    assert state.timer is not None
    assert state.timer.elapsed_seconds == 42 * 60
    done = [s for s in state.stages if s.ended_at is not None]
    assert all(s.started_at is not None and s.started_at <= s.ended_at for s in done)

    conductor.advance(day_id)  # back from lunch: the next stage starts now, not 40 min ago
    after = conductor.state(day_id)
    assert after.timer is not None
    assert after.timer.elapsed_seconds == 0
    lunch = next(s for s in after.stages if s.kind is StageKind.LUNCH)
    assert lunch.ended_at is not None
    assert lunch.started_at is not None
    assert (lunch.ended_at - lunch.started_at) == dt.timedelta(minutes=42)
