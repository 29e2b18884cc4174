"""Shared fixtures. Qt runs offscreen; time comes from a fake clock; data stays in tmp."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from facilitator.common.clock import FakeClock
from facilitator.demo import create_demo_day
from facilitator.workspace import Workspace

# The `libreoffice` fixture: a real LibreOffice as the director's word processor.
pytest_plugins = ["tests.support.libreoffice"]

# The fuzz tests try the same cases on every run, so a run that fails fails again and a
# submission is judged on what changed. BALCONY_HYPOTHESIS=explore tries new cases each run
# (how the damaged-file cases in tests/domain/storage were found); keep what it finds as a
# test of its own.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("BALCONY_HYPOTHESIS", "repeatable"))


def pytest_sessionfinish(session: pytest.Session) -> None:
    from tests.support.backends import drop_server_databases

    drop_server_databases()


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


_HOLD = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from facilitator.storage.database import open_database\n"
    "db = open_database(Path(sys.argv[1]))\n"
    "print('holding', flush=True)\n"
    "time.sleep(120)\n"
)


@pytest.fixture
def other_balcony(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    """A data file with a demo day, and a second process that has it open for writing."""
    path = tmp_path / "balcony.sqlite"
    workspace = Workspace.open(path)
    create_demo_day(workspace.planner, workspace.notebook)
    workspace.close()
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.strip() == "holding", process.stderr.read() if process.stderr else line
    try:
        yield path, process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)
