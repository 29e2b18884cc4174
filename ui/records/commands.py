"""What each command of the Records window does to the selected record, and what it says back.

The record book and the round trip decide what each step may do; their messages are shown as
they are worded.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from facilitator.records.exporting import DayRecord
from facilitator.records.keys import long_date
from facilitator.records.versions import (
    RecordError,
    RecordLockedError,
    RecordStateView,
    VersionView,
)
from facilitator.storage.files import WriteError
from ui.amendments.dialog import take_in_returned_copy
from ui.records.services import RecordsServices
from ui.records.steps import (
    PDF_FILES,
    WORD_FILES,
    AgreeDialog,
    ask_reopen_reason,
    choose_save_path,
    export_all_to_folder,
    remember_folder,
    remembered_folder,
)


class Selection(Protocol):
    """What the window has selected: a record, where it stands, and one of its versions."""

    def selected_record(self) -> DayRecord | None: ...

    def selected_state(self) -> RecordStateView | None: ...

    def selected_version(self) -> VersionView | None: ...


class RecordCommands:
    def __init__(
        self,
        services: RecordsServices,
        day_id: int,
        settings: QSettings,
        window: QWidget,
        selection: Selection,
        say: Callable[[str], None],
    ) -> None:
        self.services = services
        self.day_id = day_id
        self.settings = settings
        self.window = window
        self.selection = selection
        self._say = say

    def _problem(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)

    # exporting ------------------------------------------------------------------------

    def export_selected(self) -> None:
        record, state = self.selection.selected_record(), self.selection.selected_state()
        if record is None or state is None:
            return
        set_aside = False
        if state.kept_amended and not state.locked:
            set_aside = self._confirm_set_aside(record)
            if not set_aside:
                return
        path = choose_save_path(
            self.window,
            self.settings,
            f"Export the {record.described}",
            record.file_stem,
            ".docx",
            WORD_FILES,
        )
        if path is None:
            return
        try:
            # The save dialog has already asked before replacing a file.
            view = self.services.exports.export(
                record, path, overwrite=True, set_aside_amended_text=set_aside
            )
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

    def _confirm_set_aside(self, record: DayRecord) -> bool:
        """Asks before a note is exported from the notes although the director's returned
        copy was kept as the amended text: that copy's changes would be left out."""
        answer = QMessageBox.question(
            self.window,
            "Export from the notes?",
            f"The returned copy of the {record.described} was kept as the amended text, so "
            "its changes are not in the notes: a new version built from the notes leaves "
            "them out.\n\nTo take them in first, cancel, import the returned copy again and "
            "tick the changes. To send the director’s own file, select it under Versions and "
            "choose Save a copy.\n\nExport a new version from the notes anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def export_all(self) -> None:
        said = export_all_to_folder(self.services.exports, self.day_id, self.settings, self.window)
        if said:
            self._say(said)

    # the record's life ----------------------------------------------------------------

    def mark_sent(self) -> None:
        record = self.selection.selected_record()
        if record is None:
            return
        try:
            state = self.services.records.mark_sent(record.key)
        except RecordError as exc:
            self._problem("Mark as sent", str(exc))
            return
        self._say(f"Version {state.version} of the {record.described} marked as sent.")

    def import_returned(self) -> None:
        record = self.selection.selected_record()
        if record is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            f"Import the returned copy of the {record.described}",
            str(remembered_folder(self.settings)),
            WORD_FILES,
        )
        if not name:
            return
        path = Path(name)
        remember_folder(self.settings, path.parent)
        said = take_in_returned_copy(
            self.services.round_trip, self.services.planner, record, path, self.window
        )
        if said:
            self._say(said)

    def agree(self) -> None:
        record = self.selection.selected_record()
        if record is None:
            return
        today = self.services.clock.wall_now().astimezone().date()
        dialog = AgreeDialog(record.described, today, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            state = self.services.records.agree(record.key, dialog.agreed_on())
        except RecordError as exc:
            self._problem("Agree", str(exc))
            return
        self._say(
            f"The {record.described} is agreed on {long_date(state.agreed_on)} and locked. "
            "Export it for the agreed copy."
        )

    def reopen(self) -> None:
        record, state = self.selection.selected_record(), self.selection.selected_state()
        if record is None or state is None:
            return
        reason = ask_reopen_reason(record.described, state.agreed_on, self.window)
        if reason is None:
            return
        try:
            self.services.records.reopen(record.key, reason)
        except RecordError as exc:
            self._problem("Reopen", str(exc))
            return
        self._say(f"The {record.described} is reopened. Its next export is a new version.")

    # paper and copies -----------------------------------------------------------------

    def print_note(self) -> None:
        record, state = self.selection.selected_record(), self.selection.selected_state()
        if record is None or record.session is None or state is None:
            return
        try:
            printed = self.services.paper.print_note(record.session.session_id, state, self.window)
        except WriteError as exc:
            self._problem("Print", str(exc))
            return
        if printed:
            self._say(f"The {record.described} was sent to the printer.")

    def save_pdf(self) -> None:
        record, state = self.selection.selected_record(), self.selection.selected_state()
        if record is None or record.session is None or state is None:
            return
        title = f"Save the {record.described} as PDF"
        path = choose_save_path(
            self.window, self.settings, title, record.file_stem, ".pdf", PDF_FILES
        )
        if path is None:
            return
        try:
            session_id = record.session.session_id
            self.services.paper.save_pdf(session_id, state, path, overwrite=True)
        except WriteError as exc:
            self._problem("Save as PDF", str(exc))
            return
        self._say(f"The {record.described} saved as {path}.")

    def save_copy(self) -> None:
        version = self.selection.selected_version()
        record = self.selection.selected_record()
        if version is None or record is None:
            return
        stem = Path(version.file_name).stem or record.file_stem
        title = f"Save a copy of version {version.version}"
        path = choose_save_path(self.window, self.settings, title, stem, ".docx", WORD_FILES)
        if path is None:
            return
        try:
            self.services.records.save_copy(version.id, path, overwrite=True)
        except (RecordError, WriteError) as exc:
            self._problem("Save a copy", str(exc))
            return
        self._say(f"Version {version.version} saved as {path}, exactly as it was kept.")
