"""One session's questions by visiting authority: a bar each with its count written at its
end, and a dashed line, labelled, at the even share of all the questions asked.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from facilitator.charts.figures import DARK_BLUE, DARK_PINK, TurnsChart
from ui.charts.base import WHITE, ChartView, pen

BAR_HALF = 0.32
HEADER_ROWS = 0.9


def share_words(even_share: float) -> str:
    """ "even share: 4.5" (or "even share: 5" when it is whole)."""
    shown = f"{even_share:.1f}".removesuffix(".0")
    return f"even share: {shown}"


class TurnsView(ChartView):
    """Questions asked by each visiting authority, in turn order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: pg.BarGraphItem | None = None
        self.share_line: pg.InfiniteLine | None = None

    def show_chart(self, chart: TurnsChart) -> None:
        self._begin(chart.title, chart.alt_text)
        self.bars = None
        self.share_line = None
        if not chart.counts:
            self._show_empty("no authority is visiting this session.")
            return
        counts = chart.counts
        self._show_plot(len(counts) + 1)
        self._rows_axis([name for name, _ in counts])
        self._hide_axes("bottom", "top", "right")
        most = max([asked for _, asked in counts] + [chart.even_share, 1.0])
        self.plot.setXRange(0, most * 1.25, padding=0)
        self.plot.setYRange(-0.5 - HEADER_ROWS, len(counts) - 0.5, padding=0)
        self.bars = self._bars(
            x0=[0.0] * len(counts),
            width=[float(asked) for _, asked in counts],
            y0=[row - BAR_HALF for row in range(len(counts))],
            height=2 * BAR_HALF,
            brush=pg.mkBrush(DARK_BLUE),
            pen=pg.mkPen(None),
        )
        for row, (_, asked) in enumerate(counts):
            self._text(f" {asked}", float(asked), row, bold=True)
        self.share_line = pg.InfiniteLine(
            pos=chart.even_share, angle=90, movable=False, pen=pen(DARK_PINK, 2, dashed=True)
        )
        self.plot.addItem(self.share_line)
        words = share_words(chart.even_share)
        # Near the right edge the words go to the line's left, so they stay on the chart.
        leftwards = chart.even_share > most * 0.6
        self._text(
            f"{words} " if leftwards else f" {words}",
            chart.even_share,
            -0.5 - HEADER_ROWS / 2,
            anchor=(1 if leftwards else 0, 0.5),
            colour=DARK_PINK,
            fill=WHITE,
        )
