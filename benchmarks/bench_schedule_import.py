"""Importing a schedule: checking grows in step with the file, and a huge file is refused fast.

Run everything with `.venv/bin/python -m benchmarks`, or this part alone with
`.venv/bin/python benchmarks/bench_schedule_import.py`. Not a test: it prints measurements
beside the targets and asserts nothing.

Timed for 250, 500 and 1,000 rows (the row limit): the check alone (reading, parsing, the
cycle and number checks: what runs off the UI thread behind the progress dialog) and the
whole import into an empty in-memory store (the check plus the all-or-nothing write).
Targets: checking time per row about constant (ratio for 4x the rows under 8, where a
scan over earlier rows would give 16: the 250-row check is the floor); a 10,000-row file
refused in well under a second, beside the csv module merely reading it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Result, median, percentile, run_alone
from facilitator.common.clock import FakeClock
from facilitator.schedule.importing import MAX_ROWS, import_schedule_file, parse_schedule
from facilitator.workspace import Workspace

REFUSE_MS = 1000.0
SCALING = 8.0

AUTHORITIES = ("Wokingham", "East Sussex", "Surrey", "Kent", "Medway", "Slough", "Reading")


def schedule(rows: int) -> bytes:
    start = dt.date(2022, 9, 1)
    lines = ["Triad,Date,LA1,LA2,LA3,F to F/ Virtual"]
    for i in range(rows):
        names = [f"{AUTHORITIES[(i + k) % len(AUTHORITIES)]} {i}" for k in range(3)]
        date = start + dt.timedelta(days=i % 360)
        lines.append(f"{i + 1},{date:%d/%m/%Y},{','.join(names)},F to F London")
    return ("\n".join(lines) + "\n").encode("utf-8")


def checks(data: bytes, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        parse_schedule(data, "bench.csv", "2022-2023")
        times.append((time.perf_counter() - started) * 1000)
    return times


def whole_import(path: Path) -> float:
    workspace = Workspace.in_memory(FakeClock())
    try:
        started = time.perf_counter()
        result = import_schedule_file(workspace.planner, path, "2022-2023")
        elapsed = time.perf_counter() - started
        if not result.ok:
            raise RuntimeError(f"the import failed: {result.errors[:3]}")
        return elapsed * 1000
    finally:
        workspace.close()


def csv_read(data: bytes) -> float:
    started = time.perf_counter()
    for _ in csv.reader(io.StringIO(data.decode("utf-8"))):
        pass
    return (time.perf_counter() - started) * 1000


def measure(folder: Path, quick: bool) -> list[Result]:
    rounds = 3 if quick else 7
    small, full = MAX_ROWS // 4, MAX_ROWS
    small_times = checks(schedule(small), rounds)
    full_times = checks(schedule(full), rounds)
    path = folder / "schedule.csv"
    path.write_bytes(schedule(full))
    total = whole_import(path)
    ratio = median(full_times) / median(small_times)
    scaling_met = ratio < SCALING
    about = (
        f"The whole import of {full:,} rows into an empty store (check and write) took "
        f"{total / 1000:.1f} s ({full / total * 1000:,.0f} rows/s)."
    )
    huge = schedule(10_000)
    refusals, reads = [], []
    verdict = None
    for _ in range(rounds):
        started = time.perf_counter()
        verdict = parse_schedule(huge, "huge.csv", "2022-2023")
        refusals.append((time.perf_counter() - started) * 1000)
        reads.append(csv_read(huge))
    refused = isinstance(verdict, list) and bool(verdict)
    refused_met = refused and percentile(refusals, 0.99) < REFUSE_MS
    answer = "; ".join(e.message for e in verdict) if refused else "accepted, not refused"
    return [
        Result(
            benchmark=f"Schedule import: check {full:,} rows",
            unit="ms",
            median=median(full_times),
            p99=percentile(full_times, 0.99),
            floor=f"check {small:,} rows",
            floor_median=median(small_times),
            target=f"< {SCALING:g}× floor (4× rows)",
            met=scaling_met,
            why=about
            if scaling_met
            else f"Checking 4× the rows takes {ratio:.1f}× as long: something scans earlier "
            f"rows for each row (quadratic gives 16×). {about}",
        ),
        Result(
            benchmark="Schedule import: 10,000-row file refused",
            unit="ms",
            median=median(refusals),
            p99=percentile(refusals, 0.99),
            floor="csv module reading it",
            floor_median=median(reads),
            target=f"< {REFUSE_MS:,.0f} ms",
            met=refused_met,
            why=f"Its answer: {answer}"
            if refused_met
            else f"Not refused fast enough (or not refused); its answer: {answer}",
        ),
    ]


if __name__ == "__main__":
    run_alone(measure)
