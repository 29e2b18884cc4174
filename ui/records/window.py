"""The records of one day: each document's status and versions, and every step of its life.

Export a draft, mark it as sent, import the copy a director returns, record that it is
agreed (which locks it) or reopen it, print a session note or save it as PDF. The window
reads the record book and refreshes whenever it announces a change; the book and the round
trip decide what each step may do, and their messages are shown as they are worded.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelection, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.records.exporting import DayRecord
from facilitator.records.keys import RecordKey, long_date
from facilitator.records.versions import (
    RecordError,
    RecordLockedError,
    RecordStateView,
    RecordStatus,
)
from facilitator.storage.files import WriteError
from facilitator.workspace import Workspace
from ui.amendments.dialog import take_in_returned_copy
from ui.outcomes.common import Subscriptions
from ui.records.models import RecordsModel, VersionsModel
from ui.records.settings import record_exports
from ui.records.steps import (
    DIALOG_STYLE,
    PDF_FILES,
    WORD_FILES,
    AgreeDialog,
    ask_reopen_reason,
    choose_save_path,
    export_all_to_folder,
    export_cycle_report_interactively,
    next_step,
    plain_buttons,
    remember_folder,
    remembered_folder,
    what,
)

__all__ = ["RecordsDialog", "export_cycle_report_interactively"]

EMPTY_TEXT = (
    "Nothing has been exported yet. Export a session note as a draft for its director to "
    "amend, mark it as sent, import the copy they send back, then record the date it was "
    "agreed. Every file is kept here as a version."
)
NO_VERSIONS = "No versions yet. Every file exported, and every copy returned, is kept here."


class RecordsDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace,
        day_id: int,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.day_id = day_id
        self.settings = settings if settings is not None else QSettings()
        self.exports = record_exports(workspace, self.settings)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Records")
        self.setStyleSheet(DIALOG_STYLE)
        self.setMinimumSize(900, 620)

        summary = workspace.planner.day_plan(day_id).summary
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

        self.model = RecordsModel(workspace.records)
        self.model.set_records(self.exports.day_records(day_id))
        self.table = _table(self.model, "Records of the day")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.next_step = QLabel()
        self.next_step.setObjectName("secondaryText")
        self.next_step.setWordWrap(True)
        self.next_step.setAccessibleName("Next step")

        self._build_commands()

        self.versions_heading = QLabel("Versions")
        self.versions_heading.setObjectName("sectionHeading")
        self.versions_model = VersionsModel()
        self.versions = _table(self.versions_model, "Versions of the selected record")
        versions_header = self.versions.horizontalHeader()
        versions_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        versions_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.versions.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.versions.activated.connect(lambda *_: self.save_copy())
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

        self._subscriptions = Subscriptions(self)
        self._subscriptions.connect(workspace.records.changed, self._record_changed)
        if self.model.rowCount():
            self.table.selectRow(0)
        self.table.setFocus()
        self._update()

    # building -------------------------------------------------------------------------

    def _build_commands(self) -> None:
        self.export_action, self.export_button = self._command(
            "&Export…", "Ctrl+E", self.export_selected, "Export the selected record to Word"
        )
        self.export_button.setObjectName("primaryButton")
        self.export_all_action, self.export_all_button = self._command(
            "Export &all to a folder…",
            "Ctrl+Shift+E",
            self.export_all,
            "Export every record of the day to a folder",
        )
        self.mark_sent_action, self.mark_sent_button = self._command(
            "&Mark as sent", "Ctrl+M", self.mark_sent, "Mark the latest version as sent"
        )
        self.import_action, self.import_button = self._command(
            "&Import returned copy…", "Ctrl+I", self.import_returned, "Import a returned copy"
        )
        self.agree_action, self.agree_button = self._command(
            "A&gree…", "Ctrl+G", self.agree, "Record that it is agreed"
        )
        self.reopen_action, self.reopen_button = self._command(
            "&Reopen…", "Ctrl+Shift+R", self.reopen, "Reopen the agreed record"
        )
        self.print_action, self.print_button = self._command(
            "&Print…", QKeySequence.StandardKey.Print, self.print_note, "Print the session note"
        )
        self.pdf_action, self.pdf_button = self._command(
            "Save as P&DF…", "Ctrl+Shift+P", self.save_pdf, "Save the session note as PDF"
        )
        self.save_copy_action, self.save_copy_button = self._command(
            "&Save a copy…", "Ctrl+Shift+S", self.save_copy, "Save a copy of the selected version"
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

    def select_record(self, key: RecordKey) -> None:
        row = self.model.row_of(key)
        if row >= 0:
            self.table.selectRow(row)

    def _state(self) -> RecordStateView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).state if rows else None

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
        self.versions_heading.setText(f"Versions of the {what(record)}")
        self.versions_model.set_versions(self.workspace.records.versions(record.key))
        has = self.versions_model.rowCount() > 0
        self.versions_stack.setCurrentWidget(self.versions if has else self.no_versions)

    def _update(self) -> None:
        record, state = self.selected_record(), self._state()
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

    def _problem(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    # exporting ------------------------------------------------------------------------

    def export_selected(self) -> None:
        record, state = self.selected_record(), self._state()
        if record is None or state is None:
            return
        path = choose_save_path(
            self, self.settings, f"Export the {what(record)}", record.file_stem, ".docx", WORD_FILES
        )
        if path is None:
            return
        try:
            # The save dialog has already asked before replacing a file.
            view = self.exports.export(record, path, overwrite=True)
        except RecordLockedError as exc:
            self._problem("Export", str(exc))
            return
        except RecordError as exc:
            text = str(exc)
            if state.kept_amended:
                text += (
                    "\n\nTo take the changes in, import the returned copy again and accept it "
                    "into the record. To send the director’s own file, select it under "
                    "Versions and choose Save a copy."
                )
            self._problem("Export", text)
            return
        except WriteError as exc:
            self._problem("Export", str(exc))
            return
        self._say(f"Version {view.version} ({view.status.value}) exported to {path}.")

    def export_all(self) -> None:
        said = export_all_to_folder(self.exports, self.day_id, self.settings, self)
        if said:
            self._say(said)

    # the record's life ----------------------------------------------------------------

    def mark_sent(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        try:
            state = self.workspace.records.mark_sent(record.key)
        except RecordError as exc:
            self._problem("Mark as sent", str(exc))
            return
        self._say(f"Version {state.version} of the {what(record)} marked as sent.")

    def import_returned(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self,
            f"Import the returned copy of the {what(record)}",
            str(remembered_folder(self.settings)),
            WORD_FILES,
        )
        if not name:
            return
        path = Path(name)
        remember_folder(self.settings, path.parent)
        said = take_in_returned_copy(self.workspace, record, path, self)
        if said:
            self._say(said)

    def agree(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        today = self.workspace.clock.wall_now().astimezone().date()
        dialog = AgreeDialog(what(record), today, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            state = self.workspace.records.agree(record.key, dialog.agreed_on())
        except RecordError as exc:
            self._problem("Agree", str(exc))
            return
        self._say(
            f"The {what(record)} is agreed on {long_date(state.agreed_on)} and locked. "
            "Export it for the agreed copy."
        )

    def reopen(self) -> None:
        record, state = self.selected_record(), self._state()
        if record is None or state is None:
            return
        reason = ask_reopen_reason(what(record), state.agreed_on, self)
        if reason is None:
            return
        try:
            self.workspace.records.reopen(record.key, reason)
        except RecordError as exc:
            self._problem("Reopen", str(exc))
            return
        self._say(f"The {what(record)} is reopened. Its next export is a new version.")

    # paper and copies -----------------------------------------------------------------

    def print_note(self) -> None:
        from ui.records.printing import print_session_note

        record, state = self.selected_record(), self._state()
        if record is None or record.session is None or state is None:
            return
        try:
            printed = print_session_note(self.workspace, record.session.session_id, state, self)
        except WriteError as exc:
            self._problem("Print", str(exc))
            return
        if printed:
            self._say(f"The {what(record)} was sent to the printer.")

    def save_pdf(self) -> None:
        from ui.records.printing import export_session_note_pdf

        record, state = self.selected_record(), self._state()
        if record is None or record.session is None or state is None:
            return
        title = f"Save the {what(record)} as PDF"
        path = choose_save_path(self, self.settings, title, record.file_stem, ".pdf", PDF_FILES)
        if path is None:
            return
        try:
            session_id = record.session.session_id
            export_session_note_pdf(self.workspace, session_id, state, path, overwrite=True)
        except WriteError as exc:
            self._problem("Save as PDF", str(exc))
            return
        self._say(f"The {what(record)} saved as {path}.")

    def save_copy(self) -> None:
        rows = self.versions.selectionModel().selectedRows()
        record = self.selected_record()
        if not rows or record is None:
            return
        version = self.versions_model.version_at(rows[0].row())
        stem = Path(version.file_name).stem or record.file_stem
        title = f"Save a copy of version {version.version}"
        path = choose_save_path(self, self.settings, title, stem, ".docx", WORD_FILES)
        if path is None:
            return
        try:
            self.workspace.records.save_copy(version.id, path, overwrite=True)
        except (RecordError, WriteError) as exc:
            self._problem("Save a copy", str(exc))
            return
        self._say(f"Version {version.version} saved as {path}, exactly as it was kept.")

    def done(self, result: int) -> None:
        self._subscriptions.clear()
        super().done(result)


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
