"""In the desktop bundle there is no `python -m`: the bundle's own executable draws a record's
charts when given the hidden chart-drawing command."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from cli import frozen
from cli.chart_pictures import render_in_child
from tests.ui.charts import samples

ROOT = Path(__file__).resolve().parents[2]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_from_a_clone_the_drawer_is_a_python_module() -> None:
    assert frozen.chart_worker_command() == [sys.executable, "-m", "ui.charts.png_worker"]


@pytest.mark.slow
def test_the_bundles_executable_draws_the_charts_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Stands in for dist/Balcony/balcony: an executable that is `balcony` and nothing else.
    executable = tmp_path / "balcony"
    executable.write_text(
        f'#!/bin/sh\ncd "{ROOT}"\nexec "{sys.executable}" -m cli "$@"\n', encoding="utf-8"
    )
    executable.chmod(executable.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    assert frozen.chart_worker_command() == [str(executable), "draw-charts"]

    figures = samples.all_figures()[:2]
    pictures = render_in_child(figures, width_mm=100, dpi=100)

    assert len(pictures) == 2
    assert all(p.startswith(PNG_SIGNATURE) for p in pictures)
    assert QImage.fromData(pictures[0]).width() > 0
