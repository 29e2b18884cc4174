"""Keystroke to saved, and start-up to an interactive console.

Run with `.venv/bin/python benchmarks/bench_capture.py` (offscreen Qt is set for you). Not a
test: it prints measurements beside a baseline and the targets, and asserts nothing.

1. Keystroke-to-saved: a real console on a real data file (WAL), the day running so the
   timer repaints every 250 ms. Each keystroke is timed (typing only restarts the autosave
   timer); then the pause-in-typing save runs and the Enter key is timed until the bullet is
   committed and back on screen. The baseline is a bare sqlite3 INSERT and COMMIT of the same
   text into a file of its own. Target: p99 under 16 ms (one frame).
2. Start-up: a fresh process until the console for a day is shown and painted, beside a
   fresh process showing a bare PySide6 window, measured in the same run.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BULLETS = 300
STARTS = 5
TARGET_MS = 16.0

BARE_WINDOW = """
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget(); w.resize(1366, 768); w.show(); app.processEvents()
print(time.time() - t0)
"""

CONSOLE = """
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtCore import QSettings
from ui.app import ensure_application
from facilitator.workspace import Workspace
from ui.console.window import ConsoleWindow
app = ensure_application()
ws = Workspace.open(__import__("pathlib").Path(sys.argv[2]))
day = ws.planner.list_days()[0].id
c = ConsoleWindow(ws, ws.conductor, day, QSettings(sys.argv[3], QSettings.Format.IniFormat))
c.show(); app.processEvents()
print(time.time() - t0)
"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def row(name: str, values: list[float]) -> str:
    return (
        f"{name:<28}{len(values):>5}{statistics.median(values):>9.2f}"
        f"{percentile(values, 0.95):>9.2f}{percentile(values, 0.99):>9.2f}{max(values):>9.2f}"
    )


def keystroke_to_saved(folder: Path) -> tuple[list[float], list[float]]:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from facilitator.demo import create_demo_day
    from facilitator.workspace import Workspace
    from ui.app import ensure_application
    from ui.console.window import ConsoleWindow

    app = ensure_application()
    workspace = Workspace.open(folder / "bench.sqlite")
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    workspace.conductor.start_day(day_id)
    settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    console = ConsoleWindow(workspace, workspace.conductor, day_id, settings)
    console.show()
    app.processEvents()
    line = console.capture.line
    app_times = []
    key_times = []
    draft_times = []
    for number in range(BULLETS):
        for character in f"Insight {number}: the front door is strong but slow":
            start = time.perf_counter()
            QTest.keyClicks(line, character)
            key_times.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        console.capture.flush()  # the save a pause in typing makes
        draft_times.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        QTest.keyClick(line, Qt.Key.Key_Return)
        app_times.append((time.perf_counter() - start) * 1000)
        app.processEvents()  # the timer keeps repainting between bullets
    console.close()
    workspace.close()

    raw = sqlite3.connect(folder / "raw.sqlite", isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT, position INTEGER)")
    raw_times = []
    for number in range(BULLETS):
        start = time.perf_counter()
        raw.execute("BEGIN")
        raw.execute(
            "INSERT INTO note (text, position) VALUES (?, ?)",
            (f"Insight {number}: the front door is strong but slow", number),
        )
        raw.execute("COMMIT")
        raw_times.append((time.perf_counter() - start) * 1000)
    raw.close()
    return app_times, raw_times, key_times, draft_times


def start_up(folder: Path) -> tuple[list[float], list[float]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    bare, console = [], []
    for _ in range(STARTS):
        for code, out, args in (
            (BARE_WINDOW, bare, []),
            (CONSOLE, console, [str(folder / "bench.sqlite"), str(folder / "s2.ini")]),
        ):
            done = subprocess.run(
                [sys.executable, "-c", code, str(time.time()), *args],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            )
            out.append(float(done.stdout.strip().splitlines()[-1]) * 1000)
    return bare, console


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        app_times, raw_times, key_times, draft_times = keystroke_to_saved(folder)
        print("Keystroke to saved (ms)       n      p50      p95      p99      max")
        print(row("Balcony: one keystroke", key_times))
        print(row("Balcony: pause saves draft", draft_times))
        print(row("Balcony: Enter to on screen", app_times))
        print(row("sqlite3 INSERT+COMMIT", raw_times))
        p99 = max(percentile(app_times, 0.99), percentile(draft_times, 0.99))
        verdict = "meets" if p99 < TARGET_MS else "misses"
        print(f"Target p99 < {TARGET_MS:.0f} ms: {verdict} ({p99:.2f} ms)\n")

        bare, console = start_up(folder)
        print("Start-up to a painted window (ms)   n   median      min      max")
        for label, values in (("bare PySide6 window", bare), ("Balcony console", console)):
            print(
                f"{label:<34}{len(values):>3}{statistics.median(values):>9.0f}"
                f"{min(values):>9.0f}{max(values):>9.0f}"
            )


if __name__ == "__main__":
    main()
