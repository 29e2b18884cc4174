"""Fixing a saved bullet in the real console: its tag, person, stage and session, from the
keyboard and from its context menu, each one Ctrl+Z away from how it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from facilitator.capture.notes import NoteView
from facilitator.common.vocabulary import NoteTag, StageKind
from facilitator.workspace import Workspace
from tests.support.console import CTRL, CTRL_SHIFT, answered, pick_when_asked, press
from ui.capture.notes_view import HTML_ROLE
from ui.console.window import ConsoleWindow


def run_to(qtbot: QtBot, console: ConsoleWindow, kind: StageKind) -> None:
    """F5 from the start of the day to the first session's `kind` stage."""
    for _ in range(10):
        current = console.conductor.state(console.day_id).current
        if current is not None and current.kind is kind:
            return
        press(qtbot, Qt.Key.Key_F5)
    raise AssertionError(f"never reached {kind}")


def select_bullet(console: ConsoleWindow, row: int) -> NoteView:
    console.notes_view.setFocus()
    console.notes_view.setCurrentIndex(console.notes_model.index(row))
    assert console.notes_view.hasFocus()
    note = console.notes_model.note_at(row)
    assert note is not None
    return note


def stored(workspace: Workspace, note: NoteView) -> NoteView:
    for view in workspace.notebook.for_session(note.session_id or 0):
        if view.id == note.id:
            return view
    raise AssertionError("the bullet is not in its session any more")


def where(workspace: Workspace, note_id: int, stage_ids: list[int]) -> tuple[int, int] | None:
    for stage_id in stage_ids:
        for view in workspace.notebook.for_stage(stage_id):
            if view.id == note_id:
                return stage_id, view.position
    return None


