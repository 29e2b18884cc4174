"""Each chart widget shows a hand-made figure, follows the day when shown a newer one, and says
plainly when there is nothing to show."""

from __future__ import annotations

from dataclasses import replace

import pyqtgraph as pg
import pytest
from pytestqt.qtbot import QtBot

from facilitator.charts.figures import TURQUOISE
from tests.ui.charts import samples
from ui.charts.base import LABEL_PT, ChartView
from ui.charts.coverage_view import CoverageView
from ui.charts.heatmap_view import HeatMapView
from ui.charts.scale_view import ScaleView
from ui.charts.timing_view import TimingView
from ui.charts.turns_view import TurnsView


def bar_count(item: pg.BarGraphItem | None) -> int:
    assert item is not None
    return len(item.opts["x0"])


def row_names(view: ChartView) -> list[str]:
    ticks = view.plot.getAxis("left")._tickLevels[0]
    return [name for _, name in ticks]


def test_the_timing_chart_shows_the_day_so_far(qtbot: QtBot) -> None:
    view = TimingView()
    qtbot.addWidget(view)
    chart = samples.timing()
    view.show_chart(chart)

    assert not view.is_empty()
    assert row_names(view) == [bar.label for bar in chart.bars]
    assert bar_count(view.outlines) == 6  # every stage planned
    assert bar_count(view.fills) == 3  # three have begun
    assert bar_count(view.overruns) == 1  # Ashvale ran over
    assert view.overruns is not None
    assert view.overruns.opts["x0"] == [15 + 90]
    assert "+6 min" in [text.strip() for text in view.texts()]
    assert view.now_line is not None
    assert view.now_line.value() == 140
    assert view.planned_line is not None
    assert view.planned_line.value() == 360
    assert view.projected_line is not None
    assert view.projected_line.value() == 366
    assert view.projected_line.pen.style() == pg.QtCore.Qt.PenStyle.DashLine
    assert view.planned_line.pen.style() == pg.QtCore.Qt.PenStyle.SolidLine
    words = [text.strip() for text in view.texts()]
    assert {"now 12.20", "planned finish 16.00", "projected finish 16.06"} <= set(words)
    assert view.accessibleName() == chart.title
    assert view.toolTip() == chart.alt_text
    assert view.accessibleDescription() == chart.alt_text


def test_the_timing_chart_follows_a_stage_advancing(qtbot: QtBot) -> None:
    view = TimingView()
    qtbot.addWidget(view)
    view.show_chart(samples.timing())

    view.show_chart(samples.timing_advanced())

    assert view.now_line is not None
    assert view.now_line.value() == 150
    assert bar_count(view.fills) == 4  # Brookfield has begun
    words = [text.strip() for text in view.texts()]
    assert "now 12.30" in words
    assert "now 12.20" not in words  # the old picture is gone, not drawn over
    assert words.count("+6 min") == 1
    fresh = TimingView()
    qtbot.addWidget(fresh)
    fresh.show_chart(samples.timing_advanced())
    assert len(view.plot.items) == len(fresh.plot.items)  # nothing of the old picture is left


def test_the_timing_chart_after_the_day_has_no_now_line(qtbot: QtBot) -> None:
    view = TimingView()
    qtbot.addWidget(view)
    view.show_chart(samples.timing(now=None))
    assert view.now_line is None
    assert not any(text.strip().startswith("now") for text in view.texts())


def test_coverage_marks_focus_and_untouched_themes_in_words(qtbot: QtBot) -> None:
    view = CoverageView()
    qtbot.addWidget(view)
    chart = samples.coverage()
    view.show_chart(chart)

    assert row_names(view) == [theme.title for theme in chart.themes]
    assert bar_count(view.bars) == 7
    words = [text.strip() for text in view.texts()]
    assert words == ["3", "0 · focus, not explored", "2", "not explored", "4 · focus", "1",
                     "not explored"]  # fmt: skip
    assert view.bars is not None
    fills = [brush.color().name().upper() for brush in view.bars.opts["brushes"]]
    assert fills[4] == TURQUOISE


