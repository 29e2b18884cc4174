"""Importing a cycle's schedule from a spreadsheet: all of it, or nothing and the reasons."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
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


class _CheckWorker(QObject):
    """Reads and checks the file on a worker thread; touches no database and no widget."""

    progressed = Signal(int, int)
    finished = Signal(object)  # ImportPlan | ScheduleImport, or None when cancelled

    def __init__(
        self, planner: Planner, path: Path, cycle: str | None, cancelled: threading.Event
    ) -> None:
        super().__init__()
        # What is stored is read here, on the UI thread, so the worker needs no database.
        self._known = planner.authority_short_names()
        self._existing = existing_days(planner)
        self._path = path
        self._cycle = cycle
        # Set from the UI thread: a queued signal would wait for run() to finish first.
        self._cancelled = cancelled

    def _progress(self, done: int, total: int) -> None:
        if self._cancelled.is_set():
            raise ImportCancelledError
        self.progressed.emit(done, total)

    @Slot()
    def run(self) -> None:
        try:
            result: ImportPlan | ScheduleImport | None = check_schedule_file(
                self._path, self._cycle, self._known, self._existing, self._progress
            )
        except ImportCancelledError:
            result = None
        self.finished.emit(result)


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
        worker = _CheckWorker(self._planner, path, cycle, self._cancelled)
        thread = QThread()
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        # Bound methods of this object (living on the UI thread): queued across threads.
        worker.progressed.connect(self._progressed)
        worker.finished.connect(self._finished)
        self._result = None
        thread.start()
        try:
            self._loop.exec()
        finally:
            thread.quit()
            thread.wait()
        return self._result

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setLabelText(f"Checking row {done:,} of {total:,}…")

    @Slot(object)
    def _finished(self, result: ImportPlan | ScheduleImport | None) -> None:
        self._result = result
        self._loop.quit()


class ImportReport(QDialog):
    """The outcome, with every problem listed by row so the file can be fixed and retried."""

    def __init__(self, result: ScheduleImport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import a schedule")
        self.setMinimumSize(720, 360)
        summary = QLabel(result.summary)
        summary.setObjectName("errorMessage" if not result.ok else "sectionHeading")
        summary.setWordWrap(True)
        self.details = QPlainTextEdit("\n".join([*result.lines(), *result.notices]))
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Import details")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)


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
