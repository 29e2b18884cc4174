"""The small steps around the records window: where files go, what comes next for a
record, the date it was agreed, and the cycle report asked for from the main window."""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, QStandardPaths
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.planning.planner import Planner
from facilitator.records.exporting import DayRecord, ExportError, RecordExports, file_stem
from facilitator.records.keys import long_date
from facilitator.records.versions import RecordError, RecordStateView, RecordStatus
from facilitator.storage.files import WriteError
from ui.common.dialog_buttons import DIALOG_STYLE, plain_buttons

FOLDER_KEY = "records/folder"
WORD_FILES = "Word document (*.docx)"
PDF_FILES = "PDF (*.pdf)"


def choose_save_path(
    parent: QWidget | None, settings: QSettings, title: str, stem: str, suffix: str, kinds: str
) -> Path | None:
    """A file to write, through the save dialog (which asks before replacing one), named
    `stem` in the folder last used; None if cancelled. Remembers the folder."""
    folder = remembered_folder(settings)
    name, _ = QFileDialog.getSaveFileName(parent, title, str(folder / f"{stem}{suffix}"), kinds)
    if not name:
        return None
    path = with_suffix(name, suffix)
    remember_folder(settings, path.parent)
    return path


def ask_reopen_reason(what: str, agreed_on: dt.date | None, parent: QWidget) -> str | None:
    """Why the agreed record is reopened, confirmed; None if the user stops."""
    reason, ok = QInputDialog.getMultiLineText(
        parent,
        "Reopen",
        f"Why is the agreed {what} being reopened?\nThe reason is kept with the record.",
    )
    if not ok:
        return None
    if not reason.strip():
        QMessageBox.warning(parent, "Reopen", "Say why it is being reopened: nothing was changed.")
        return None
    answer = QMessageBox.question(
        parent,
        "Reopen",
        f"Reopen the {what}, agreed on {long_date(agreed_on)}?\n\n"
        "It will no longer be locked, and its next export is a new version.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return reason if answer == QMessageBox.StandardButton.Yes else None


def export_all_to_folder(
    exports: RecordExports, day_id: int, settings: QSettings, parent: QWidget
) -> str | None:
    """Every record of the day into a chosen folder, asking once before replacing files.
    A record that cannot be exported does not stop the others; the reasons are shown
    together. Returns what was done, or None if the user stopped."""
    chosen = QFileDialog.getExistingDirectory(
        parent, "Export every record of the day to a folder", str(remembered_folder(settings))
    )
    if not chosen:
        return None
    folder = Path(chosen)
    remember_folder(settings, folder)
    targets = [
        (record, folder / f"{record.file_stem}.docx") for record in exports.day_records(day_id)
    ]
    existing = [path.name for _, path in targets if path.exists()]
    if existing:
        listed = "\n".join(f"• {name}" for name in existing)
        answer = QMessageBox.question(
            parent,
            "Export all",
            f"{len(existing)} of these files are already in {folder}:\n\n{listed}\n\nReplace them?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    written, failed = 0, []
    for record, path in targets:
        try:
            exports.export(record, path, overwrite=bool(existing))
        except ExportError as exc:
            failed.append(str(exc))  # it names the record
            continue
        except (RecordError, WriteError) as exc:
            failed.append(f"{record.named} was not exported: {exc}")
            continue
        except Exception as exc:  # one record's fault must not stop the others, nor go unsaid
            failed.append(
                f"{record.named} was not exported: something went wrong in Balcony "
                f"({type(exc).__name__}: {exc}). The other records were exported; report "
                "this with the record's name."
            )
            continue
        written += 1
    if failed:
        QMessageBox.warning(
            parent,
            "Export all",
            f"{len(failed)} of {len(targets)} records were not exported:\n\n" + "\n\n".join(failed),
        )
    return f"{written} of {len(targets)} records exported to {folder}."


def remembered_folder(settings: QSettings) -> Path:
    """The folder records were last saved to or read from, else the Documents folder."""
    saved = settings.value(FOLDER_KEY)
    if saved and Path(str(saved)).is_dir():
        return Path(str(saved))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def remember_folder(settings: QSettings, folder: Path) -> None:
    settings.setValue(FOLDER_KEY, str(folder))


def with_suffix(name: str, suffix: str) -> Path:
    path = Path(name)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def next_step(record: DayRecord, state: RecordStateView) -> str:
    """One plain sentence: where this record stands and what usually comes next."""
    if not state.exported:
        return "Not exported yet. Export it to make version 1, a draft for amendment."
    version = f"Version {state.version}"
    if state.locked:
        agreed = long_date(state.agreed_on)
        return (
            f"Agreed on {agreed} and locked. Export prints the agreed copy; reopen it "
            "(saying why) if it must change."
        )
    if state.kept_amended:
        return (
            "The returned copy was kept as it came: its changes are not in the notes. Import "
            "it again to accept them, or record that it is agreed."
        )
    if state.status is RecordStatus.DRAFT:
        return f"{version} is a draft. Send it for amendment, then mark it as sent."
    if state.status is RecordStatus.SENT:
        return (
            f"{version} was sent for amendment. Import the copy that comes back, or record "
            "that it is agreed."
        )
    if state.sent_version is not None and state.version > state.sent_version:
        return (
            f"{version} has the amendments. Send it and mark it as sent, or record the agreement."
        )
    return (
        "Amendments returned. Export the next version to send it again, or record that it "
        "is agreed."
    )


class AgreeDialog(QDialog):
    """The date a note was agreed, with the warning that agreeing locks it."""

    def __init__(self, what: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Record that it is agreed")
        self.setStyleSheet(DIALOG_STYLE)
        text = QLabel(
            f"<p>Record the date the {escape(what)} was agreed.</p>"
            "<p><b>The note will be locked:</b> it changes only if you reopen it, saying why. "
            "Export it afterwards for the agreed copy, marked “Agreed on” that date.</p>"
        )
        text.setWordWrap(True)
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_edit.setAccessibleName("Date agreed")
        label = QLabel("&Date agreed")
        label.setBuddy(self.date_edit)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.date_edit)
        row.addStretch()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Agree and lock")
        ok.setAccessibleName("Agree and lock")
        plain_buttons(buttons, default=ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def agreed_on(self) -> dt.date:
        chosen = self.date_edit.date()
        return dt.date(chosen.year(), chosen.month(), chosen.day())


def export_cycle_report_interactively(
    planner: Planner,
    exports: RecordExports,
    parent: QWidget | None = None,
    *,
    settings: QSettings | None = None,
) -> Path | None:
    """Asks which cycle and where, and exports its report; the path written, or None."""
    settings = settings if settings is not None else QSettings()
    days = planner.list_days()
    cycles = sorted({d.cycle_name for d in days if d.cycle_name})
    if not cycles:
        QMessageBox.information(
            parent,
            "Cycle report",
            "No day belongs to a cycle yet. Give the days a cycle name in their details to "
            "report across them.",
        )
        return None
    latest = max((d for d in days if d.cycle_name), key=lambda d: d.date).cycle_name
    cycle, ok = QInputDialog.getItem(
        parent, "Cycle report", "Which cycle?", cycles, cycles.index(latest), False
    )
    if not ok or not cycle:
        return None
    title = f"Export the cycle report for {cycle}"
    stem = file_stem(f"{cycle} cycle report")
    path = choose_save_path(parent, settings, title, stem, ".docx", WORD_FILES)
    if path is None:
        return None
    try:
        exports.export_cycle_report(cycle, path, overwrite=True)
    except (RecordError, WriteError) as exc:
        QMessageBox.warning(parent, "Cycle report", str(exc))
        return None
    return path
