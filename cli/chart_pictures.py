"""Charts as PNG bytes from a child process, for callers that must not import Qt.

render_in_child runs `python -m ui.charts.png_worker` with this interpreter, offscreen, and
hands it the figures as JSON. This module imports neither PySide6 nor pyqtgraph.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from cli.frozen import chart_worker_command
from facilitator.charts.codec import dumps
from facilitator.charts.figures import Figure

ROOT = Path(__file__).resolve().parents[1]  # the folder that holds cli/, ui/ and facilitator/
TIMEOUT_SECONDS = 120


class ChartRenderError(RuntimeError):
    """The child process could not draw the charts; the message says why."""


def render_in_child(
    figures: Sequence[Figure], width_mm: float = 160, dpi: int = 200
) -> list[bytes]:
    """One PNG per figure, in order, drawn by a child process."""
    if not figures:
        return []
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(
        part for part in (str(ROOT), env.get("PYTHONPATH", "")) if part
    )
    command = [
        *chart_worker_command(),
        "--width-mm",
        str(width_mm),
        "--dpi",
        str(dpi),
    ]
    try:
        done = subprocess.run(
            command,
            input=dumps(list(figures)),
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ChartRenderError(f"Could not draw the charts: {error}") from error
    if done.returncode != 0:
        reason = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        raise ChartRenderError(f"Could not draw the charts: {reason[0]}")
    try:
        pictures = json.loads(done.stdout)
        return [base64.b64decode(picture, validate=True) for picture in pictures]
    except (ValueError, TypeError) as error:
        raise ChartRenderError(f"The chart drawer's answer was unreadable: {error}") from error


def record_pictures(figures: Sequence[Figure]) -> list[bytes | None]:
    """Pictures for a record's charts (facilitator/word/figures.py's FigureRenderer), drawn by
    a child process; when they cannot be, the record keeps their words and this says why."""
    try:
        return list(render_in_child(figures))
    except ChartRenderError as error:
        print(f"balcony: {error}; the records give the charts in words.", file=sys.stderr)
        return [None] * len(figures)
