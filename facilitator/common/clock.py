"""Time as a dependency: the domain asks a clock, tests move a fake one."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Monotonic seconds: for measuring durations, never for display."""

    def wall_now(self) -> datetime:
        """Aware UTC wall-clock time: for storing when things happened."""


class SystemClock:
    def now(self) -> float:
        return time.monotonic()

    def wall_now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that only moves when told to, so tests never sleep."""

    def __init__(self, start: datetime | None = None) -> None:
        self._wall = start or datetime(2026, 1, 16, 10, 0, tzinfo=UTC)
        self._mono = 1000.0

    def now(self) -> float:
        return self._mono

    def wall_now(self) -> datetime:
        return self._wall

    def advance(self, seconds: float = 0.0, *, minutes: float = 0.0) -> None:
        step = seconds + minutes * 60
        if step < 0:
            raise ValueError("a fake clock cannot go backwards; use jump_wall for that")
        self._mono += step
        self._wall += timedelta(seconds=step)

    def jump_wall(self, delta: timedelta) -> None:
        """Move only the wall clock, as a time-zone change or a corrected clock does."""
        self._wall += delta
