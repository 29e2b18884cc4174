"""Shared fixtures. Qt runs offscreen; time comes from a fake clock; data stays in tmp."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from facilitator.common.clock import FakeClock
from facilitator.workspace import Workspace


@pytest.fixture(autouse=True)
def private_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test writes into the real data folder (the failure log, a default data file)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
    monkeypatch.delenv("BALCONY_DATA", raising=False)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def workspace(clock: FakeClock) -> Iterator[Workspace]:
    ws = Workspace.in_memory(clock)
    yield ws
    ws.close()
