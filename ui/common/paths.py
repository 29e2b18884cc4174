"""Where the data file lives: --data, then $BALCONY_DATA, then the platform's data folder."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

ORGANISATION = "Balcony"
APPLICATION = "Balcony"
DATA_ENV = "BALCONY_DATA"
DATA_FILE_NAME = "balcony.sqlite"


def set_identity() -> None:
    """Names QSettings and QStandardPaths use; safe before any QApplication exists."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)


def default_data_path() -> Path:
    from_env = os.environ.get(DATA_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(base) / APPLICATION / DATA_FILE_NAME


def resolve_data_path(given: str | None) -> Path:
    return Path(given).expanduser() if given else default_data_path()
