from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QInputDialog, QSpinBox
from pytestqt.qtbot import QtBot

from facilitator.common.vocabulary import StageKind
from facilitator.demo import create_demo_day
from facilitator.planning.planner import FitWay
from facilitator.workspace import Workspace
from ui.planning.agenda_tab import MINUTES_COLUMN
from ui.planning.authorities_tab import REVIEWS_COLUMN
from ui.planning.day_editor import DayEditor
from ui.planning.fit_dialog import FitDialog
from ui.schedule import import_dialog as schedule_import_dialog

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def editor(qtbot: QtBot, workspace: Workspace) -> DayEditor:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    dialog = DayEditor(workspace.planner, day_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def presenters(workspace: Workspace, day_id: int) -> list[str]:
    return [p.name for p in workspace.planner.day_plan(day_id).participants]


def test_typing_a_new_length_moves_the_finish_and_can_be_undone(
    qtbot: QtBot, editor: DayEditor, workspace: Workspace
) -> None:
    tab = editor.agenda_tab
    editor.tabs.setCurrentWidget(tab)
    assert tab.finish_label.text().startswith("10.00 to 17.35")
    questioning = next(
        row for row, s in enumerate(tab.model.plan.stages) if s.kind is StageKind.QUESTIONING
    )
    index = tab.model.index(questioning, MINUTES_COLUMN)
    tab.view.setCurrentIndex(index)
    tab.view.edit(index)
    spin = tab.view.findChild(QSpinBox)
    assert spin is not None
    spin.selectAll()
    qtbot.keyClicks(spin, "60")
    qtbot.keyClick(spin, Qt.Key.Key_Return)  # the view commits on its next turn of events

    qtbot.waitUntil(lambda: workspace.planner.day_plan(editor.day_id).finish == dt.time(17, 25))
    assert tab.finish_label.text().startswith("10.00 to 17.25")
    editor.undo.undo()
    assert workspace.planner.day_plan(editor.day_id).finish == dt.time(17, 35)
    assert tab.finish_label.text().startswith("10.00 to 17.35")


def test_reordering_presenters_by_keyboard_and_by_drop(
    qtbot: QtBot, editor: DayEditor, workspace: Workspace
) -> None:
    tab = editor.authorities_tab
    editor.tabs.setCurrentWidget(tab)
    tab.view.selectRow(0)
    tab.down_button.click()
    assert presenters(workspace, editor.day_id) == ["Brackenmoor", "Ashvale", "Corriford"]
    assert tab.selected_row() == 1

    model = tab.model
    data: QMimeData = model.mimeData([model.index(2, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert presenters(workspace, editor.day_id) == ["Corriford", "Brackenmoor", "Ashvale"]
    plan = workspace.planner.day_plan(editor.day_id)
    first_presentation = next(s for s in plan.stages if s.kind is StageKind.PRESENTATION)
    assert first_presentation.presenter == "Corriford"

    editor.undo.undo()
    editor.undo.undo()
    assert presenters(workspace, editor.day_id) == ["Ashvale", "Brackenmoor", "Corriford"]


def test_changing_a_lead_reviewer_flags_the_problem_until_fixed(
    qtbot: QtBot, editor: DayEditor, workspace: Workspace
) -> None:
    tab = editor.authorities_tab
    editor.tabs.setCurrentWidget(tab)
    index = tab.model.index(0, REVIEWS_COLUMN)
    tab.view.setCurrentIndex(index)
    tab.view.edit(index)
    combo = tab.view.findChild(QComboBox)
    assert combo is not None
    combo.setCurrentIndex(combo.findText("Brackenmoor"))
    tab.view.commitData(combo)

    assert tab.problems.isVisibleTo(tab)
    assert "Brackenmoor" in tab.problems.text()
    assert workspace.planner.lead_reviewer_problems(editor.day_id)

    tab.suggest_button.click()
    assert workspace.planner.lead_reviewer_problems(editor.day_id) == []
    assert not tab.problems.isVisibleTo(tab)


def test_editing_a_team_saves_it(qtbot: QtBot, editor: DayEditor, workspace: Workspace) -> None:
    tab = editor.authorities_tab
    tab.view.selectRow(1)
    tab.dcs_edit.clear()
    qtbot.keyClicks(tab.dcs_edit, "Noor Haddad")
    tab.dcs_edit.editingFinished.emit()
    tab.add_team_row()
    item = tab.team_model.item(tab.team_model.rowCount() - 1, 0)
    assert item is not None
    item.setText("Ola Bright")

    team = workspace.planner.teams(editor.day_id)[1]
    assert team.dcs_name == "Noor Haddad"
    assert team.members[-1].name == "Ola Bright"


def test_fitting_a_day_to_its_limit_by_trimming_previews_then_applies_and_undoes(
    qtbot: QtBot, editor: DayEditor, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace.planner.set_finish_limit(editor.day_id, dt.time(17, 0))
    tab = editor.agenda_tab
    assert tab.warning_label.isVisibleTo(tab)
    assert "35 minutes after the limit of 17.00" in tab.warning_label.text()
    previews: list[str] = []

    def choose_trim(dialog: FitDialog) -> int:
        dialog.select(FitWay.TRIM)
        previews.append(dialog.preview.text())
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(FitDialog, "exec", choose_trim)
    tab.fit_button.click()

    # Lunch goes to its 30 minutes, then every questioning loses 10: the day ends at 16.55.
    assert "12.10  Lunch: 30 min, was 40" in previews[0]
    assert previews[0].endswith("16.55  Finish")
    plan = workspace.planner.day_plan(editor.day_id)
    assert plan.finish == dt.time(16, 55)
    assert all(s.planned_minutes >= s.min_minutes for s in plan.stages)
    assert all(s.starts.minute % 5 == 0 for s in plan.stages)
    assert not tab.warning_label.isVisibleTo(tab)
    editor.undo.undo()
    assert workspace.planner.day_plan(editor.day_id).finish == dt.time(17, 35)
    assert tab.warning_label.isVisibleTo(tab)


def test_details_are_saved_when_a_field_is_left(
    qtbot: QtBot, editor: DayEditor, workspace: Workspace
) -> None:
    tab = editor.details_tab
    tab.facilitator_edit.clear()
    qtbot.keyClicks(tab.facilitator_edit, "Rae Lindqvist")
    tab.facilitator_edit.editingFinished.emit()
    assert workspace.planner.details(editor.day_id).facilitator == "Rae Lindqvist"


def test_a_closed_editor_lets_go_of_the_planner(qtbot: QtBot, workspace: Workspace) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    listeners = workspace.planner.day_changed._listeners
    before = len(listeners)
    editor = DayEditor(workspace.planner, day_id)
    editor.show()
    assert len(listeners) > before  # the editor and the tabs that follow the day

    with qtbot.waitSignal(editor.destroyed):
        editor.reject()

    assert len(listeners) == before
    workspace.planner.set_finish_limit(day_id, dt.time(17, 0))  # nobody left to call


def test_importing_the_sample_schedule_lists_six_days(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = ROOT / "docs" / "sample-schedule-2022-2023.csv"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(sample), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("2022-2023", True))
    shown: list[str] = []
    monkeypatch.setattr(
        schedule_import_dialog.ImportReport,
        "exec",
        lambda report: shown.append(report.details.toPlainText()) or 0,
    )

    result = schedule_import_dialog.ask_and_import(workspace.planner)

    assert result is not None
    assert result.ok
    assert len(workspace.planner.list_days()) == 6
    assert "Oxfordshire" in shown[0]


def test_a_bad_schedule_reports_rows_and_imports_nothing(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    verbatim = ROOT / "tests" / "data" / "handbook-schedule-verbatim.csv"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(verbatim), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("2022-2023", True))
    shown: list[str] = []
    monkeypatch.setattr(
        schedule_import_dialog.ImportReport,
        "exec",
        lambda report: shown.append(report.details.toPlainText()) or 0,
    )

    result = schedule_import_dialog.ask_and_import(workspace.planner)

    assert result is not None
    assert not result.ok
    assert workspace.planner.list_days() == []
    assert "31/01/2023" in shown[0]
