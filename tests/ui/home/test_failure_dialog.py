"""An error nobody expected, raised in a slot or a thread: a dialog, a log, and the app runs on."""

from __future__ import annotations

import logging
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.common.failure_log import LOGGER_NAME
from facilitator.storage.write_faults import WriteFailedError, describe
from ui.app import FailureDialog, install_failure_handler


@pytest.fixture
def shown(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[FailureDialog]]:
    dialogs: list[FailureDialog] = []

    def record(dialog: FailureDialog) -> int:
        dialogs.append(dialog)
        return 0

    monkeypatch.setattr(FailureDialog, "exec", record)
    # pytest-qt has its own hook in place for the test; it gets it back afterwards.
    hooks = sys.excepthook, threading.excepthook
    try:
        yield dialogs
    finally:
        sys.excepthook, threading.excepthook = hooks
        logger = logging.getLogger(LOGGER_NAME)
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()


def test_an_error_in_a_slot_shows_the_dialog_and_is_logged(
    qtbot: QtBot, tmp_path: Path, shown: list[FailureDialog]
) -> None:
    install_failure_handler(tmp_path)
    ran_after: list[bool] = []

    def broken_slot() -> None:
        raise RuntimeError("the stage clock\x07 went backwards")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)

    log = tmp_path / "balcony.log"
    text = shown[0].message.text()
    assert text.startswith("Something went wrong: the stage clock went backwards.")
    assert "Nothing you had saved is lost." in text
    assert f"Details were written to {log}." in text
    assert "Traceback" not in text
    logged = log.read_text(encoding="utf-8")
    assert "RuntimeError: the stage clock\x07 went backwards" in logged
    assert "in broken_slot" in logged
    if sys.platform != "win32":
        assert stat.S_IMODE(log.stat().st_mode) == 0o600

    shown[0].copy_button.click()
    assert "Traceback (most recent call last)" in QApplication.clipboard().text()

    # The event loop still runs: the app carries on.
    QTimer.singleShot(0, lambda: ran_after.append(True))
    qtbot.waitUntil(lambda: ran_after == [True], timeout=5000)


def test_an_error_in_a_thread_is_shown_from_the_window_s_thread(
    qtbot: QtBot, tmp_path: Path, shown: list[FailureDialog]
) -> None:
    install_failure_handler(tmp_path)

    def broken_work() -> None:
        raise OSError("the network share went away")

    worker = threading.Thread(target=broken_work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)

    assert shown[0].thread() is QApplication.instance().thread()
    assert "the network share went away" in shown[0].message.text()
    assert "OSError: the network share went away" in (tmp_path / "balcony.log").read_text()


def test_a_write_the_disk_refused_is_told_in_its_own_words(
    qtbot: QtBot, tmp_path: Path, shown: list[FailureDialog]
) -> None:
    install_failure_handler(tmp_path)

    def full_disk() -> None:
        raise WriteFailedError(describe(OSError("database or disk is full")))

    QTimer.singleShot(0, full_disk)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
    text = shown[0].message.text()
    assert text.startswith("Not saved: the disk is full.")
    assert "Something went wrong" not in text
