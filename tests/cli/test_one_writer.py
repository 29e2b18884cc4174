"""The command line beside an open app: it may read the data file, never write it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cli.main import main


def test_reading_commands_work_and_writing_ones_refuse_while_the_app_holds_the_file(
    other_balcony: tuple[Path, subprocess.Popen[str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, holder = other_balcony

    assert main(["--data", str(path), "days"]) == 0
    assert "Ashvale" in capsys.readouterr().out

    assert main(["--data", str(path), "demo"]) == 2
    said = capsys.readouterr().err
    assert f"open in another Balcony window (process {holder.pid})" in said
    assert "Traceback" not in said
