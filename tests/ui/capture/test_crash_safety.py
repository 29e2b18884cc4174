"""A power cut mid-capture: every bullet confirmed on screen is there after a restart."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from facilitator.workspace import Workspace

ROOT = Path(__file__).resolve().parents[3]
WANTED = 25


def test_sigkill_while_capturing_loses_no_confirmed_bullet(tmp_path: Path) -> None:
    data = tmp_path / "balcony.sqlite"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.support.capture_driver", str(data), str(tmp_path / "s.ini")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    confirmed: list[str] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("CONFIRMED "):
                confirmed.append(line.removeprefix("CONFIRMED ").rstrip("\n"))
            if len(confirmed) >= WANTED:
                break
    finally:
        process.send_signal(signal.SIGKILL)
        _, errors = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert len(confirmed) == WANTED, errors

    after = Workspace.open(data)
    try:
        day_id = after.planner.list_days()[0].id
        stored = {
            note.text
            for stage in after.planner.day_plan(day_id).stages
            for note in after.notebook.for_stage(stage.id)
        }
        state = after.conductor.state(day_id)
    finally:
        after.close()
    missing = [text for text in confirmed if text not in stored]
    assert missing == []
    assert state.current is not None  # the running stage is restored with its timer
