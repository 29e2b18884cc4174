"""The failure log: full details for whoever fixes it, readable by its owner only, bounded."""

from __future__ import annotations

import logging
import stat
import sys
from pathlib import Path

import pytest

from facilitator.common import failure_log
from facilitator.common.failure_log import LOG_NAME, record_failure, short_message


def _failure() -> ValueError:
    try:
        raise ValueError("the \x07 stage has no end\nat all")
    except ValueError as exc:
        return exc


@pytest.fixture(autouse=True)
def _fresh_logger() -> object:
    yield None
    logger = logging.getLogger(failure_log.LOGGER_NAME)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()


def test_a_failure_is_written_with_its_traceback_version_and_command(tmp_path: Path) -> None:
    folder = tmp_path / "Balcony"  # not there yet: the log makes it
    path = record_failure(folder, _failure(), command="balcony days", where="the test")

    assert path == folder / LOG_NAME
    text = path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "ValueError: the \x07 stage has no end" in text
    assert "; Python " in text
    assert "Command: balcony days" in text
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_log_rotates_and_stays_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(failure_log, "MAX_BYTES", 2_000)
    for _ in range(40):
        record_failure(tmp_path, _failure())
    logs = sorted(p.name for p in tmp_path.iterdir())
    assert logs == [LOG_NAME, f"{LOG_NAME}.1", f"{LOG_NAME}.2", f"{LOG_NAME}.3"]
    if sys.platform != "win32":
        assert {stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()} == {0o600}


def test_an_unwritable_folder_is_not_a_second_failure(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    assert record_failure(blocked / "Balcony", _failure()) is None


def test_the_message_for_the_user_is_one_short_line() -> None:
    assert short_message(_failure()) == "the stage has no end at all"
    assert short_message(KeyError()) == "KeyError"
    assert len(short_message(RuntimeError("x" * 1000))) == 300
