"""What every benchmark shares: the Result row, the percentile, the machine's description,
the table (plain text for the terminal, Markdown for the results file) and child processes.

Targets are ratios to a floor measured in the same run, or absolute limits with the floor
printed beside them; nothing here asserts.
"""

from __future__ import annotations

import cProfile
import datetime as dt
import io
import json
import math
import os
import platform
import pstats
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# A child ends by printing this: its own peak resident memory in MB (VmHWM is the high-water
# mark of this process alone, which getrusage(RUSAGE_CHILDREN) in the parent cannot give).
PEAK_RSS = """
def _peak_rss_mb():
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""


@dataclass(frozen=True)
class Result:
    benchmark: str  # "Start-up: home window, 50 days"
    unit: str  # "ms" or "MB"
    median: float  # Balcony
    p99: float | None  # Balcony, None where one number (memory)
    floor: str  # what the floor is: "bare PySide6 window"
    floor_median: float | None
    target: str  # human text: "≤ 4× floor", "p99 ≤ 16 ms", "< 250 MB"
    met: bool
    why: str = ""  # when not met (or a caveat): the reason, in a sentence
    profile: str = ""  # a short profile excerpt shown under the table when not met

    @property
    def ratio(self) -> float | None:
        if self.floor_median is None or not self.floor_median or math.isnan(self.median):
            return None
        return self.median / self.floor_median

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Result:
        return cls(**json.loads(text))


def failed(benchmark: str, error: str, profile: str = "") -> Result:
    """The row of a benchmark that could not be measured."""
    return Result(
        benchmark=f"{benchmark}: failed",
        unit="",
        median=math.nan,
        p99=None,
        floor="",
        floor_median=None,
        target="",
        met=False,
        why=error,
        profile=profile,
    )


def percentile(values: list[float], share: float) -> float:
    """Nearest rank on the sorted values: `share` 0.99 gives the p99."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def median(values: list[float]) -> float:
    return percentile(values, 0.5)


# the machine --------------------------------------------------------------------------------


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> list[tuple[str, str]]:
    """What the numbers were measured on, as (label, value) pairs."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in _read("/proc/cpuinfo").splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or platform.machine(),
    )
    memory = next(
        (
            f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
            for line in _read("/proc/meminfo").splitlines()
            if line.startswith("MemTotal:")
        ),
        "unknown",
    )
    release = dict(
        line.split("=", 1) for line in _read("/etc/os-release").splitlines() if "=" in line
    )
    system = release.get("PRETTY_NAME", platform.system()).strip('"')
    try:
        from PySide6 import __version__ as pyside
        from PySide6.QtCore import qVersion

        qt = f"PySide6 {pyside}, Qt {qVersion()}"
    except ImportError:
        qt = "PySide6 not installed"
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    now = dt.datetime.now().astimezone()
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return [
        ("Date", f"{now.day} {now:%B %Y, %H:%M %Z}"),
        ("CPU", f"{cpu}, {os.cpu_count()} logical cores ({usable} usable)"),
        ("Memory", memory),
        ("Load", "{:.2f}, {:.2f}, {:.2f} (1, 5, 15 min averages) at the start".format(*load)),
        ("System", f"{system}, Linux {platform.release()}"),
        ("Python", platform.python_version()),
        ("Qt", f"{qt} (QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', 'unset')})"),
        ("SQLite", sqlite3.sqlite_version),
        ("python-docx", _version("python-docx")),
    ]


# the table ----------------------------------------------------------------------------------

HEADINGS = ("benchmark", "Balcony median", "p99", "floor", "floor median", "ratio", "target", "met")


def _number(value: float | None, unit: str) -> str:
    if value is None or math.isnan(value):
        return "—"
    digits = 0 if value >= 100 else 1 if value >= 10 else 2
    return f"{value:,.{digits}f} {unit}".strip()


def cells(result: Result) -> tuple[str, ...]:
    ratio = result.ratio
    return (
        result.benchmark,
        _number(result.median, result.unit),
        _number(result.p99, result.unit),
        result.floor or "—",
        _number(result.floor_median, result.unit),
        "—" if ratio is None else f"{ratio:.2f}×",
        result.target or "—",
        "yes" if result.met else "NO",
    )


def text_table(results: list[Result]) -> str:
    rows = [HEADINGS, *(cells(r) for r in results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADINGS))]
    numeric = {1, 2, 4, 5}

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(
            cell.rjust(width) if i in numeric else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(rows[0]), rule, *(line(row) for row in rows[1:])])


def markdown_table(results: list[Result]) -> str:
    def line(row: tuple[str, ...]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |"

    align = "|---|--:|--:|---|--:|--:|---|:-:|"
    return "\n".join([line(HEADINGS), align, *(line(cells(r)) for r in results)])


def markdown_report(
    results: list[Result], about: list[tuple[str, str]], command: str, seconds: float
) -> str:
    """The results file: the date, the machine (`about`, from machine()), the table, and
    for each missed target why, with its profile."""
    when = about[0][1]
    parts = [
        f"# Balcony benchmarks, {when}",
        "",
        f"Run with `{command}` in {seconds:.0f} s. Each target is an absolute limit or a "
        "ratio to a floor measured in the same run, on this machine:",
        "",
        *(f"- **{label}**: {value}" for label, value in about[1:]),
        "",
        markdown_table(results),
        "",
    ]
    missed = [r for r in results if not r.met]
    notes = [r for r in results if r.met and r.why]
    if missed:
        parts += ["## Why targets were missed", ""]
        for result in missed:
            parts += [f"### {result.benchmark}", "", result.why or "No reason was recorded.", ""]
            if result.profile:
                parts += ["```", result.profile.rstrip(), "```", ""]
    if notes:
        parts += ["## Notes", ""]
        parts += [f"- **{r.benchmark}**: {r.why}" for r in notes]
        parts.append("")
    return "\n".join(parts)


# child processes ----------------------------------------------------------------------------


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}


def run_child(code: str, *args: str, timeout: float = 300) -> str:
    """Runs `code` in a fresh Python with the repository importable and offscreen Qt; its
    last line of output. A failure raises with the end of what it wrote to stderr."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=ROOT,
        timeout=timeout,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = "\n".join(done.stderr.strip().splitlines()[-12:])
        raise RuntimeError(f"child process ended with {done.returncode}: {tail}")
    return lines[-1]


