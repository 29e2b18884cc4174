"""The choices offered when another Balcony window is the data file's writer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.demo import create_demo_day
from facilitator.storage.database import (
    DataFileError,
    DataFileInUseError,
    DataFileReadOnlyError,
    DataServerError,
    open_database,
)
from facilitator.storage.location import ServerAddress
from ui.home.data_file_dialog import Choice, ask_what_to_do, open_read_only


def _answer_with(button_text: str, seen: list[QMessageBox]) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box)
        named = [b for b in box.buttons() if b.text() == button_text]
        # A missing button must fail the test, not leave the dialog waiting for ever.
        (named[0] if named else box.buttons()[-1]).click()

    QTimer.singleShot(0, answer)


@pytest.mark.parametrize(
    ("button", "choice"),
    [
        ("Open read-only", Choice.OPEN_READ_ONLY),
        ("Open another file…", Choice.OPEN_ANOTHER),
        ("Quit", Choice.QUIT),
    ],
)
def test_a_file_in_use_offers_read_only_another_file_or_quit(
    qtbot: object, button: str, choice: Choice
) -> None:
    error = DataFileInUseError(Path("/x/b.sqlite"), 4321)
    seen: list[QMessageBox] = []
    _answer_with(button, seen)

    assert ask_what_to_do(error) is choice

    box = seen[0]
    assert sorted(b.text() for b in box.buttons()) == sorted(
        ["Open read-only", "Open another file…", "Quit"]
    )
    assert "another Balcony window (process 4321)" in box.text()
    assert "Balcony process 4321" in box.informativeText()


def test_a_read_only_file_offers_to_open_it_read_only(qtbot: object) -> None:
    error = DataFileReadOnlyError(Path("/x/b.sqlite"), "Read-only.", "Make it writable.")
    seen: list[QMessageBox] = []
    _answer_with("Quit", seen)
    ask_what_to_do(error)
    assert "Open read-only" in [b.text() for b in seen[0].buttons()]
    assert "Move it aside and start fresh" not in [b.text() for b in seen[0].buttons()]


def test_opening_read_only_reads_the_file_while_its_writer_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    writer = open_database(path)
    try:
        workspace = open_read_only(path)
        try:
            assert workspace.db.read_only
            with pytest.raises(DataFileError, match="open read-only"):
                create_demo_day(workspace.planner, workspace.notebook)
        finally:
            workspace.close()
    finally:
        writer.close()


def test_a_server_that_cannot_be_reached_offers_to_try_again_never_to_move_it(
    qtbot: object,
) -> None:
    address = ServerAddress.parse("postgresql://ana@db.region.example/balcony")
    error = DataServerError(address, "Balcony could not reach the database server.", "Check.")
    seen: list[QMessageBox] = []
    _answer_with("Try again", seen)

    assert ask_what_to_do(error) is Choice.TRY_AGAIN

    box = seen[0]
    assert box.windowTitle() == "Balcony cannot open the shared database"
    assert sorted(b.text() for b in box.buttons()) == sorted(
        ["Open a data file instead…", "Try again", "Quit"]
    )
    assert box.informativeText().startswith("Database: postgresql://ana@db.region.example/")
