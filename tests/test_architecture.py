"""The layer contracts hold, and would catch a break: proved on a copy with a planted leak."""

from __future__ import annotations

import os
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
    for package in ("facilitator", "question_bank", "ui"):
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


@pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is not installed")
@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("facilitator/leak.py", "import PySide6.QtCore\n", "never import Qt"),
        ("question_bank/leak.py", "import pyqtgraph\n", "never import Qt"),
        ("question_bank/leak.py", "import facilitator.capture.notes\n", "lowest layer"),
        ("facilitator/leak.py", "import ui.home.main_window\n", "never import Qt"),
        ("ui/leak.py", "import sqlmodel\n", "only through the domain"),
    ],
)
def test_a_planted_forbidden_import_breaks_the_contracts(
    copy_of_the_tree: Path, module: str, line: str, contract: str
) -> None:
    assert run_lint_imports(copy_of_the_tree).returncode == 0

    (copy_of_the_tree / module).write_text(line)
    result = run_lint_imports(copy_of_the_tree)

    assert result.returncode != 0
    assert contract in result.stdout
