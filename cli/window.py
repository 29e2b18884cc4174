"""`balcony` or `balcony open`: the app window; the only module of the command line importing Qt."""

from __future__ import annotations

from pathlib import Path

from ui.app import run_app


def open_window(path: Path) -> int:
    return run_app(path)
