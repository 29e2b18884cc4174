"""Peak memory of a fresh process running a full quartet day, console and presenter screen.

Run everything with `.venv/bin/python -m benchmarks`, or this part alone with
`.venv/bin/python benchmarks/bench_memory.py`. Not a test: it prints measurements beside the
floor and the target, and asserts nothing.

Each measurement is a fresh Python process (offscreen Qt) that reports its own peak resident
set (VmHWM in /proc/self/status, the high-water mark of that process alone):

- Balcony: the quartet day of data_files (4 sessions of 300 bullets) open in the console,
  the day started, the presenter screen shown, a second of events handled;
- the floor: a bare PySide6 QWidget shown, the same second of events handled.

Target: under 250 MB, an absolute limit; the floor and the ratio are printed beside it. The
Balcony child also notes its resident set after each step, which the results file shows
when the target is missed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import PEAK_RSS, Result, median, run_alone, run_child
from benchmarks.data_files import cached, quartet_day

TARGET_MB = 250.0

STEPS = """
import json, sys
steps = []
def _rss_mb():
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0
def note(what):
    steps.append((what, round(_rss_mb(), 1)))
note("Python started")
"""

BARE = """
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
note("QApplication made")
window = QWidget()
window.resize(1366, 768)
window.show()
QTest.qWait(1000)
note("bare window shown, a second of events")
print(json.dumps({"peak": _peak_rss_mb(), "steps": steps}))
"""

BALCONY = """
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from ui.app import ensure_application
note("ui.app imported")
from facilitator.workspace import Workspace
from ui.console.window import ConsoleWindow
note("console imported")
app = ensure_application()
note("QApplication made")
workspace = Workspace.open(Path(sys.argv[1]))
day_id = int(sys.argv[3])
workspace.conductor.start_day(day_id)
note("data file open, day started")
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
console = ConsoleWindow(workspace, workspace.conductor, day_id, settings)
console.show()
QTest.qWait(200)
note("console shown")
console.toggle_presenter_screen()
QTest.qWait(1000)
note("presenter screen shown, a second of events")
print(json.dumps({"peak": _peak_rss_mb(), "steps": steps}))
"""


def child(code: str, *args: str) -> dict[str, object]:
    answer: dict[str, object] = json.loads(run_child(STEPS + PEAK_RSS + code, *args))
    return answer


def measure(folder: Path, quick: bool) -> list[Result]:
    rounds = 1 if quick else 3
    path = folder / "memory.sqlite"
    day_id = int(cached(quartet_day, path))  # type: ignore[call-overload]
    ours, floor = [], []
    steps: list[list[object]] = []
    for number in range(rounds):
        fresh = folder / f"memory-{number}.sqlite"  # each child starts the day afresh
        fresh.write_bytes(path.read_bytes())
        answer = child(BALCONY, str(fresh), str(folder / "memory.ini"), str(day_id))
        ours.append(float(answer["peak"]))  # type: ignore[arg-type]
        steps = answer["steps"]  # type: ignore[assignment]
        floor.append(float(child(BARE)["peak"]))  # type: ignore[arg-type]
    peak = median(ours)
    met = peak < TARGET_MB
    profile = "resident set after each step (MB):\n" + "\n".join(
        f"  {mb:>7.1f}  {what}" for what, mb in steps
    )
    runs = f"{rounds} run" if rounds == 1 else f"{rounds} runs"
    why = f"peak {peak:.0f} MB against {median(floor):.0f} MB for a bare window ({runs})."
    if not met:
        why = f"The console with its presenter screen peaks over {TARGET_MB:.0f} MB: " + why
    return [
        Result(
            benchmark="Memory: quartet day, console + presenter",
            unit="MB",
            median=peak,
            p99=None,
            floor="bare PySide6 window",
            floor_median=median(floor),
            target=f"< {TARGET_MB:.0f} MB",
            met=met,
            why=why,
            profile=profile,
        )
    ]


if __name__ == "__main__":
    run_alone(measure)
