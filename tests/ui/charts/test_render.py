"""Charts as PNG for the records: the right size, not blank, lazily imported, and drawable from
a child process for the command line, which never imports Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from cli.chart_pictures import ChartRenderError, render_in_child
from facilitator.charts import codec
from facilitator.charts.figures import Figure
from tests.ui.charts import samples
from ui.charts.render import pixel_width, render_png

ROOT = Path(__file__).resolve().parents[3]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
NAMES = lambda figure: type(figure).__name__  # noqa: E731


def dark_share(png: bytes) -> float:
    """The share of pixels dark enough to be text, bars or lines."""
    image = QImage.fromData(png).convertToFormat(QImage.Format.Format_Grayscale8)
    dark = total = 0
    for y in range(0, image.height(), 3):
        row = bytes(image.constScanLine(y))[: image.width()]
        dark += sum(1 for value in row[::3] if value < 110)
        total += len(row[::3])
    return dark / total


@pytest.mark.parametrize("figure", samples.all_figures(), ids=NAMES)
def test_a_chart_renders_to_a_png_of_the_print_width(qtbot: QtBot, figure: Figure) -> None:
    png = render_png(figure)

    assert png.startswith(PNG_SIGNATURE)
    image = QImage.fromData(png)
    assert image.width() == round(160 / 25.4 * 200) == 1260
    assert 200 < image.height() < 2400
    assert round(image.dotsPerMeterX() * 0.0254) == 200
    assert dark_share(png) > 0.005


def test_the_width_follows_the_page_and_the_resolution(qtbot: QtBot) -> None:
    png = render_png(samples.turns(), width_mm=80, dpi=300)
    assert QImage.fromData(png).width() == pixel_width(80, 300) == 945


def test_an_empty_chart_renders_its_message(qtbot: QtBot) -> None:
    png = render_png(replace(samples.timing(), bars=()))
    assert QImage.fromData(png).width() == 1260
    assert dark_share(png) > 0.002


def test_importing_the_renderer_and_the_child_helper_loads_no_qt() -> None:
    probe = (
        "import sys, ui.charts, ui.charts.render, cli.chart_pictures, facilitator.charts.codec\n"
        "print([m for m in sys.modules if m.split('.')[0] in ('pyqtgraph', 'PySide6')])"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("figure", samples.all_figures(), ids=NAMES)
def test_the_codec_gives_back_the_same_figure(figure: Figure) -> None:
    text = codec.dumps([figure])
    json.loads(text)  # plain JSON
    assert codec.loads(text) == [figure]


@pytest.mark.parametrize(
    "text",
    [
        "{}",
        '[{"type": "Nonsense", "data": {}}]',
        '[{"type": "TurnsChart", "data": {"title": "T"}}]',
        '[{"type": "TurnsChart", "data": {"title": 3, "counts": [], "even_share": 1,'
        ' "alt_text": ""}}]',
    ],
)
def test_the_codec_refuses_what_is_not_a_chart(text: str) -> None:
    with pytest.raises(codec.CodecError):
        codec.loads(text)


@pytest.mark.slow
def test_a_child_process_draws_the_charts() -> None:
    figures = samples.all_figures()
    pictures = render_in_child(figures, width_mm=120, dpi=150)

    assert len(pictures) == len(figures)
    for png in pictures:
        assert png.startswith(PNG_SIGNATURE)
        assert QImage.fromData(png).width() == pixel_width(120, 150)
        assert dark_share(png) > 0.005


@pytest.mark.slow
def test_the_worker_refuses_bad_input_in_words() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ui.charts.png_worker"],
        input="not json",
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("png_worker:")
    assert done.stdout == ""


def test_no_figures_needs_no_child() -> None:
    assert render_in_child([]) == []
    assert issubclass(ChartRenderError, RuntimeError)