def test_the_heat_map_writes_every_count(qtbot: QtBot) -> None:
    view = HeatMapView()
    qtbot.addWidget(view)
    chart = samples.heat_map()
    view.show_chart(chart)

    assert bar_count(view.cells) == len(chart.rows) * len(chart.columns)
    words = view.texts()
    counts = [int(word) for word in words if word.isdigit()]
    assert counts == [count for row in chart.counts for count in row]
    assert set(chart.columns) <= set(words)


def test_the_heat_map_staggers_many_authorities(qtbot: QtBot) -> None:
    view = HeatMapView()
    qtbot.addWidget(view)
    names = ("Ashvale", "Brookfield", "Carnmoor", "Dunmere", "Bath and North East Somerset")
    chart = replace(
        samples.heat_map(), columns=names, counts=tuple((1, 2, 3, 4, 5) for _ in range(7))
    )
    view.show_chart(chart)
    assert "Bath and\nNorth East\nSomerset" in view.texts()  # wrapped over its column


def test_the_scale_puts_each_authority_at_its_rating(qtbot: QtBot) -> None:
    view = ScaleView()
    qtbot.addWidget(view)
    chart = samples.scale()
    view.show_chart(chart)

    assert view.dots is not None
    assert list(view.dots.data["x"]) == [7, 4, 9, 0]
    words = [text.strip() for text in view.texts()]
    assert "Ashvale, Day 1: 7" in words
    assert "0: not confident at all" in words
    assert "10: completely confident" in words
    assert view.title_label.text() == chart.question
    assert view.title_label.wordWrap()


def test_turns_shows_the_even_share(qtbot: QtBot) -> None:
    view = TurnsView()
    qtbot.addWidget(view)
    view.show_chart(samples.turns())

    assert bar_count(view.bars) == 2
    assert view.share_line is not None
    assert view.share_line.value() == 5
    assert view.share_line.pen.style() == pg.QtCore.Qt.PenStyle.DashLine
    assert "even share: 5" in [text.strip() for text in view.texts()]
    assert row_names(view) == ["Brookfield", "Carnmoor"]


EMPTY = [
    (TimingView, replace(samples.timing(), bars=()), "no stages"),
    (CoverageView, replace(samples.coverage(), themes=()), "no themes"),
    (HeatMapView, replace(samples.heat_map(), rows=(), counts=()), "no questions"),
    (ScaleView, replace(samples.scale(), points=()), "no authority has answered"),
    (TurnsView, replace(samples.turns(), counts=()), "no authority is visiting"),
]


@pytest.mark.parametrize(("kind", "figure", "says"), EMPTY)
def test_an_empty_figure_says_so(qtbot: QtBot, kind: type, figure: object, says: str) -> None:
    view = kind()
    qtbot.addWidget(view)
    full = next(f for f in samples.all_figures() if type(f) is type(figure))
    view.show_chart(full)
    view.show_chart(figure)

    assert view.is_empty()
    assert view.empty_label.text().startswith("Nothing to show yet: ")
    assert says in view.empty_label.text()
    assert view.texts() == []

    view.show_chart(full)  # and the plot comes back
    assert not view.is_empty()


@pytest.mark.parametrize("figure", samples.all_figures(), ids=lambda f: type(f).__name__)
def test_every_word_is_large_enough_for_a_projector(qtbot: QtBot, figure: object) -> None:
    from ui.charts.render import view_for

    view = view_for(figure)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    assert view.texts()
    assert all(item.textItem.font().pointSize() >= LABEL_PT for item in view._texts)
    for side in ("left", "bottom"):
        assert view.plot.getAxis(side).style["tickFont"].pointSize() >= LABEL_PT
    assert view.title_label.font().pointSize() > LABEL_PT
