"""File ▸ Restore a backup…: the backups of the data file, newest first, and a way back."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.storage.backups import BackupError, BackupInfo, Backups

EMPTY_TEXT = (
    "No backups yet: one is taken when a day starts, every 5 minutes while it runs, "
    "and when it ends."
)
INFO_ROLE = Qt.ItemDataRole.UserRole + 1


def when_text(when: dt.datetime) -> str:
    """In local time, as people say it: "Tuesday 1 December 2026, 13.05"."""
    local = when.astimezone()
    return f"{local:%A} {local.day} {local:%B %Y}, {local:%H.%M}"


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def contents_text(info: BackupInfo) -> str:
    if info.days is None or info.notes is None:
        return "unreadable"
    days = f"{info.days} day{'s' if info.days != 1 else ''}"
    return f"{days}, {info.notes} note{'s' if info.notes != 1 else ''}"


class BackupsDialog(QDialog):
    def __init__(self, backups: Backups, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups = backups
        self.restored: BackupInfo | None = None
        self.setWindowTitle("Restore a backup")
        self.setMinimumSize(640, 360)

        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(["Taken", "Why", "Size", "Holds"])
        self.view = QTableView()
        self.view.setAccessibleName("Backups")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        # Enter on a backup restores it, as the Restore button does (after asking).
        self.view.activated.connect(self.restore_chosen)

        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleName("No backups")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.view)
        self.pages.addWidget(self.empty_label)

        where = QLabel(f"Backups are kept in {backups.folder}")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton("&Restore…")
        self.restore_button.setAccessibleName("Restore the chosen backup")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_chosen)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    def reload(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for info in self.backups.list():
            cells = [
                QStandardItem(when_text(info.when)),
                QStandardItem(info.reason.capitalize()),
                QStandardItem(size_text(info.size)),
                QStandardItem(contents_text(info)),
            ]
            cells[0].setData(info, INFO_ROLE)
            self.model.appendRow(cells)
        empty = self.model.rowCount() == 0
        self.pages.setCurrentWidget(self.empty_label if empty else self.view)
        if not empty:
            self.view.selectRow(0)
            self.view.setFocus()
        self._selection_changed()

    def chosen(self) -> BackupInfo | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        info = self.model.item(rows[0].row(), 0).data(INFO_ROLE)
        return info if isinstance(info, BackupInfo) else None

    def restore_chosen(self, *_: object) -> None:
        info = self.chosen()
        if info is None:
            return
        answer = QMessageBox.question(
            self,
            "Restore a backup",
            f"Replace the current data with the backup of {when_text(info.when)}? "
            "The current data is kept as a backup first.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.backups.restore(info)
        except BackupError as exc:
            QMessageBox.warning(self, "Restore a backup", str(exc))
            self.reload()
            return
        self.restored = info
        self.accept()

    def _selection_changed(self, *_: object) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)


def restore_interactively(backups: Backups, parent: QWidget | None = None) -> BackupInfo | None:
    """Shows the backups; returns the one restored, or None if nothing changed."""
    dialog = BackupsDialog(backups, parent)
    dialog.exec()
    return dialog.restored
