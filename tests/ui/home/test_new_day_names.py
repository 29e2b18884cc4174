"""Names pasted into the New day form: control characters are dropped, too long is explained."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.workspace import Workspace
from ui.home.new_day_dialog import NewDayDialog


def _dialog(qtbot: QtBot, workspace: Workspace) -> NewDayDialog:
    dialog = NewDayDialog(workspace.planner)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _paste(qtbot: QtBot, dialog: NewDayDialog, row: int, text: str) -> None:
    QApplication.clipboard().setText(text)
    field = dialog.rows[row][1]
    field.setFocus()
    qtbot.keySequence(field, QKeySequence.StandardKey.Paste)


def test_a_pasted_name_with_a_control_character_is_stored_without_it(
    qtbot: QtBot, workspace: Workspace
) -> None:
    dialog = _dialog(qtbot, workspace)
    _paste(qtbot, dialog, 0, "North\x07field")
    assert dialog.rows[0][1].text() == "North\x07field"  # Qt keeps it: the domain must not
    qtbot.keyClicks(dialog.rows[1][1], "Eastwick")
    # A paste can hold what typing cannot; the field itself is given a NUL and an escape too.
    dialog.rows[2][1].setText("South\x00am\x1b")
    qtbot.keyClicks(dialog.cycle_edit, "2026")
    dialog.cycle_edit.insert("\x07")

    dialog.accept()

    assert not dialog.isVisible()
    assert dialog.created_day_id is not None
    teams = workspace.planner.teams(dialog.created_day_id)
    assert [team.name for team in teams] == ["Northfield", "Eastwick", "Southam"]
    assert workspace.planner.details(dialog.created_day_id).cycle_name == "2026"


def test_too_long_a_name_is_explained_naming_the_field_and_the_form_stays_open(
    qtbot: QtBot, workspace: Workspace
) -> None:
    dialog = _dialog(qtbot, workspace)
    _paste(qtbot, dialog, 0, "N" * 230)
    qtbot.keyClicks(dialog.rows[1][1], "Eastwick")
    qtbot.keyClicks(dialog.rows[2][1], "Southam")

    dialog.accept()

    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "The name of authority 1 is 230 characters long" in dialog.error_label.text()
    assert workspace.planner.list_days() == []
