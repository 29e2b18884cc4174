"""The report as a record: exported as Word and taken through its life (sent, agreed and
locked, reopened) as the records window does, with a line saying where it stands."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QWidget

from facilitator.records.keys import RecordKey
from facilitator.reviews.service import ReviewView
from facilitator.workspace import Workspace
from ui.records import review_steps
from ui.records.settings import record_exports
from ui.scheme.report_keys import Context, shortcut_action


class ReportRecord(QObject):
    """The record steps for the review `review()` returns, each reached from anywhere in
    `panel` (the review is asked for each time, so it is never one the panel has left)."""

    def __init__(
        self,
        workspace: Workspace,
        settings: QSettings,
        say: Callable[[str], None],
        review: Callable[[], ReviewView | None],
        panel: QWidget,
    ) -> None:
        super().__init__(panel)
        self.workspace, self.records, self.settings = workspace, workspace.records, settings
        self._say, self._review, self._panel = say, review, panel
        self.label = QLabel()
        self.label.setObjectName("secondaryText")
        self.label.setAccessibleName("Where the report stands")
        self.export_action = self._action("E&xport report…", "Ctrl+E", self.export)
        self.sent_action = self._action("Mark as sent", "Ctrl+M", self.mark_sent)
        self.agree_action = self._action("A&gree…", "Ctrl+G", self.agree)
        self.reopen_action = self._action("Reopen…", "Ctrl+Shift+R", self.reopen)

    def _action(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        # Owned by the panel, as its other actions are, so the window sees one set of them.
        panel = self._panel
        return shortcut_action(panel, text, keys, slot, panel, Context.WidgetWithChildrenShortcut)

    def refresh(self) -> None:
        """Says where the report stands and offers only the steps it can take from there."""
        review = self._review()
        key = RecordKey.review_report(review.id) if review else None
        self.label.setText(review_steps.record_summary(self.records, key) if key else "")
        self.export_action.setEnabled(key is not None)
        self.sent_action.setEnabled(
            key is not None and review_steps.can_mark_sent(self.records, key)
        )
        self.agree_action.setEnabled(key is not None and review_steps.can_agree(self.records, key))
        self.reopen_action.setEnabled(key is not None and review_steps.is_locked(self.records, key))

    def export(self) -> None:
        review = self._review()
        if review is None:
            return
        exports = record_exports(self.workspace, self.settings)
        path = review_steps.export_review_report_interactively(
            exports, review, self.settings, self._panel
        )
        if path is not None:
            key = RecordKey.review_report(review.id)
            self._say(f"{review_steps.record_summary(self.records, key)} Written to {path}.")

    def mark_sent(self) -> None:
        review = self._review()
        if review is not None:
            self._said(review_steps.mark_sent(self.records, review, self._panel))

    def agree(self) -> None:
        review = self._review()
        if review is not None:
            today = self.workspace.clock.wall_now().astimezone().date()
            self._said(review_steps.agree(self.records, review, today, self._panel))

    def reopen(self) -> None:
        review = self._review()
        if review is not None:
            self._said(review_steps.reopen(self.records, review, self._panel))

    def _said(self, text: str | None) -> None:
        # A step the coordinator cancelled says nothing.
        if text:
            self._say(text)
