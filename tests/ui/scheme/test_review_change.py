"""A review's dates and lines of enquiry changed in the scheme window (Ctrl+Shift+E): typed
into the dialog, refused with the reason and the typing kept, undone with Ctrl+Z."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from facilitator.workspace import Workspace
from tests.ui.scheme.conftest import Coordinator, press
from tests.ui.scheme.test_reviews_tab import import_pctr
from ui.scheme.review_change import ReviewChangeDialog
from ui.scheme.window import SchemeWindow

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
DERBY = 5  # row of seed 001's Derby PCTR, "Jun-Aug 2016", lines of enquiry "tba"


def when_open(qtbot: QtBot, fill: Callable[[ReviewChangeDialog], None]) -> list[str]:
    """Runs `fill` on the change dialog once it is open; what it showed as refused."""
    shown: list[str] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ReviewChangeDialog)
        fill(dialog)
        if dialog.isVisible():  # refused: note why, then give up
            shown.append(dialog.problem.text())
            dialog.reject()

    QTimer.singleShot(0, act)
    return shown


def save(qtbot: QtBot, dialog: ReviewChangeDialog) -> None:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def derby(qtbot: QtBot, window: SchemeWindow, coordinator: Coordinator) -> int:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # its shortcuts reach it only once it is active
    import_pctr(qtbot, window, coordinator)
    window.reviews_tab.table.selectRow(DERBY)
    review = window.reviews_tab.selected()
    assert review is not None
    assert review.host == "Derby"
    window.reviews_tab.table.setFocus()
    return review.id


def test_dates_and_lines_of_enquiry_are_typed_in_and_undone(
    qtbot: QtBot, window: SchemeWindow, workspace: Workspace, derby: int
) -> None:
    def fill(dialog: ReviewChangeDialog) -> None:
        dialog.dates.selectAll()
        qtbot.keyClicks(dialog.dates, "14-16 Jun 2016")
        dialog.kloe.selectAll()
        qtbot.keyClicks(dialog.kloe, "Early help and the front door")
        save(qtbot, dialog)

    refused = when_open(qtbot, fill)
    press(qtbot, window, Qt.Key.Key_E, CTRL | SHIFT)

    assert refused == []
    changed = workspace.reviews.get(derby)
    assert changed.draft.dates.words == "14-16 Jun 2016"
    assert changed.draft.kloe == "Early help and the front door"
    assert "Early help and the front door" in window.reviews_tab.details.text()

    window.activateWindow()  # back from the dialog, as the window manager would
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    back = workspace.reviews.get(derby)
    assert (back.draft.dates.words, back.draft.kloe) == ("Jun-Aug 2016", "tba")
    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert workspace.reviews.get(derby) == changed


def test_words_that_are_no_date_are_refused_and_the_typing_kept(
    qtbot: QtBot, window: SchemeWindow, workspace: Workspace, derby: int
) -> None:
    before = workspace.reviews.get(derby)
    kept: list[str] = []

    def fill(dialog: ReviewChangeDialog) -> None:
        dialog.dates.selectAll()
        qtbot.keyClicks(dialog.dates, "next summer")
        save(qtbot, dialog)
        kept.append(dialog.dates.text())

    refused = when_open(qtbot, fill)
    window.change_review_action.trigger()

    assert refused
    assert "“next summer” is not a date Balcony can read" in refused[0]
    assert kept == ["next summer"]
    assert workspace.reviews.get(derby) == before
    assert window.undo_stack.count() == 0