def child_peak_rss(code: str, *args: str, timeout: float = 300) -> float:
    """Peak resident memory (MB) of a fresh process running `code`, which must end with
    `print(_peak_rss_mb())` (PEAK_RSS is put in front of it)."""
    return float(run_child(PEAK_RSS + code, *args, timeout=timeout))


def print_rows(results: list[Result]) -> None:
    """What a benchmark run as a script prints: its own rows."""
    print(text_table(results))
    for result in results:
        if result.why:
            print(f"\n{result.benchmark}: {result.why}")
        if result.profile and not result.met:
            print(result.profile)


def run_alone(measure: Callable[[Path, bool], list[Result]]) -> None:
    """What a benchmark run as a script does: measures in a folder of its own (--quick for
    fewer rounds) and prints its rows."""
    with tempfile.TemporaryDirectory() as name:
        print_rows(measure(Path(name), "--quick" in sys.argv))


# profiles -----------------------------------------------------------------------------------


def profile_text(profiler: cProfile.Profile, lines: int = 16) -> str:
    """The top `lines` of a profile by cumulative time, paths shown from the repository."""
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(lines)
    text = out.getvalue().splitlines()
    start = next((i for i, line in enumerate(text) if "ncalls" in line), 0)
    root = f"{ROOT}/"
    return "\n".join(line.replace(root, "")[:150] for line in text[start:] if line.strip())


def hot_spots(
    profiler: cProfile.Profile, steps: int, count: int = 3, under: str = "/facilitator/"
) -> str:
    """The costliest functions of a folder (the domain's by default) by cumulative time, in
    ms a step, leaving out those that wrap nearly all of it: where the time goes, for a
    `why`."""
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = max((row[3] for row in stats.values()), default=0.0)
    found = sorted(
        (
            (cumulative, f"{Path(file).parent.name}/{Path(file).stem}.{name}")
            for (file, _, name), (_, _, _, cumulative, _) in stats.items()
            if under in file and cumulative < 0.8 * total
        ),
        reverse=True,
    )[:count]
    return ", ".join(f"`{where}` {seconds * 1000 / steps:.0f} ms" for seconds, where in found)
