"""One day's charts in a window of their own: how the day ran against the plan, the questions
by theme, the 0–10 scale answers and the turns. Each page redraws when it is on screen and
the day takes a step or a question is marked asked; a page off screen waits until it is
shown. While the day runs, a minute's timer moves the timeline's "now" (never a busy loop).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from facilitator.common.vocabulary import DayStatus
from facilitator.common.wording import long_date
from facilitator.workspace import Workspace
from ui.charts.day_tabs import CoveragePage, ScalesPage, TimingPage, TurnsPage
from ui.common.bridge import listen

NOW_MS = 60_000  # the timeline's "now" moves once a minute


class DayChartsWindow(QMainWindow):
    def __init__(self, workspace: Workspace, day_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.day_id = workspace, day_id
        summary = workspace.planner.day_plan(day_id).summary
        self.day_title = f"{summary.kind.label} on {long_date(summary.date)}"
        self.setWindowTitle(f"Charts — {self.day_title} — Balcony")
        self.setObjectName("dayCharts")

        self.timing = TimingPage(workspace, day_id)
        self.coverage = CoveragePage(workspace, day_id)
        self.scales = ScalesPage(workspace, day_id)
        self.turns = TurnsPage(workspace, day_id)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(f"Charts of the {self.day_title}")
        pages = (
            (self.timing, "&Timing", "Timing: planned against actual"),
            (self.coverage, "&Questions by theme", "Questions asked by theme"),
            (self.scales, "&Scales", "Answers to the 0–10 scales"),
            (self.turns, "T&urns", "Questions asked by each visiting authority"),
        )
        for number, (page, label, name) in enumerate(pages, start=1):
            page.setAccessibleName(name)
            self.tabs.addTab(page, label)
            self.tabs.setTabToolTip(number - 1, f"{name} (Ctrl+{number})")
            self._key(f"Ctrl+{number}", lambda _=False, i=number - 1: self.tabs.setCurrentIndex(i))
        self._key("Ctrl+W", self.close)
        self._key("Escape", self.close)
        self.setCentralWidget(self.tabs)
        self._stale: set[QWidget] = set()
        self.tabs.currentChanged.connect(self._tab_shown)

        # Listeners hang from this, and go with it when the window closes (see closeEvent).
        self._listener = QObject(self)
        listen(self._listener, workspace.conductor.changed, self._day_changed)
        listen(self._listener, workspace.questions.changed, self._questions_changed)
        listen(self._listener, workspace.turns.changed, self._questions_changed)
        self.now_timer = QTimer(self)
        self.now_timer.setInterval(NOW_MS)
        self.now_timer.timeout.connect(self._minute_passed)
        self.setMinimumSize(640, 480)
        self.resize(1200, 720)
        self._day_changed(day_id)

    def _key(self, keys: str, slot: object) -> None:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.addAction(action)

    def page(self) -> QWidget:
        return self.tabs.currentWidget()

    def _redraw(self, pages: tuple[QWidget, ...]) -> None:
        """Redraws the page on screen if it is among `pages`; the rest when next shown."""
        self._stale.update(pages)
        self._tab_shown()

    def _tab_shown(self, *_: object) -> None:
        page = self.page()
        if page in self._stale:
            self._stale.discard(page)
            page.refresh()  # type: ignore[attr-defined]

    def _day_changed(self, day_id: int) -> None:
        if day_id != self.day_id:
            return
        running = self.workspace.conductor.state(day_id).status is DayStatus.RUNNING
        if running and not self.now_timer.isActive():
            self.now_timer.start()
        elif not running:
            self.now_timer.stop()
        self._redraw((self.timing, self.coverage, self.scales, self.turns))

    def _questions_changed(self, _session_id: int) -> None:
        self._redraw((self.coverage, self.scales, self.turns))

    def _minute_passed(self) -> None:
        self._redraw((self.timing,))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.now_timer.stop()
        super().closeEvent(event)
        # Let go of the services now, not whenever the window itself is freed.
        self._listener.deleteLater()


def show_day_charts(
    shown: dict[int, DayChartsWindow], workspace: Workspace, day_id: int, parent: QWidget
) -> DayChartsWindow:
    """The charts of `day_id`, one window per day, brought forward if it is open already."""
    window = shown.get(day_id)
    if window is None or not window.isVisible():
        if window is not None:
            window.deleteLater()  # closed: its listeners went then; now the rest
        window = shown[day_id] = DayChartsWindow(workspace, day_id, parent)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
