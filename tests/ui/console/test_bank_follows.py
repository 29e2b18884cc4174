"""The question bank in the running console: it follows the run and F7, credits a scale
answer to the presenting authority, and comes forward with Ctrl+B and Ctrl+F."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import StageKind
from facilitator.live.run_state import StageRun
from facilitator.records.exporting import RecordExports
from facilitator.workspace import Workspace
from tests.support.console import key, open_console
from ui.console.window import ConsoleWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SCALE_WORDS = "confident continued improvement"  # budget-02, a 0–10 scale question


@pytest.fixture
def console(qtbot: QtBot, workspace: Workspace, clock: FakeClock, tmp_path: Path) -> ConsoleWindow:
    return open_console(qtbot, workspace, clock, tmp_path, size=(1366, 768))


def ids(workspace: Workspace, console: ConsoleWindow) -> dict[str, int]:
    plan = workspace.planner.day_plan(console.day_id)
    return {p.name: p.authority_id for p in plan.participants}


def run_to_questioning(qtbot: QtBot, console: ConsoleWindow, presenter_id: int) -> StageRun:
    """F5 until the questioning of `presenter_id`'s session runs."""
    for _ in range(40):
        current = console.conductor.state(console.day_id).current
        if (
            current is not None
            and current.kind is StageKind.QUESTIONING
            and current.presenter_id == presenter_id
        ):
            return current
        key(qtbot, console, Qt.Key.Key_F5)
    raise AssertionError("the questioning never came")


def visible_ids(console: ConsoleWindow) -> list[str]:
    model = console.bank_panel.questions_model
    return [model.question_at(row).id for row in range(model.rowCount())]  # type: ignore[union-attr]


