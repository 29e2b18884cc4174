"""Where the home window was and how it was laid out, kept in the settings between runs."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter


def restore_home_geometry(window: QMainWindow, settings: QSettings, splitter: QSplitter) -> None:
    """As it was last time; else most of the screen, up to 1600×960."""
    geometry = settings.value("main/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        screen = window.screen().availableGeometry()
        window.resize(min(1600, int(screen.width() * 0.9)), min(960, int(screen.height() * 0.9)))
    state = settings.value("main/state")
    if state is not None:
        window.restoreState(state)
    saved_splitter = settings.value("main/splitter")
    if saved_splitter is not None:
        splitter.restoreState(saved_splitter)
