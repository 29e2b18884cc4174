"""Typing is saved as it flows, a failed save is told and retried, and Escape can be undone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from facilitator.common.vocabulary import NoteTag, StageKind
from facilitator.workspace import Workspace
from tests.support.console import CTRL, press
from tests.ui.console.test_capture_rules import to_stage
from ui.capture.capture_bar import STEADY_SAVE_MS
from ui.console.window import ConsoleWindow

KEY_GAP_MS = 120  # a steady typist: never the 600 ms pause that used to be the only save


def stored_texts(workspace: Workspace, stage_id: int) -> list[str]:
    return [n.text for n in workspace.notebook.for_stage(stage_id)]


def test_steady_typing_is_stored_while_it_goes_on(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    stage_id = to_stage(qtbot, console, StageKind.REACTION)
    before = stored_texts(workspace, stage_id)
    words = "We recognise the drift in supervision and will act"
    console.capture.line.setFocus()
    for letter in words:
        qtbot.keyClicks(console.capture.line, letter)
        qtbot.wait(KEY_GAP_MS)
    # Still typing (no pause yet): what was typed a second ago is already stored.
    typed_ms = len(words) * KEY_GAP_MS
    assert typed_ms > 4 * STEADY_SAVE_MS
    (draft,) = [t for t in stored_texts(workspace, stage_id) if t not in before]
    assert words.startswith(draft)
    assert len(draft) >= len(words) - (STEADY_SAVE_MS + 300) // KEY_GAP_MS


def test_leaving_the_line_saves_at_once(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    stage_id = to_stage(qtbot, console, StageKind.REACTION)
    before = stored_texts(workspace, stage_id)
    qtbot.keyClicks(console.capture.line, "Said just before the click")
    console.notes_view.setFocus()  # no wait: the keyboard went elsewhere
    assert [t for t in stored_texts(workspace, stage_id) if t not in before] == [
        "Said just before the click"
    ]


def test_escape_drops_the_bullet_and_ctrl_z_brings_it_back(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    stage_id = to_stage(qtbot, console, StageKind.REACTION)
    before = stored_texts(workspace, stage_id)
    for words, pause in (("Saved, then dropped", True), ("Dropped before any save", False)):
        qtbot.keyClicks(console.capture.line, words)
        if pause:
            qtbot.waitUntil(lambda w=words: w in stored_texts(workspace, stage_id))
        press(qtbot, Qt.Key.Key_Escape)
        assert stored_texts(workspace, stage_id) == before
        assert console.capture.line.text() == ""
        press(qtbot, Qt.Key.Key_Z, CTRL)
        assert stored_texts(workspace, stage_id) == [*before, words]
        before = stored_texts(workspace, stage_id)


def limit_the_file(workspace: Workspace, pages: int | None) -> None:
    """A real SQLITE_FULL from SQLite itself: the file may grow no further (None: lifts it)."""
    with workspace.db.session_scope() as s:
        if pages is None:
            s.execute(text("PRAGMA max_page_count = 1073741823"))
        else:
            current = s.execute(text("PRAGMA page_count")).scalar_one()
            s.execute(text(f"PRAGMA max_page_count = {int(current) + pages}"))


def test_a_full_disk_keeps_the_words_on_screen_tells_why_and_saves_when_it_can(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    stage_id = to_stage(qtbot, console, StageKind.REACTION)
    before = stored_texts(workspace, stage_id)
    limit_the_file(workspace, 0)
    long_words = "A long answer about sufficiency " * 300  # needs new pages
    console.capture.line.setText(long_words)
    press(qtbot, Qt.Key.Key_Return)

    stages = console.stage_notes
    assert console.capture.line.text() == long_words  # kept, not cleared
    assert stages.fault.isVisible()
    assert "the disk is full" in stages.fault.text()
    assert stored_texts(workspace, stage_id) == before

    limit_the_file(workspace, None)  # space freed
    qtbot.waitUntil(lambda: not stages.fault.isVisible(), timeout=8000)
    assert [t for t in stored_texts(workspace, stage_id) if t not in before] == [long_words.strip()]
    assert "Saved again" in console.statusBar().currentMessage()
    press(qtbot, Qt.Key.Key_Return)  # now Enter keeps it, once
    assert console.capture.line.text() == ""
    assert stored_texts(workspace, stage_id) == [*before, long_words.strip()]
    assert QApplication.activeWindow() is console


def test_a_dropped_bullet_comes_back_as_it_was_typed_tag_and_all(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    stage_id = to_stage(qtbot, console, StageKind.QUESTIONING)
    qtbot.keyClicks(console.capture.line, "q: Who checks the data?")
    press(qtbot, Qt.Key.Key_Escape)  # before any save
    press(qtbot, Qt.Key.Key_Z, CTRL)
    back = workspace.notebook.for_stage(stage_id)[-1]
    assert (back.text, back.tag) == ("Who checks the data?", NoteTag.QUESTION)
    assert back.authority_id is not None  # the questioner, as shown before Escape
