"""Starting the window: the application object, the style, and opening the data file."""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from facilitator.storage.database import DataFileError
from facilitator.workspace import Workspace, move_aside
from ui.common.paths import set_identity
from ui.home.data_file_dialog import Choice, ask_what_to_do
from ui.home.main_window import MainWindow


def style_sheet() -> str:
    return files("resources").joinpath("style.qss").read_text(encoding="utf-8")


def app_icon() -> QIcon:
    return QIcon(str(files("resources").joinpath("icons", "balcony.svg")))


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


def open_workspace_interactively(path: Path) -> Workspace | None:
    """Opens the data file, asking the user what to do if it cannot be used."""
    while True:
        try:
            return Workspace.open(path)
        except DataFileError as error:
            choice = ask_what_to_do(error)
            if choice is Choice.QUIT:
                return None
            if choice is Choice.START_FRESH:
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
                    str(path.parent),
                    "Balcony data (*.sqlite);;All files (*)",
                    options=QFileDialog.Option.DontConfirmOverwrite,
                )
                if chosen:
                    path = Path(chosen)


def run_app(path: Path, day_id: int | None = None) -> int:
    """Opens the home window, and the console of `day_id` if one is given."""
    app = ensure_application()
    workspace = open_workspace_interactively(path)
    if workspace is None:
        return 1
    if day_id is not None and day_id not in {d.id for d in workspace.planner.list_days()}:
        workspace.close()
        print(f"balcony: there is no day {day_id}. `balcony days` lists them.", file=sys.stderr)
        return 1
    window = MainWindow(workspace, QSettings())
    window.show()
    if day_id is not None:
        window.run_day(day_id)
    try:
        return app.exec()
    finally:
        workspace.close()
