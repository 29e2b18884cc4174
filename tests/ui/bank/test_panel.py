from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from facilitator.demo import create_demo_day
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.workspace import Workspace
from ui.bank.models import HTML_ROLE
from ui.bank.panel import NO_ANSWER, QuestionBankPanel


@pytest.fixture
def panel(qtbot: QtBot, workspace: Workspace) -> QuestionBankPanel:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    widget = QuestionBankPanel(workspace.bank, workspace.questions, workspace.planner, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    widget.set_day(day_id)
    return widget


def visible_ids(panel: QuestionBankPanel) -> list[str]:
    model = panel.questions_model
    return [model.question_at(row).id for row in range(model.rowCount())]  # type: ignore[union-attr]


def test_typing_a_search_narrows_and_highlights_as_you_type(
    qtbot: QtBot, panel: QuestionBankPanel
) -> None:
    everything = panel.questions_model.rowCount()
    assert everything == 56

    qtbot.keyClicks(panel.search, "budg")

    ids = visible_ids(panel)
    assert ids[:2] == ["budget-01", "budget-02"]
    html = panel.questions_model.data(panel.questions_model.index(0), HTML_ROLE)
    assert ">budg</span>et" in html

    qtbot.keyClicks(panel.search, "et confident")
    assert visible_ids(panel) == ["budget-02"]

    qtbot.keyClick(panel.search, Qt.Key.Key_Escape)
    assert panel.questions_model.rowCount() == everything


def test_an_unmatched_search_explains_itself(qtbot: QtBot, panel: QuestionBankPanel) -> None:
    qtbot.keyClicks(panel.search, "zzzyx")
    assert panel.questions_model.rowCount() == 0
    assert panel.empty_label.isVisibleTo(panel)
    assert "No question matches “zzzyx”" in panel.empty_label.text()


def test_choosing_a_theme_filters_the_questions(qtbot: QtBot, panel: QuestionBankPanel) -> None:
    row = panel.themes_model.row_of("workforce")
    panel.themes_view.setCurrentIndex(panel.themes_model.index(row))
    assert visible_ids(panel) == ["workforce-01", "workforce-02"]
    qtbot.keyClicks(panel.search, "agency")
    assert visible_ids(panel) == ["workforce-02"]
    assert panel.themes_view.currentIndex().row() == 0  # a search covers every theme


def test_a_search_covers_every_theme_until_one_is_picked_for_it(
    qtbot: QtBot, panel: QuestionBankPanel
) -> None:
    budget = panel.themes_model.row_of("budget")
    panel.themes_view.setCurrentIndex(panel.themes_model.index(budget))
    qtbot.keyClicks(panel.search, "workforce")
    assert panel.themes_view.currentIndex().data() == "All themes"
    everywhere = visible_ids(panel)
    assert any(not q.startswith("budget") for q in everywhere)

    panel.themes_view.setCurrentIndex(panel.themes_model.index(budget))  # picked on purpose
    assert all(q.startswith("budget") for q in visible_ids(panel))
    qtbot.keyClicks(panel.search, "s")
    assert panel.themes_view.currentIndex().row() == budget  # the pick holds while typing

    panel.focus_search()  # Ctrl+F: a new search, across every theme again
    qtbot.keyClicks(panel.search, "workforce")
    assert visible_ids(panel) == everywhere


def test_keyboard_only_mark_asked_pin_and_undo(
    qtbot: QtBot, panel: QuestionBankPanel, workspace: Workspace
) -> None:
    session = panel.session_id
    assert session is not None
    assert panel.asking_combo.currentText() == "Brackenmoor (lead reviewer)"

    panel.focus_search()
    qtbot.keyClicks(panel.search, "signature strengths")
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.results.hasFocus()
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)

    asked = workspace.questions.asked(session)
    assert [(a.question_id, a.theme_title) for a in asked] == [("strengths-01", "Strengths")]
    brackenmoor = presenting_sessions(workspace.db, panel.day_id or 0)[1].authority_id
    assert asked[0].authority_id == brackenmoor
    assert panel.asked_heading.text() == "Asked so far (1)"
    assert "Strengths" not in panel.untouched_label.text()
    html = panel.questions_model.data(panel.questions_model.index(0), HTML_ROLE)
    assert "✓ Asked by BM" in html

    qtbot.keyClick(panel.results, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert [(f.theme_id, f.question_id) for f in workspace.questions.focus(session)] == [
        ("strengths", "strengths-01")
    ]

    panel.undo.undo()
    assert workspace.questions.focus(session) == []
    panel.undo.undo()
    assert workspace.questions.asked(session) == []
    panel.undo.redo()
    assert [a.question_id for a in workspace.questions.asked(session)] == ["strengths-01"]


def test_pinning_a_whole_theme_as_a_focus_risk(
    qtbot: QtBot, panel: QuestionBankPanel, workspace: Workspace
) -> None:
    row = panel.themes_model.row_of("budget")
    panel.themes_view.setCurrentIndex(panel.themes_model.index(row))
    panel.themes_view.setFocus()
    qtbot.keyClick(panel.themes_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    assert [
        (f.theme_id, f.question_id) for f in workspace.questions.focus(panel.session_id or 0)
    ] == [("budget", None)]
    assert panel.themes_model.data(panel.themes_model.index(row)).startswith("★ Budget")


def test_a_scale_answer_is_the_presenting_authoritys_own_rating(
    qtbot: QtBot, panel: QuestionBankPanel, workspace: Workspace
) -> None:
    ashvale, brackenmoor, corriford = presenting_sessions(workspace.db, panel.day_id or 0)
    qtbot.keyClicks(panel.search, "confident continued improvement")
    assert visible_ids(panel)[0] == "budget-02"
    assert panel.scale_spin.isEnabled()
    assert panel.scale_spin.value() == NO_ANSWER
    assert panel.scale_label.text() == "Ashvale’s own &rating"

    panel.scale_spin.setValue(7)  # Brackenmoor (lead reviewer) asking
    panel.asking_combo.setCurrentIndex(1)  # Corriford asks again; the rating is still Ashvale's
    assert panel.scale_spin.value() == 7
    panel.scale_spin.setValue(3)

    answers = workspace.questions.scale_answers(panel.session_id or 0)
    assert [(a.authority_id, a.value, a.asked_by_authority_id) for a in answers] == [
        (ashvale.authority_id, 3, corriford.authority_id)
    ]
    html = panel.questions_model.data(panel.questions_model.index(0), HTML_ROLE)
    assert "0–10 scale: AV 3 (asked by CF)" in html
    panel.undo.undo()
    (answer,) = workspace.questions.scale_answers(panel.session_id or 0)
    assert (answer.value, answer.asked_by_authority_id) == (7, brackenmoor.authority_id)
    assert panel.scale_spin.value() == 7


def test_switching_session_shows_that_sessions_marks(
    qtbot: QtBot, panel: QuestionBankPanel, workspace: Workspace
) -> None:
    panel.mark_current_asked()
    first = panel.session_id
    panel.session_combo.setCurrentIndex(1)
    assert panel.session_id != first
    assert panel.asked_heading.text() == "Asked so far (0)"
    assert panel.asking_combo.currentText() == "Corriford (lead reviewer)"
    panel.session_combo.setCurrentIndex(0)
    assert panel.asked_heading.text() == "Asked so far (1)"


def test_unmark_from_the_asked_list_with_delete(
    qtbot: QtBot, panel: QuestionBankPanel, workspace: Workspace
) -> None:
    panel.mark_current_asked()
    panel.asked_view.setFocus()
    panel.asked_view.setCurrentIndex(panel.asked_model.index(0))
    qtbot.keyClick(panel.asked_view, Qt.Key.Key_Delete)
    assert workspace.questions.asked(panel.session_id or 0) == []


def test_the_sessions_and_lead_reviewers_come_from_the_day(
    panel: QuestionBankPanel, workspace: Workspace
) -> None:
    day_id = panel.day_id or 0
    assert panel.sessions == presenting_sessions(workspace.db, day_id)
    assert [panel.session_combo.itemText(i) for i in range(panel.session_combo.count())] == [
        "1. Ashvale",
        "2. Brackenmoor",
        "3. Corriford",
    ]


def test_a_deleted_panel_stops_listening(qtbot: QtBot, workspace: Workspace) -> None:
    before = len(workspace.questions.changed._listeners)
    widget = QuestionBankPanel(workspace.bank, workspace.questions, workspace.planner, QUndoStack())
    assert len(workspace.questions.changed._listeners) == before + 1
    with qtbot.waitSignal(widget.destroyed):
        widget.deleteLater()
    assert len(workspace.questions.changed._listeners) == before
