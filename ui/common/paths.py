"""The app's identity for Qt (QSettings, QStandardPaths); where the data file lives is pure Python.

The data file's location is found by `facilitator.storage.location`, without Qt, so that the
command line never imports Qt; it is re-exported here for the window's code.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from facilitator.storage.location import (
    DATA_ENV,
    DATA_FILE_NAME,
    default_data_path,
    resolve_data_path,
)

__all__ = [
    "APPLICATION",
    "DATA_ENV",
    "DATA_FILE_NAME",
    "ORGANISATION",
    "ORGANISATION_DOMAIN",
    "default_data_path",
    "resolve_data_path",
    "set_identity",
]

ORGANISATION = "Balcony"
# Reversed, the macOS bundle's identifier (packaging/balcony.spec): where macOS keeps settings.
ORGANISATION_DOMAIN = "balcony.org.uk"
APPLICATION = "Balcony"


def set_identity() -> None:
    """Names QSettings and QStandardPaths use; safe before any QApplication exists."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setOrganizationDomain(ORGANISATION_DOMAIN)
    QCoreApplication.setApplicationName(APPLICATION)
