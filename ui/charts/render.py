"""A chart as PNG bytes for the records: the same widget the app shows, drawn offscreen.

The widget is laid out at the page width in logical pixels (96 to the inch, so its 12 pt
type is 12 pt on paper) and painted onto an image `dpi / 96` times larger through a scaled
painter. The plot is vector graphics all the way down, so text and lines are drawn at the
print resolution, not enlarged from a screen-sized picture. The PNG records its dpi.

Nothing here imports Qt or pyqtgraph until render_png is called.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from facilitator.charts.figures import (
    CoverageChart,
    Figure,
    HeatMap,
    ScaleChart,
    TimingChart,
    TurnsChart,
)

if TYPE_CHECKING:
    from ui.charts.base import ChartView

logger = logging.getLogger(__name__)
LOGICAL_DPI = 96
MM_PER_INCH = 25.4


def pixel_width(width_mm: float, dpi: int) -> int:
    """The PNG's width in pixels: `width_mm` printed at `dpi`."""
    return round(width_mm / MM_PER_INCH * dpi)


def view_for(figure: Figure) -> ChartView:
    """A new widget showing `figure`."""
    view: ChartView
    if isinstance(figure, TimingChart):
        from ui.charts.timing_view import TimingView

        view = TimingView()
        view.show_chart(figure)
    elif isinstance(figure, CoverageChart):
        from ui.charts.coverage_view import CoverageView

        view = CoverageView()
        view.show_chart(figure)
    elif isinstance(figure, HeatMap):
        from ui.charts.heatmap_view import HeatMapView

        view = HeatMapView()
        view.show_chart(figure)
    elif isinstance(figure, ScaleChart):
        from ui.charts.scale_view import ScaleView

        view = ScaleView()
        view.show_chart(figure)
    elif isinstance(figure, TurnsChart):
        from ui.charts.turns_view import TurnsView

        view = TurnsView()
        view.show_chart(figure)
    else:
        raise TypeError(f"No chart draws a {type(figure).__name__}")
    return view


def render_png(figure: Figure, *, width_mm: float = 160, dpi: int = 200) -> bytes:
    """The figure as a PNG `width_mm` wide at `dpi` (1260 pixels for the defaults)."""
    from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPoint, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    view = view_for(figure)
    try:
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        logical_width = round(width_mm / MM_PER_INCH * LOGICAL_DPI)
        logical_height = view.height_for(logical_width)
        view.resize(logical_width, logical_height)
        # Shown (though never on screen) so pyqtgraph lays out its axes round their labels.
        view.show()
        app.processEvents()

        width = pixel_width(width_mm, dpi)
        scale = width / logical_width
        image = QImage(width, round(logical_height * scale), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.scale(scale, scale)
            view.render(painter, QPoint())
        finally:
            painter.end()
        # Set after painting: fonts are sized by the image's own dpi while it is painted on.
        dots_per_metre = round(dpi / MM_PER_INCH * 1000)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)

        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes
        buffer.close()
        return bytes(data.data())
    finally:
        view.close()
        view.deleteLater()
        # Gone now, not at some later turn of an event loop: a hidden top-level window left
        # behind keeps the application's windows (and a later modal dialog's loop) busy.
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def render_for_records(figures: Sequence[Figure]) -> list[bytes | None]:
    """Pictures for a record (facilitator/word/figures.py's FigureRenderer), drawn in this
    process: one per figure, None where one could not be drawn (its words stay)."""
    pictures: list[bytes | None] = []
    for figure in figures:
        try:
            pictures.append(render_png(figure))
        except Exception:  # a picture is a courtesy: the record says it in words
            logger.exception("A chart could not be drawn for a record")
            pictures.append(None)
    return pictures
