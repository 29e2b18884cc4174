"""What a director does to the exported note in Word, and the facilitator at the dialog:
the real dialog is shown, typed and clicked in, then its OK button pressed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.text.paragraph import Paragraph
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from facilitator.amendments.round_trip import ParagraphChange
from facilitator.records.exporting import DayRecord
from facilitator.workspace import Workspace
from ui.amendments.dialog import (
    AmendmentsDialog,
    take_in_returned_copy,
)

BUDGET = "The story assumes the budget is fixed; the corporate centre may see it otherwise."
BUDGET_NEW = "The story assumes the budget is fixed; the council’s finance team may not."
INTERIM = "Two interim heads of service this year; permanent recruitment closes in March."
INTERIM_NEW = "Two interim heads of service this year; recruitment closes in April."
PRACTICE = "Practice weeks where senior leaders shadow front-line teams."
Steps = Callable[[AmendmentsDialog], None]


# what a director does in Word -------------------------------------------------------------


def paragraph(doc: Document, starting: str) -> Paragraph:
    (found,) = [p for p in doc.paragraphs if p.text.startswith(starting)]
    return found


def retype(doc: Document, starting: str, words: str) -> None:
    """Types over a paragraph's words: its first run changes, its bookmark stays."""
    p = paragraph(doc, starting)
    p.runs[0].text = words
    for extra in p.runs[1:]:
        if not extra.text.startswith(" ("):  # keep an attribution printed after the bullet
            extra.text = ""


def returned(
    sent: Path, *edits: tuple[str, str], comments: Iterable[tuple[str, str, str]] = ()
) -> Path:
    """The sent note with each (starting, words) retyped and each (starting, comment,
    author) commented in the margin: python-docx writes word/comments.xml and the
    commentRangeStart, commentRangeEnd and commentReference around the paragraph's runs."""
    doc = docx.Document(str(sent))
    for starting, words in edits:
        retype(doc, starting, words)
    for starting, text, author in comments:
        doc.add_comment(paragraph(doc, starting).runs, text=text, author=author, initials="")
    path = sent.with_name("Ashvale session note - DCS comments.docx")
    doc.save(str(path))
    return path


# the facilitator at the dialog -------------------------------------------------------------


def import_copy(
    qtbot: QtBot,
    workspace: Workspace,
    record: DayRecord,
    path: Path,
    monkeypatch: pytest.MonkeyPatch,
    steps: Steps = lambda dialog: None,
) -> tuple[AmendmentsDialog, str | None]:
    """Imports `path` as the facilitator would: the real dialog is shown, `steps` types and
    clicks in it, then its OK button is pressed."""
    shown: list[AmendmentsDialog] = []

    def exec_(dialog: AmendmentsDialog) -> QDialog.DialogCode:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        with qtbot.waitActive(dialog):  # shortcuts and Alt-keys need the active window
            dialog.activateWindow()
        shown.append(dialog)
        steps(dialog)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return QDialog.DialogCode(dialog.result())

    monkeypatch.setattr(AmendmentsDialog, "exec", exec_)
    said = take_in_returned_copy(workspace.round_trip, workspace.planner, record, path)
    (dialog,) = shown
    return dialog, said


def rows(dialog: AmendmentsDialog) -> list[tuple[str, str, str]]:
    """Each change as (heading, what it says, its tick: "ticked", "unticked" or "")."""
    model, found = dialog.model, []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            index = model.index(r, 0, group)
            state = index.data(Qt.ItemDataRole.CheckStateRole)
            checkable = bool(index.flags() & Qt.ItemFlag.ItemIsUserCheckable)
            tick = "ticked" if state == Qt.CheckState.Checked else "unticked"
            found.append((str(group.data()), str(index.data()), tick if checkable else ""))
    return found


def row_saying(dialog: AmendmentsDialog, words: str) -> QModelIndex:
    model = dialog.model
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            index = model.index(r, 0, group)
            if words in str(index.data()):
                return index
    raise LookupError(words)


def tick_box(qtbot: QtBot, dialog: AmendmentsDialog, index: QModelIndex) -> None:
    """Clicks the tick box at the left of a change's row."""
    rect = dialog.view.visualRect(index)
    point = QPoint(rect.x() + 20, rect.y() + 18)
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def note_texts(workspace: Workspace, day_id: int) -> list[str]:
    plan = workspace.planner.day_plan(day_id)
    return [n.text for s in plan.stages for n in workspace.notebook.for_stage(s.id)]


def changes_in(calls: Iterable[tuple[Any, ...]], name: str) -> list[ParagraphChange]:
    return [c for call in calls if call[0] == name for c in call[2]]
