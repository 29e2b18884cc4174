"""What every chart widget shares: a title above one pyqtgraph plot (or a clear "Nothing to
show yet" in its place), large type, a white background, and no chart junk: no grid, no
zooming, no menu, no autoscale button. Direct labels stand in for legends.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from facilitator.charts.figures import DARK_GREY

LABEL_PT = 12  # every label, tick and note: readable on a projector and on paper
TITLE_PT = 15
ROW_PX = 34  # one bar's row, at 96 logical pixels to the inch
AXIS_PX = 44  # the bottom axis: its tick text and some air
TEXT_COLOUR = DARK_GREY
WHITE = "#FFFFFF"


def font(points: int = LABEL_PT, *, bold: bool = False) -> QFont:
    chosen = QFont()
    chosen.setPointSize(points)
    chosen.setBold(bold)
    return chosen


def pen(colour: str, width: float = 1.0, *, dashed: bool = False) -> QPen:
    style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
    chosen: QPen = pg.mkPen(color=colour, width=width, style=style, cosmetic=True)
    return chosen


class ChartView(QWidget):
    """A title, then the plot; show_chart (in each subclass) fills both from a figure."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor(WHITE))
        palette.setColor(self.foregroundRole(), QColor(TEXT_COLOUR))
        self.setPalette(palette)

        self.title_label = QLabel()
        self.title_label.setFont(font(TITLE_PT, bold=True))
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet(f"color: {TEXT_COLOUR}; background: {WHITE};")

        self.plot_widget = pg.PlotWidget(background=WHITE)
        self.plot_widget.setAntialiasing(True)
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        for side in ("left", "bottom", "top", "right"):
            axis = self.plot.getAxis(side)
            axis.setStyle(tickFont=font(), tickTextOffset=6, autoExpandTextSpace=True)
            # A clock time may reach past the end of the axis by half its width: show it.
            axis.setStyle(hideOverlappingLabels=40)
            axis.setPen(pg.mkPen(TEXT_COLOUR))
            axis.setTextPen(pg.mkPen(TEXT_COLOUR))

        self.empty_label = QLabel()
        self.empty_label.setFont(font(14))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(f"color: {TEXT_COLOUR}; background: {WHITE};")

        self._stack = QStackedWidget()
        self._stack.addWidget(self.plot_widget)
        self._stack.addWidget(self.empty_label)
        self._frame = QVBoxLayout(self)
        self._frame.setContentsMargins(12, 10, 12, 10)
        self._frame.setSpacing(6)
        self._frame.addWidget(self.title_label)
        self._frame.addWidget(self._stack, 1)
        self._texts: list[pg.TextItem] = []
        self._rows = 1

    # What tests, screen readers and render_png ask of every chart.

    def texts(self) -> list[str]:
        """Every text written on the plot, in the order it was drawn."""
        return [item.toPlainText() for item in self._texts]

    def is_empty(self) -> bool:
        return self._stack.currentWidget() is self.empty_label

    def plot_height(self) -> int:
        """The plot's height in logical pixels when it is drawn for the records."""
        return 120 if self.is_empty() else AXIS_PX + 24 + ROW_PX * self._rows

    def height_for(self, width: int) -> int:
        """The whole chart's height at `width` logical pixels: the wrapped title, the plot."""
        margins = self._frame.contentsMargins()
        title = self.title_label.heightForWidth(width - margins.left() - margins.right())
        return margins.top() + title + self._frame.spacing() + self.plot_height() + margins.bottom()

    # What the subclasses draw with.

    def _begin(self, title: str, alt_text: str) -> None:
        """Clears the plot and says what the chart is, to the eye and to a screen reader."""
        self.plot.clear()
        self._texts = []
        self.title_label.setText(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(alt_text)
        self.setToolTip(alt_text)
        self.plot_widget.setAccessibleName(title)
        self.plot_widget.setAccessibleDescription(alt_text)

    def _show_empty(self, message: str) -> None:
        self.empty_label.setText(f"Nothing to show yet: {message}")
        self._stack.setCurrentWidget(self.empty_label)

    def _show_plot(self, rows: int) -> None:
        self._rows = max(1, rows)
        self._stack.setCurrentWidget(self.plot_widget)

    def _text(
        self,
        text: str,
        x: float,
        y: float,
        *,
        anchor: tuple[float, float] = (0, 0.5),
        colour: str = TEXT_COLOUR,
        bold: bool = False,
        fill: str | None = None,
        keep_inside: bool = False,
    ) -> pg.TextItem:
        """Writes `text` at (x, y); `keep_inside` slides it back inside the plot if it would
        run off an edge."""
        item = pg.TextItem(text, color=colour, anchor=anchor, fill=fill, ensureInBounds=keep_inside)
        item.setFont(font(bold=bold))
        item.setPos(x, y)
        self.plot.addItem(item)
        self._texts.append(item)
        return item

    def _bars(self, **options: object) -> pg.BarGraphItem:
        item = pg.BarGraphItem(**options)
        self.plot.addItem(item)
        return item

    def _rows_axis(self, labels: Sequence[str], side: str = "left") -> None:
        """Names the rows (0 at the top) on the left axis; hides the other axes."""
        self.plot.invertY(True)
        axis = self.plot.getAxis(side)
        axis.setTicks([[(index, label) for index, label in enumerate(labels)], []])
        # The names, without a ruled line or ticks beside them. A pen with no brush: pyqtgraph
        # would give a NoPen tick a colour again, and a tick of length 0 is still a dot.
        axis.setPen(pg.mkPen(None))
        axis.setTickPen(QPen(QBrush(Qt.BrushStyle.NoBrush), 0))
        axis.setStyle(tickLength=0)
        self.plot.showAxis(side)

    def _hide_axes(self, *sides: str) -> None:
        for side in sides:
            self.plot.hideAxis(side)
