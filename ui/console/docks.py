"""The console's docks: the question bank and the outcomes on the right, tabified, and the
day's timeline beside them. The timeline draws with pyqtgraph, which is imported only when
the dock is first shown, so a console that never shows it never loads it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from facilitator.charts.timing import timing_chart
from facilitator.common.vocabulary import DayStatus
from facilitator.live.conductor import Conductor
from facilitator.workspace import Workspace
from ui.bank.panel import QuestionBankPanel
from ui.common.bridge import listen
from ui.outcomes.panel import OutcomeServices, OutcomesPanel

if TYPE_CHECKING:
    from ui.charts.timing_view import TimingView

NOW_MS = 60_000  # the timeline's "now" moves once a minute; each step redraws it at once


def dock(window: QMainWindow, title: str, name: str, panel: QWidget) -> QDockWidget:
    made = QDockWidget(title, window)
    made.setObjectName(name)
    made.setWidget(panel)
    panel.setMinimumWidth(380)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, made)
    return made


class TimelineDock(QDockWidget):
    """The running day planned against actual, redrawn on each step of the conductor."""

    def __init__(
        self, window: QMainWindow, conductor: Conductor, day_id: int, day_title: str
    ) -> None:
        super().__init__("Timeline", window)
        self.setObjectName("consoleTimelineDock")
        self.conductor, self.day_id, self.day_title = conductor, day_id, day_title
        self.view: TimingView | None = None  # made when the dock is first shown
        placeholder = QLabel("The timeline is drawn when shown.")
        placeholder.setMinimumWidth(380)
        self.setWidget(placeholder)
        self.listener = QObject(self)
        listen(self.listener, conductor.changed, self._run_changed)
        self.now_timer = QTimer(self)
        self.now_timer.setInterval(NOW_MS)
        self.now_timer.timeout.connect(self.refresh)
        self.visibilityChanged.connect(self._shown)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)

    def _shown(self, visible: bool) -> None:
        if visible:
            self.refresh()

    def _run_changed(self, day_id: int) -> None:
        if day_id == self.day_id:
            self.refresh()

    def refresh(self) -> None:
        state = self.conductor.state(self.day_id)
        if state.status is DayStatus.RUNNING:
            if not self.now_timer.isActive():
                self.now_timer.start()
        else:
            self.now_timer.stop()
        if not self.isVisible():
            return  # drawn when next shown
        if self.view is None:
            from ui.charts.timing_view import TimingView

            self.view = TimingView()
            self.view.setMinimumWidth(380)
            self.setWidget(self.view)
        self.view.show_chart(timing_chart(state, self.day_title))

    def show_readable(self) -> None:
        """Brings the timeline forward where it can be read: tabbed beside the bank a whole
        day's timeline is too narrow, so it opens beside the console instead (drag it back
        to dock it). Only when asked for: a window appearing by itself would take the focus
        from the capture line."""
        if not self.isFloating() and self.width() < READABLE_WIDTH:
            self.setFloating(True)
            console = self.parentWidget()
            screen = self.screen().availableGeometry()
            height = min(READABLE_HEIGHT, screen.height())
            self.resize(READABLE_WIDTH, height)
            if console is not None:  # over the console's right, where it was tabbed
                frame = console.frameGeometry()
                self.move(
                    max(screen.left(), frame.right() - READABLE_WIDTH),
                    max(screen.top(), min(frame.top(), screen.bottom() - height)),
                )
        self.show()
        self.raise_()
        self.refresh()  # floated, it may not be told it became visible

    def release(self) -> None:
        """Stops the timer and lets go of the conductor (the console is closing)."""
        self.now_timer.stop()
        self.listener.deleteLater()


READABLE_WIDTH, READABLE_HEIGHT = 960, 640  # 22 stages, their names and the clock


@dataclass(frozen=True)
class ConsoleDocks:
    bank_panel: QuestionBankPanel
    bank: QDockWidget
    outcomes_panel: OutcomesPanel
    outcomes: QDockWidget
    timeline: TimelineDock


def build_docks(
    window: QMainWindow,
    workspace: Workspace,
    conductor: Conductor,
    undo: QUndoStack,
    day_id: int,
    day_title: str,
    names: tuple[dict[int, str], dict[int, str]],
) -> ConsoleDocks:
    """The bank, the outcomes and the timeline, tabified on the right with the bank in front.
    `names` are the day's authorities by id: full names, then short ones."""
    full_names, short_names = names
    bank_panel = QuestionBankPanel(
        workspace.bank, workspace.questions, workspace.planner, undo, engine=workspace.db.engine
    )
    bank_panel.set_day(day_id)
    # The bank's session and asker follow the run and each F7 through their own events.
    bank_panel.follow(conductor, workspace.turns)
    bank = dock(window, "Question bank", "consoleBankDock", bank_panel)
    outcomes_panel = OutcomesPanel(
        OutcomeServices.of(workspace), undo, day_id, full_names, short_names
    )
    outcomes = dock(window, "Outcomes", "consoleOutcomesDock", outcomes_panel)
    timeline = TimelineDock(window, conductor, day_id, day_title)
    window.tabifyDockWidget(bank, outcomes)
    window.tabifyDockWidget(outcomes, timeline)
    bank.raise_()
    return ConsoleDocks(bank_panel, bank, outcomes_panel, outcomes, timeline)
