"""`balcony`, `balcony open` or `balcony run DAY_ID`: the app window; the only module of the
command line that imports Qt."""

from __future__ import annotations

from facilitator.storage.location import DataLocation
from ui.app import run_app


def open_window(path: DataLocation, day_id: int | None = None) -> int:
    return run_app(path, day_id)


def draw_charts(arguments: list[str]) -> int:
    """The chart drawer (ui/charts/png_worker.py), run by the bundle's own executable."""
    from ui.charts.png_worker import main

    return main(arguments)
