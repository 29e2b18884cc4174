"""`balcony`, `balcony open` or `balcony run DAY_ID`: the app window; the only module of the
command line that imports Qt."""

from __future__ import annotations

from pathlib import Path

from ui.app import run_app


def open_window(path: Path, day_id: int | None = None) -> int:
    return run_app(path, day_id)
