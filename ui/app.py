"""Starting the window: the application object, the style, and opening the data file."""

from __future__ import annotations

import sys
import threading
from importlib.resources import files
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.common.failure_log import (
    command_line,
    failure_details,
    record_failure,
    short_message,
)
from facilitator.planning.day_list import glance_at_days
from facilitator.storage.errors import (
    ChangedElsewhereError,
    DataFileError,
    DataFileReadOnlyError,
)
from facilitator.storage.location import (
    DATA_FOLDER_NAME,
    DataLocation,
    ServerAddress,
    default_data_path,
    generic_data_folder,
)
from facilitator.storage.write_faults import WriteFailedError
from ui.common.first_paint import AfterFirstPaint, HoldInput
from ui.common.paths import set_identity
from ui.home.data_file_dialog import Choice, ask_what_to_do, open_read_only
from ui.home.main_window import MainWindow

if TYPE_CHECKING:
    from facilitator.workspace import Workspace


def style_sheet() -> str:
    return files("resources").joinpath("style.qss").read_text(encoding="utf-8")


def app_icon() -> QIcon:
    # One step at a time: in the bundle, `resources` is a MultiplexedPath, whose joinpath
    # takes a single name on Python 3.11.
    return QIcon(str(files("resources").joinpath("icons").joinpath("balcony.svg")))


def ensure_application() -> QApplication:
    set_identity()
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName("Balcony")
    app.setWindowIcon(app_icon())
    app.setStyle("Fusion")
    font = app.font()
    font.setPointSize(11)
    app.setFont(font)
    app.setStyleSheet(style_sheet())
    return app


def open_workspace_interactively(path: DataLocation) -> Workspace | None:
    """Opens the data file (or shared database), asking what to do if it cannot be used."""
    from facilitator.workspace import Workspace, move_aside

    read_only = False
    while True:
        try:
            return open_read_only(path) if read_only else Workspace.open(path)
        except DataFileError as error:
            read_only = False
            choice = ask_what_to_do(error)
            if choice is Choice.QUIT:
                return None
            if choice is Choice.OPEN_READ_ONLY:
                path, read_only = error.path, True
            elif choice is Choice.START_FRESH:
                if isinstance(error.path, ServerAddress):
                    continue  # never offered for a server: it is not Balcony's to move
                try:
                    kept = move_aside(error.path)
                except OSError as exc:
                    QMessageBox.critical(
                        None,
                        "Balcony",
                        f"The file could not be moved aside ({exc.strerror}). "
                        "Open another data file instead.",
                    )
                    continue
                QMessageBox.information(
                    None, "Balcony", f"The old file is kept as:\n{kept}\n\nStarting a fresh one."
                )
            elif choice is Choice.OPEN_ANOTHER:
                chosen, _ = QFileDialog.getSaveFileName(
                    None,
                    "Open or create a data file",
                    str(_folder_to_choose_in(path)),
                    "Balcony data (*.sqlite);;All files (*)",
                    options=QFileDialog.Option.DontConfirmOverwrite,
                )
                if chosen:
                    path = Path(chosen)


def _folder_to_choose_in(location: DataLocation) -> Path:
    if isinstance(location, ServerAddress):
        return default_data_path().parent
    return location.parent


def run_app(path: DataLocation, day_id: int | None = None) -> int:
    """Opens the home window, and the console of `day_id` if one is given."""
    app = ensure_application()
    install_failure_handler(generic_data_folder() / DATA_FOLDER_NAME)
    window = start_app(path, day_id)
    if window is None:
        return 1
    try:
        return app.exec()
    finally:
        if window.is_attached:
            window.workspace.close()


