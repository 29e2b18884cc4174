"""What to do when the data file cannot be used: never overwrite it, offer a way on."""

from __future__ import annotations

from enum import Enum, auto
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.storage.errors import (
    DataFileError,
    DataFileInUseError,
    DataFileLockedError,
    DataFileReadOnlyError,
    DataFileTooNewError,
)
from facilitator.storage.location import DataLocation, ServerAddress

if TYPE_CHECKING:
    from facilitator.workspace import Workspace


class Choice(Enum):
    OPEN_ANOTHER = auto()
    START_FRESH = auto()
    TRY_AGAIN = auto()
    OPEN_READ_ONLY = auto()
    QUIT = auto()


def ask_what_to_do(error: DataFileError, parent: QWidget | None = None) -> Choice:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    on_server = isinstance(error.path, ServerAddress)
    box.setWindowTitle(
        "Balcony cannot open the shared database"
        if on_server
        else "Balcony cannot open its data file"
    )
    box.setText(f"<b>{error.problem}</b>")
    where = "Database" if on_server else "File"
    box.setInformativeText(
        f"{where}: {error.path}\n\n{error.fix}{_where_the_other_window_is(error)}"
    )
    buttons: dict[object, Choice] = {}
    if isinstance(error, DataFileInUseError | DataFileReadOnlyError):
        # Reading is safe while another window writes: it sees each change once it is saved.
        read_only = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
        read_only.setToolTip("See the data without changing it; nothing can be saved.")
        buttons[read_only] = Choice.OPEN_READ_ONLY
    another = "Open a data file instead…" if on_server else "Open another file…"
    buttons[box.addButton(another, QMessageBox.ButtonRole.AcceptRole)] = Choice.OPEN_ANOTHER
    if isinstance(error, DataFileLockedError) or on_server:
        # A server may be back in a moment; it is never Balcony's to move aside.
        buttons[box.addButton("Try again", QMessageBox.ButtonRole.ActionRole)] = Choice.TRY_AGAIN
    elif not isinstance(error, DataFileTooNewError | DataFileInUseError | DataFileReadOnlyError):
        # A file in use or read-only is sound: moving it aside would only hide good data.
        fresh = box.addButton("Move it aside and start fresh", QMessageBox.ButtonRole.ActionRole)
        fresh.setToolTip("The file is renamed, not deleted, so it can still be rescued.")
        buttons[fresh] = Choice.START_FRESH
    quit_button = box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    buttons[quit_button] = Choice.QUIT
    box.setEscapeButton(quit_button)
    box.exec()
    return buttons.get(box.clickedButton(), Choice.QUIT)


def _where_the_other_window_is(error: DataFileError) -> str:
    if not isinstance(error, DataFileInUseError) or not error.holder_pid:
        return ""
    return (
        f"\n\nThe other window belongs to Balcony process {error.holder_pid}: look for it in "
        "the taskbar or the dock, or on another desktop."
    )


def open_read_only(path: DataLocation) -> Workspace:
    """The "Open read-only" choice: the workspace of `path`, refusing every change with
    DataFileReadOnlyError. Raises DataFileError if even reading is impossible."""
    from facilitator.workspace import Workspace

    return Workspace.open(path, read_only=True)
