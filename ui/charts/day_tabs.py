"""The four pages of a day's charts window: each draws its chart(s) from the domain's pure
chart functions on `refresh`, which the window calls whenever the page is on screen and the
day (or the questions asked in it) has moved on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.charts.coverage import coverage_heatmap, session_coverage
from facilitator.charts.scales import scale_charts
from facilitator.charts.timing import day_timing
from facilitator.charts.turns import session_turns
from facilitator.workspace import Workspace
from ui.charts.base import font
from ui.charts.coverage_view import CoverageView
from ui.charts.heatmap_view import HeatMapView
from ui.charts.scale_view import ScaleView
from ui.charts.timing_view import TimingView
from ui.charts.turns_view import TurnsView

WHOLE_DAY = "day"
WHOLE_CYCLE = "cycle"


def chooser(label: str, name: str, page: QWidget, column: QVBoxLayout) -> QComboBox:
    """A labelled combo box across the top of `page`; choosing in it redraws the page."""
    combo = QComboBox(page)
    combo.setObjectName(name)
    combo.setAccessibleName(label.rstrip(":"))
    combo.setMinimumContentsLength(24)
    words = QLabel(label)
    words.setBuddy(combo)
    row = QHBoxLayout()
    row.addWidget(words)
    row.addWidget(combo)
    row.addStretch()
    column.addLayout(row)
    return combo


class TimingPage(QWidget):
    def __init__(self, workspace: Workspace, day_id: int) -> None:
        super().__init__()
        self._workspace, self._day_id = workspace, day_id
        self.view = TimingView()
        column = QVBoxLayout(self)
        column.addWidget(self.view)

    def refresh(self) -> None:
        self.view.show_chart(day_timing(self._workspace, self._day_id))


class CoveragePage(QWidget):
    """One presenting session's themes, or the whole day's (or cycle's) heat map."""

    def __init__(self, workspace: Workspace, day_id: int) -> None:
        super().__init__()
        self._workspace, self._day_id = workspace, day_id
        column = QVBoxLayout(self)
        self.combo = chooser("&Show:", "coverageChoice", self, column)
        for session in workspace.planner.presenting_sessions(day_id):
            self.combo.addItem(f"{session.authority_name}’s session", session.session_id)
        self.combo.addItem("Whole day: theme by authority", WHOLE_DAY)
        self._cycle = workspace.planner.day_plan(day_id).summary.cycle_name
        if self._cycle:
            self.combo.addItem(f"Whole cycle ({self._cycle}): theme by authority", WHOLE_CYCLE)
        self.coverage = CoverageView()
        self.heat_map = HeatMapView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.coverage)
        self.stack.addWidget(self.heat_map)
        column.addWidget(self.stack, 1)
        self.combo.currentIndexChanged.connect(self.refresh)

    def refresh(self) -> None:
        choice = self.combo.currentData()
        if choice == WHOLE_DAY:
            self.heat_map.show_chart(coverage_heatmap(self._workspace, day_id=self._day_id))
            self.stack.setCurrentWidget(self.heat_map)
        elif choice == WHOLE_CYCLE:
            self.heat_map.show_chart(coverage_heatmap(self._workspace, cycle_name=self._cycle))
            self.stack.setCurrentWidget(self.heat_map)
        elif choice is not None:
            self.coverage.show_chart(session_coverage(self._workspace, choice))
            self.stack.setCurrentWidget(self.coverage)


class ScalesPage(QWidget):
    """Every 0–10 scale question answered on the day (or in its cycle), one chart each."""

    def __init__(self, workspace: Workspace, day_id: int) -> None:
        super().__init__()
        self._workspace, self._day_id = workspace, day_id
        self._cycle = workspace.planner.day_plan(day_id).summary.cycle_name
        column = QVBoxLayout(self)
        self.combo = chooser("&Answers from:", "scalesChoice", self, column)
        self.combo.addItem("This day", WHOLE_DAY)
        if self._cycle:
            self.combo.addItem(f"The whole cycle ({self._cycle})", WHOLE_CYCLE)
        self.empty = QLabel()
        self.empty.setFont(font(14))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.holder = QWidget()
        self._charts = QVBoxLayout(self.holder)
        self._charts.setSpacing(12)
        self._charts.addStretch()
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(self.holder)
        self.scroller.setAccessibleName("Scale answers, one chart per question")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.scroller)
        self.stack.addWidget(self.empty)
        column.addWidget(self.stack, 1)
        self.views: list[ScaleView] = []
        self.combo.currentIndexChanged.connect(self.refresh)

    def refresh(self) -> None:
        if self.combo.currentData() == WHOLE_CYCLE:
            charts = scale_charts(self._workspace, cycle_name=self._cycle)
            where = "in this cycle"
        else:
            charts = scale_charts(self._workspace, day_id=self._day_id)
            where = "on this day"
        while self.views:
            self.views.pop().deleteLater()
        if not charts:
            self.empty.setText(
                f"Nothing to show yet: no 0–10 scale question has been answered {where}. "
                "Record the answers in the question bank as the authorities give them."
            )
            self.stack.setCurrentWidget(self.empty)
            return
        for chart in charts:
            view = ScaleView()
            view.show_chart(chart)
            view.setMinimumHeight(view.height_for(900))
            self._charts.insertWidget(self._charts.count() - 1, view)
            self.views.append(view)
        self.stack.setCurrentWidget(self.scroller)


class TurnsPage(QWidget):
    def __init__(self, workspace: Workspace, day_id: int) -> None:
        super().__init__()
        self._workspace = workspace
        column = QVBoxLayout(self)
        self.combo = chooser("&Session:", "turnsChoice", self, column)
        for session in workspace.planner.presenting_sessions(day_id):
            self.combo.addItem(f"{session.authority_name}’s session", session.session_id)
        self.view = TurnsView()
        column.addWidget(self.view, 1)
        self.combo.currentIndexChanged.connect(self.refresh)

    def refresh(self) -> None:
        session_id = self.combo.currentData()
        if session_id is not None:
            self.view.show_chart(session_turns(self._workspace, session_id))
