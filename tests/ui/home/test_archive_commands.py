"""File ▸ Export to an archive… and Import an archive…: a day out of one window, into another,
and a day that is there already settled by the user's choice, never merged."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.demo import create_demo_day
from facilitator.workspace import Workspace
from ui.home.archive_commands import THIS_DAY
from ui.home.main_window import MainWindow


def home(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / f"{id(workspace)}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def click_when_shown(button_text: str, seen: list[str]) -> None:
    """Clicks the button of the message box that is about to open, noting its words."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(f"{box.text()}\n{box.informativeText()}")
        for button in box.findChildren(QPushButton):
            if button.text() == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(0, click)


@pytest.fixture
def archive(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo day exported through the menu from a window of its own."""
    laptop = Workspace.in_memory(FakeClock())
    day_id = create_demo_day(laptop.planner, laptop.notebook)
    window = home(qtbot, laptop, tmp_path)
    window.select_day(day_id)
    target = tmp_path / "day.balcony"
    asked: list[list[str]] = []

    def pick(_parent: object, _title: str, _label: str, items: list[str], *_: object) -> object:
        asked.append(items)
        return THIS_DAY, True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.menus.archive_export.trigger()

    assert asked == [
        [
            "The day chosen",
            "Every day of its cycle",
            "Everything: every day, the pool and the reviews",
        ]
    ]
    assert target.is_file()
    assert window.statusBar().currentMessage().startswith("1 day archived to")
    window.close()
    laptop.close()
    return target


def test_an_archive_comes_in_and_a_second_time_asks_which_copy_to_keep(
    qtbot: QtBot, archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    region = Workspace.in_memory(FakeClock())
    window = home(qtbot, region, tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(archive), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))

    window.menus.archive_import.trigger()
    assert window.days_model.rowCount() == 1  # the window reads its days again
    assert told[-1].startswith("1 day imported (18 January 2027: Ashvale")

    seen: list[str] = []
    click_when_shown("Cancel", seen)
    window.menus.archive_import.trigger()
    assert "This day is here already." in seen[0]
    assert "Monday 18 January 2027 — Ashvale, Brackenmoor and Corriford" in seen[0]
    assert window.days_model.rowCount() == 1  # cancelled: nothing changed
    assert len(told) == 1

    click_when_shown("Keep both", seen)
    window.menus.archive_import.trigger()
    assert window.days_model.rowCount() == 2
    assert "1 day added beside the copy already here" in told[-1]
    window.close()
    region.close()


def test_a_file_that_is_not_an_archive_is_named_with_its_fix(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = Workspace.in_memory(FakeClock())
    window = home(qtbot, workspace, tmp_path)
    wrong = tmp_path / "notes.txt"
    wrong.write_text("not an archive", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(wrong), ""))
    seen: list[str] = []
    click_when_shown("OK", seen)
    window.menus.archive_import.trigger()
    assert "notes.txt" in seen[0]
    assert window.days_model.rowCount() == 0
    window.close()
    workspace.close()
