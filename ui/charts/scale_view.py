"""One 0–10 scale question as a dot plot: the question as the title, one row per authority
with its dot on a faint 0–10 rule and its name and rating beside the dot, and the question's
anchor words at the two ends of the scale.
"""

from __future__ import annotations

import math
import textwrap

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from facilitator.charts.figures import DARK_BLUE, MUTED, ScaleChart, ScalePoint
from ui.charts.base import ChartView, pen

DOT_PX = 16
ANCHOR_WIDTH = 26  # characters per line of an anchor's words
LINE_ROWS = 0.6  # one line of 12 pt type, in rows


def name_of(point: ScalePoint) -> str:
    """ "Ashvale, Day 1: 7": where the rating was given, and the rating."""
    return f"{point.label or point.authority}: {point.value}"


class ScaleView(ChartView):
    """Each authority's own rating on one scale question."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dots: pg.ScatterPlotItem | None = None

    def show_chart(self, chart: ScaleChart) -> None:
        self._begin(chart.question, chart.alt_text)
        self.dots = None
        if not chart.points:
            self._show_empty("no authority has answered this question yet.")
            return
        points = chart.points
        count = len(points)
        low = "\n".join(textwrap.wrap(f"0: {chart.low}", ANCHOR_WIDTH))
        high = "\n".join(textwrap.wrap(f"10: {chart.high}", ANCHOR_WIDTH))
        anchor_rows = 0.35 + LINE_ROWS * max(low.count("\n"), high.count("\n"), 0) + LINE_ROWS
        self._show_plot(count + math.ceil(anchor_rows))
        self.plot.invertY(True)
        self._hide_axes("left", "top", "right")
        self.plot.showAxis("bottom")
        self.plot.getAxis("bottom").setTicks([[(float(v), str(v)) for v in range(11)], []])
        self.plot.setXRange(-0.5, 10.5, padding=0)
        self.plot.setYRange(-0.6, count - 0.5 + anchor_rows, padding=0)

        rules = pg.PlotDataItem(
            x=[x for _ in points for x in (0.0, 10.0)],
            y=[float(row) for row in range(count) for _ in (0, 1)],
            connect="pairs",
            pen=pen(MUTED, 1),
        )
        self.plot.addItem(rules)
        self.dots = pg.ScatterPlotItem(
            x=[float(point.value) for point in points],
            y=[float(row) for row in range(count)],
            size=DOT_PX,
            brush=pg.mkBrush(DARK_BLUE),
            pen=pg.mkPen("#FFFFFF", width=1.5),
        )
        self.plot.addItem(self.dots)
        for row, point in enumerate(points):
            # On the side of the dot with more room, so no name runs off the scale.
            if point.value <= 5:
                self._text(f"  {name_of(point)}", point.value, row, anchor=(0, 0.5))
            else:
                self._text(f"{name_of(point)}  ", point.value, row, anchor=(1, 0.5))
        below = count - 0.5 + 0.15
        self._text(low, -0.5, below, anchor=(0, 0), bold=True)
        self._text(high, 10.5, below, anchor=(1, 0), bold=True)