def search_bank(qtbot: QtBot, console: ConsoleWindow, words: str) -> None:
    """Ctrl+F from wherever the keys are, then the words, as the facilitator types them."""
    key(qtbot, console, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is console.bank_panel.search
    qtbot.keyClicks(console.bank_panel.search, words)


# 1. the bank follows the running session and F7 ----------------------------------------------


def test_after_f7_the_bank_asks_as_the_next_questioner_and_marks_asked_by_them(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    who = ids(workspace, console)
    stage = run_to_questioning(qtbot, console, who["Ashvale"])
    bank = console.bank_panel
    assert bank.session_id == stage.session_id
    assert bank.asking_authority() == who["Brackenmoor"]  # the lead reviewer first

    key(qtbot, console, Qt.Key.Key_F7)

    assert "Corriford" in console.turns.label.text()
    assert bank.asking_authority() == who["Corriford"]
    search_bank(qtbot, console, "signature strengths")
    qtbot.keyClick(bank.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is bank.results
    qtbot.keyClick(bank.results, Qt.Key.Key_Return)  # mark asked

    asked = workspace.questions.asked(stage.session_id or 0)
    assert [(a.question_id, a.authority_id) for a in asked] == [("strengths-01", who["Corriford"])]


def test_a_choice_in_the_bank_holds_until_the_next_f7_or_stage(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    who = ids(workspace, console)
    stage = run_to_questioning(qtbot, console, who["Ashvale"])
    bank = console.bank_panel
    corriford_session = next(s for s in bank.sessions if s.authority_id == who["Corriford"])

    bank.session_combo.setCurrentIndex(bank.sessions.index(corriford_session))  # on purpose
    key(qtbot, console, Qt.Key.Key_F6)  # pause: the run changes, the choice holds
    key(qtbot, console, Qt.Key.Key_F6)
    assert bank.session_id == corriford_session.session_id

    key(qtbot, console, Qt.Key.Key_F7)
    assert (bank.session_id, bank.asking_authority()) == (stage.session_id, who["Corriford"])

    bank.asking_combo.setCurrentIndex(bank.asking_combo.findData(who["Brackenmoor"]))
    key(qtbot, console, Qt.Key.Key_F6)
    assert bank.asking_authority() == who["Brackenmoor"]
    key(qtbot, console, Qt.Key.Key_F6)
    bank.session_combo.setCurrentIndex(bank.sessions.index(corriford_session))
    key(qtbot, console, Qt.Key.Key_F5)  # affirmation: a new stage, the bank follows again
    assert bank.session_id == stage.session_id


# 3. a scale answer is the presenting authority's own rating ----------------------------------


def test_a_scale_answer_in_brackenmoors_session_is_brackenmoors_rating(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace, tmp_path: Path
) -> None:
    who = ids(workspace, console)
    stage = run_to_questioning(qtbot, console, who["Brackenmoor"])
    session = stage.session_id or 0
    bank = console.bank_panel
    assert bank.session_id == session
    key(qtbot, console, Qt.Key.Key_F7)
    asker = bank.asking_authority()
    assert asker is not None
    assert asker != who["Brackenmoor"]

    search_bank(qtbot, console, SCALE_WORDS)
    qtbot.keyClick(bank.search, Qt.Key.Key_Down)
    assert bank.current_question() is not None
    assert bank.current_question().id == "budget-02"  # type: ignore[union-attr]
    bank.scale_spin.setFocus()
    bank.scale_spin.selectAll()
    qtbot.keyClicks(bank.scale_spin, "6")

    answers = workspace.questions.scale_answers(session)
    assert [(a.authority_id, a.value) for a in answers] == [(who["Brackenmoor"], 6)]
    assert answers[0].asked_by_authority_id == asker  # who asked, kept apart

    exports = RecordExports(workspace)
    record = next(
        r
        for r in exports.day_records(console.day_id)
        if r.session and r.session.session_id == session
    )
    path = tmp_path / "brackenmoor.docx"
    exports.export(record, path)
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    scores = next(text for text in paragraphs if text.startswith("Scores out of 10"))
    names = {authority_id: name for name, authority_id in who.items()}
    assert scores.startswith(f"Scores out of 10: Brackenmoor 6 (asked by {names[asker]})")
    assert "Ashvale 6" not in scores
    assert "Corriford 6" not in scores


# 7. the bank where you need it ----------------------------------------------------------------


def test_ctrl_f_brings_the_bank_from_behind_the_outcomes_tab_with_its_search_focused(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    bank = console.bank_panel
    console.outcomes_dock.raise_()  # as at 1366×768 when a stage brings Outcomes forward
    # A dock behind a tab is moved out of sight rather than hidden: nothing of it shows.
    qtbot.waitUntil(lambda: bank.search.visibleRegion().isEmpty())
    assert console.capture.line.hasFocus()

    key(qtbot, console, Qt.Key.Key_F, CTRL)

    assert console.bank_dock.isVisible()
    assert bank.search.isVisible()
    assert not bank.search.visibleRegion().isEmpty()
    assert QApplication.focusWidget() is bank.search
    qtbot.keyClicks(QApplication.focusWidget(), "budget")
    assert bank.search.text() == "budget"
    assert console.capture.line.text() == ""


def test_ctrl_b_brings_the_bank_forward_and_focuses_it_even_when_closed(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    bank = console.bank_panel
    console.outcomes_dock.raise_()
    qtbot.waitUntil(lambda: bank.results.visibleRegion().isEmpty())

    key(qtbot, console, Qt.Key.Key_B, CTRL)

    assert bank.results.isVisible()
    assert not bank.results.visibleRegion().isEmpty()
    assert QApplication.focusWidget() is bank.results
    key(qtbot, console, Qt.Key.Key_B, CTRL)  # again: it stays, it does not toggle away
    assert bank.results.isVisible()
    assert not bank.results.visibleRegion().isEmpty()

    console.bank_dock.close()
    console.capture.line.setFocus()
    key(qtbot, console, Qt.Key.Key_B, CTRL)
    assert console.bank_dock.isVisible()
    assert not bank.results.visibleRegion().isEmpty()
    assert QApplication.focusWidget() is bank.results


def test_a_search_finds_a_question_in_another_theme_than_the_one_selected(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    bank = console.bank_panel
    workforce = bank.themes_model.row_of("workforce")
    bank.themes_view.setCurrentIndex(bank.themes_model.index(workforce))  # browsing
    assert "budget-02" not in visible_ids(console)

    search_bank(qtbot, console, SCALE_WORDS)

    assert visible_ids(console) == ["budget-02"]
    assert bank.themes_view.currentIndex().row() == 0  # the list shows what is searched
    assert bank.themes_view.currentIndex().data() == "All themes"

    # Picking a theme during the search narrows it, on purpose.
    bank.themes_view.setCurrentIndex(bank.themes_model.index(workforce))
    assert visible_ids(console) == []
    qtbot.keyClicks(bank.search, "e")  # typing on keeps the theme picked
    assert bank.themes_view.currentIndex().row() == workforce
