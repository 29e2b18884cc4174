"""The layer contracts hold, and would catch a break: proved on a copy with a planted leak."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def run_lint_imports(where: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(where)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=where,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture
def copy_of_the_tree(tmp_path: Path) -> Path:
    for package in ("cli", "facilitator", "question_bank", "ui"):
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def broken_contracts(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stdout.splitlines() if " BROKEN" in line]


@pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is not installed")
@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("facilitator/leak.py", "import PySide6.QtCore\n", "domain and the bank never import Qt"),
        ("question_bank/leak.py", "import pyqtgraph\n", "domain and the bank never import Qt"),
        ("question_bank/leak.py", "import facilitator.capture.notes\n", "lowest layer"),
        ("facilitator/leak.py", "import ui.home.main_window\n", "domain and the bank never"),
        ("ui/leak.py", "import sqlmodel\n", "only through the domain"),
        ("cli/days.py", "import PySide6.QtWidgets\n", "windowless commands never import Qt"),
        ("cli/bank.py", "import pyqtgraph\n", "windowless commands never import Qt"),
        # What the dispatcher did before: find the data file through the UI's Qt paths.
        ("cli/main.py", "import ui.common.paths\n", "windowless commands never import Qt"),
        ("ui/presenter/leak.py", "import facilitator.capture.notes\n", "never reads what was"),
        ("ui/presenter/screen.py", "import facilitator.capture\n", "never reads what was"),
        ("facilitator/leak.py", "import cli.main\n", "Layers: cli above ui"),
        ("ui/leak.py", "import cli.parser\n", "Layers: cli above ui"),
        # The console's modules imported each other in a circle before.
        ("ui/console/parts.py", "import ui.console.window\n", "No import cycles"),
        ("ui/amendments/dialog.py", "import ui.records.steps\n", "No import cycles"),
        ("facilitator/word/session_note.py", "import facilitator.records.exporting\n", "cycles"),
    ],
)
def test_a_planted_forbidden_import_breaks_the_contracts(
    copy_of_the_tree: Path, module: str, line: str, contract: str
) -> None:
    assert run_lint_imports(copy_of_the_tree).returncode == 0

    with (copy_of_the_tree / module).open("a", encoding="utf-8") as planted:
        planted.write(line)  # a new module, or one more import at the end of an existing one
    result = run_lint_imports(copy_of_the_tree)

    assert result.returncode != 0
    assert any(contract in broken for broken in broken_contracts(result)), result.stdout


def test_the_architecture_page_names_only_paths_that_exist() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:cli|facilitator|ui|question_bank|tests)/[\w/.]*)`", page))
    assert len(named) > 20
    missing = sorted(path for path in named if not (ROOT / path).exists())
    assert missing == []


def test_no_production_module_runs_past_400_lines() -> None:
    packages = ("cli", "facilitator", "question_bank", "ui")
    long = {
        str(path.relative_to(ROOT)): lines
        for package in packages
        for path in (ROOT / package).rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}
