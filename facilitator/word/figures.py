"""Charts in a record: each a heading, the picture (when one could be drawn) with its alt
text, and the alt text again as a paragraph, so the document says everything the picture
shows on paper, to a screen reader, and when no picture could be drawn at all.

The pictures are drawn by the UI (ui/charts/render.py, or a child process for the command
line): the domain never imports Qt, so a record is given them as PNG bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from facilitator.charts.figures import Figure, ScaleChart
from facilitator.word.record_writer import RecordWriter

# Figures → one PNG each (None where a picture could not be drawn), in the same order.
FigureRenderer = Callable[[Sequence[Figure]], Sequence[bytes | None]]
FIGURE_WIDTH_CM = 16.0  # the text width of an A4 page with Balcony's margins
# A picture cannot break across pages: a tall one (a quartet's timeline) is drawn narrower so
# that it fits under its heading on one A4 page.
FIGURE_MAX_HEIGHT_CM = 19.0
DAY_FIGURES_TITLE = "The day in charts"
CYCLE_FIGURES_TITLE = "The cycle in charts"


@dataclass(frozen=True)
class RecordFigure:
    """A chart as a record holds it: its title, its figures in words, and its picture."""

    title: str
    alt_text: str
    png: bytes | None = None


def rendered(
    figures: Sequence[Figure], renderer: FigureRenderer | None
) -> tuple[RecordFigure, ...]:
    """The figures as a record holds them, drawn by `renderer` if there is one; a picture
    that could not be drawn leaves its words."""
    pictures: Sequence[bytes | None] = [None] * len(figures)
    if renderer is not None and figures:
        pictures = renderer(figures)
    return tuple(
        RecordFigure(figure_title(figure), figure.alt_text, png)
        for figure, png in zip(figures, pictures, strict=True)
    )


def figure_title(figure: Figure) -> str:
    """What a chart is called: a scale question's words, else the chart's title."""
    if isinstance(figure, ScaleChart):
        return figure.question
    return figure.title


def add_figures(write: RecordWriter, title: str, figures: Sequence[RecordFigure]) -> None:
    """A section of charts under `title` (level 2), each under a level 3 heading."""
    if not figures:
        return
    write.heading(title, 2)
    for figure in figures:
        write.heading(figure.title, 3)
        add_pictures(write, [figure])


def add_pictures(write: RecordWriter, figures: Sequence[RecordFigure]) -> None:
    """Each figure's picture (when drawn) and its words, under whatever heading is last."""
    for figure in figures:
        if figure.png is not None:
            _picture(write, figure)
        write.paragraph(figure.alt_text)


def _picture(write: RecordWriter, figure: RecordFigure) -> None:
    paragraph = write.doc.add_paragraph()  # before the section properties, as write's are
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = True
    width_cm = FIGURE_WIDTH_CM
    size = _png_size(figure.png or b"")
    if size is not None and size[0] > 0:
        width_cm = min(width_cm, FIGURE_MAX_HEIGHT_CM * size[0] / max(size[1], 1))
    shape = paragraph.add_run().add_picture(io.BytesIO(figure.png or b""), width=Cm(width_cm))
    # The picture's own alt text (Word: Format Picture ▸ Alt Text), read by screen readers.
    doc_pr = shape._inline.docPr
    doc_pr.set("title", figure.title)
    doc_pr.set("descr", figure.alt_text)


def _png_size(png: bytes) -> tuple[int, int] | None:
    """A PNG's width and height in pixels, from its header; None if it is not one."""
    if len(png) < 24 or not png.startswith(b"\x89PNG\r\n\x1a\n") or png[12:16] != b"IHDR":
        return None
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
