"""An unexpected error on the command line: one line on stderr, status 70, details logged."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import cli.days
from cli.main import EX_SOFTWARE, main
from facilitator.common.failure_log import LOGGER_NAME
from facilitator.workspace import Workspace


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the log goes: Balcony's folder in a data folder of the test's own."""
    home = tmp_path / "share"
    monkeypatch.setattr("cli.main.generic_data_folder", lambda: home)
    yield home / "Balcony"
    logger = logging.getLogger(LOGGER_NAME)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()


def test_an_unexpected_error_is_one_line_status_70_and_a_private_log(
    tmp_path: Path,
    data_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken(workspace: Workspace) -> int:
        raise RuntimeError("the list of days fell over")

    monkeypatch.setattr(cli.days, "list_days", broken)

    status = main(["--data", str(tmp_path / "b.sqlite"), "days"])

    assert status == EX_SOFTWARE == 70
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("\n") == 1
    log = data_home / "balcony.log"
    assert err.startswith("balcony: something went wrong: the list of days fell over.")
    assert f"Details were written to {log}." in err
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: the list of days fell over" in text
    assert "Command: balcony --data" in text
    if sys.platform != "win32":
        assert stat.S_IMODE(log.stat().st_mode) == 0o600


@pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="XDG_DATA_HOME moves the data folder on Unix only"
)
def test_a_real_process_shows_no_traceback_anywhere(tmp_path: Path) -> None:
    # A separate Python, so nothing of pytest's (capture, hooks) can hide what a user sees.
    script = (
        "import sys, cli.days\n"
        "def broken(workspace): raise KeyError('stage 7')\n"
        "cli.days.list_days = broken\n"
        "from cli.main import main\n"
        f"sys.exit(main(['--data', {str(tmp_path / 'b.sqlite')!r}, 'days']))\n"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share"), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 70
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("balcony: something went wrong: 'stage 7'.")
    log = tmp_path / "share" / "Balcony" / "balcony.log"
    assert "KeyError: 'stage 7'" in log.read_text(encoding="utf-8")
    if sys.platform != "win32":
        assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_usage_errors_stay_argparse_s_own(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["no-such-command"])
    assert done.value.code == 2
    assert "something went wrong" not in capsys.readouterr().err
