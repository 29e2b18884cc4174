"""Two people on one shared PostgreSQL database: each sees the other's changes on refresh,
and neither overwrites the other's words without being told."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from facilitator.capture.notes import NoteView
from facilitator.demo import create_demo_day
from facilitator.storage.errors import ChangedElsewhereError
from facilitator.workspace import Workspace
from tests.support.backends import two_people
from ui.capture.note_commands import EditNote
from ui.home.main_window import MainWindow


def test_the_home_window_shows_anothers_new_day_on_refresh(
    qtbot: QtBot, two_people: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    mine, theirs = two_people
    first = create_demo_day(mine.planner, mine.notebook)
    window = MainWindow(mine, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert window.days_model.rowCount() == 1
    assert window.data_label.text() == mine.db.server.url if mine.db.server else False

    details = theirs.planner.details(first)
    theirs.planner.update_details(first, dataclasses.replace(details, venue="Hall B"))
    assert "Hall B" not in window.overview.details.text()
    window.select_day(first)
    assert window.menus.refresh.shortcut() == QKeySequence(QKeySequence.StandardKey.Refresh)
    assert window.menus.refresh.text() == "&Refresh"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.days_view, Qt.Key.Key_F5)

    assert window.selected_day_id() == first  # the selection stays put
    assert "Hall B" in window.overview.details.text()
    assert window.statusBar().currentMessage() == "Read again from the data."


def my_words_over(mine: Workspace, seen: NoteView) -> EditNote:
    """The edit of `seen`'s words to "My words", made on the version `seen` was read at."""
    old = (seen.text, seen.tag, seen.authority_id)
    new = ("My words", seen.tag, seen.authority_id)
    return EditNote(mine.notebook, seen.id, old, new, seen.row_version)


def test_an_edit_made_on_words_someone_else_changed_is_refused_and_theirs_kept(
    two_people: tuple[Workspace, Workspace],
) -> None:
    mine, theirs = two_people
    create_demo_day(mine.planner, mine.notebook)
    on_my_screen = mine.notebook.for_session(1)[0]
    theirs.notebook.edit(on_my_screen.id, text="Their words")

    edit = my_words_over(mine, on_my_screen)
    with pytest.raises(ChangedElsewhereError):
        edit.redo()
    assert theirs.notebook.get(on_my_screen.id).text == "Their words"

    # Undo and redo of an edit that went through change only what it wrote.
    fresh = mine.notebook.get(on_my_screen.id)
    edit = my_words_over(mine, fresh)
    edit.redo()
    edit.undo()
    edit.redo()
    assert theirs.notebook.get(fresh.id).text == "My words"


def test_a_refused_edit_of_a_bullet_is_not_left_on_the_undo_stack(
    two_people: tuple[Workspace, Workspace],
) -> None:
    from PySide6.QtGui import QUndoStack

    mine, theirs = two_people
    create_demo_day(mine.planner, mine.notebook)
    seen = mine.notebook.for_session(1)[0]
    theirs.notebook.edit(seen.id, text="Their words")
    stack = QUndoStack()
    edit = my_words_over(mine, seen)
    with pytest.raises(ChangedElsewhereError):
        stack.push(edit.done_now())
    assert stack.count() == 0
    assert theirs.notebook.get(seen.id).text == "Their words"


__all__ = ["two_people"]  # the fixture, from tests/support/backends.py
