"""The crash torture test: a day of over a thousand edits through the real console, in a child
process killed with SIGKILL at random points, again and again. After every kill the file
opens cleanly, everything typed more than a second before the kill is there, and the day's
timer reads as it should."""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from facilitator.workspace import Workspace

ROOT = Path(__file__).resolve().parents[3]
MIN_KILLS = 8
MIN_EDITS = 1_000
TIME_LIMIT_S = 300  # the whole test, however slow the machine: more kills if it is fast
GRACE_S = 1.0  # what was typed this long before the kill must have been saved


@dataclass
class Run:
    kill_at: float
    kept: list[tuple[float, str]] = field(default_factory=list)
    lines: list[tuple[float, str]] = field(default_factory=list)
    edits: int = 0


def run_until_killed(data: Path, tmp: Path, seed: int, after: float) -> Run:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    driver = "tests.support.torture_driver"
    process = subprocess.Popen(
        [sys.executable, "-m", driver, str(data), str(tmp / "s.ini"), str(seed)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=(tmp / f"errors-{seed}.txt").open("w"),
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    out = process.stdout
    assert out is not None
    threading.Thread(target=lambda: [lines.put(line) for line in out], daemon=True).start()
    run = Run(kill_at=0.0)
    deadline = time.monotonic() + 60  # to start up, however loaded the machine
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.05)
        except queue.Empty:
            continue
        at, what, text = line.rstrip("\n").split(" ", 2)
        moment = float(at)
        if what == "READY":
            deadline = time.monotonic() + after
        elif what == "KEEP":
            run.kept.append((moment, text))
        elif what == "LINE":
            run.lines.append((moment, text))
        elif what == "EDITS":
            run.edits = int(text)
    run.kill_at = time.monotonic()
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    errors = (tmp / f"errors-{seed}.txt").read_text()
    assert process.returncode == -signal.SIGKILL, errors[-3000:]
    while not lines.empty():  # what it said before the kill landed
        at, what, text = lines.get().rstrip("\n").split(" ", 2)
        if float(at) <= run.kill_at and what == "KEEP":
            run.kept.append((float(at), text))
        elif float(at) <= run.kill_at and what == "LINE":
            run.lines.append((float(at), text))
        elif float(at) <= run.kill_at and what == "EDITS":
            run.edits = int(text)
    return run


def check_after(data: Path, run: Run) -> None:
    conn = sqlite3.connect(data)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    workspace = Workspace.open(data)
    try:
        day_id = workspace.planner.list_days()[0].id
        stages = workspace.planner.day_plan(day_id).stages
        stored = [n.text for s in stages for n in workspace.notebook.for_stage(s.id)]
        state = workspace.conductor.state(day_id)
    finally:
        workspace.close()
    safe = run.kill_at - GRACE_S
    present = set(stored)
    lost = [text for moment, text in run.kept if moment <= safe and text not in present]
    assert lost == [], f"confirmed bullets lost: {lost}"
    typed = [text for moment, text in run.lines if moment <= safe]
    if typed:
        assert any(t.startswith(typed[-1]) for t in stored), f"typing lost: {typed[-1]!r}"
    assert state.current is not None  # the day still running, at a stage
    assert state.timer is not None
    assert state.timer.elapsed_seconds >= 0
    done = [s for s in state.stages if s.ended_at is not None]
    assert all(s.started_at is not None and s.started_at <= s.ended_at for s in done)


@pytest.mark.timeout(TIME_LIMIT_S + 120)
def test_kill_nine_at_random_points_loses_nothing_typed_a_second_before(tmp_path: Path) -> None:
    data = tmp_path / "balcony.sqlite"
    chance = random.Random(20261201)
    started = time.monotonic()
    kills = edits = kept = 0
    while kills < MIN_KILLS or edits < MIN_EDITS:
        assert time.monotonic() - started < TIME_LIMIT_S, (kills, edits)
        run = run_until_killed(data, tmp_path, seed=kills + 1, after=chance.uniform(1.5, 4.0))
        check_after(data, run)
        kills += 1
        edits += run.edits
        kept += len(run.kept)
    print(f"\ntorture: {kills} kills, {edits} edits, {kept} bullets confirmed, none lost")
