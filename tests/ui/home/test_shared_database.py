"""Two people on one shared PostgreSQL database: each sees the other's changes on refresh,
and neither overwrites the other's words without being told."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.demo import create_demo_day
from facilitator.storage.errors import ChangedElsewhereError
from facilitator.workspace import Workspace
from tests.support.backends import empty_server_database
from ui.capture.note_commands import EditNote
from ui.home.main_window import MainWindow


@pytest.fixture
def two_people() -> Iterator[tuple[Workspace, Workspace]]:
    address = empty_server_database()
    mine, theirs = Workspace.open(address, FakeClock()), Workspace.open(address, FakeClock())
    yield mine, theirs
    mine.close()
    theirs.close()


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


def test_an_edit_made_on_words_someone_else_changed_is_refused_and_theirs_kept(
    two_people: tuple[Workspace, Workspace],
) -> None:
    mine, theirs = two_people
    create_demo_day(mine.planner, mine.notebook)
    on_my_screen = mine.notebook.for_session(1)[0]
    theirs.notebook.edit(on_my_screen.id, text="Their words")

    edit = EditNote(
        mine.notebook,
        on_my_screen.id,
        (on_my_screen.text, on_my_screen.tag, on_my_screen.authority_id),
        ("My words", on_my_screen.tag, on_my_screen.authority_id),
        on_my_screen.row_version,
    )
    with pytest.raises(ChangedElsewhereError):
        edit.redo()
    assert theirs.notebook.get(on_my_screen.id).text == "Their words"

    # Undo and redo of an edit that went through change only what it wrote.
    fresh = mine.notebook.get(on_my_screen.id)
    edit = EditNote(
        mine.notebook,
        fresh.id,
        (fresh.text, fresh.tag, fresh.authority_id),
        ("My words", fresh.tag, fresh.authority_id),
        fresh.row_version,
    )
    edit.redo()
    edit.undo()
    edit.redo()
    assert theirs.notebook.get(fresh.id).text == "My words"
