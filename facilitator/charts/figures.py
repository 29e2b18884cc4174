"""The charts' data: one frozen value per chart, built by the pure functions beside this
module and drawn by ui/charts/ (on screen with pyqtgraph, or to PNG for the records).

Every figure carries `alt_text`: the figures in words, so a document or a screen reader says
everything the picture shows. Times are minutes from the day's planned start, so a chart needs
no clock and no time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

# The Government Analysis Function's colour-blind-safe categorical palette, in its order.
DARK_BLUE = "#12436D"
TURQUOISE = "#28A197"
DARK_PINK = "#801650"
ORANGE = "#F46A25"
DARK_GREY = "#3D3D3D"
LIGHT_PURPLE = "#A285D1"
PALETTE = (DARK_BLUE, TURQUOISE, DARK_PINK, ORANGE, DARK_GREY, LIGHT_PURPLE)
# Overruns: orange, and always said in words too ("over by 6 min"), never by colour alone.
WARNING = ORANGE
MUTED = "#BFBFBF"  # what did not happen: themes never touched, planned outlines


@dataclass(frozen=True)
class TimingBar:
    """One stage of the day: planned as an outline, actual filled (so far, if running)."""

    label: str  # "Ashvale presents", "Lunch"
    planned_start: float  # minutes from the day's planned start
    planned_minutes: float
    actual_start: float | None  # None before it starts
    actual_minutes: float | None  # so far, while it runs
    running: bool
    is_break: bool

    @property
    def over_minutes(self) -> float:
        """How far the actual ran past the plan; 0 when it did not (or has not yet)."""
        if self.actual_minutes is None:
            return 0.0
        return max(0.0, self.actual_minutes - self.planned_minutes)


@dataclass(frozen=True)
class TimingChart:
    """The day planned against how it ran, with the finish it is heading for."""

    title: str  # "Triad on Monday 18 January 2027: planned and actual"
    start_label: str  # "10.00": the clock time of minute 0
    bars: tuple[TimingBar, ...]
    planned_finish: float
    projected_finish: float
    now: float | None  # while the day runs; None before and after
    alt_text: str

    def clock(self, minutes: float) -> str:
        """ "11.25": minute `minutes` of the day as a clock time."""
        hours, mins = (int(part) for part in self.start_label.split("."))
        total = hours * 60 + mins + round(minutes)
        return f"{total // 60 % 24:02d}.{total % 60:02d}"


@dataclass(frozen=True)
class ThemeCount:
    theme_id: str
    title: str
    asked: int  # questions asked from the theme in the session
    focus: bool  # the presenting DCS named it a focus risk

    @property
    def untouched(self) -> bool:
        return self.asked == 0 and not self.focus


@dataclass(frozen=True)
class CoverageChart:
    """One session: questions asked per bank theme, in the bank's order."""

    title: str  # "Ashvale's session: questions by theme"
    themes: tuple[ThemeCount, ...]
    alt_text: str


@dataclass(frozen=True)
class HeatMap:
    """A day's or a cycle's questions: theme (rows) by presenting authority (columns)."""

    title: str
    rows: tuple[str, ...]  # theme titles
    columns: tuple[str, ...]  # authority names
    counts: tuple[tuple[int, ...], ...]  # counts[row][column]
    alt_text: str


@dataclass(frozen=True)
class ScalePoint:
    authority: str
    value: int  # 0–10
    label: str  # "Ashvale, Day 1": where the rating was given


@dataclass(frozen=True)
class ScaleChart:
    """One 0–10 scale question: each authority's own rating as a dot."""

    question: str  # the question as asked: the chart's title
    low: str  # the words at 0, "not confident at all"
    high: str  # the words at 10
    points: tuple[ScalePoint, ...]
    alt_text: str


@dataclass(frozen=True)
class TurnsChart:
    """One session: questions asked by each visiting authority, against an even share."""

    title: str
    counts: tuple[tuple[str, int], ...]  # (authority, questions asked), in turn order
    even_share: float  # all questions asked, shared evenly
    alt_text: str


Figure = Union[TimingChart, CoverageChart, HeatMap, ScaleChart, TurnsChart]  # noqa: UP007
