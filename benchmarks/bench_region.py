"""A region's ten years on one PostgreSQL server, beside the same region in one SQLite file.

Run everything with `.venv/bin/python -m benchmarks`, or this part alone with
`.venv/bin/python benchmarks/bench_region.py [--quick]`. Not a test: it prints measurements
beside the targets and asserts nothing. It needs BALCONY_TEST_POSTGRES, the libpq address of
a PostgreSQL server where it may create and drop a database of its own
(`postgresql://user@host:port/db`); without it the row says it was skipped.

The region (benchmarks/region.py): twelve invented authorities, ten cycles of eight days
(--quick: four cycles), each day planned, run stage by stage and typed into through the
domain API, in memory; the last cycle's records exported once (a Word version each). It
then goes whole, through one archive (`export_archive`), into a fresh PostgreSQL database
and a fresh SQLite file, so both hold the same rows.

Measured on both, interleaved round by round: listing the days (`Planner.list_days`), one
day's plan (`Planner.day_plan`), the last cycle's report gathered (`collect_cycle_report`),
the due list (`FollowUps.due`), one bullet added (`Notebook.add`), one day's archive
exported and imported back over itself (Keep.THEIRS), and the whole region's archive
imported once. Each target is PostgreSQL's median as a multiple of SQLite's on the same
region (the floor), never an absolute time; the sizes and the rows per table are given
with the database size row.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Result, median, percentile, run_alone
from benchmarks.region import RegionFacts, RegionSize, build_region
from benchmarks.region_databases import (
    blob_bytes,
    drop_database,
    file_size,
    fresh_database,
    server_size,
)
from facilitator.archive import Keep, export_archive, import_archive
from facilitator.common.clock import FakeClock
from facilitator.records.summaries import collect_cycle_report
from facilitator.workspace import Workspace

SERVER_ENV = "BALCONY_TEST_POSTGRES"
DATABASE = f"balcony_bench_region_{os.getpid()}"
EMPTY_DATABASE = f"{DATABASE}_empty"
# PostgreSQL's median may be this many times SQLite's: a loopback round trip costs more than
# a call into SQLite, and the app makes several a step.
TARGETS = {
    "list": 5.0,
    "plan": 5.0,
    "report": 5.0,
    "due": 5.0,
    "add": 5.0,
    "export": 5.0,
    "import": 5.0,
    "whole": 5.0,
}
SIZE_TARGET = 3.0


class _Targets:
    """What the timed steps work on in one workspace, found by date (ids differ)."""

    def __init__(self, workspace: Workspace, last_cycle: str) -> None:
        self.workspace = workspace
        self.refresh(last_cycle)

    def refresh(self, last_cycle: str) -> None:
        self.cycle = last_cycle
        days = sorted(
            (d for d in self.workspace.planner.list_days() if d.cycle_name == last_cycle),
            key=lambda d: d.date,
        )
        self.day_id = days[-1].id  # the one opened and typed into
        self.archived_id = days[0].id  # the one exported and imported back
        plan = self.workspace.planner.day_plan(self.day_id)
        self.stage_id = next(s.id for s in plan.stages if s.session_id is not None)


def _steps(
    t: _Targets, day_file: Path, today: dt.date, round_: int
) -> dict[str, Callable[[], object]]:
    """The timed steps on one side, by name."""
    w = t.workspace
    return {
        "list": w.planner.list_days,
        "plan": lambda: w.planner.day_plan(t.day_id),
        "report": lambda: collect_cycle_report(w, t.cycle),
        "due": lambda: w.follow_ups.due(today),
        "add": lambda: w.notebook.add(t.stage_id, f"Added in round {round_}."),
        "export": lambda: export_archive(
            w.db, day_file, day_id=t.archived_id, now=w.clock.wall_now(), overwrite=True
        ),
        "import": lambda: import_archive(w.db, day_file, Keep.THEIRS),
    }


def _timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return (time.perf_counter() - started) * 1000


def measure(folder: Path, quick: bool) -> list[Result]:
    admin = os.environ.get(SERVER_ENV, "").strip()
    if not admin:
        return [
            Result(
                benchmark="Region on PostgreSQL: skipped",
                unit="",
                median=float("nan"),
                p99=None,
                floor="",
                floor_median=None,
                target="",
                met=True,
                why=f"${SERVER_ENV} is unset: no PostgreSQL server to measure a region on.",
            )
        ]
    size = RegionSize(cycles=4 if quick else 10, record_cycles=1)
    rounds = 5 if quick else 9
    try:
        return _measure(admin, folder, size, rounds)
    finally:
        drop_database(admin, DATABASE)
        drop_database(admin, EMPTY_DATABASE)


def _measure(admin: str, folder: Path, size: RegionSize, rounds: int) -> list[Result]:
    # The region, built once in memory and carried whole to both back ends.
    start = dt.datetime(size.first_year, 9, 1, 8, tzinfo=dt.UTC)
    built = Workspace.in_memory(FakeClock(start))
    try:
        facts = build_region(built, size, folder / "records")
        blobs = blob_bytes(built)
        whole = folder / "region.balcony-archive"
        export_archive(built.db, whole, now=start)
        today = built.follow_ups.today()
    finally:
        built.close()
    last_cycle = size.cycle_names[-1]

    # Empty databases of both kinds, for the bytes the schema alone takes.
    empty_address = fresh_database(admin, EMPTY_DATABASE)
    Workspace.open(empty_address, FakeClock(start)).close()
    empty_server = server_size(empty_address)[0]
    empty_file_path = folder / "empty.sqlite"
    Workspace.open(empty_file_path, FakeClock(start)).close()
    empty_file = file_size(empty_file_path)

    address = fresh_database(admin, DATABASE)
    file_path = folder / "region.sqlite"
    clock = FakeClock(dt.datetime.combine(today, dt.time(12), tzinfo=dt.UTC))
    server = Workspace.open(address, clock)
    local = Workspace.open(file_path, clock)
    whole_times: dict[str, float] = {}
    whole_times["pg"] = _timed(lambda: import_archive(server.db, whole))
    whole_times["sqlite"] = _timed(lambda: import_archive(local.db, whole))
    local.close()
    server_bytes, rows, table_bytes = server_size(address)
    file_bytes = file_size(file_path)
    local = Workspace.open(file_path, clock)

    times: dict[str, dict[str, list[float]]] = {
        name: {"pg": [], "sqlite": []} for name in TARGETS if name != "whole"
    }
    sides = {"pg": _Targets(server, last_cycle), "sqlite": _Targets(local, last_cycle)}
    try:
        for round_ in range(rounds):
            order = ["pg", "sqlite"] if round_ % 2 == 0 else ["sqlite", "pg"]
            for side in order:
                steps = _steps(sides[side], folder / f"day-{side}.balcony-archive", today, round_)
                for name, step in steps.items():
                    times[name][side].append(_timed(step))
                sides[side].refresh(last_cycle)
        # Once more on each side, counting the statements sent: on the server, each is a
        # round trip, which a network (rather than loopback) makes dearer.
        statements = {
            name: {
                side: _statements(sides[side].workspace, step)
                for side in ("pg", "sqlite")
                for step in [_steps(sides[side], folder / f"day-{side}.n", today, rounds)[name]]
            }
            for name in times
        }
        open_follow_ups = len(server.follow_ups.all_open())
    finally:
        server.close()
        local.close()

    days = len(facts.day_ids)
    label = f"{days} days"
    names = {
        "list": f"list the days ({label})",
        "plan": "open one day's plan",
        "report": f"gather a cycle report ({size.days_per_cycle} days)",
        "due": "the due list",
        "add": "one bullet added",
        "export": "export one day's archive",
        "import": "import one day's archive (replacing it)",
    }
    names["due"] += f" ({open_follow_ups} open follow-ups)"
    results = [
        _ratio_row(
            f"Region on PostgreSQL: {names[name]}",
            pair["pg"],
            pair["sqlite"],
            name,
            statements[name]["pg"],
        )
        for name, pair in times.items()
    ]
    results.append(
        _ratio_row(
            f"Region on PostgreSQL: whole region's archive imported ({label})",
            [whole_times["pg"]],
            [whole_times["sqlite"]],
            "whole",
        )
    )
    results.append(
        _size_row(
            facts,
            size,
            server_bytes,
            file_bytes,
            empty_server,
            empty_file,
            rows,
            table_bytes,
            blobs,
        )
    )
    return results


def _statements(workspace: Workspace, step: Callable[[], object]) -> tuple[int, int]:
    """How many statements `step` sends to the database, and in how many transactions
    (connections taken from the pool: on the server each also costs a ping, its BEGIN and
    its COMMIT, which the statements do not count)."""
    from sqlalchemy import event

    seen: list[object] = []
    taken: list[object] = []

    def count(*_: object) -> None:
        seen.append(None)

    def checkout(*_: object) -> None:
        taken.append(None)

    engine = workspace.db.engine
    event.listen(engine, "before_cursor_execute", count)
    event.listen(engine, "checkout", checkout)
    try:
        step()
    finally:
        event.remove(engine, "before_cursor_execute", count)
        event.remove(engine, "checkout", checkout)
    return len(seen), len(taken)


def _ratio_row(
    benchmark: str,
    pg: list[float],
    sqlite: list[float],
    name: str,
    statements: tuple[int, int] | None = None,
) -> Result:
    target = TARGETS[name]
    sent, transactions = statements or (0, 0)
    trips = sent + 3 * transactions
    trips_text = (
        f" {sent:,} statements in {transactions:,} transactions, so about {trips:,} round "
        f"trips to the server (a ping, BEGIN and COMMIT a transaction): at 1 ms a trip (a "
        f"network rather than loopback) about {trips:,} ms more."
        if sent
        else ""
    )
    ratio = median(pg) / median(sqlite) if median(sqlite) else float("inf")
    met = ratio <= target
    return Result(
        benchmark=benchmark,
        unit="ms",
        median=median(pg),
        p99=percentile(pg, 0.99),
        floor="same on an SQLite file",
        floor_median=median(sqlite),
        target=f"≤ {target:g}× floor",
        met=met,
        why=(
            (
                f"{len(pg)} rounds each, interleaved; SQLite p99 {percentile(sqlite, 0.99):.1f} ms."
                if len(pg) > 1
                else "Once each, into an empty database."
            )
            + trips_text
            if met
            else f"PostgreSQL took {ratio:.1f}× SQLite's time: the step makes many small "
            "queries, each a round trip to the server where SQLite is a call in the process."
            + trips_text
        ),
    )


def _size_row(
    facts: RegionFacts,
    size: RegionSize,
    server_bytes: int,
    file_bytes: int,
    empty_server: int,
    empty_file: int,
    rows: dict[str, int],
    table_bytes: dict[str, int],
    blobs: tuple[int, int],
) -> Result:
    mb = 1024 * 1024
    days = len(facts.day_ids)
    grown, grown_file = server_bytes - empty_server, file_bytes - empty_file
    ratio = grown / grown_file if grown_file > 0 else float("inf")
    biggest = sorted(table_bytes.items(), key=lambda kv: -kv[1])[:6]
    counted = ", ".join(f"{name} {count:,}" for name, count in sorted(rows.items()) if count)
    per_day = (server_bytes - empty_server) / days / 1024
    per_day_file = (file_bytes - empty_file) / days / 1024
    plain = (server_bytes - empty_server - table_bytes.get("recordversion", 0)) / days / 1024
    return Result(
        benchmark=f"Region on PostgreSQL: data size ({days} days, {size.cycles} cycles)",
        unit="MB",
        median=grown / mb,
        p99=None,
        floor="SQLite file, same rows",
        floor_median=grown_file / mb,
        target=f"≤ {SIZE_TARGET:g}× floor",
        met=ratio <= SIZE_TARGET,
        why=(
            f"Bytes beyond an empty database of each kind. {facts.bullets_typed:,} bullets "
            f"typed; rows: {counted}. In all, {server_bytes / mb:.1f} MB on the server (empty: "
            f"{empty_server / mb:.1f} MB) and {file_bytes / mb:.2f} MB as a file (empty: "
            f"{empty_file / mb:.2f} MB); so about {per_day:,.0f} kB a day on the server and "
            f"{per_day_file:,.0f} kB in the file; without the records' table, "
            f"{plain:,.0f} kB a day on the server. "
            "Largest tables on the server (with indexes): "
            + ", ".join(f"{name} {b / mb:.1f} MB" for name, b in biggest)
            + f". Records: {blobs[0]} Word versions ({facts.records_exported} exported, last "
            f"cycle only) hold {blobs[1] / mb:.1f} MB of .docx. The region was built in "
            f"{facts.seconds:.0f} s ({facts.record_seconds:.0f} s of it exporting records)."
        ),
    )


if __name__ == "__main__":
    run_alone(measure)
