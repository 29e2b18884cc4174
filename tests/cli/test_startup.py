"""Every windowless command runs without importing Qt, charts or the UI, in a fresh process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.demo import DEMO_CYCLE

ROOT = Path(__file__).resolve().parents[2]
QT_LIKE = ("PySide6", "shiboken6", "pyqtgraph", "ui")

# Runs one command as `balcony` would, then reports its exit code and every Qt-like package it
# left imported (a package counts as imported when any of its modules is).
DRIVER = f"""
import json, sys
from cli.main import main
try:
    code = main(sys.argv[1:])
except SystemExit as done:
    code = done.code
roots = {{name.partition(".")[0] for name in sys.modules}}
print(json.dumps({{"code": code, "qt": sorted(roots & set({QT_LIKE!r}))}}))
"""

# Each windowless command, with arguments that make it do its whole job and exit 0.
WINDOWLESS = {
    "--version": ["--version"],
    "where": ["where"],
    "days": ["days"],
    "demo": ["demo"],
    "agenda": ["agenda", "{day}", "--out", "{folder}/agenda.docx", "--force"],
    "export": ["export", "{day}", "--out", "{folder}", "--force"],
    "cycle-report": ["cycle-report", DEMO_CYCLE, "--out", "{folder}/cycle.docx", "--force"],
    "bank export": ["bank", "export", "{folder}/exported.toml", "--force"],
    "bank import": ["bank", "import", "{folder}/bank.toml"],
    "import-schedule": ["import-schedule", str(ROOT / "docs" / "sample-schedule-2022-2023.csv")],
    "due": ["due"],
    "forward-plan": ["forward-plan", DEMO_CYCLE, "--out", "{folder}/plan.docx", "--force"],
    "pool import": ["pool", "import", str(ROOT / "docs" / "sample-pool.csv")],
    "archive export": ["archive", "export", "{folder}/all.balcony", "--force"],
}


def run_in_a_fresh_process(*args: str) -> tuple[int, list[str], str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("BALCONY_DATA", None)
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    *output, last = done.stdout.strip().splitlines()
    report = json.loads(last)
    return report["code"], report["qt"], "\n".join(output)


@pytest.fixture(scope="module")
def data_with_a_day(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A data file holding the demo day, and a bank file to import, made by the command itself."""
    folder = tmp_path_factory.mktemp("windowless")
    data = str(folder / "balcony.sqlite")
    code, _, day_id = run_in_a_fresh_process("--data", data, "demo")
    assert code == 0
    code, _, _ = run_in_a_fresh_process("--data", data, "bank", "export", str(folder / "bank.toml"))
    assert code == 0
    return folder, day_id.strip()


@pytest.mark.slow
@pytest.mark.parametrize("command", WINDOWLESS)
def test_a_windowless_command_never_imports_qt(
    command: str, data_with_a_day: tuple[Path, str]
) -> None:
    folder, day_id = data_with_a_day
    args = [part.format(day=day_id, folder=folder) for part in WINDOWLESS[command]]

    code, qt, _ = run_in_a_fresh_process("--data", str(folder / "balcony.sqlite"), *args)

    assert code == 0  # the whole job ran, so every import it needed was made
    assert qt == []


@pytest.mark.slow
def test_check_never_imports_qt(tmp_path: Path) -> None:
    """On its own data file: the module's file holds the demo day twice by now (the "demo"
    command runs again), which `check` rightly reports as an error."""
    data = str(tmp_path / "balcony.sqlite")
    assert run_in_a_fresh_process("--data", data, "demo")[0] == 0

    code, qt, output = run_in_a_fresh_process("--data", data, "check", DEMO_CYCLE)

    assert (code, qt) == (0, [])
    assert output.startswith("No problems found")


@pytest.mark.slow
def test_the_pool_commands_never_import_qt(tmp_path: Path) -> None:
    data = str(tmp_path / "balcony.sqlite")
    pool = tmp_path / "pool.csv"
    pool.write_text("Name,Local authority\nAlex Example,Northshire\n", encoding="utf-8")

    assert run_in_a_fresh_process("--data", data, "pool", "import", str(pool))[:2] == (0, [])
    code, qt, output = run_in_a_fresh_process("--data", data, "pool")

    assert (code, qt) == (0, [])
    assert output == "1\tAlex Example\tNorthshire\t"


def test_python_dash_m_cli_prints_the_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cli", "--version"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0
    assert done.stdout.startswith("Balcony ")


@pytest.mark.slow
def test_the_review_commands_never_import_qt(tmp_path: Path) -> None:
    data = str(tmp_path / "balcony.sqlite")
    pool = tmp_path / "pool.csv"
    pool.write_text("Name,Local authority\nAlex Example,Northshire\n", encoding="utf-8")
    seed = ROOT / "tests" / "data" / "seed-001-pctr.csv"
    assert run_in_a_fresh_process("--data", data, "pool", "import", str(pool))[:2] == (0, [])

    code, qt, output = run_in_a_fresh_process("--data", data, "reviews", "import", str(seed))
    assert (code, qt, output) == (0, [], "Imported 9 reviews.")
    code, qt, output = run_in_a_fresh_process("--data", data, "reviews")
    assert (code, qt) == (0, [])
    assert output.splitlines()[0] == "1\tPCTR\tNottingham\t10-12 Aug 2015\tLesley"
    code, qt, output = run_in_a_fresh_process(
        "--data", data, "pool", "candidates", "1", "--role", "PCR team member"
    )
    assert (code, qt) == (0, [])
    assert output.startswith("Alex Example\tNorthshire\tno\t")
