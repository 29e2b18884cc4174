"""Shared fixtures. Qt runs offscreen; time comes from a fake clock; data stays in tmp."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from facilitator.common.clock import FakeClock
from facilitator.workspace import Workspace


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def workspace(clock: FakeClock) -> Iterator[Workspace]:
    ws = Workspace.in_memory(clock)
    yield ws
    ws.close()
