"""The day's charts window: each page shows a seeded day, follows the day as it runs and as
questions are asked, and lets go of the services when closed."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.demo import create_demo_day
from facilitator.workspace import Workspace
from tests.domain.charts.conftest import ask
from ui.charts.day_charts import DayChartsWindow

ASHVALE, BRACKENMOOR, CORRIFORD = 1, 2, 3  # authority ids, and their sessions' ids


def bar_count(item: pg.BarGraphItem | None) -> int:
    assert item is not None
    return len(item.opts["x0"])


def listening(workspace: Workspace) -> int:
    return sum(
        len(event._listeners)
        for event in (
            workspace.conductor.changed,
            workspace.questions.changed,
            workspace.turns.changed,
        )
    )


@pytest.fixture
def day_id(workspace: Workspace) -> int:
    day = create_demo_day(workspace.planner, workspace.notebook)
    bank = workspace.bank.bank()
    ask(workspace, bank, ASHVALE, "budget-02", by=CORRIFORD)
    ask(workspace, bank, ASHVALE, "practice-leadership-01", by=BRACKENMOOR)
    ask(workspace, bank, BRACKENMOOR, "budget-02", by=ASHVALE)
    workspace.questions.record_scale(ASHVALE, "budget-02", 6, asked_by=CORRIFORD)
    workspace.questions.record_scale(BRACKENMOOR, "budget-02", 8)
    return day


@pytest.fixture
def charts(qtbot: QtBot, workspace: Workspace, day_id: int) -> DayChartsWindow:
    return shown(qtbot, DayChartsWindow(workspace, day_id))


def shown(qtbot: QtBot, window: DayChartsWindow) -> DayChartsWindow:
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def go_to(qtbot: QtBot, window: DayChartsWindow, number: int) -> None:
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == number - 1


def asked_numbers(words: list[str]) -> list[int]:
    return [int(word.split()[0]) for word in (w.strip() for w in words) if word[:1].isdigit()]


def test_each_page_shows_the_seeded_day(
    qtbot: QtBot, charts: DayChartsWindow, workspace: Workspace, day_id: int
) -> None:
    assert charts.windowTitle() == "Charts — Triad on Monday 18 January 2027 — Balcony"
    timing = charts.timing.view
    assert not timing.is_empty()
    assert bar_count(timing.outlines) == len(workspace.conductor.state(day_id).stages)
    assert timing.fills is None or bar_count(timing.fills) == 0  # not started
    assert timing.now_line is None

    go_to(qtbot, charts, 2)
    coverage = charts.coverage.coverage
    assert charts.coverage.stack.currentWidget() is coverage
    assert sum(asked_numbers(coverage.texts())) == 2  # Ashvale's session: two asked
    charts.coverage.combo.setCurrentIndex(charts.coverage.combo.findData("day"))
    heat = charts.coverage.heat_map
    assert charts.coverage.stack.currentWidget() is heat
    assert heat.accessibleName().endswith("questions by theme and authority")
    assert sum(int(w) for w in heat.texts() if w.isdigit()) == 3

    go_to(qtbot, charts, 3)
    (budget,) = charts.scales.views
    assert budget.dots is not None
    assert sorted(budget.dots.data["x"]) == [6, 8]

    go_to(qtbot, charts, 4)
    turns = charts.turns.view
    assert bar_count(turns.bars) == 2  # Brackenmoor and Corriford visit Ashvale
    assert "even share: 1.5" in [w.strip() for w in turns.texts()]  # 3 asked, 2 visiting


def test_a_day_without_scale_answers_says_so(qtbot: QtBot, workspace: Workspace) -> None:
    day = create_demo_day(workspace.planner, workspace.notebook)
    window = shown(qtbot, DayChartsWindow(workspace, day))
    go_to(qtbot, window, 3)
    assert window.scales.stack.currentWidget() is window.scales.empty
    assert "no 0–10 scale question has been answered" in window.scales.empty.text()


def test_the_timeline_follows_the_day_without_reopening(
    qtbot: QtBot, charts: DayChartsWindow, workspace: Workspace, day_id: int, clock: FakeClock
) -> None:
    workspace.conductor.start_day(day_id)
    timing = charts.timing.view
    assert bar_count(timing.fills) == 1
    assert timing.now_line is not None
    assert charts.now_timer.isActive()
    first_now = timing.now_line.value()

    clock.advance(25 * 60)
    workspace.conductor.advance(day_id)
    assert bar_count(timing.fills) == 2
    assert timing.now_line.value() == first_now + 25

    clock.advance(5 * 60)
    charts.now_timer.timeout.emit()  # a minute's tick moves "now" on
    assert timing.now_line.value() == first_now + 30


def test_marking_a_question_asked_redraws_coverage_and_turns(
    qtbot: QtBot, charts: DayChartsWindow, workspace: Workspace
) -> None:
    go_to(qtbot, charts, 2)
    assert sum(asked_numbers(charts.coverage.coverage.texts())) == 2
    ask(workspace, workspace.bank.bank(), ASHVALE, "budget-02", by=BRACKENMOOR)
    assert sum(asked_numbers(charts.coverage.coverage.texts())) == 3

    go_to(qtbot, charts, 4)
    assert "even share: 2" in [w.strip() for w in charts.turns.view.texts()]
    ask(workspace, workspace.bank.bank(), ASHVALE, "budget-02", by=CORRIFORD)
    assert "even share: 2.5" in [w.strip() for w in charts.turns.view.texts()]


def test_closing_lets_go_of_the_services(qtbot: QtBot, workspace: Workspace, day_id: int) -> None:
    before = listening(workspace)
    window = shown(qtbot, DayChartsWindow(workspace, day_id))
    assert listening(workspace) == before + 3

    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    qtbot.waitUntil(lambda: listening(workspace) == before)
    assert not window.now_timer.isActive()


def test_escape_closes_and_it_fits_a_small_screen(qtbot: QtBot, charts: DayChartsWindow) -> None:
    charts.resize(1366, 768)
    assert charts.minimumSizeHint().width() <= 1366
    assert charts.minimumSizeHint().height() <= 768
    for number in (1, 2, 3, 4):
        go_to(qtbot, charts, number)
        assert charts.tabs.currentWidget().accessibleName()
    qtbot.keyClick(charts, Qt.Key.Key_Escape)
    assert not charts.isVisible()
