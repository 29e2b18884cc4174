"""One session's questions by bank theme: a bar per theme with its count written beside it.
Focus risks are filled in a second colour and say "focus"; themes never touched are a thin
grey stub that says "not explored", so neither depends on colour alone.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from facilitator.charts.figures import DARK_BLUE, MUTED, TURQUOISE, CoverageChart, ThemeCount
from ui.charts.base import ChartView

BAR_HALF = 0.32
STUB = 0.12  # the width, in questions, of an untouched theme's grey mark


def words_for(theme: ThemeCount) -> str:
    """What is written at the end of a theme's bar: "3", "4 · focus", "not explored"."""
    if theme.untouched:
        return "not explored"
    if theme.focus and theme.asked == 0:
        return "0 · focus, not explored"
    count = str(theme.asked)
    return f"{count} · focus" if theme.focus else count


class CoverageView(ChartView):
    """Questions asked per theme of the bank, in the bank's order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: pg.BarGraphItem | None = None

    def show_chart(self, chart: CoverageChart) -> None:
        self._begin(chart.title, chart.alt_text)
        self.bars = None
        if not chart.themes:
            self._show_empty("the question bank has no themes to count.")
            return
        themes = chart.themes
        self._show_plot(len(themes))
        self._rows_axis([theme.title for theme in themes])
        self._hide_axes("bottom", "top", "right")
        most = max([theme.asked for theme in themes] + [1])
        # Room on the right for the longest words ("0 · focus, not explored").
        self.plot.setXRange(0, most * 1.45 + 1, padding=0)
        self.plot.setYRange(-0.6, len(themes) - 0.4, padding=0)
        self.bars = self._bars(
            x0=[0.0] * len(themes),
            width=[theme.asked or STUB for theme in themes],
            y0=[row - BAR_HALF for row in range(len(themes))],
            height=2 * BAR_HALF,
            brushes=[pg.mkBrush(_fill(theme)) for theme in themes],
            pen=pg.mkPen(None),
        )
        for row, theme in enumerate(themes):
            right = theme.asked or STUB
            self._text(f" {words_for(theme)}", right, row, bold=theme.focus)


def _fill(theme: ThemeCount) -> str:
    if theme.asked == 0:
        return MUTED
    return TURQUOISE if theme.focus else DARK_BLUE
