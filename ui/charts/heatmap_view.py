"""A day's or a cycle's questions as a grid: bank themes down the side, presenting authorities
across the top, each cell shaded from white to the palette's dark blue by its count and the
count written in it (white on the dark cells), so no one has to read a colour scale.
"""

from __future__ import annotations

import textwrap

import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from facilitator.charts.figures import DARK_BLUE, HeatMap
from ui.charts.base import TEXT_COLOUR, WHITE, ChartView

FLOOR = 0.06  # a count of 0 is a faint tint, so the grid still reads as a grid
LINE_ROWS = 0.58  # one line of 12 pt type, in rows of the grid
NAME_WIDTH = 12  # characters per line of an authority's name over its column


def shade(count: int, most: int) -> QColor:
    """White mixed with dark blue: the more questions, the darker."""
    share = FLOOR + (1 - FLOOR) * (count / most if most else 0.0)
    white, blue = QColor(WHITE), QColor(DARK_BLUE)
    return QColor(
        *(
            round(w + (b - w) * share)
            for w, b in (
                (white.red(), blue.red()),
                (white.green(), blue.green()),
                (white.blue(), blue.blue()),
            )
        )
    )


def text_colour(count: int, most: int) -> str:
    """White on the darker half of the scale, dark grey on the lighter half."""
    return WHITE if most and count / most > 0.45 else TEXT_COLOUR


class HeatMapView(ChartView):
    """Theme by authority, a count in every cell."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells: pg.BarGraphItem | None = None
        self._header_rows = 1.0

    def show_chart(self, chart: HeatMap) -> None:
        self._begin(chart.title, chart.alt_text)
        self.cells = None
        if not chart.rows or not chart.columns:
            self._show_empty("no questions have been asked yet.")
            return
        names = [textwrap.wrap(name, NAME_WIDTH) or [""] for name in chart.columns]
        # More than three columns: names alternate between two heights so they never touch.
        stagger = len(chart.columns) > 3
        lower = max(len(name) for name in names[:: 2 if stagger else 1])
        upper = max((len(name) for name in names[1::2]), default=0) if stagger else 0
        self._header_rows = LINE_ROWS * (lower + upper) + 0.3
        self._show_plot(len(chart.rows) + round(self._header_rows + 0.5))
        self._rows_axis(chart.rows)
        self._hide_axes("bottom", "top", "right")
        self.plot.setXRange(-0.5, len(chart.columns) - 0.5, padding=0)
        self.plot.setYRange(-0.5 - self._header_rows, len(chart.rows) - 0.5, padding=0)

        most = max((max(row, default=0) for row in chart.counts), default=0)
        cells = [
            (row, column, count)
            for row, counts in enumerate(chart.counts)
            for column, count in enumerate(counts)
        ]
        self.cells = self._bars(
            x0=[column - 0.5 for _, column, _ in cells],
            y0=[row - 0.5 for row, _, _ in cells],
            width=1.0,
            height=1.0,
            brushes=[pg.mkBrush(shade(count, most)) for _, _, count in cells],
            pen=pg.mkPen(WHITE, width=2),
        )
        for row, column, count in cells:
            self._text(str(count), column, row, anchor=(0.5, 0.5), colour=text_colour(count, most))
        last = len(names) - 1
        for column, name in enumerate(names):
            lift = LINE_ROWS * lower if stagger and column % 2 else 0.0
            # The outer names line up with the grid's edges, so neither runs off the chart.
            x, across = (float(column), 0.5)
            if column == 0 and last > 0:
                x, across = (-0.5, 0.0)
            elif column == last and last > 0:
                x, across = (last + 0.5, 1.0)
            self._text("\n".join(name), x, -0.6 - lift, anchor=(across, 1), bold=True)
