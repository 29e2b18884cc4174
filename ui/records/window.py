"""The records of one day: each document's status and versions, and every step of its life.

Export a draft, mark it as sent, import the copy a director returns, record that it is
agreed (which locks it) or reopen it, print a session note or save it as PDF. The window
reads the record book and refreshes whenever it announces a change; what each step does is
in `ui.records.commands`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.records.exporting import DayRecord
from facilitator.records.keys import RecordKey, long_date
from facilitator.records.versions import RecordStateView, RecordStatus, VersionView
from ui.common.bridge import listen
from ui.common.dialog_buttons import DIALOG_STYLE, plain_buttons
from ui.records.commands import RecordCommands
from ui.records.models import RecordsModel, VersionsModel
from ui.records.services import RecordsServices
from ui.records.steps import next_step

EMPTY_TEXT = (
    "Nothing has been exported yet. Export a session note as a draft for its director to "
    "amend, mark it as sent, import the copy they send back, then record the date it was "
    "agreed. Every file is kept here as a version."
)
NO_VERSIONS = "No versions yet. Every file exported, and every copy returned, is kept here."


class RecordsDialog(QDialog):
    def __init__(
        self,
        services: RecordsServices,
        day_id: int,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.day_id = day_id
        self.settings = settings if settings is not None else QSettings()
        # Closing destroys the window, and with it the listener on the record book.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Records")
        self.setStyleSheet(DIALOG_STYLE)
        self.setMinimumSize(900, 620)
        self.resize(1100, 660)  # fits a 1366×768 screen with the names whole

        summary = services.planner.day_plan(day_id).summary
        title = QLabel("Records of the day")
        title.setObjectName("pageTitle")
        details = QLabel(
            f"{summary.kind.label} on {summary.date.strftime('%A')} {long_date(summary.date)}"
            f"   ·   {', '.join(summary.authorities)}"
        )
        details.setObjectName("secondaryText")
        details.setWordWrap(True)
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setObjectName("guidance")
        self.empty_label.setWordWrap(True)

        self.model = RecordsModel(services.records)
        self.model.set_records(services.exports.day_records(day_id))
        self.table = _table(self.model, "Records of the day")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The record's name is what a facilitator reads first: whole, never elided; the status
        # takes what room is left.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.next_step = QLabel()
        self.next_step.setObjectName("secondaryText")
        self.next_step.setWordWrap(True)
        self.next_step.setAccessibleName("Next step")

        self.commands = RecordCommands(services, day_id, self.settings, self, self, self._say)
        self._build_commands()

        self.versions_heading = QLabel("Versions")
        self.versions_heading.setObjectName("sectionHeading")
        self.versions_model = VersionsModel()
        self.versions = _table(self.versions_model, "Versions of the selected record")
        versions_header = self.versions.horizontalHeader()
        versions_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        versions_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.versions.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.versions.activated.connect(lambda *_: self.commands.save_copy())
        self.no_versions = QLabel(NO_VERSIONS)
        self.no_versions.setObjectName("secondaryText")
        self.no_versions.setWordWrap(True)
        self.no_versions.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.versions_stack = QStackedWidget()
        self.versions_stack.addWidget(self.no_versions)
        self.versions_stack.addWidget(self.versions)

        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setAccessibleName("What was done")
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        plain_buttons(close)

        records_row = QHBoxLayout()
        records_row.addWidget(self.table, 1)
        records_row.addLayout(self._button_column())
        versions_row = QHBoxLayout()
        versions_row.addWidget(self.versions_stack, 1)
        copy_column = QVBoxLayout()
        copy_column.addWidget(self.save_copy_button)
        copy_column.addStretch()
        versions_row.addLayout(copy_column)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(details)
        layout.addSpacing(6)
        layout.addWidget(self.empty_label)
        layout.addLayout(records_row, 3)
        layout.addWidget(self.next_step)
        layout.addWidget(self.versions_heading)
        layout.addLayout(versions_row, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.feedback, 1)
        bottom.addWidget(close)
        layout.addLayout(bottom)

        listen(self, services.records.changed, self._record_changed)
        if self.model.rowCount():
            self.table.selectRow(0)
        self.table.setFocus()
        self._update()

    # building -------------------------------------------------------------------------

    def _build_commands(self) -> None:
        self.export_action, self.export_button = self._command(
            "&Export…",
            "Ctrl+E",
            self.commands.export_selected,
            "Export the selected record to Word",
        )
        self.export_button.setObjectName("primaryButton")
        self.export_all_action, self.export_all_button = self._command(
            "Export &all to a folder…",
            "Ctrl+Shift+E",
            self.commands.export_all,
            "Export every record of the day to a folder",
        )
        self.mark_sent_action, self.mark_sent_button = self._command(
            "&Mark as sent", "Ctrl+M", self.commands.mark_sent, "Mark the latest version as sent"
        )
        self.import_action, self.import_button = self._command(
            "&Import returned copy…",
            "Ctrl+I",
            self.commands.import_returned,
            "Import a returned copy",
        )
        self.agree_action, self.agree_button = self._command(
            "A&gree…", "Ctrl+G", self.commands.agree, "Record that it is agreed"
        )
        self.reopen_action, self.reopen_button = self._command(
            "&Reopen…", "Ctrl+Shift+R", self.commands.reopen, "Reopen the agreed record"
        )
        self.print_action, self.print_button = self._command(
            "&Print…",
            QKeySequence.StandardKey.Print,
            self.commands.print_note,
            "Print the session note",
        )
        self.pdf_action, self.pdf_button = self._command(
            "Save as P&DF…", "Ctrl+Shift+P", self.commands.save_pdf, "Save the session note as PDF"
        )
        self.save_copy_action, self.save_copy_button = self._command(
            "&Save a copy…",
            "Ctrl+Shift+S",
            self.commands.save_copy,
            "Save a copy of the selected version",
        )

    def _command(
        self,
        text: str,
        shortcut: str | QKeySequence.StandardKey,
        slot: Callable[[], object],
        name: str,
    ) -> tuple[QAction, QPushButton]:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda *_: slot())
        self.addAction(action)
        button = QPushButton(text)
        button.setAccessibleName(name)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{name} ({keys})")
        button.setAutoDefault(False)
        button.clicked.connect(action.trigger)
        return action, button

    def _button_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        for button in (
            self.export_button,
            self.mark_sent_button,
            self.import_button,
            self.agree_button,
            self.reopen_button,
        ):
            column.addWidget(button)
        column.addSpacing(12)
        grid = QGridLayout()
        grid.addWidget(self.print_button, 0, 0)
        grid.addWidget(self.pdf_button, 0, 1)
        column.addLayout(grid)
        column.addStretch()
        column.addWidget(self.export_all_button)
        return column

    # state ----------------------------------------------------------------------------

    def selected_record(self) -> DayRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).record if rows else None

    def selected_state(self) -> RecordStateView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).state if rows else None

    def selected_version(self) -> VersionView | None:
        rows = self.versions.selectionModel().selectedRows()
        return self.versions_model.version_at(rows[0].row()) if rows else None

    def _record_changed(self, key: RecordKey) -> None:
        if self.model.refresh(key):
            selected = self.selected_record()
            if selected is not None and selected.key == key:
                self._show_versions(selected)
            self._update()

    def _selection_changed(self, *_: QItemSelection) -> None:
        record = self.selected_record()
        if record is not None:
            self._show_versions(record)
        self._update()

    def _show_versions(self, record: DayRecord) -> None:
        self.versions_heading.setText(f"Versions of the {record.described}")
        self.versions_model.set_versions(self.services.records.versions(record.key))
        has = self.versions_model.rowCount() > 0
        self.versions_stack.setCurrentWidget(self.versions if has else self.no_versions)

    def _update(self) -> None:
        record, state = self.selected_record(), self.selected_state()
        self.empty_label.setVisible(not self.model.any_exported)
        chosen = record is not None and state is not None
        exported = chosen and state is not None and state.exported
        locked = chosen and state is not None and state.locked
        note = chosen and record is not None and record.session is not None
        sendable = (
            exported
            and not locked
            and state is not None
            and (state.sent_version or 0) < state.version
        )
        self._enable(self.export_action, self.export_button, chosen)
        self._enable(self.export_all_action, self.export_all_button, self.model.rowCount() > 0)
        self._enable(self.mark_sent_action, self.mark_sent_button, sendable)
        self._enable(self.import_action, self.import_button, exported and not locked)
        agreeable = exported and not locked and state is not None
        agreeable = agreeable and state is not None and state.status is not RecordStatus.DRAFT
        self._enable(self.agree_action, self.agree_button, agreeable)
        self._enable(self.reopen_action, self.reopen_button, locked)
        self._enable(self.print_action, self.print_button, note)
        self._enable(self.pdf_action, self.pdf_button, note)
        version_chosen = bool(self.versions.selectionModel().selectedRows()) and exported
        self._enable(self.save_copy_action, self.save_copy_button, version_chosen)
        self.next_step.setText(
            next_step(record, state) if record is not None and state is not None else ""
        )

    @staticmethod
    def _enable(action: QAction, button: QPushButton, enabled: bool) -> None:
        action.setEnabled(enabled)
        button.setEnabled(enabled)

    def _say(self, text: str) -> None:
        self.feedback.setText(text)


def _table(model: RecordsModel | VersionsModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    return view
