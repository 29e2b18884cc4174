"""Running as the desktop bundle (scripts/bundle), where there is no `python -m`: the bundle's
executable runs the chart drawer itself when given CHART_WORKER as its first argument."""

from __future__ import annotations

import sys

# Not a command anyone types: `balcony --help` does not list it.
CHART_WORKER = "draw-charts"


def frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def chart_worker_command() -> list[str]:
    """How to start the chart drawer in a child process, from a clone or from the bundle."""
    if frozen():
        return [sys.executable, CHART_WORKER]
    return [sys.executable, "-m", "ui.charts.png_worker"]