def start_app(
    path: DataLocation, day_id: int | None = None, settings: QSettings | None = None
) -> MainWindow | None:
    """Shows the home window on the data file at `path`, and the console of `day_id`.

    A file a glance can read has its days on screen at once, and is opened in full once the
    window is painted; any other (new, older, in use, damaged) is opened in full first,
    asking what to do if it cannot be used. None when the user quits or there is no such day.
    """
    settings = settings if settings is not None else QSettings()
    days = glance_at_days(path)
    if days is not None and day_id is not None and day_id not in {d.id for d in days}:
        _no_such_day(day_id)
        return None
    window = MainWindow(None, settings, preview=days or ())
    if days is None:
        if not _open_in_full(window, path, day_id):
            window.deleteLater()
            return None
        window.show()
        if day_id is not None:
            window.run_day(day_id)
        return window
    hold = HoldInput(window)
    window.show()
    AfterFirstPaint(window.first_painted(), lambda: _finish_opening(window, path, day_id, hold))
    return window


def _open_in_full(window: MainWindow, path: DataLocation, day_id: int | None) -> bool:
    workspace = open_workspace_interactively(path)
    if workspace is None:
        return False
    if day_id is not None and day_id not in {d.id for d in workspace.planner.list_days()}:
        workspace.close()
        _no_such_day(day_id)
        return False
    window.attach(workspace)
    return True


def _finish_opening(
    window: MainWindow, path: DataLocation, day_id: int | None, hold: HoldInput
) -> None:
    hold.release()  # from here input waits for the opening, then is acted on
    if not _open_in_full(window, path, day_id):
        # Closing the window would end the app with a success: it ends with a failure.
        window.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        window.close()
        QApplication.exit(1)
        return
    if day_id is not None:
        window.run_day(day_id)


def _no_such_day(day_id: int) -> None:
    print(f"balcony: there is no day {day_id}. `balcony days` lists them.", file=sys.stderr)


# What happens when something nobody expected fails ----------------------------------------


class FailureDialog(QDialog):
    """Says in one sentence what failed and where the details are; never shows a traceback."""

    def __init__(
        self,
        message: str,
        details: str,
        log: str,
        parent: QWidget | None = None,
        *,
        known: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Balcony")
        self.details = details
        written = f"Details were written to {log}." if log else "The details could not be written."
        # A fault Balcony knows (a write the disk refused) says so in its own words.
        said = f"{message}." if known else f"Something went wrong: {message}."
        self.message = QLabel(f"{said}\n\nNothing you had saved is lost. {written}")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton("Copy details", QDialogButtonBox.ButtonRole.ActionRole)
        # Copying leaves the dialog open: the user may paste into an email, then close it.
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


class FailureReporter(QObject):
    """Logs every uncaught error (sys.excepthook, which PySide6 calls for an exception in a
    slot, and threading.excepthook), then shows FailureDialog and lets the app run on."""

    failed = Signal(str, str, str, bool)  # the message, the details, the log's path or "", known

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self._showing = False
        # Queued, so the dialog opens from the event loop in the window's thread, even when
        # the error happened in another thread or deep inside a slot.
        self.failed.connect(self.show_failure, Qt.ConnectionType.QueuedConnection)

    def hook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        command = command_line()
        log = record_failure(self.folder, error, trace, command=command, where="the app")
        details = failure_details(error, trace, command=command, where="the app")
        known = isinstance(error, WriteFailedError | DataFileReadOnlyError | ChangedElsewhereError)
        self.failed.emit(short_message(error), details, str(log) if log else "", known)

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.hook(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str, str, str, bool)
    def show_failure(self, message: str, details: str, log: str, known: bool = False) -> None:
        if self._showing:  # one dialog at a time: a failure that repeats is logged only
            return
        self._showing = True
        try:
            parent = QApplication.activeWindow()
            FailureDialog(message, details, log, parent, known=known).exec()
        finally:
            self._showing = False


_reporter: FailureReporter | None = None  # kept alive for as long as the hooks point at it


def install_failure_handler(folder: Path) -> FailureReporter:
    """Routes every uncaught error to a FailureReporter logging to `folder`/balcony.log."""
    global _reporter
    _reporter = FailureReporter(folder)
    sys.excepthook = _reporter.hook
    threading.excepthook = _reporter.thread_hook
    return _reporter
