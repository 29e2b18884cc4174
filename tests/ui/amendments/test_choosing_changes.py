"""Issue 12, "Choose what to take in": the real dialog, typed and clicked through.

Each test exports Ashvale's real session note, edits it as a director does in Word (retyped
runs, and margin comments written into word/comments.xml, through python-docx), imports it
through take_in_returned_copy, and answers the dialog by keyboard and mouse before pressing
its OK button.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator.amendments.round_trip import ChangeKind, Choice
from facilitator.records.exporting import DayRecord
from facilitator.records.versions import RecordStatus
from facilitator.workspace import Workspace
from tests.ui.amendments.returned_copies import (
    BUDGET,
    BUDGET_NEW,
    INTERIM,
    INTERIM_NEW,
    PRACTICE,
    changes_in,
    import_copy,
    note_texts,
    returned,
    row_saying,
    rows,
    tick_box,
)
from ui.amendments.changes_model import COMMENTS, HEADINGS_OWN
from ui.amendments.dialog import (
    EMPTY,
    KEEP_TEXT,
    NONE_CHOOSABLE,
    NOTHING_TICKED,
    AmendmentsDialog,
)

# the tests ---------------------------------------------------------------------------------


def test_a_heading_typo_is_left_out_and_the_reworded_bullet_taken_in(
    qtbot: QtBot,
    workspace: Workspace,
    day_id: int,
    ashvale: DayRecord,
    sent: Path,
    warnings: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = returned(sent, ("Focus risks", "Focus riskss"), (BUDGET, BUDGET_NEW))
    seen: dict[str, Any] = {}

    def look(dialog: AmendmentsDialog) -> None:
        heading = row_saying(dialog, "riskss")
        seen["reason"] = dialog.model.data(heading, Qt.ItemDataRole.AccessibleDescriptionRole)
        seen["tooltip"] = heading.data(Qt.ItemDataRole.ToolTipRole)
        seen["accept"] = (dialog.accept_option.isEnabled(), dialog.accept_option.isChecked())
        seen["count"] = dialog.count_label.text()
        seen["ok"] = dialog.ok_button.text()

    dialog, said = import_copy(qtbot, workspace, ashvale, path, monkeypatch, look)

    assert [tick for _, _, tick in rows(dialog)] == ["", "ticked"]
    assert f"Heading wording — left out; {HEADINGS_OWN}" in seen["reason"]
    assert "Focus risks" in seen["tooltip"]
    assert seen["accept"] == (True, True)
    assert seen["count"] == "1 of 2 changes will be taken in"
    assert seen["ok"] == "Take in 1 change"
    assert warnings == []
    texts = note_texts(workspace, day_id)
    assert BUDGET_NEW in texts
    assert BUDGET not in texts
    assert said == "Returned copy of version 1: 1 change taken into the notes; 1 left out."
    state = workspace.records.status(ashvale.key)
    assert state.status is RecordStatus.AMENDED
    assert workspace.records.versions(ashvale.key)[-1].taken_in


def test_space_unticks_a_change_and_the_note_keeps_its_old_words(
    qtbot: QtBot,
    workspace: Workspace,
    day_id: int,
    ashvale: DayRecord,
    sent: Path,
    applied: list[tuple[Any, ...]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = returned(sent, (INTERIM, INTERIM_NEW), (BUDGET, BUDGET_NEW))
    seen: list[str] = []

    def untick_budget(dialog: AmendmentsDialog) -> None:
        view = dialog.view
        assert dialog.focusWidget() is view  # the list has the keyboard first
        assert "Two interim" in str(view.currentIndex().data())  # the first change
        seen.append(dialog.count_label.text())
        qtbot.keyClick(view, Qt.Key.Key_Down)  # the "Insights from the balcony" heading
        qtbot.keyClick(view, Qt.Key.Key_Down)
        assert "budget" in str(view.currentIndex().data())
        qtbot.keyClick(view, Qt.Key.Key_Space)
        seen.append(dialog.count_label.text())
        seen.append(dialog.ok_button.text())

    _, said = import_copy(qtbot, workspace, ashvale, path, monkeypatch, untick_budget)

    assert seen == [
        "2 of 2 changes will be taken in",
        "1 of 2 changes will be taken in",
        "Take in 1 change",
    ]
    ((_, _, chosen),) = [call for call in applied if call[0] == "apply"]
    assert [c.after for c in chosen] == [INTERIM_NEW]
    texts = note_texts(workspace, day_id)
    assert BUDGET in texts  # left out: the old words stay
    assert BUDGET_NEW not in texts
    assert INTERIM_NEW in texts
    assert said == "Returned copy of version 1: 1 change taken into the notes; 1 left out."


def test_with_nothing_ticked_taking_in_is_disabled_and_the_file_is_kept(
    qtbot: QtBot,
    workspace: Workspace,
    day_id: int,
    ashvale: DayRecord,
    sent: Path,
    applied: list[tuple[Any, ...]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = returned(sent, (INTERIM, INTERIM_NEW), (BUDGET, BUDGET_NEW))
    seen: list[tuple[bool, str, str]] = []

    def note(dialog: AmendmentsDialog) -> None:
        why = dialog.why_not.text() if dialog.why_not.isVisibleTo(dialog) else ""
        seen.append((dialog.accept_option.isEnabled(), why, dialog.ok_button.text()))

    def leave_all_out_then_tick_one_and_leave_it_out(dialog: AmendmentsDialog) -> None:
        qtbot.mouseClick(dialog.leave_all_button, Qt.MouseButton.LeftButton)
        note(dialog)
        assert dialog.keep_option.isChecked()
        tick_box(qtbot, dialog, row_saying(dialog, "budget"))  # the mouse, in the tick box
        note(dialog)
        assert dialog.accept_option.isChecked()  # back to taking in, now one is ticked
        qtbot.keyClick(dialog.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        assert dialog.count_label.text() == "2 of 2 changes will be taken in"
        qtbot.keyClick(dialog.view, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # Leave all out
        qtbot.waitUntil(lambda: dialog.keep_option.isChecked())  # a mnemonic clicks after a beat
        note(dialog)

    dialog, said = import_copy(
        qtbot, workspace, ashvale, path, monkeypatch, leave_all_out_then_tick_one_and_leave_it_out
    )

    assert seen == [
        (False, NOTHING_TICKED, KEEP_TEXT),
        (True, "", "Take in 1 change"),
        (False, NOTHING_TICKED, KEEP_TEXT),
    ]
    assert [choice for name, choice, _ in applied if name == "apply"] == [Choice.KEEP]
    texts = note_texts(workspace, day_id)
    assert BUDGET in texts
    assert INTERIM in texts
    assert said == "Returned copy of version 1 kept as the amended text."
    assert dialog.choice() is Choice.KEEP


def test_when_no_change_can_be_taken_in_only_keeping_is_offered(
    qtbot: QtBot,
    workspace: Workspace,
    ashvale: DayRecord,
    sent: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = returned(sent, ("Focus risks", "Focus riskss"))
    seen: list[object] = []

    def look(dialog: AmendmentsDialog) -> None:
        seen.extend([dialog.accept_option.isEnabled(), dialog.why_not.text()])
        seen.append(dialog.take_all_button.isEnabled())

    import_copy(qtbot, workspace, ashvale, path, monkeypatch, look)

    assert seen == [False, NONE_CHOOSABLE, False]


def test_comments_are_listed_to_act_on_and_never_taken_in(
    qtbot: QtBot,
    workspace: Workspace,
    day_id: int,
    ashvale: DayRecord,
    sent: Path,
    applied: list[tuple[Any, ...]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = "Can we name the two teams who hosted these?"
    path = returned(sent, (BUDGET, BUDGET_NEW), comments=[(PRACTICE, asked, "Priya Ellwood")])
    seen: list[object] = []

    def look(dialog: AmendmentsDialog) -> None:
        index = row_saying(dialog, "Priya Ellwood")
        seen.append(index.parent().data())
        seen.append(bool(index.flags() & Qt.ItemFlag.ItemIsUserCheckable))
        seen.append(index.data(Qt.ItemDataRole.CheckStateRole))
        qtbot.keyClick(dialog.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        seen.append(dialog.count_label.text())

    dialog, said = import_copy(qtbot, workspace, ashvale, path, monkeypatch, look)

    assert seen == [COMMENTS, False, None, "1 of 1 change will be taken in"]
    quoted = f"“{PRACTICE} (best practice)”"
    assert rows(dialog)[-1] == (COMMENTS, f"Comment by Priya Ellwood on {quoted}: {asked}", "")
    assert "and has 1 comment to act on in Balcony" in dialog.summary_label.text()
    (comment,) = [c for c in dialog.amended.changes if c.kind is ChangeKind.COMMENT]
    assert comment not in changes_in(applied, "apply")
    assert comment not in changes_in(applied, "problems")
    assert [c.after for c in changes_in(applied, "apply")] == [BUDGET_NEW]
    assert BUDGET_NEW in note_texts(workspace, day_id)
    assert said == (
        "Returned copy of version 1: 1 change taken into the notes; 0 left out. "
        "1 comment to act on in Balcony."
    )


def test_an_unchanged_copy_says_so_and_is_recorded(
    qtbot: QtBot,
    workspace: Workspace,
    ashvale: DayRecord,
    sent: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[object] = []

    def look(dialog: AmendmentsDialog) -> None:
        seen.append(dialog.empty_label.isVisible())
        seen.append(dialog.view.isVisible() or dialog.choice_box.isVisible())
        seen.append(dialog.ok_button.text())

    _, said = import_copy(qtbot, workspace, ashvale, returned(sent), monkeypatch, look)

    assert seen == [True, False, "Record the returned copy"]
    assert said == "Returned copy of version 1 recorded: no changes."
    assert workspace.records.versions(ashvale.key)[-1].taken_in
    assert EMPTY.startswith("No changes:")


def test_the_list_and_buttons_are_named_and_reached_by_tab(
    qtbot: QtBot,
    workspace: Workspace,
    ashvale: DayRecord,
    sent: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = returned(sent, (BUDGET, BUDGET_NEW))
    reached: list[bool] = []

    def tab_round(dialog: AmendmentsDialog) -> None:
        dialog.activateWindow()
        dialog.ok_button.setFocus()
        for _ in range(8):
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
            if dialog.focusWidget() is dialog.view:
                break
        reached.append(dialog.focusWidget() is dialog.view)
        for widget in (
            dialog.view,
            dialog.take_all_button,
            dialog.leave_all_button,
            dialog.accept_option,
            dialog.keep_option,
            dialog.ok_button,
        ):
            assert widget.accessibleName(), widget
        assert dialog.minimumWidth() <= 720
        assert dialog.minimumHeight() <= 560
        assert dialog.width() <= 1366
        assert dialog.height() <= 720

    import_copy(qtbot, workspace, ashvale, path, monkeypatch, tab_round)

    assert reached == [True]


def test_a_heading_the_word_processor_restyled_is_named_in_the_summary(
    qtbot: QtBot,
    workspace: Workspace,
    ashvale: DayRecord,
    sent: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import docx

    doc = docx.Document(str(sent))
    heading = next(p for p in doc.paragraphs if p.text == "Insights from the balcony")
    heading.style = doc.styles["List Bullet"]  # as Writer does after a tracked deletion
    path = sent.with_name("restyled.docx")
    doc.save(str(path))
    seen: list[str] = []

    _, said = import_copy(
        qtbot,
        workspace,
        ashvale,
        path,
        monkeypatch,
        lambda dialog: seen.append(dialog.summary_label.text()),
    )

    assert "The heading “Insights from the balcony” is no longer styled as a heading" in seen[0]
    assert said == "Returned copy of version 1 recorded: no changes."


def test_a_tracked_change_says_it_was_tracked(
    qtbot: QtBot, workspace: Workspace, ashvale: DayRecord, sent: Path
) -> None:
    import dataclasses

    from ui.amendments.changes_model import HTML_ROLE, TRACKED

    amended = workspace.round_trip.read_amended(returned(sent, (BUDGET, BUDGET_NEW)), ashvale.key)
    (change,) = amended.changes
    tracked = dataclasses.replace(change, tracked=True)
    amended = dataclasses.replace(amended, changes=(tracked,))
    dialog = AmendmentsDialog(amended, {tracked: []}, "session note for Ashvale")
    qtbot.addWidget(dialog)

    untracked = AmendmentsDialog(
        dataclasses.replace(amended, changes=(change,)), {change: []}, "note"
    )
    qtbot.addWidget(untracked)

    assert TRACKED in row_saying(dialog, "finance").data(HTML_ROLE)
    assert TRACKED not in row_saying(untracked, "finance").data(HTML_ROLE)
