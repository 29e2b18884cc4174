"""Running a day: start, advance, go back, pause, skip and end stages, and re-plan what is left.

Every step is written at once (a power cut loses nothing) and returns a Step holding the
stages' times before and after, so the UI can undo an advance made by mistake. Notes are
never touched here: going back or skipping keeps every word captured.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlmodel import Session as DbSession

from facilitator.common.clock import Clock
from facilitator.common.events import Event
from facilitator.common.vocabulary import DayStatus
from facilitator.live.run_state import RunState, StageRun, StageStatus, read_state
from facilitator.live.timer import DEFAULT_AMBER_SHARE, SteadyNow
from facilitator.planning.agenda_edits import day_stages, get_day, set_all_minutes
from facilitator.planning.agenda_fit import FitItem, shorten_proportionally
from facilitator.storage.database import Database
from facilitator.storage.models import Day, Stage
from facilitator.storage.rows import stored_id

# The run's state is read in run_state.py and offered here too, beside the steps that change it.
__all__ = [
    "Conductor",
    "Replan",
    "RunError",
    "RunState",
    "StageRun",
    "StageStatus",
    "Step",
]


@dataclass(frozen=True)
class _Times:
    stage_id: int
    started_at: dt.datetime | None
    ended_at: dt.datetime | None
    paused_at: dt.datetime | None
    paused_seconds: float


@dataclass(frozen=True)
class Step:
    """A run step's before and after, for undo and redo."""

    day_id: int
    text: str
    status_before: DayStatus
    status_after: DayStatus
    before: tuple[_Times, ...]
    after: tuple[_Times, ...]


@dataclass(frozen=True)
class Replan:
    """New lengths for the stages still to come, so the day ends by `finish`."""

    day_id: int
    finish: dt.datetime
    stage_minutes: tuple[tuple[int, int], ...]
    problem: str

    @property
    def possible(self) -> bool:
        return bool(self.stage_minutes) and not self.problem


_Work = Callable[[DbSession, Day, list[Stage], dt.datetime], None]


class RunError(ValueError):
    """A step that cannot be taken now; the message says why."""


