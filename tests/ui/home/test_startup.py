from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from facilitator.demo import create_demo_day
from facilitator.storage.database import DataFileError, DataFileLockedError, DataFileTooNewError
from facilitator.workspace import Workspace
from ui import app
from ui.home.data_file_dialog import Choice


def test_a_bad_data_file_can_be_moved_aside_and_a_fresh_one_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "balcony.sqlite"
    path.write_bytes(b"definitely not sqlite")
    asked: list[DataFileError] = []

    def choose(error: DataFileError, parent: object = None) -> Choice:
        asked.append(error)
        return Choice.START_FRESH

    monkeypatch.setattr(app, "ask_what_to_do", choose)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)

    workspace = app.open_workspace_interactively(path)

    assert workspace is not None
    workspace.close()
    assert len(asked) == 1
    assert "not a Balcony data file" in asked[0].problem
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("balcony.sqlite.unusable-")]
    assert len(kept) == 1
    assert kept[0].read_bytes() == b"definitely not sqlite"


def test_quitting_at_a_bad_data_file_leaves_it_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "balcony.sqlite"
    path.write_bytes(b"definitely not sqlite")
    monkeypatch.setattr(app, "ask_what_to_do", lambda *a, **k: Choice.QUIT)
    assert app.open_workspace_interactively(path) is None
    assert path.read_bytes() == b"definitely not sqlite"
    assert [p.name for p in tmp_path.iterdir()] == ["balcony.sqlite"]


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


@pytest.mark.parametrize(
    ("error", "buttons"),
    [
        (
            DataFileError(Path("/x/b.sqlite"), "Broken.", "Fix it."),
            ["Open another file…", "Move it aside and start fresh", "Quit"],
        ),
        (
            DataFileLockedError(Path("/x/b.sqlite"), "Locked.", "Close it."),
            ["Open another file…", "Try again", "Quit"],
        ),
        (
            DataFileTooNewError(Path("/x/b.sqlite"), "Too new.", "Update."),
            ["Open another file…", "Quit"],
        ),
    ],
)
def test_the_data_file_dialog_offers_only_safe_choices(
    qtbot: object, error: DataFileError, buttons: list[str]
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.home.data_file_dialog import ask_what_to_do

    seen: list[list[str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append([b.text() for b in box.buttons()])
        assert "/x/b.sqlite" in box.informativeText()
        quit_button = next(b for b in box.buttons() if b.text() == "Quit")
        quit_button.click()

    QTimer.singleShot(0, answer)
    assert ask_what_to_do(error) is Choice.QUIT
    assert sorted(seen[0]) == sorted(buttons)


def test_balcony_run_opens_that_days_console(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # keep QSettings here
    path = tmp_path / "balcony.sqlite"
    workspace = Workspace.open(path)
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    workspace.close()
    shown: list[str] = []

    def look_instead_of_looping(_: QApplication) -> int:
        # The console opens once the home window has been painted and the file opened.
        qtbot.waitUntil(
            lambda: any(w.windowTitle().startswith("Balcony: ") for w in visible_windows())
        )
        opened = visible_windows()
        shown.extend(w.windowTitle() for w in opened)
        for window in opened:  # as quitting would: closed and gone before the data file
            window.close()
            window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return 0

    monkeypatch.setattr(QApplication, "exec", look_instead_of_looping)
    # The test's own application: restyling it would pull the style from under other widgets.
    monkeypatch.setattr(app, "ensure_application", QApplication.instance)

    assert app.run_app(path, day_id) == 0

    assert "Balcony: Triad on 18 January 2027" in shown


def test_balcony_run_with_no_such_day_says_so(
    qtbot: QtBot,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(app, "ensure_application", QApplication.instance)
    assert app.run_app(tmp_path / "balcony.sqlite", 99) == 1

    assert "there is no day 99" in capsys.readouterr().err
