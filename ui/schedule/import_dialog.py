"""Importing a cycle's schedule from a spreadsheet: all of it, or nothing and the reasons."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from facilitator.planning.planner import Planner
from facilitator.schedule.importing import (
    ImportCancelledError,
    ImportPlan,
    ScheduleImport,
    check_schedule_file,
    existing_days,
    write_schedule,
)
from facilitator.schedule.region import default_region
from facilitator.schedule.stored_cycles import stored_days


class _CheckWorker:
    """Reads and checks the file on a worker thread; touches no database, no widget and no
    Qt object. The UI thread reads its progress and outcome by polling (ScheduleImporter):
    no signal crosses the threads, so nothing queued can outlive what it points at."""

    def __init__(
        self, planner: Planner, path: Path, cycle: str | None, cancelled: threading.Event
    ) -> None:
        # What is stored is read here, on the UI thread, so the worker needs no database.
        self._known = planner.authority_short_names()
        self._existing = existing_days(planner)
        self._stored = stored_days(planner)
        self._region = default_region()
        self._path = path
        self._cycle = cycle
        self._cancelled = cancelled  # set from the UI thread
        self._lock = threading.Lock()
        self._step = (0, 0)
        self._outcome: tuple[ImportPlan | ScheduleImport | None] | None = None
        self.thread = threading.Thread(target=self._run, name="schedule check", daemon=True)

    def step(self) -> tuple[int, int]:
        with self._lock:
            return self._step

    def outcome(self) -> tuple[ImportPlan | ScheduleImport | None] | None:
        """(the result,) once the check has finished (None inside when cancelled)."""
        with self._lock:
            return self._outcome

    def _progress(self, done: int, total: int) -> None:
        if self._cancelled.is_set():
            raise ImportCancelledError
        with self._lock:
            self._step = (done, total)

    def _run(self) -> None:
        result: ImportPlan | ScheduleImport | None = None
        try:
            result = check_schedule_file(
                self._path,
                self._cycle,
                self._known,
                self._existing,
                self._progress,
                self._stored,
                self._region,
            )
        except ImportCancelledError:
            result = None
        finally:
            with self._lock:
                self._outcome = (result,)


# How often the UI thread looks at the worker's progress.
POLL_MS = 10


class ScheduleImporter(QObject):
    """Checks a schedule off the UI thread behind a cancellable progress dialog, then writes
    it (all or nothing, no longer cancellable) on the UI thread, where the planner's
    listeners expect its announcements."""

    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._planner = planner
        self._parent = parent
        self._result: ImportPlan | ScheduleImport | None = None
        self.progress = QProgressDialog(parent)
        self.progress.setWindowTitle("Import a schedule")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)  # a small file never flashes a dialog
        self.progress.setAutoReset(False)
        self.progress.setAutoClose(False)
        self._loop = QEventLoop(self)
        self._cancelled = threading.Event()
        self.progress.canceled.connect(self._cancelled.set)
        # One timer for the importer's life, looking at the worker's progress: a timer made
        # and deleted for each check was seen to crash once its importer was collected.
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._look)
        self._worker: _CheckWorker | None = None
        self._shown = (0, 0)
        self._looking = False

    def import_file(self, path: Path, cycle: str | None) -> ScheduleImport | None:
        """What the import did, or None when it was cancelled (nothing written)."""
        checked = self.check(path, cycle)
        if not isinstance(checked, ImportPlan):
            self.progress.close()
            return checked
        self.progress.setLabelText(f"Writing {len(checked.days):,} days…")
        self.progress.setCancelButton(None)  # the write is one unit of work: all or nothing
        self.progress.setRange(0, 0)
        QApplication.processEvents()
        try:
            return write_schedule(self._planner, checked)
        finally:
            self.progress.close()

    def check(self, path: Path, cycle: str | None) -> ImportPlan | ScheduleImport | None:
        self.progress.setLabelText(f"Checking {path.name}…")
        self.progress.setCancelButtonText("Cancel")
        self.progress.setRange(0, 0)
        self.progress.setValue(0)
        self._cancelled.clear()
        self._worker = _CheckWorker(self._planner, path, cycle, self._cancelled)
        self._shown = (0, 0)
        self._result = None
        self._worker.thread.start()
        self._poll.start()
        try:
            self._loop.exec()
        finally:
            self._poll.stop()
            self._cancelled.set()  # should the loop end early, the worker stops at its next row
            self._worker.thread.join()
            self._worker = None
        return self._result

    def _look(self) -> None:
        # A modal progress dialog handles events inside setValue, which can fire this timer
        # again: one look at a time.
        worker = self._worker
        if worker is None or self._looking:
            return
        self._looking = True
        try:
            step = worker.step()
            if step != self._shown and step[1]:
                self._shown = step
                self._progressed(*step)
            outcome = worker.outcome()
            if outcome is not None:
                self._finished(outcome[0])
        finally:
            self._looking = False

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setLabelText(f"Checking row {done:,} of {total:,}…")

    def _finished(self, result: ImportPlan | ScheduleImport | None) -> None:
        # Cancel pressed as the last row was read still means cancel: nothing is written.
        self._result = None if self._cancelled.is_set() else result
        self._loop.quit()


class ImportReport(QDialog):
    """The outcome, with every problem listed by row so the file can be fixed and retried,
    then the notices: what was imported anyway but may be a slip (cycle_checks.py)."""

    def __init__(self, result: ScheduleImport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import a schedule")
        self.setMinimumSize(720, 360)
        summary = QLabel(result.summary)
        summary.setObjectName("errorMessage" if not result.ok else "sectionHeading")
        summary.setWordWrap(True)
        self.details = QPlainTextEdit(report_text(result))
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Import details")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)


def report_text(result: ScheduleImport) -> str:
    """Errors (or the days created), then the notices under a heading of their own."""
    lines = result.lines()
    if result.notices:
        heading = (
            "Notices: imported anyway, but worth checking"
            if result.ok
            else "Notices: to check as well (they would not stop the import)"
        )
        lines += ["", heading, *(f"• {notice}" for notice in result.notices)]
    return "\n".join(lines)


def ask_and_import(planner: Planner, parent: QWidget | None = None) -> ScheduleImport | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, "Import a schedule", "", "Schedules (*.csv);;All files (*)"
    )
    if not name:
        return None
    cycle, ok = QInputDialog.getText(
        parent,
        "Import a schedule",
        "Cycle name, for example 2022-2023 (leave empty to take it from the dates):",
        QLineEdit.EchoMode.Normal,
    )
    if not ok:
        return None
    result = ScheduleImporter(planner, parent).import_file(Path(name), cycle.strip() or None)
    if result is not None:
        ImportReport(result, parent).exec()
    return result
