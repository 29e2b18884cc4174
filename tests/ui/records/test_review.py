"""Review the record, driven by keys from the real console: what to check, fixed in place."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import ExchangeScope, StageKind
from facilitator.records.review import Check
from facilitator.workspace import Workspace
from tests.support.console import CTRL, CTRL_SHIFT, answered, pick_when_asked, press
from ui.console.window import ConsoleWindow
from ui.records.review import ReviewDialog


def stage_of(console: ConsoleWindow, presenter: str, kind: StageKind) -> int:
    return next(s.id for s in console.state.stages if (s.presenter, s.kind) == (presenter, kind))


def open_review(qtbot: QtBot, console: ConsoleWindow) -> ReviewDialog:
    press(qtbot, Qt.Key.Key_V, CTRL_SHIFT)
    dialog = console.review_dialog
    assert isinstance(dialog, ReviewDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def selected_checks(dialog: ReviewDialog) -> list[Check]:
    line = dialog.model.line_at(dialog.view.currentIndex().row())
    assert line is not None
    return [f.check for f in line.flags]


def test_f8_walks_the_checks_and_each_fix_clears_its_own(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    ashvale = next(s.session_id for s in console.state.stages if s.presenter == "Ashvale")
    assert ashvale is not None
    reaction = stage_of(console, "Ashvale", StageKind.REACTION)
    presenting = workspace.session_facts.get(ashvale).authority_id
    workspace.notebook.add(reaction, "We had not seen the drift in supervision")  # nobody
    workspace.notebook.add(
        reaction, "Caseloads in the south are too high.", authority_id=presenting
    )
    workspace.notebook.add(
        reaction, "caseloads in the South are too high", authority_id=presenting
    )  # said twice

    dialog = open_review(qtbot, console)
    assert dialog.session_box.currentText() == "Session 1: Ashvale"
    # the three above, and the demo's ask and offer: bilateral, with nobody named
    assert dialog.summary.text() == "Ashvale’s note. 4 things to check before export."
    assert dialog.view.hasFocus()
    # the first in the note's order: the reaction comes before the asks and offers
    assert "We had not seen" in str(dialog.view.currentIndex().data())
    assert selected_checks(dialog) == [Check.NO_PERSON]
    seen = pick_when_asked("Ashvale")
    press(qtbot, Qt.Key.Key_P, CTRL_SHIFT)
    answered(qtbot, dialog, seen)
    qtbot.waitUntil(lambda: "3 things" in dialog.summary.text())

    press(qtbot, Qt.Key.Key_F8)
    assert selected_checks(dialog) == [Check.REPEAT]
    press(qtbot, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: "2 things" in dialog.summary.text())
    texts = [n.text for n in workspace.notebook.for_stage(reaction)]
    assert texts.count("Caseloads in the south are too high.") == 1
    assert "caseloads in the South are too high" not in texts

    press(qtbot, Qt.Key.Key_F8)
    assert selected_checks(dialog) == [Check.NO_SCOPE]
    seen = pick_when_asked("Multilateral")
    press(qtbot, Qt.Key.Key_O, CTRL_SHIFT)
    answered(qtbot, dialog, seen)
    ask = workspace.exchanges.for_session(ashvale)[0]
    assert ask.scope is ExchangeScope.MULTILATERAL
    qtbot.waitUntil(lambda: "1 thing " in dialog.summary.text())
    assert dialog.status.text() == "Cleared. F8 goes to the next thing to check."

    press(qtbot, Qt.Key.Key_Z, CTRL)  # the console's own undo, from the review
    qtbot.waitUntil(lambda: "2 things" in dialog.summary.text())
    assert workspace.exchanges.for_session(ashvale)[0].scope is ExchangeScope.BILATERAL
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: "3 things" in dialog.summary.text())
    press(qtbot, Qt.Key.Key_Return)  # Enter in the list closes nothing, exports nothing
    assert dialog.isVisible()
    assert "caseloads in the South are too high" in [
        n.text for n in workspace.notebook.for_stage(reaction)
    ]


def test_ctrl_t_in_the_review_retags_and_the_note_moves_it_under_its_heading(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    ashvale = next(s.session_id for s in console.state.stages if s.presenter == "Ashvale")
    assert ashvale is not None
    reaction = stage_of(console, "Ashvale", StageKind.REACTION)
    presenting = workspace.session_facts.get(ashvale).authority_id
    workspace.notebook.add(reaction, "Audit the front door by June", authority_id=presenting)

    dialog = open_review(qtbot, console)
    row = next(
        r
        for r in range(dialog.model.rowCount())
        if "Audit the front door" in str(dialog.model.index(r).data())
    )
    dialog.view.setCurrentIndex(dialog.model.index(row))
    seen = pick_when_asked("Action")
    press(qtbot, Qt.Key.Key_T, CTRL)
    answered(qtbot, dialog, seen)

    assert "Audit the front door by June" in [
        a.text for a in workspace.actions.for_session(ashvale)
    ]
    qtbot.waitUntil(
        lambda: any(
            s.heading == "Actions" and any("Audit the front door" in line.text for line in s.lines)
            for s in (dialog.review.sections if dialog.review else ())
        )
    )


def test_the_last_f5_offers_the_review_and_it_opens_at_the_first_session(
    qtbot: QtBot, console: ConsoleWindow, clock: FakeClock
) -> None:
    offered: list[str] = []

    def answer_when_asked() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            offered.append(box.windowTitle())
            QTest.keyClick(box, Qt.Key.Key_Return)  # the default: review
        else:
            QTimer.singleShot(20, answer_when_asked)

    for _ in range(60):
        if console.state.status.value == "finished":
            break
        if console.state.next is None and console.state.current is not None:
            QTimer.singleShot(0, answer_when_asked)
        clock.advance(minutes=5)
        press(qtbot, Qt.Key.Key_F5)
    assert offered == ["The day has ended"]
    dialog = console.review_dialog
    assert isinstance(dialog, ReviewDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.session_box.count() == 3
