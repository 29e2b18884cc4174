"""Writing down what went wrong when something unexpected fails, so it can be reported.

The app and the command line each catch any error nobody expected, tell the user in one
sentence, and leave the full details here: a bounded, rotating `balcony.log` that only its
owner can read (a traceback may quote names from the day). The caller chooses the folder, so
this module stays pure Python and knows nothing of where Balcony keeps its data.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import traceback
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import facilitator
from facilitator.common.clean_text import single_line

LOG_NAME = "balcony.log"
MAX_BYTES = 1_000_000  # about a megabyte a file, three old ones kept: bounded on any disk
BACKUP_COUNT = 3
LOGGER_NAME = "balcony.failures"
_MESSAGE_LIMIT = 300  # the one line shown to the user; the log has the rest
_PRIVATE = 0o600


class _PrivateRotatingHandler(RotatingFileHandler):
    """Rotates like its parent, and keeps every file it starts readable by its owner only."""

    def _open(self) -> TextIOWrapper:
        stream = super()._open()
        os.chmod(self.baseFilename, _PRIVATE)
        return stream


def log_path(folder: Path) -> Path:
    return folder / LOG_NAME


def failure_logger(folder: Path) -> logging.Logger:
    """The logger writing to `folder`/balcony.log (created 0600), set up once per folder."""
    logger = logging.getLogger(LOGGER_NAME)
    target = str(log_path(folder).absolute())
    if any(getattr(h, "baseFilename", None) == target for h in logger.handlers):
        return logger
    for old in list(logger.handlers):
        logger.removeHandler(old)
        old.close()
    folder.mkdir(parents=True, exist_ok=True)
    handler = _PrivateRotatingHandler(
        target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    # The user hears about the failure from the app or the command line, never from logging.
    logger.propagate = False
    return logger


def failure_details(
    error: BaseException, trace: TracebackType | None, *, command: str, where: str
) -> str:
    """Everything needed to report the failure: the traceback, version, platform, command."""
    lines = traceback.format_exception(type(error), error, trace)
    return (
        f"Unexpected error in {where}\n"
        f"Balcony {facilitator.__version__}; Python {platform.python_version()}; "
        f"{platform.platform()}\n"
        f"Command: {command}\n" + "".join(lines).rstrip()
    )


def record_failure(
    folder: Path,
    error: BaseException,
    trace: TracebackType | None = None,
    *,
    command: str = "",
    where: str = "Balcony",
) -> Path | None:
    """Writes the failure's details to the log; returns the log's path, or None when it could
    not be written (a full disk, a read-only folder): reporting a failure must never fail."""
    details = failure_details(
        error, trace if trace is not None else error.__traceback__, command=command, where=where
    )
    try:
        logger = failure_logger(folder)
        logger.error(details)
        for handler in logger.handlers:
            handler.flush()
    except OSError:
        return None
    return log_path(folder)


def short_message(error: BaseException) -> str:
    """The error in one line for the user: its own words, else what kind of error it was."""
    text = single_line(str(error)) or type(error).__name__
    if len(text) > _MESSAGE_LIMIT:
        text = text[: _MESSAGE_LIMIT - 1] + "…"
    return text.rstrip(".")


def command_line(argv: list[str] | None = None) -> str:
    """The command as typed, for the log."""
    words = sys.argv if argv is None else ["balcony", *argv]
    return " ".join(words)
