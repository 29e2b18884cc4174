"""Runs every benchmark and prints one table; writes it with the machine to a results file.

    .venv/bin/python -m benchmarks [--quick] [--only SUBSTRING] [--out PATH]

(`bash scripts/bench` sets up and does the same.) Each benchmark module runs in a fresh
process of its own, so one that fails, hangs or crashes leaves the others their numbers and
its own row says why; nor does one module's leftover windows or memory weigh on the next.
"""

from __future__ import annotations

import argparse
import re
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

from benchmarks.common import (
    ROOT,
    Result,
    child_env,
    failed,
    machine,
    markdown_report,
    text_table,
)

# In the order they run.
MODULES = (
    "bench_startup",
    "bench_open_day",
    "bench_capture",
    "bench_memory",
    "bench_export",
    "bench_bank_search",
    "bench_schedule_import",
    "bench_region",
)
MARK = "BENCHMARK-RESULT "
TIMEOUT_S = 1800
QT_NOISE = re.compile(r"This plugin does not support")  # the offscreen platform's warnings
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "latest.md"


def available() -> list[str]:
    here = Path(__file__).resolve().parent
    return [name for name in MODULES if (here / f"{name}.py").is_file()]


def squeeze(name: str) -> str:
    """For --only: "Start-up", "startup" and "bench_startup" all match bench_startup."""
    return re.sub(r"[\s_\-]", "", name.lower())


def run_here(module: str, folder: Path, quick: bool) -> None:
    """In the child: measures one module and prints each row on a line of its own."""
    try:
        imported = __import__(f"benchmarks.{module}", fromlist=["measure"])
        results: list[Result] = imported.measure(folder, quick)
    except Exception as exc:
        trace = "".join(traceback.format_exception(exc)[-6:])
        results = [failed(module, f"{type(exc).__name__}: {exc}", trace)]
    for result in results:
        print(MARK + result.to_json(), flush=True)


def run_child(module: str, folder: Path, quick: bool) -> list[Result]:
    """In the parent: one module in a fresh process; a failed row if it gives none."""
    command = [sys.executable, "-X", "faulthandler", "-m", "benchmarks", "--child", module]
    command += ["--folder", str(folder)]
    try:
        done = subprocess.run(
            [*command, *(["--quick"] if quick else [])],
            capture_output=True,
            text=True,
            env=child_env(),
            cwd=ROOT,
            timeout=TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return [failed(module, f"no answer within {TIMEOUT_S // 60} minutes; it was stopped.")]
    results = [
        Result.from_json(line[len(MARK) :])
        for line in done.stdout.splitlines()
        if line.startswith(MARK)
    ]
    if results:
        return results
    lines = [line for line in done.stderr.strip().splitlines() if not QT_NOISE.match(line)]
    tail = "\n".join(lines[-20:])
    if done.returncode < 0:
        how = f"the process was killed by {signal.Signals(-done.returncode).name}"
        fault = next((line for line in lines if line.startswith("Fatal Python error")), "")
        return [failed(module, f"{how}. {fault}".strip(), tail)]
    last = lines[-1] if lines else "no output"
    return [failed(module, f"the process ended with code {done.returncode}: {last}", tail)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Runs every benchmark and prints one table; the table and the machine's "
        "description go to the results file.",
    )
    parser.add_argument(
        "--only", metavar="SUBSTRING", help="the modules whose name has it (Start-up: startup)"
    )
    parser.add_argument("--quick", action="store_true", help="fewer rounds: a rough look")
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, metavar="PATH", help="the results file"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_here(args.child, args.folder, args.quick)
        return 0

    modules = [m for m in available() if not args.only or squeeze(args.only) in squeeze(m)]
    if not modules:
        print(f"No benchmark module matches {args.only!r}; there are: {', '.join(available())}")
        return 2
    about = machine()
    for label, value in about:
        print(f"{label + ':':<13}{value}")
    print()
    started = time.perf_counter()
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="balcony-bench-") as name:
        for module in modules:
            print(f"{module} …", end=" ", flush=True)
            begun = time.perf_counter()
            folder = Path(name) / module
            folder.mkdir()
            rows = run_child(module, folder, args.quick)
            missed = sum(not r.met for r in rows)
            print(f"{time.perf_counter() - begun:.0f} s, {len(rows) - missed}/{len(rows)} met")
            results += rows
    seconds = time.perf_counter() - started
    print()
    print(text_table(results))
    command = " ".join(["python -m benchmarks", *(argv if argv is not None else sys.argv[1:])])
    out: Path = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(markdown_report(results, about, command, seconds), encoding="utf-8")
    missed = [r for r in results if not r.met]
    print(f"\n{len(results) - len(missed)} of {len(results)} targets met; written to {out}")
    for result in missed:
        print(f"- {result.benchmark}: {result.why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
