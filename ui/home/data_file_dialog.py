"""What to do when the data file cannot be used: never overwrite it, offer a way on."""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.storage.database import DataFileError, DataFileLockedError, DataFileTooNewError


class Choice(Enum):
    OPEN_ANOTHER = auto()
    START_FRESH = auto()
    TRY_AGAIN = auto()
    QUIT = auto()


def ask_what_to_do(error: DataFileError, parent: QWidget | None = None) -> Choice:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Balcony cannot open its data file")
    box.setText(f"<b>{error.problem}</b>")
    box.setInformativeText(f"File: {error.path}\n\n{error.fix}")
    buttons: dict[object, Choice] = {}
    buttons[box.addButton("Open another file…", QMessageBox.ButtonRole.AcceptRole)] = (
        Choice.OPEN_ANOTHER
    )
    if isinstance(error, DataFileLockedError):
        buttons[box.addButton("Try again", QMessageBox.ButtonRole.ActionRole)] = Choice.TRY_AGAIN
    elif not isinstance(error, DataFileTooNewError):
        fresh = box.addButton("Move it aside and start fresh", QMessageBox.ButtonRole.ActionRole)
        fresh.setToolTip("The file is renamed, not deleted, so it can still be rescued.")
        buttons[fresh] = Choice.START_FRESH
    quit_button = box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    buttons[quit_button] = Choice.QUIT
    box.setEscapeButton(quit_button)
    box.exec()
    return buttons.get(box.clickedButton(), Choice.QUIT)
