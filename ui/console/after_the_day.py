"""Ending the day, and what the console offers then: review each note, then the records."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.workspace import Workspace
from ui.records.review import ReviewDialog


def open_review(
    workspace: Workspace,
    day_id: int,
    undo: QUndoStack,
    parent: QWidget,
    session_id: int | None,
    open_records: Callable[[], None] | None,
) -> ReviewDialog:
    """The review of the day's notes, at `session_id`'s; it stays open beside the console
    (not modal), so a fix can be checked against the stage it came from."""
    dialog = ReviewDialog(workspace, day_id, undo, session_id, parent, open_records=open_records)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def confirm_end_of_day(parent: QWidget) -> bool:
    answer = QMessageBox.question(
        parent,
        "End the day",
        "End the day now? Every stage not yet run stays unrun; nothing captured is lost, "
        "and you can undo this.",
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_what_next(parent: QWidget, can_export: bool) -> str:
    """ "review", "records" or "" (stay in the console), asked when the day has ended."""
    box = QMessageBox(parent)
    box.setWindowTitle("The day has ended")
    box.setIcon(QMessageBox.Icon.Question)
    box.setText("The day has ended. Review each session’s note before you export it?")
    box.setInformativeText(
        "The review shows each note as it will read, with anything to check first: "
        "bullets nobody is credited with, asks and offers without a scope, repeats, bullets "
        "added late, words also in another session."
    )
    review = box.addButton("&Review the record", QMessageBox.ButtonRole.AcceptRole)
    records = (
        box.addButton("Go to the r&ecords", QMessageBox.ButtonRole.ActionRole)
        if can_export
        else None
    )
    box.addButton("&Stay in the console", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(review)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    parent.activateWindow()  # the keys come back to the console, whatever was chosen
    if clicked is review:
        return "review"
    if records is not None and clicked is records:
        return "records"
    return ""
