"""The home window on screen in a blink: the days from a glance first, the data file opened
in full once it is painted, and only what the first screen needs imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.demo import create_demo_day
from facilitator.storage.errors import DataFileError, DataFileInUseError
from facilitator.storage.single_writer import claim
from facilitator.workspace import Workspace
from ui import app
from ui.home.data_file_dialog import Choice
from ui.home.main_window import DAYS_PAGE

ROOT = Path(__file__).resolve().parents[3]
# Each must load only when first used: none is needed to show the home window.
LATER = ("docx", "pyqtgraph", "facilitator.word", "facilitator.records", "facilitator.amendments")
# Nor, for its first paint, the storage library: the days come from a glance.
LATER_THAN_THE_FIRST_PAINT = (*LATER, "sqlmodel", "sqlalchemy", "facilitator.workspace")

PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from ui.app import ensure_application, start_app

def loaded(names):
    return sorted(n for n in names if any(m == n or m.startswith(n + ".") for m in sys.modules))

class FirstPaint(QObject):
    seen = None
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.seen is None:
            self.seen = loaded(sys.argv[2].split(","))
        return False

app = ensure_application()
window = start_app(Path(sys.argv[1]), None, QSettings(sys.argv[4], QSettings.Format.IniFormat))
probe = FirstPaint()
window.first_painted().installEventFilter(probe)

def report():
    rows = window.days_model.rowCount()
    print(json.dumps({"first_paint": probe.seen, "attached": loaded(sys.argv[3].split(",")),
                      "rows": rows, "title": window.overview.title.text()}))
    app.quit()

window.attached.connect(lambda: QTimer.singleShot(0, report))
app.exec()
window.workspace.close()
"""


def demo_file(folder: Path) -> Path:
    path = folder / "balcony.sqlite"
    workspace = Workspace.open(path, FakeClock())
    create_demo_day(workspace.planner, workspace.notebook)
    workspace.close()
    return path


@pytest.mark.slow
def test_the_first_paint_and_the_open_window_import_only_what_they_need(tmp_path: Path) -> None:
    path = demo_file(tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            PROBE,
            str(path),
            ",".join(LATER_THAN_THE_FIRST_PAINT),
            ",".join(LATER),
            str(tmp_path / "settings.ini"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])

    assert report["first_paint"] == []
    assert report["attached"] == []
    assert report["rows"] == 1
    assert report["title"] == "Triad on Monday 18 January 2027"  # the full plan, read in full


def test_the_days_show_before_the_file_is_opened_and_stay_when_it_is(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = demo_file(tmp_path)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)

    window = app.start_app(path, None, settings)

    assert window is not None
    qtbot.addWidget(window)
    assert not window.is_attached
    assert window.pages.currentIndex() == DAYS_PAGE
    authorities = window.days_model.index(0, 2)
    assert window.days_model.data(authorities) == "Ashvale, Brackenmoor, Corriford"
    assert window.statusBar().currentMessage() == "Opening the data file…"
    assert window.due_dock.widget().objectName() == "secondaryText"  # "Reading what is due…"

    with qtbot.waitSignal(window.attached, timeout=10_000):
        pass
    assert window.selected_day_id() == window.days_model.day_at(0).id
    assert window.overview.title.text() == "Triad on Monday 18 January 2027"
    assert window.statusBar().currentMessage() == "1 day"
    assert window.due_dock.widget() is window.due_panel
    bank_commands = [a.text() for a in window.menus.bank_menu.actions()]
    assert bank_commands[:2] == ["Go to the question bank", "Find in question bank"]
    window.menus.demo.trigger()  # a command of the open file: selects the demo day again
    assert window.days_model.rowCount() == 1
    window.workspace.close()


def test_a_file_that_cannot_be_opened_after_the_glance_asks_and_quits_cleanly(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = demo_file(tmp_path)
    held = claim(path)  # another Balcony is its writer, though it left no journal yet
    asked: list[DataFileError] = []

    def quit_at(error: DataFileError, parent: object = None) -> Choice:
        asked.append(error)
        return Choice.QUIT

    monkeypatch.setattr(app, "ask_what_to_do", quit_at)
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(exits.append))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    try:
        window = app.start_app(path, None, settings)
        assert window is not None
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: exits == [1], timeout=10_000)
    finally:
        held.release()

    assert [type(e) for e in asked] == [DataFileInUseError]
    assert not window.isVisible()
    assert not window.is_attached


def test_balcony_run_with_a_day_the_glance_does_not_know_says_so(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo_file(tmp_path)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)

    assert app.start_app(path, 42, settings) is None

    assert "there is no day 42" in capsys.readouterr().err
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_a_click_between_the_first_paint_and_the_opening_is_dropped(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Painted but not yet open, the window has no data file to act on: a press in that
    moment is dropped rather than failing."""
    path = demo_file(tmp_path)
    held_back: list[tuple[object, ...]] = []
    finish_opening = app._finish_opening
    monkeypatch.setattr(app, "_finish_opening", lambda *args: held_back.append(args))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)

    window = app.start_app(path, None, settings)

    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(held_back) == 1)  # painted: the opening would start now
    qtbot.mouseClick(window.overview.plan_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.empty_state.demo_button, Qt.MouseButton.LeftButton)
    assert not window.is_attached
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]

    finish_opening(*held_back[0])  # the opening goes on; input is acted on again

    assert window.is_attached
    assert window.overview.title.text() == "Triad on Monday 18 January 2027"
    window.workspace.close()