class Conductor:
    def __init__(
        self, db: Database, clock: Clock, amber_share: float = DEFAULT_AMBER_SHARE
    ) -> None:
        self._db = db
        self._now = SteadyNow(clock)
        self._amber_share = amber_share
        self.changed: Event[int] = Event()
        self.amber_changed: Event[float] = Event()

    @property
    def amber_share(self) -> float:
        """The share of a stage left when its timer turns amber."""
        return self._amber_share

    def set_amber_share(self, share: float) -> None:
        """Kept between 1 % and 90 %: at 0 the warning never shows, past 90 it always does."""
        share = min(max(share, 0.01), 0.9)
        if share != self._amber_share:
            self._amber_share = share
            self.amber_changed.emit(share)

    def now(self) -> dt.datetime:
        return self._now()

    # reading ----------------------------------------------------------------------------

    def state(self, day_id: int) -> RunState:
        with self._db.session_scope() as s:
            return read_state(s, day_id, self._now(), self.amber_share)

    # steps ------------------------------------------------------------------------------

    def start_day(self, day_id: int) -> Step:
        def work(s: DbSession, day: Day, stages: list[Stage], now: dt.datetime) -> None:
            if day.status is DayStatus.RUNNING and _current(stages) is not None:
                raise RunError("The day is already running.")
            pending = [x for x in stages if x.started_at is None]
            if not pending:
                raise RunError("Every stage of this day has been run.")
            day.status = DayStatus.RUNNING
            pending[0].started_at = now

        return self._step(day_id, "Start the day", work)

    def advance(self, day_id: int) -> Step:
        """Ends the current stage and starts the next; after the last, the day is finished."""

        def work(s: DbSession, day: Day, stages: list[Stage], now: dt.datetime) -> None:
            current = _require_current(stages)
            _end(current, now)
            _start_first(day, _pending_after(stages, current), now)

        return self._step(day_id, "Next stage", work)

    def go_back(self, day_id: int) -> Step:
        """Reopens the previous stage; the time spent since counts as a pause of it."""

        def work(s: DbSession, day: Day, stages: list[Stage], now: dt.datetime) -> None:
            current = _current(stages)
            done = [x for x in stages if x.ended_at is not None]
            if current is not None:
                done = [x for x in done if x.position < current.position]
            if not done:
                raise RunError("There is no earlier stage to go back to.")
            previous = done[-1]
            if current is not None:
                current.started_at = None
                current.paused_at = None
                current.paused_seconds = 0.0
            assert previous.ended_at is not None
            previous.paused_seconds += max(0.0, (now - previous.ended_at).total_seconds())
            previous.ended_at = None
            day.status = DayStatus.RUNNING

        return self._step(day_id, "Back a stage", work)

    def pause(self, day_id: int) -> Step:
        def work(s: DbSession, day: Day, stages: list[Stage], now: dt.datetime) -> None:
            current = _require_current(stages)
            if current.paused_at is None:
                current.paused_at = now

        return self._step(day_id, "Pause", work)

    def resume(self, day_id: int) -> Step:
        def work(s: DbSession, day: Day, stages: list[Stage], now: dt.datetime) -> None:
            _unpause(_require_current(stages), now)

        return self._step(day_id, "Resume", work)

    def skip_break(self, day_id: int) -> Step:
        """Skips the current break, or the break that comes next, and goes on."""

        def work(s: DbSession, day: Day, stages: list[Stage], now: dt.datetime) -> None:
            current = _require_current(stages)
            pending = _pending_after(stages, current)
            if current.kind.is_break:
                _end(current, now)
            elif pending and pending[0].kind.is_break:
                _end(current, now)
                pending[0].started_at = now
                pending[0].ended_at = now
                pending = pending[1:]
            else:
                raise RunError("There is no break to skip now.")
            _start_first(day, pending, now)

        return self._step(day_id, "Skip the break", work)

    def end_day(self, day_id: int) -> Step:
        def work(s: DbSession, day: Day, stages: list[Stage], now: dt.datetime) -> None:
            current = _current(stages)
            if current is not None:
                _end(current, now)
            day.status = DayStatus.FINISHED

        return self._step(day_id, "End the day", work)

    def replan(self, day_id: int, finish: dt.datetime | None = None) -> Replan:
        """Shortens the stages not yet started so the day ends by `finish` (by default its
        finish limit, else its planned finish). Nothing is stored: see apply_replan."""
        state = self.state(day_id)
        with self._db.session_scope() as s:
            day = get_day(s, day_id)
        if finish is None:
            limit = day.finish_limit or state.planned_finish.time()
            finish = dt.datetime.combine(
                state.planned_finish.date(), limit, tzinfo=state.planned_finish.tzinfo
            )
        cut = math.ceil((state.projected_finish - finish).total_seconds() / 60)
        pending = [x for x in state.stages if x.started_at is None]
        if cut <= 0:
            return Replan(day_id, finish, (), "The day is on course to finish in time.")
        items = [FitItem(x.planned_minutes, x.min_minutes, x.kind) for x in pending]
        shortened = shorten_proportionally(items, cut)
        if shortened is None:
            floor = sum(
                x.min_minutes if FitItem(0, 0, x.kind).can_shrink else x.planned_minutes
                for x in pending
            )
            spare = sum(x.planned_minutes for x in pending) - floor
            return Replan(
                day_id,
                finish,
                (),
                f"The day is {cut} minutes over; the stages still to come can give up only "
                f"{spare} minutes without going below their minimums.",
            )
        changes = tuple(
            (x.id, minutes)
            for x, minutes in zip(pending, shortened, strict=True)
            if minutes != x.planned_minutes
        )
        return Replan(day_id, finish, changes, "")

    def apply_replan(self, replan: Replan) -> tuple[tuple[int, int], ...]:
        """Applies a proposal; returns the old lengths so it can be undone. A day with no
        finish limit takes the re-plan's finish as its limit, so drift is measured
        against the finish the room agreed, not the shortened plan."""
        with self._db.session_scope() as s:
            day = get_day(s, replan.day_id)
            if day.finish_limit is None:
                day.finish_limit = replan.finish.astimezone().time().replace(second=0)
                s.add(day)
        return self.set_minutes(replan.day_id, replan.stage_minutes)

    def set_minutes(
        self, day_id: int, minutes: tuple[tuple[int, int], ...]
    ) -> tuple[tuple[int, int], ...]:
        with self._db.session_scope() as s:
            old = {x.id: x.planned_minutes for x in day_stages(s, day_id)}
            set_all_minutes(s, day_id, minutes)
        self.changed.emit(day_id)
        return tuple((stage_id, old[stage_id]) for stage_id, _ in minutes)

    def undo(self, step: Step) -> None:
        self._restore(step.day_id, step.status_before, step.before)

    def redo(self, step: Step) -> None:
        self._restore(step.day_id, step.status_after, step.after)

    # helpers ----------------------------------------------------------------------------

    def _step(self, day_id: int, text: str, work: _Work) -> Step:
        now = self._now()
        with self._db.session_scope() as s:
            day = get_day(s, day_id)
            stages = day_stages(s, day_id)
            before = _snapshot(stages)
            status_before = day.status
            work(s, day, stages, now)
            s.add(day)
            s.add_all(stages)
            step = Step(day_id, text, status_before, day.status, before, _snapshot(stages))
        self.changed.emit(day_id)
        return step

    def _restore(self, day_id: int, status: DayStatus, times: Iterable[_Times]) -> None:
        with self._db.session_scope() as s:
            day = get_day(s, day_id)
            day.status = status
            s.add(day)
            for saved in times:
                stage = s.get(Stage, saved.stage_id)
                if stage is None:
                    continue
                stage.started_at = saved.started_at
                stage.ended_at = saved.ended_at
                stage.paused_at = saved.paused_at
                stage.paused_seconds = saved.paused_seconds
                s.add(stage)
        self.changed.emit(day_id)


def _snapshot(stages: list[Stage]) -> tuple[_Times, ...]:
    return tuple(
        _Times(stored_id(x.id), x.started_at, x.ended_at, x.paused_at, x.paused_seconds)
        for x in stages
    )


def _current(stages: list[Stage]) -> Stage | None:
    return next((x for x in stages if x.started_at and not x.ended_at), None)


def _require_current(stages: list[Stage]) -> Stage:
    current = _current(stages)
    if current is None:
        raise RunError("No stage is running. Start the day first.")
    return current


def _pending_after(stages: list[Stage], current: Stage) -> list[Stage]:
    return [x for x in stages if x.started_at is None and x.position > current.position]


def _start_first(day: Day, pending: list[Stage], now: dt.datetime) -> None:
    """Starts the first of the stages still to run; with none left, the day is finished."""
    if pending:
        pending[0].started_at = now
    else:
        day.status = DayStatus.FINISHED


def _unpause(stage: Stage, now: dt.datetime) -> None:
    """A paused stage runs again; the time it was paused does not count as run."""
    if stage.paused_at is not None:
        stage.paused_seconds += max(0.0, (now - stage.paused_at).total_seconds())
        stage.paused_at = None


def _end(stage: Stage, now: dt.datetime) -> None:
    _unpause(stage, now)
    stage.ended_at = now
