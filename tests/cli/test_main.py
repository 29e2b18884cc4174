from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import main


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("Balcony 0.")


def test_demo_then_days_lists_the_demo_triad(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "b.sqlite")
    assert main(["--data", data, "days"]) == 0
    assert capsys.readouterr().out == ""

    assert main(["--data", data, "demo"]) == 0
    day_id = capsys.readouterr().out.strip()

    assert main(["--data", data, "days"]) == 0
    line = capsys.readouterr().out.strip()
    assert line == f"{day_id}\t2027-01-18\ttriad\tAshvale, Brackenmoor, Corriford"


def test_the_environment_variable_chooses_the_data_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BALCONY_DATA", str(tmp_path / "env.sqlite"))
    assert main(["where"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "env.sqlite")
    assert main(["--data", str(tmp_path / "flag.sqlite"), "where"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "flag.sqlite")


def test_a_bad_data_file_is_an_error_on_stderr_with_nonzero_exit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_text("hello")
    assert main(["--data", str(bad), "days"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "not a Balcony data file" in captured.err
    assert str(bad) in captured.err
    assert bad.read_text() == "hello"


def test_python_dash_m_entry_prints_the_version() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "ui", "--version"], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0
    assert done.stdout.startswith("Balcony ")
