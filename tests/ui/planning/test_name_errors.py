"""The day editor's name fields: cleaned when saved, and a too-long name explained beside them."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from facilitator.demo import create_demo_day
from facilitator.workspace import Workspace
from ui.planning.day_editor import DayEditor


@pytest.fixture
def editor(qtbot: QtBot, workspace: Workspace) -> DayEditor:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    dialog = DayEditor(workspace.planner, day_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_too_long_cycle_is_explained_and_not_saved(
    editor: DayEditor, workspace: Workspace
) -> None:
    tab = editor.details_tab
    before = workspace.planner.details(editor.day_id).cycle_name
    tab.cycle_edit.setText("C" * 230)
    tab.cycle_edit.editingFinished.emit()

    assert tab.error_label.isVisibleTo(tab)
    assert "The cycle’s name is 230 characters long" in tab.error_label.text()
    assert workspace.planner.details(editor.day_id).cycle_name == before
    assert tab.cycle_edit.text() == "C" * 230  # kept, to be shortened

    tab.cycle_edit.setText("2027\x07–28")
    tab.cycle_edit.editingFinished.emit()
    assert not tab.error_label.isVisibleTo(tab)
    assert workspace.planner.details(editor.day_id).cycle_name == "2027–28"


def test_a_dcs_name_is_cleaned_and_a_too_long_one_explained(
    editor: DayEditor, workspace: Workspace
) -> None:
    tab = editor.authorities_tab
    tab.view.selectRow(1)
    tab.dcs_edit.setText("Noor\x00 Haddad\x07")
    tab.dcs_edit.editingFinished.emit()
    assert workspace.planner.teams(editor.day_id)[1].dcs_name == "Noor Haddad"

    undo_steps = editor.undo.count()
    tab.dcs_edit.setText("D" * 121)
    tab.dcs_edit.editingFinished.emit()
    assert tab.team_error.isVisibleTo(tab)
    assert "The DCS’s name is 121 characters long" in tab.team_error.text()
    assert workspace.planner.teams(editor.day_id)[1].dcs_name == "Noor Haddad"
    assert editor.undo.count() == undo_steps  # nothing that fails was pushed
