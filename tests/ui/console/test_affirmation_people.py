"""In the affirmation each visiting member names a strength: the "Who" box offers the day's
people, the visiting members one Down arrow away, and the bullet and its record name the
person chosen; Ctrl+Shift+P credits a saved bullet to a person, and Ctrl+Z puts it back."""

from __future__ import annotations

from pathlib import Path

import docx
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator.capture.introductions import PersonOfDay
from facilitator.common.vocabulary import NoteTag, StageKind
from facilitator.records.exporting import RecordExports
from facilitator.workspace import Workspace
from tests.ui.capture.test_fix_in_place import (
    CTRL,
    CTRL_SHIFT,
    answered,
    pick_when_asked,
    press,
    select_bullet,
)
from tests.ui.console.test_capture_rules import enter, last_note, shown, to_stage, type_line
from ui.capture.notes_view import HTML_ROLE
from ui.console.window import ConsoleWindow

STRENGTH = "Leaders who know their front line"


def person(workspace: Workspace, console: ConsoleWindow, name: str) -> PersonOfDay:
    return next(p for p in workspace.introductions.people_of_day(console.day_id) if p.name == name)


def who_down(qtbot: QtBot, console: ConsoleWindow, times: int = 1) -> str:
    """Down the "Who" box from the keyboard, as the facilitator would; what it shows then."""
    who = console.capture.who_combo
    who.setFocus()
    assert who.hasFocus()
    for _ in range(times):
        qtbot.keyClick(who, Qt.Key.Key_Down)
    return who.currentText()


def test_a_visiting_member_picked_by_keyboard_is_stored_and_named_in_the_record(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace, tmp_path: Path
) -> None:
    affirmation = to_stage(qtbot, console, StageKind.AFFIRMATION)  # Ashvale presents
    who = console.capture.who_combo
    assert who.currentText() == "Choose the visiting member…"
    offered = [who.itemText(i) for i in range(who.count())]
    assert "Tom Hallworth (Brackenmoor)" in offered
    assert "Grace Adeyemi-Lowe (Corriford)" in offered
    assert not [text for text in offered if text.endswith("(Ashvale)")]  # not visitors
    assert who_down(qtbot, console) == "Tom Hallworth (Brackenmoor)"  # the first visitor

    type_line(qtbot, console, STRENGTH)
    assert shown(console) == ("Strength", "Tom Hallworth (Brackenmoor)")
    enter(qtbot, console)

    tom = person(workspace, console, "Tom Hallworth")
    note = last_note(workspace, affirmation)
    assert (note.text, note.tag) == (STRENGTH, NoteTag.STRENGTH)
    assert (note.person_id, note.authority_id) == (tom.person_id, tom.authority_id)
    row = console.notes_model.rowCount() - 1
    assert "— Tom Hallworth, BM" in console.notes_model.index(row).data(HTML_ROLE)

    session_id = next(s.session_id for s in console.state.stages if s.id == affirmation)
    exports = RecordExports(workspace)
    (record,) = [
        r
        for r in exports.day_records(console.day_id)
        if r.session and r.session.session_id == session_id
    ]
    path = tmp_path / "note.docx"
    exports.export(record, path)
    lines = [p.text for p in docx.Document(str(path)).paragraphs if STRENGTH in p.text]
    assert len(lines) == 1
    assert "named by Tom Hallworth" in lines[0]


def test_the_draft_saved_in_a_pause_carries_the_person_and_enter_keeps_the_last_chosen(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    affirmation = to_stage(qtbot, console, StageKind.AFFIRMATION)
    tom = person(workspace, console, "Tom Hallworth")
    aisha = person(workspace, console, "Aisha Karim")
    assert who_down(qtbot, console) == "Tom Hallworth (Brackenmoor)"
    type_line(qtbot, console, STRENGTH)
    qtbot.waitUntil(lambda: last_note(workspace, affirmation).text == STRENGTH)  # the draft
    assert last_note(workspace, affirmation).person_id == tom.person_id

    assert who_down(qtbot, console) == "Aisha Karim (Brackenmoor)"  # no: it was Aisha
    qtbot.keyClick(console, Qt.Key.Key_L, CTRL)
    assert shown(console) == ("Strength", "Aisha Karim (Brackenmoor)")
    enter(qtbot, console)
    note = last_note(workspace, affirmation)
    assert note.text == STRENGTH
    assert (note.person_id, note.authority_id) == (aisha.person_id, aisha.authority_id)
    texts = [n.text for n in workspace.notebook.for_stage(affirmation)]
    assert texts.count(STRENGTH) == 1


def test_ctrl_shift_p_credits_a_bullet_to_a_person_and_ctrl_z_restores_who_it_was(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    affirmation = to_stage(qtbot, console, StageKind.AFFIRMATION)
    type_line(qtbot, console, STRENGTH)
    enter(qtbot, console)  # credited to nobody yet
    tom = person(workspace, console, "Tom Hallworth")
    grace = person(workspace, console, "Grace Adeyemi-Lowe")
    row = console.notes_model.rowCount() - 1
    note = select_bullet(console, row)
    assert (note.text, note.authority_id, note.person_id) == (STRENGTH, None, None)

    def credited() -> tuple[int | None, int | None]:
        saved = last_note(workspace, affirmation)
        assert saved.id == note.id
        return saved.authority_id, saved.person_id

    for who in (tom, grace):
        seen = pick_when_asked(f"{who.name} ({who.authority_name})")
        press(qtbot, Qt.Key.Key_P, CTRL_SHIFT)
        answered(qtbot, console, seen)
        assert seen == ["Change person"]
        assert credited() == (who.authority_id, who.person_id)
    assert "— Grace Adeyemi-Lowe, CF" in console.notes_model.index(row).data(HTML_ROLE)

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert credited() == (tom.authority_id, tom.person_id)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert credited() == (None, None)

    seen = pick_when_asked("Corriford")  # the authority alone: nobody in particular in it
    console.undo.redo()
    assert credited() == (tom.authority_id, tom.person_id)
    press(qtbot, Qt.Key.Key_P, CTRL_SHIFT)
    answered(qtbot, console, seen)
    assert credited() == (grace.authority_id, None)
