"""File ▸ Restore a backup…: choose one by keyboard, confirm, and the home shows its data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.demo import create_demo_day
from facilitator.storage.backups import BEFORE_RESTORE, WHILE_RUNNING
from facilitator.workspace import Workspace
from ui.home.backups_dialog import EMPTY_TEXT, BackupsDialog, when_text
from ui.home.main_window import DAYS_PAGE, EMPTY_PAGE, MainWindow


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(
        tmp_path / "data" / "balcony.sqlite",
        FakeClock(dt.datetime(2026, 12, 1, 13, 5, tzinfo=dt.UTC)),
    )
    yield ws
    ws.close()


@pytest.fixture
def window(qtbot: QtBot, opened: Workspace, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(opened, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def test_when_is_said_in_local_time() -> None:
    when = dt.datetime(2026, 12, 1, 13, 5).astimezone()  # local, whatever the zone
    assert when_text(when) == "Tuesday 1 December 2026, 13.05"


def test_no_backups_says_when_they_are_taken(qtbot: QtBot, opened: Workspace) -> None:
    assert opened.backups is not None
    dialog = BackupsDialog(opened.backups)
    qtbot.addWidget(dialog)

    assert dialog.pages.currentWidget() is dialog.empty_label
    assert dialog.empty_label.text() == EMPTY_TEXT
    assert not dialog.restore_button.isEnabled()


def test_a_backup_chosen_by_keyboard_is_restored_and_shown(
    qtbot: QtBot, window: MainWindow, opened: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    backups, clock = opened.backups, opened.clock
    assert backups is not None
    assert isinstance(clock, FakeClock)
    backups.take(WHILE_RUNNING)  # the empty file
    clock.advance(minutes=5)
    window.open_demo_day()
    backups.take(WHILE_RUNNING)  # the demo day, before the change below
    clock.advance(minutes=5)
    create_demo_day(opened.planner, opened.notebook, opened.outcome_route)
    assert window.days_model.rowCount() == 2

    asked: list[str] = []

    def answer_yes(_parent: QWidget, _title: str, text: str, *_: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    shown: list[list[str]] = []

    def choose_the_oldest() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, BackupsDialog)
        model = dialog.model
        shown.append([model.item(row, 1).text() for row in range(model.rowCount())])
        qtbot.keyClick(dialog.view, Qt.Key.Key_Down)  # newest first: down to the oldest
        qtbot.keyClick(dialog.view, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose_the_oldest)
    window.menus.restore_backup.trigger()

    assert shown == [["While running", "While running"]]
    assert asked == [
        "Replace the current data with the backup of Tuesday 1 December 2026, "
        f"{dt.datetime(2026, 12, 1, 13, 5, tzinfo=dt.UTC).astimezone():%H.%M}? "
        "The current data is kept as a backup first."
    ]
    # The oldest backup held no days at all: the home says so.
    assert window.days_model.rowCount() == 0
    assert window.pages.currentIndex() == EMPTY_PAGE
    assert next(x.reason for x in backups.list()) == BEFORE_RESTORE
    assert backups.list()[0].days == 2


def test_cancelling_the_question_changes_nothing(
    qtbot: QtBot, window: MainWindow, opened: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert opened.backups is not None
    opened.backups.take(WHILE_RUNNING)
    window.open_demo_day()
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Cancel)
    dialog = BackupsDialog(opened.backups, window)
    qtbot.addWidget(dialog)

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert dialog.restored is None
    assert window.days_model.rowCount() == 1
    assert window.pages.currentIndex() == DAYS_PAGE
    assert len(opened.backups.list()) == 1


def test_a_running_day_is_backed_up_every_five_minutes(
    window: MainWindow, opened: Workspace
) -> None:
    backups, clock = opened.backups, opened.clock
    assert backups is not None
    assert isinstance(clock, FakeClock)
    assert window.backup_timer.tick() is None  # no day running
    window.open_demo_day()
    day_id = window.selected_day_id()
    assert day_id is not None
    opened.conductor.start_day(day_id)  # the "day started" backup
    assert window.backup_timer.tick() is None  # not yet due

    clock.advance(minutes=5)
    taken = window.backup_timer.tick()

    assert taken is not None
    assert taken.reason == WHILE_RUNNING
    assert window.backup_timer.timer.isActive()


def test_a_window_in_memory_offers_no_restore(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    win = MainWindow(workspace, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert not win.menus.restore_backup.isEnabled()
    assert not win.backup_timer.timer.isActive()
