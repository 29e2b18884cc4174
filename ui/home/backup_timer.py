"""The every-few-minutes backup while a day runs: a timer asks, the domain decides."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from facilitator.common.vocabulary import DayStatus
from facilitator.storage.backups import WHILE_RUNNING, BackupError, BackupInfo
from facilitator.workspace import Workspace

log = logging.getLogger(__name__)

# Checked every minute, but a backup is taken only when Backups.due says the last is old
# enough, so the interval lives in one place and a missed tick costs at most a minute.
CHECK_MS = 60_000


class BackupTimer(QObject):
    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.tick)
        if workspace.backups is not None:
            self.timer.start()

    def tick(self) -> BackupInfo | None:
        """Takes a backup if one is due and some day is running; returns it if taken."""
        backups = self._workspace.backups
        if backups is None or not backups.due(self._workspace.clock.wall_now()):
            return None
        days = self._workspace.planner.list_days()
        if not any(d.status is DayStatus.RUNNING for d in days):
            return None
        try:
            return backups.take(WHILE_RUNNING)
        except BackupError:
            # The next tick tries again; the day itself must go on undisturbed.
            log.exception("The backup while running failed")
            return None
