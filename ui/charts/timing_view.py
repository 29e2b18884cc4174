"""The day planned against how it ran: one row per stage, the plan as an outline, what
happened filled in, any overrun in the warning colour and in words ("+6 min"), and vertical
lines for now, the planned finish (solid) and the finish the day is heading for (dashed).
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from facilitator.charts.figures import (
    DARK_BLUE,
    DARK_GREY,
    DARK_PINK,
    MUTED,
    WARNING,
    TimingBar,
    TimingChart,
)
from ui.charts.base import WHITE, ChartView, pen

OUTLINE_HALF = 0.36  # the planned outline fills most of its row...
FILL_HALF = 0.22  # ...and what happened sits inside it
# Three slots above the first stage for the lines' labels, so they never sit on each other.
LABEL_SLOTS = {"planned": -2.05, "projected": -1.4, "now": -0.75}
HEADER_ROWS = 2.5


def tick_step(span: float) -> int:
    """Minutes between clock ticks: about six ticks, on the half hour or the hour."""
    for step in (15, 30, 60, 120):
        if span / step <= 8:
            return step
    return 180


class TimingView(ChartView):
    """The timing chart; show_chart again whenever the day takes a step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.now_line: pg.InfiniteLine | None = None
        self.planned_line: pg.InfiniteLine | None = None
        self.projected_line: pg.InfiniteLine | None = None
        self.outlines: pg.BarGraphItem | None = None
        self.fills: pg.BarGraphItem | None = None
        self.overruns: pg.BarGraphItem | None = None

    def show_chart(self, chart: TimingChart) -> None:
        self._begin(chart.title, chart.alt_text)
        self.now_line = self.planned_line = self.projected_line = None
        self.outlines = self.fills = self.overruns = None
        if not chart.bars:
            self._show_empty("no stages are planned for this day.")
            return
        self._show_plot(len(chart.bars) + math.ceil(HEADER_ROWS))
        self._rows_axis([bar.label for bar in chart.bars])
        self._hide_axes("top", "right")
        self.plot.showAxis("bottom")
        low, high = self._x_range(chart)
        self._clock_axis(chart, low, high)
        self.plot.setXRange(low, high, padding=0)
        self.plot.setYRange(-HEADER_ROWS, len(chart.bars) - 0.5, padding=0)
        self._draw_bars(chart.bars)
        self._draw_lines(chart, (low + high) / 2)

    def _x_range(self, chart: TimingChart) -> tuple[float, float]:
        starts = [0.0] + [bar.actual_start for bar in chart.bars if bar.actual_start is not None]
        ends = [chart.planned_finish, chart.projected_finish, chart.now or 0.0]
        ends += [_actual_end(bar) for bar in chart.bars]
        ends += [bar.planned_start + bar.planned_minutes for bar in chart.bars]
        low, high = min(starts), max(ends)
        span = max(high - low, 30.0)
        # Room on the right for "+6 min" beside the last stages and for the finish labels.
        return low - span * 0.02, high + span * 0.16

    def _clock_axis(self, chart: TimingChart, low: float, high: float) -> None:
        step = tick_step(high - low)
        first = math.ceil(low / step) * step
        last = high - (high - low) * 0.04  # no clock time half off the right edge
        ticks = [(float(m), chart.clock(m)) for m in range(int(first), int(last) + 1, step)]
        self.plot.getAxis("bottom").setTicks([ticks, []])

    def _draw_bars(self, bars: tuple[TimingBar, ...]) -> None:
        rows = range(len(bars))
        self.outlines = self._bars(
            x0=[bar.planned_start for bar in bars],
            width=[bar.planned_minutes for bar in bars],
            y0=[row - OUTLINE_HALF for row in rows],
            height=2 * OUTLINE_HALF,
            brush=pg.mkBrush(None),
            pen=pen(DARK_GREY, 1.5),
        )
        happened = [(row, bar) for row, bar in enumerate(bars) if bar.actual_start is not None]
        if happened:
            self.fills = self._bars(
                x0=[bar.actual_start for _, bar in happened],
                width=[min(bar.actual_minutes or 0.0, bar.planned_minutes) for _, bar in happened],
                y0=[row - FILL_HALF for row, _ in happened],
                height=2 * FILL_HALF,
                brushes=[pg.mkBrush(MUTED if bar.is_break else DARK_BLUE) for _, bar in happened],
                pen=pg.mkPen(None),
            )
        over = [(row, bar) for row, bar in happened if bar.over_minutes > 0]
        if over:
            self.overruns = self._bars(
                x0=[(bar.actual_start or 0.0) + bar.planned_minutes for _, bar in over],
                width=[bar.over_minutes for _, bar in over],
                y0=[row - FILL_HALF for row, _ in over],
                height=2 * FILL_HALF,
                brush=pg.mkBrush(WARNING),
                pen=pg.mkPen(None),
            )
        for row, bar in over:
            words = f"+{round(bar.over_minutes)} min" + (" so far" if bar.running else "")
            right = max(_actual_end(bar), bar.planned_start + bar.planned_minutes)
            self._text(f" {words}", right, row, bold=True)

    def _draw_lines(self, chart: TimingChart, middle: float) -> None:
        self.planned_line = self._line(
            chart.planned_finish,
            DARK_GREY,
            False,
            f"planned finish {chart.clock(chart.planned_finish)}",
            LABEL_SLOTS["planned"],
            middle,
        )
        self.projected_line = self._line(
            chart.projected_finish,
            DARK_BLUE,
            True,
            f"projected finish {chart.clock(chart.projected_finish)}",
            LABEL_SLOTS["projected"],
            middle,
        )
        if chart.now is not None:
            self.now_line = self._line(
                chart.now,
                DARK_PINK,
                False,
                f"now {chart.clock(chart.now)}",
                LABEL_SLOTS["now"],
                middle,
            )

    def _line(
        self, x: float, colour: str, dashed: bool, words: str, slot: float, middle: float
    ) -> pg.InfiniteLine:
        line = pg.InfiniteLine(pos=x, angle=90, movable=False, pen=pen(colour, 2, dashed=dashed))
        self.plot.addItem(line)
        # Beside the line, on the side with more room, on a white ground over any other line.
        if x > middle:
            self._text(f"{words} ", x, slot, anchor=(1, 0.5), colour=colour, fill=WHITE)
        else:
            self._text(f" {words}", x, slot, anchor=(0, 0.5), colour=colour, fill=WHITE)
        return line


def _actual_end(bar: TimingBar) -> float:
    if bar.actual_start is None:
        return 0.0
    return bar.actual_start + (bar.actual_minutes or 0.0)
