"""The coordinator's regional scheme: the pool of peer challengers (Pool tab) and the regional
plan's reviews with their teams (Reviews tab).

Open it with `SchemeWindow(workspace)`; `clock` (the workspace's by default) says what today
is, from which the notice a team needs is counted; `settings` hold the records' marking and
template (a review's report is exported with them). The window listens to the pool and the
reviews and shows every change, wherever it was made, until it is closed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDialog, QMainWindow, QTabWidget, QWidget

from facilitator.common.clock import Clock
from facilitator.workspace import Workspace
from ui.common.bridge import listen
from ui.follow_up.follow_up_tab import FollowUpTab
from ui.scheme.importing import import_pool, import_reviews
from ui.scheme.pool_tab import PoolTab
from ui.scheme.report_panel import ReportPanel
from ui.scheme.review_change import ReviewChanged, ReviewChangeDialog
from ui.scheme.reviews_tab import ReviewsTab
from ui.scheme.team_panel import TeamPanel

TITLE = "Regional scheme — Balcony"
StandardKey = QKeySequence.StandardKey


class SchemeWindow(QMainWindow):
    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.clock = clock or workspace.clock
        self.setWindowTitle(TITLE)
        self.setMinimumSize(1000, 600)
        self.resize(1340, 720)  # whole on a 1366×768 screen
        self.undo_stack = QUndoStack(self)
        self._held = 0
        self._stale = False
        self._build_actions()

        self.panel = TeamPanel(
            workspace.reviews,
            workspace.pool,
            self.today,
            self.undo_stack,
            self.add_action,
            self.remove_action,
            self.say,
        )
        self.pool_tab = PoolTab(workspace.pool, self.import_pool_action)
        self.reviews_tab = ReviewsTab(
            workspace.reviews,
            self.import_reviews_action,
            self.panel,
            change_action=self.change_review_action,
        )
        # Before the window is shown: placed later, its shortcuts never reach it.
        self.report = ReportPanel(workspace, self.undo_stack, self.say, settings)
        self.reviews_tab.place_report(self.report)
        self.tabs = QTabWidget()
        self.follow_up_tab = FollowUpTab(workspace, self.undo_stack, self.say)
        self.tabs.setAccessibleName("Pool, reviews and follow-up")
        self.tabs.addTab(self.pool_tab, "&Pool")
        self.tabs.addTab(self.reviews_tab, "&Reviews")
        self.tabs.addTab(self.follow_up_tab, "Follow-&up")
        self.tabs.currentChanged.connect(lambda *_: self._tab_changed())
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self.statusBar().showMessage("")
        self._tab_changed()

        # The window's listeners hang from this, so closing lets them go (see closeEvent).
        self._listener = QObject(self)
        listen(self._listener, workspace.pool.changed, lambda _id: self._changed())
        listen(self._listener, workspace.reviews.changed, lambda _id: self._changed())
        listen(self._listener, workspace.follow_ups.changed, lambda _: self.follow_up_tab.refresh())
        self.pool_tab.table.setFocus()

    # building ---------------------------------------------------------------------------

    def _action(
        self, text: str, keys: list[str | StandardKey], slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda *_: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.import_pool_action = self._action("&Import pool…", ["Ctrl+I"], self.import_pool)
        self.import_reviews_action = self._action(
            "Import &schedule table…", ["Ctrl+Shift+I"], self.import_reviews
        )
        self.close_action = self._action("&Close", [StandardKey.Close, "Ctrl+W"], self.close)
        self.add_action = self._action(
            "&Add to team",
            ["Ctrl+Return", "Ctrl+Enter"],
            lambda: self._in_one(self.panel.add_selected),
        )
        self.remove_action = self._action(
            "Re&move from team…",
            [StandardKey.Delete],
            lambda: self._in_one(self.panel.remove_selected),
        )
        self.change_review_action = self._action(
            "&Change dates and lines of enquiry…", ["Ctrl+Shift+E"], self.change_review
        )
        # Each step changes a team and a person's history: shown once, when it is done.
        self.undo_action = self._action("&Undo", ["Ctrl+Z"], self.undo)
        self.redo_action = self._action("&Redo", ["Ctrl+Shift+Z", "Ctrl+Y"], self.redo)
        stack = self.undo_stack
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(lambda text: self.undo_action.setText(_named("Undo", text)))
        stack.redoTextChanged.connect(lambda text: self.redo_action.setText(_named("Redo", text)))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.import_pool_action, self.import_reviews_action])
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        team_menu = bar.addMenu("&Team")
        team_menu.addActions([self.add_action, self.remove_action])
        team_menu.addSeparator()
        team_menu.addAction(self.change_review_action)
        bar.addMenu(self.follow_up_tab.menu)

    # state ------------------------------------------------------------------------------

    def today(self) -> dt.date:
        """Today where the coordinator is: notice for a review is counted from it."""
        return self.clock.wall_now().astimezone().date()

    def change_review(self) -> None:
        """The chosen review's dates and lines of enquiry, changed in a dialog (undoable)."""
        review = self.reviews_tab.selected()
        if review is None:
            self.say("Choose a review on the Reviews tab first.")
            return
        dialog = ReviewChangeDialog(self.workspace.reviews, review, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.changed is not None:
            self.undo_stack.push(
                ReviewChanged(self.workspace.reviews, review, dialog.changed, self.say)
            )
            self.say(f"{self.undo_stack.undoText()}: saved.")

    def show_follow_up(self, follow_up_id: int) -> None:
        """The Follow-up tab, with `follow_up_id` chosen (0: just the tab)."""
        self.tabs.setCurrentWidget(self.follow_up_tab)
        if follow_up_id:
            self.follow_up_tab.choose(follow_up_id)

    def say(self, text: str) -> None:
        self.statusBar().showMessage(text)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Shows the changes made inside once, when they are all done (an import adds many)."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            if not self._held and self._stale:
                self.refresh()

    def _in_one(self, step: Callable[[], object]) -> None:
        with self.held():
            step()

    def undo(self) -> None:
        self._in_one(self.undo_stack.undo)

    def redo(self) -> None:
        self._in_one(self.undo_stack.redo)

    def _changed(self) -> None:
        self._stale = True
        if not self._held:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.pool_tab.refresh()
        self.reviews_tab.refresh()

    def _tab_changed(self) -> None:
        self.panel.active = self.tabs.currentWidget() is self.reviews_tab
        self.panel.update_actions()

    # commands ---------------------------------------------------------------------------

    def import_pool(self) -> None:
        with self.held():
            said = import_pool(self, self.workspace.pool)
        if said:
            self.tabs.setCurrentWidget(self.pool_tab)
            self.say(said)

    def import_reviews(self) -> None:
        with self.held():
            said = import_reviews(self, self.workspace.reviews)
        if said:
            self.tabs.setCurrentWidget(self.reviews_tab)
            self.say(said)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        # The listeners go now, not whenever the window itself is freed.
        self._listener.deleteLater()


def _named(verb: str, step: str) -> str:
    """ "&Undo Add Alex Example to the team", or "&Undo" when there is nothing to undo."""
    return f"&{verb} {step}".rstrip()