def test_ctrl_t_changes_a_saved_bullet_s_tag_and_ctrl_z_changes_it_back(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    run_to(qtbot, console, StageKind.QUESTIONING)
    note = select_bullet(console, 1)  # Ashvale's answer, from the demo
    assert note.tag is NoteTag.NOTE

    seen = pick_when_asked("Insight")
    press(qtbot, Qt.Key.Key_T, CTRL)
    answered(qtbot, console, seen)

    assert seen == ["Change tag"]
    assert stored(workspace, note).tag is NoteTag.INSIGHT
    assert stored(workspace, note).text == note.text
    assert ">Insight<" in console.notes_model.index(1).data(HTML_ROLE)
    assert console.undo.undoText().startswith("Change tag of “Two interim")

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert stored(workspace, note).tag is NoteTag.NOTE
    assert ">Note<" in console.notes_model.index(1).data(HTML_ROLE)


def test_ctrl_shift_p_credits_a_bullet_to_nobody_or_another_authority_undoably(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    run_to(qtbot, console, StageKind.QUESTIONING)
    answer = select_bullet(console, 1)  # Ashvale's answer, from the demo
    participants = workspace.planner.day_plan(console.day_id).participants
    ashvale, brackenmoor = participants[0].authority_id, participants[1].authority_id
    assert answer.authority_id == ashvale

    seen = pick_when_asked("Brackenmoor")
    press(qtbot, Qt.Key.Key_P, CTRL_SHIFT)
    answered(qtbot, console, seen)
    assert seen == ["Change person"]
    assert stored(workspace, answer).authority_id == brackenmoor
    assert "— BM" in console.notes_model.index(1).data(HTML_ROLE)

    seen = pick_when_asked("Nobody in particular")
    press(qtbot, Qt.Key.Key_P, CTRL_SHIFT)
    answered(qtbot, console, seen)
    assert stored(workspace, answer).authority_id is None
    assert "—" not in console.notes_model.index(1).data(HTML_ROLE)

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert stored(workspace, answer).authority_id == brackenmoor
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert stored(workspace, answer).authority_id == ashvale
    assert "— AV" in console.notes_model.index(1).data(HTML_ROLE)


def test_ctrl_shift_m_moves_a_bullet_to_another_session_and_ctrl_z_puts_it_back(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    run_to(qtbot, console, StageKind.PRESENTATION)
    source = console.notes_model.stage_id or 0
    before = workspace.notebook.for_stage(source)
    plan = workspace.planner.day_plan(console.day_id)
    target = next(
        s.id
        for s in plan.stages
        if s.kind is StageKind.QUESTIONING and s.presenter == "Brackenmoor"
    )
    note = select_bullet(console, 0)

    seen = pick_when_asked("Session 2 (Brackenmoor) · Questioning")
    press(qtbot, Qt.Key.Key_M, CTRL_SHIFT)
    answered(qtbot, console, seen)

    assert seen == ["Move to stage"]
    assert where(workspace, note.id, [source, target]) == (target, 0)
    moved = workspace.notebook.for_stage(target)[0]
    assert moved.session_id != note.session_id
    assert moved.session_id == next(s.session_id for s in console.state.stages if s.id == target)
    assert note.id not in [n.id for n in workspace.notebook.for_session(note.session_id or 0)]
    assert [n.id for n in console.notes_model.notes] == [n.id for n in before[1:]]
    assert "Session 2 (Brackenmoor)" in console.statusBar().currentMessage()

    press(qtbot, Qt.Key.Key_Z, CTRL)

    assert workspace.notebook.for_stage(source) == [
        stored(workspace, note) if n.id == note.id else n for n in before
    ]
    assert stored(workspace, note).session_id == note.session_id
    assert workspace.notebook.for_stage(target) == []
    assert [n.id for n in console.notes_model.notes] == [n.id for n in before]


def test_moving_to_another_stage_of_the_same_session_keeps_its_session(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    run_to(qtbot, console, StageKind.QUESTIONING)
    note = select_bullet(console, 1)
    seen = pick_when_asked("Session 1 (Ashvale) · Reaction")
    press(qtbot, Qt.Key.Key_M, CTRL_SHIFT)
    answered(qtbot, console, seen)
    reaction = next(
        s.id
        for s in console.state.stages
        if s.kind is StageKind.REACTION and s.session_id == note.session_id
    )
    assert where(workspace, note.id, [reaction]) == (reaction, 0)
    assert stored(workspace, note).session_id == note.session_id
    assert console.notes_model.rowCount() == 1
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert where(workspace, note.id, [note.stage_id or 0]) == (note.stage_id, 1)


def test_the_context_menu_offers_every_fix_and_changes_the_tag(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    run_to(qtbot, console, StageKind.AFFIRMATION)
    select_bullet(console, 1)
    note = console.notes_model.note_at(0)  # right-clicked, so the menu acts on this one
    assert note is not None
    assert note.tag is NoteTag.STRENGTH

    spot = console.notes_view.visualRect(console.notes_model.index(0)).center()
    viewport = console.notes_view.viewport()
    right_click = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, spot, viewport.mapToGlobal(spot)
    )
    QApplication.sendEvent(viewport, right_click)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    for wanted in ("Change tag…", "Change person…", "Move to stage…", "Delete bullet"):
        assert wanted in texts

    seen = pick_when_asked("Best practice")
    menu.setActiveAction(next(a for a in menu.actions() if a.text() == "Change tag…"))
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    answered(qtbot, console, seen)
    assert seen == ["Change tag"]
    assert stored(workspace, note).tag is NoteTag.BEST_PRACTICE
    assert console.notes_view.currentIndex().row() == 0

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert stored(workspace, note).tag is NoteTag.STRENGTH


def test_the_keyboard_opens_the_bullet_menu_and_it_moves_a_bullet(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    run_to(qtbot, console, StageKind.AFFIRMATION)
    note = select_bullet(console, 1)
    press(qtbot, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)

    seen = pick_when_asked("The whole day · Plenary")
    menu.setActiveAction(next(a for a in menu.actions() if a.text() == "Move to stage…"))
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    answered(qtbot, console, seen)
    assert seen == ["Move to stage"]
    plenary = next(s.id for s in console.state.stages if s.kind is StageKind.PLENARY)
    assert where(workspace, note.id, [plenary]) == (plenary, 0)
    assert workspace.notebook.for_stage(plenary)[0].session_id is None

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert where(workspace, note.id, [note.stage_id or 0]) == (note.stage_id, 1)


def test_the_menu_key_opens_the_menu_for_the_selected_bullet(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    run_to(qtbot, console, StageKind.AFFIRMATION)
    note = select_bullet(console, 1)
    # What Qt sends the focused list for the Menu key: a context menu at a spot of its own
    # choosing (here the top of the list, over the first bullet), not at the selected one.
    spot = console.notes_view.visualRect(console.notes_model.index(0)).center()
    menu_key = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, spot, console.notes_view.mapToGlobal(spot)
    )
    QApplication.sendEvent(console.notes_view, menu_key)  # the focus widget gets it
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert console.notes_view.currentIndex().row() == 1

    seen = pick_when_asked("Nobody in particular")
    menu.setActiveAction(next(a for a in menu.actions() if a.text() == "Change person…"))
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    answered(qtbot, console, seen)
    assert seen == ["Change person"]
    assert note.authority_id is not None
    assert stored(workspace, note).authority_id is None
    assert workspace.notebook.for_stage(note.stage_id or 0)[0].authority_id is not None


def test_ctrl_shift_s_moves_a_bullet_to_the_same_stage_of_another_session(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    run_to(qtbot, console, StageKind.QUESTIONING)
    source = console.notes_model.stage_id or 0
    before = workspace.notebook.for_stage(source)
    note = select_bullet(console, 0)

    seen = pick_when_asked("Session 3 (Corriford)")
    press(qtbot, Qt.Key.Key_S, CTRL_SHIFT)
    answered(qtbot, console, seen)

    assert seen == ["Move to session"]
    corriford_questioning = next(
        s
        for s in console.state.stages
        if s.kind is StageKind.QUESTIONING and s.presenter == "Corriford"
    )
    moved = stored(workspace, workspace.notebook.for_stage(corriford_questioning.id)[-1])
    assert moved.id == note.id
    assert moved.session_id == corriford_questioning.session_id
    assert [n.id for n in console.notes_model.notes] == [n.id for n in before[1:]]

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert [n.id for n in workspace.notebook.for_stage(source)] == [n.id for n in before]
    assert stored(workspace, note).session_id == note.session_id
    assert console.undo.redoText().startswith("Move “")


def test_a_bullet_still_being_typed_is_not_fixed_from_the_list(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    run_to(qtbot, console, StageKind.REACTION)
    press(qtbot, Qt.Key.Key_L, CTRL)
    qtbot.keyClicks(console.capture.line, "Half a thought")
    qtbot.waitUntil(lambda: console.notes_model.draft_id is not None)  # saved as typed
    select_bullet(console, console.notes_model.rowCount() - 1)
    if console.notes_model.draft_id is None:
        pytest.skip("leaving the capture line keeps the bullet: nothing is half-typed")
    seen = pick_when_asked("Action")
    press(qtbot, Qt.Key.Key_T, CTRL)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["no chooser"]
    assert "still being typed" in console.statusBar().currentMessage()
    assert (
        workspace.notebook.for_stage(console.notes_model.stage_id or 0)[-1].tag
        is not NoteTag.ACTION
    )
