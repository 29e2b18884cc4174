"""Hand-made figures for the chart tests: a day part-way through, as the domain would build it."""

from __future__ import annotations

from dataclasses import replace

from facilitator.charts.figures import (
    CoverageChart,
    Figure,
    HeatMap,
    ScaleChart,
    ScalePoint,
    ThemeCount,
    TimingBar,
    TimingChart,
    TurnsChart,
)

AUTHORITIES = ("Ashvale", "Brookfield", "Carnmoor")


def bar(
    label: str,
    start: float,
    minutes: float,
    actual: tuple[float, float] | None = None,
    *,
    running: bool = False,
    is_break: bool = False,
) -> TimingBar:
    return TimingBar(
        label=label,
        planned_start=start,
        planned_minutes=minutes,
        actual_start=None if actual is None else actual[0],
        actual_minutes=None if actual is None else actual[1],
        running=running,
        is_break=is_break,
    )


def timing(now: float | None = 140.0) -> TimingChart:
    """Welcome on time, Ashvale six minutes over, coffee running, two stages to come."""
    return TimingChart(
        title="Triad on Monday 18 January 2027: planned and actual",
        start_label="10.00",
        bars=(
            bar("Welcome", 0, 15, (0, 15)),
            bar("Ashvale presents", 15, 90, (15, 96)),
            bar("Coffee", 105, 30, (111, 29), running=True, is_break=True),
            bar("Brookfield presents", 135, 90),
            bar("Lunch", 225, 45, is_break=True),
            bar("Carnmoor presents", 270, 90),
        ),
        planned_finish=360.0,
        projected_finish=366.0,
        now=now,
        alt_text="The day is 6 minutes behind: Ashvale's session ran 6 minutes over.",
    )


def timing_advanced() -> TimingChart:
    """The same day a step later: coffee over, Brookfield presenting."""
    chart = timing(now=150.0)
    bars = list(chart.bars)
    bars[2] = bar("Coffee", 105, 30, (111, 30), is_break=True)
    bars[3] = bar("Brookfield presents", 135, 90, (141, 9), running=True)
    return replace(chart, bars=tuple(bars))


THEMES = (
    ("strengths", "Strengths", 3, False),
    ("politics", "The political climate", 0, True),
    ("corporate", "Corporate support", 2, False),
    ("indicators", "Meaningful indicators", 0, False),
    ("turnover", "Turnover in senior leadership", 4, True),
    ("budget", "Budget", 1, False),
    ("workforce", "Workforce", 0, False),
)


def coverage() -> CoverageChart:
    return CoverageChart(
        title="Ashvale's session: questions by theme",
        themes=tuple(ThemeCount(*theme) for theme in THEMES),
        alt_text="10 questions over 4 of 7 themes; 2 themes were not explored.",
    )


def heat_map() -> HeatMap:
    rows = tuple(title for _, title, _, _ in THEMES)
    return HeatMap(
        title="Questions by theme and presenting authority",
        rows=rows,
        columns=AUTHORITIES,
        counts=tuple((i % 4, (i * 3) % 7, 0 if i == 3 else i + 1) for i in range(len(rows))),
        alt_text="Turnover in senior leadership drew the most questions.",
    )


def scale() -> ScaleChart:
    return ScaleChart(
        question=(
            "On a scale of 0 to 10, how confident are you that your corporate leadership "
            "understands the pressures on children's social care?"
        ),
        low="not confident at all",
        high="completely confident",
        points=(
            ScalePoint("Ashvale", 7, "Ashvale, Day 1"),
            ScalePoint("Brookfield", 4, "Brookfield, Day 1"),
            ScalePoint("Carnmoor", 9, "Carnmoor, Day 1"),
            ScalePoint("Dunmere", 0, "Dunmere, Day 2"),
        ),
        alt_text="Ashvale 7, Brookfield 4, Carnmoor 9, Dunmere 0.",
    )


def turns() -> TurnsChart:
    return TurnsChart(
        title="Ashvale's session: questions by visiting authority",
        counts=(("Brookfield", 7), ("Carnmoor", 3)),
        even_share=5.0,
        alt_text="Brookfield asked 7 questions and Carnmoor 3, against an even share of 5.",
    )


def all_figures() -> list[Figure]:
    return [timing(), coverage(), heat_map(), scale(), turns()]
