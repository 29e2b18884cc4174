from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from facilitator.workspace import Workspace
from question_bank import load_handbook
from ui.bank.editor import BankEditor
from ui.bank.import_dialog import ImportDialog
from ui.bank.question_dialog import QuestionDialog


@pytest.fixture
def editor(qtbot: QtBot, workspace: Workspace) -> BankEditor:
    dialog = BankEditor(workspace.bank)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture(autouse=True)
def quiet_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def remember(*args: object, **_: object) -> QMessageBox.StandardButton:
        said.append(str(args[2]))
        return QMessageBox.StandardButton.Ok

    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, remember)
    return said


def test_add_a_theme_and_a_question_then_undo_both(
    qtbot: QtBot, editor: BankEditor, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Care leavers", True))
    editor.add_theme()
    assert editor.selected_id() == "care-leavers"

    def fill(dialog: QuestionDialog) -> int:
        qtbot.keyClicks(dialog.text_edit, "What would your care leavers say?")
        qtbot.keyClicks(dialog.follow_ups_edit, "How do you know?")
        dialog.scale_check.setChecked(True)
        qtbot.keyClicks(dialog.low_edit, "nothing good")
        qtbot.keyClicks(dialog.high_edit, "all good")
        dialog.accept()
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QuestionDialog, "exec", fill)
    editor.add_question()

    theme = workspace.bank.bank().theme("care-leavers")
    (question,) = theme.questions
    assert question.text == "What would your care leavers say?"
    assert question.follow_ups == ("How do you know?",)
    assert question.scale is not None
    assert question.scale.high == "all good"

    editor.undo.undo()
    assert workspace.bank.bank().theme("care-leavers").questions == ()
    editor.undo.undo()
    assert workspace.bank.bank().find_theme("care-leavers") is None
    editor.undo.redo()
    assert workspace.bank.bank().find_theme("care-leavers") is not None


def test_editing_a_handbook_question_keeps_the_shipped_file_as_it_was(
    editor: BankEditor, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor.select("budget-01")

    def change(dialog: QuestionDialog) -> int:
        dialog.text_edit.setPlainText("Is the budget for children’s services on track?")
        dialog.accept()
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QuestionDialog, "exec", change)
    editor.edit_selected()

    assert workspace.bank.bank().question("budget-01").text.endswith("on track?")
    assert load_handbook().question("budget-01").text == (
        "Is the budget for your service under/overspent?"
    )
    editor.undo.undo()
    assert workspace.bank.bank().question("budget-01").text == (
        "Is the budget for your service under/overspent?"
    )


def test_hide_and_move_are_undoable(editor: BankEditor, workspace: Workspace) -> None:
    editor.select("strengths-02")
    editor.toggle_hidden()
    assert workspace.bank.bank().find_question("strengths-02") is None
    assert "(hidden)" in editor.tree.currentIndex().data()
    editor.undo.undo()
    assert workspace.bank.bank().find_question("strengths-02") is not None

    editor.select("strengths-02")
    editor.move_selected(-1)
    ids = [q.id for q in workspace.bank.bank().theme("strengths").questions]
    assert ids[:2] == ["strengths-02", "strengths-01"]
    editor.undo.undo()
    ids = [q.id for q in workspace.bank.bank().theme("strengths").questions]
    assert ids[:2] == ["strengths-01", "strengths-02"]


def test_import_shows_conflicts_and_applies_the_choice(
    editor: BankEditor,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shared = tmp_path / "shared.toml"
    shared.write_text(
        workspace.bank.export_text().replace("What sustains these?", "What keeps them going?"),
        encoding="utf-8",
    )
    seen: list[ImportDialog] = []

    def take_theirs(dialog: ImportDialog) -> int:
        seen.append(dialog)
        dialog.groups["strengths-01"].button(1).setChecked(True)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(ImportDialog, "exec", take_theirs)
    assert editor.import_path(shared)

    assert list(seen[0].groups) == ["strengths-01"]
    assert workspace.bank.bank().question("strengths-01").follow_ups == ("What keeps them going?",)


def test_a_broken_import_file_is_explained_and_changes_nothing(
    editor: BankEditor, workspace: Workspace, tmp_path: Path, quiet_message_boxes: list[str]
) -> None:
    before = workspace.bank.export_text()
    broken = tmp_path / "broken.toml"
    broken.write_text('format = "balcony-question-bank"\nversion = 99\n', encoding="utf-8")

    assert not editor.import_path(broken)

    assert "broken.toml" in quiet_message_boxes[-1]
    assert "Nothing was imported" in quiet_message_boxes[-1]
    assert workspace.bank.export_text() == before


def test_export_writes_the_bank_and_a_locked_target_is_reported(
    editor: BankEditor, workspace: Workspace, tmp_path: Path, quiet_message_boxes: list[str]
) -> None:
    target = tmp_path / "out.toml"
    assert editor.export_path(target)
    assert target.read_text(encoding="utf-8") == workspace.bank.export_text()

    assert not editor.export_path(tmp_path / "missing" / "out.toml")
    assert "folder does not exist" in quiet_message_boxes[-1]
