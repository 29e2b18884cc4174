"""Importing a schedule: checking grows in step with the file, and a huge file is refused fast.

Run with `.venv/bin/python benchmarks/bench_schedule_import.py`. Not a test: it prints
measurements beside the targets and asserts nothing.

Timed for 250, 500 and 1,000 rows (the row limit): the check alone (reading, parsing, the
cycle and number checks: what runs off the UI thread behind the progress dialog) and the
whole import into an empty in-memory store (the check plus the all-or-nothing write).
Targets: checking time per row about constant (ratio for 4x the rows under 8, where a
scan over earlier rows would give 16); a 10,000-row file refused in well under a second.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from facilitator.common.clock import FakeClock  # noqa: E402
from facilitator.schedule.importing import (  # noqa: E402
    MAX_ROWS,
    import_schedule_file,
    parse_schedule,
)
from facilitator.workspace import Workspace  # noqa: E402

AUTHORITIES = ("Wokingham", "East Sussex", "Surrey", "Kent", "Medway", "Slough", "Reading")


def schedule(rows: int) -> bytes:
    start = dt.date(2022, 9, 1)
    lines = ["Triad,Date,LA1,LA2,LA3,F to F/ Virtual"]
    for i in range(rows):
        names = [f"{AUTHORITIES[(i + k) % len(AUTHORITIES)]} {i}" for k in range(3)]
        date = start + dt.timedelta(days=i % 360)
        lines.append(f"{i + 1},{date:%d/%m/%Y},{','.join(names)},F to F London")
    return ("\n".join(lines) + "\n").encode("utf-8")


def best_check(data: bytes, rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        parse_schedule(data, "bench.csv", "2022-2023")
        times.append(time.perf_counter() - started)
    return min(times)


def whole_import(path: Path) -> float:
    workspace = Workspace.in_memory(FakeClock())
    try:
        started = time.perf_counter()
        result = import_schedule_file(workspace.planner, path, "2022-2023")
        elapsed = time.perf_counter() - started
        assert result.ok, result.errors[:3]
        return elapsed
    finally:
        workspace.close()


def main() -> None:
    checks: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for rows in (MAX_ROWS // 4, MAX_ROWS // 2, MAX_ROWS):
            data = schedule(rows)
            checks[rows] = best_check(data)
            path = Path(folder) / f"{rows}.csv"
            path.write_bytes(data)
            total = whole_import(path)
            print(
                f"{rows:>6,} rows: check {checks[rows]:.2f} s ({rows / checks[rows]:,.0f} rows/s); "
                f"whole import {total:.1f} s ({rows / total:,.0f} rows/s)"
            )
        ratio = checks[MAX_ROWS] / checks[MAX_ROWS // 4]
        print(f"check time for 4x the rows: {ratio:.1f}x (target under 8; quadratic is 16)")
        huge = schedule(10_000)
        started = time.perf_counter()
        refused = parse_schedule(huge, "huge.csv", "2022-2023")
        print(f"10,000 rows refused in {time.perf_counter() - started:.2f} s: {refused}")


if __name__ == "__main__":
    main()
