"""Importing a cycle's schedule from a spreadsheet: all of it, or nothing and the reasons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.planning.planner import Planner
from facilitator.schedule.importing import ScheduleImport, import_schedule_file


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
    result = import_schedule_file(planner, Path(name), cycle.strip() or None)
    ImportReport(result, parent).exec()
    return result
