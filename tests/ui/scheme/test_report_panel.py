"""A review's report written in the scheme window: seed 001's PCTR table imported, lines typed,
edited, deleted (and brought back), moved; the hypotheses kept; a recommendation tracked; the
PCTR's follow-up planned; the report exported, read back from Word, and agreed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import FindingSection
from facilitator.records.keys import RecordKey
from facilitator.workspace import Workspace
from tests.ui.scheme.conftest import PCTR, Coordinator, press
from ui.records.steps import AgreeDialog
from ui.scheme.report_commands import TrackDialog
from ui.scheme.report_panel import ReportPanel
from ui.scheme.window import SchemeWindow

CTRL, NONE = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.NoModifier
LATE = "Supervision records were late in a third of the cases read."
STRONG = "Leaders know their front door well."
AGREED_ON = dt.date(2015, 9, 30)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace, settings: QSettings) -> SchemeWindow:
    """The scheme window with the report placed on its Reviews tab before it is shown."""
    shown = SchemeWindow(workspace)
    shown.reviews_tab.place_report(ReportPanel(workspace, shown.undo_stack, shown.say, settings))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    return shown


@pytest.fixture
def report(qtbot: QtBot, window: SchemeWindow, coordinator: Coordinator) -> ReportPanel:
    """Nottingham's PCTR (seed 001's first) chosen on the Reviews tab, its report below it."""
    panel = window.reviews_tab.report
    assert panel is not None
    coordinator.opens(PCTR)
    press(qtbot, window, Qt.Key.Key_I, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert coordinator.warnings == []
    window.reviews_tab.table.selectRow(0)
    assert panel.review is not None
    assert panel.review.host == "Nottingham"
    return panel


def type_line(qtbot: QtBot, panel: ReportPanel, section: FindingSection, text: str) -> None:
    panel.choose_section(section)
    panel.line_edit.setFocus()
    QTest.keyClicks(panel.line_edit, text)
    QTest.keyClick(panel.line_edit, Qt.Key.Key_Return)


def key(panel: ReportPanel, pressed: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    """A key pressed in the list of lines, as the coordinator would."""
    panel.view.setFocus()
    QTest.keyClick(panel.view, pressed, modifiers)


def stored(workspace: Workspace, panel: ReportPanel, section: FindingSection) -> list[str]:
    assert panel.review is not None
    lines = workspace.findings.for_review(panel.review.id)
    return [line.text for line in lines if line.section is section]


def test_a_typed_line_goes_under_its_section_when_enter_is_pressed(
    qtbot: QtBot, report: ReportPanel, workspace: Workspace
) -> None:
    type_line(qtbot, report, FindingSection.DEVELOPMENT, LATE)

    assert report.model.texts(FindingSection.DEVELOPMENT) == [LATE]
    assert report.model.texts(FindingSection.FINDING) == []
    assert stored(workspace, report, FindingSection.DEVELOPMENT) == [LATE]
    assert report.line_edit.text() == ""
    assert report.selected_line() is not None
    assert report.selected_line().text == LATE


def test_the_section_is_chosen_from_the_keyboard(qtbot: QtBot, report: ReportPanel) -> None:
    report.line_edit.setFocus()
    QTest.keyClick(report.window(), Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # Se&ction
    assert QApplication.focusWidget() is report.section_combo
    QTest.keyClick(report.section_combo, Qt.Key.Key_S)  # Strengths
    assert report.section_combo.currentData() == FindingSection.STRENGTH.value


def test_f2_edits_the_chosen_line_in_place_and_undo_puts_the_words_back(
    qtbot: QtBot, report: ReportPanel, window: SchemeWindow, workspace: Workspace
) -> None:
    type_line(qtbot, report, FindingSection.STRENGTH, STRONG)
    key(report, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not report.view
    assert editor is not None
    QTest.keyClick(editor, Qt.Key.Key_A, CTRL)
    QTest.keyClicks(editor, "Leaders know their front door very well.")
    QTest.keyClick(editor, Qt.Key.Key_Return)  # Qt commits the words just after

    qtbot.waitUntil(
        lambda: (
            stored(workspace, report, FindingSection.STRENGTH)
            == ["Leaders know their front door very well."]
        )
    )
    assert report.model.texts(FindingSection.STRENGTH) == [
        "Leaders know their front door very well."
    ]
    key(report, Qt.Key.Key_Z, CTRL)
    assert stored(workspace, report, FindingSection.STRENGTH) == [STRONG]


def test_delete_removes_a_line_and_undo_brings_it_back_at_its_place(
    qtbot: QtBot, report: ReportPanel, workspace: Workspace
) -> None:
    for text in ("First.", "Second.", "Third."):
        type_line(qtbot, report, FindingSection.FINDING, text)
    report.choose(next(line.id for line in report.model.lines() if line.text == "Second."))

    key(report, Qt.Key.Key_Delete)
    assert stored(workspace, report, FindingSection.FINDING) == ["First.", "Third."]
    assert report.model.texts(FindingSection.FINDING) == ["First.", "Third."]

    key(report, Qt.Key.Key_Z, CTRL)
    assert stored(workspace, report, FindingSection.FINDING) == ["First.", "Second.", "Third."]
    assert report.model.texts(FindingSection.FINDING) == ["First.", "Second.", "Third."]
    key(report, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # redo
    assert stored(workspace, report, FindingSection.FINDING) == ["First.", "Third."]


def test_ctrl_up_and_down_move_a_line_within_its_section(
    qtbot: QtBot, report: ReportPanel, workspace: Workspace
) -> None:
    for text in ("One.", "Two.", "Three."):
        type_line(qtbot, report, FindingSection.RECOMMENDATION, text)
    type_line(qtbot, report, FindingSection.FINDING, "Elsewhere.")
    report.choose(next(line.id for line in report.model.lines() if line.text == "Three."))

    key(report, Qt.Key.Key_Up, CTRL)
    key(report, Qt.Key.Key_Up, CTRL)
    assert stored(workspace, report, FindingSection.RECOMMENDATION) == ["Three.", "One.", "Two."]
    key(report, Qt.Key.Key_Up, CTRL)  # first already: stays
    key(report, Qt.Key.Key_Down, CTRL)
    assert report.model.texts(FindingSection.RECOMMENDATION) == ["One.", "Three.", "Two."]
    assert stored(workspace, report, FindingSection.FINDING) == ["Elsewhere."]
    key(report, Qt.Key.Key_Z, CTRL)
    assert stored(workspace, report, FindingSection.RECOMMENDATION) == ["Three.", "One.", "Two."]


def test_the_hypotheses_are_saved_when_the_focus_leaves_and_with_ctrl_s(
    qtbot: QtBot, report: ReportPanel, workspace: Workspace
) -> None:
    assert report.review is not None
    report.hypotheses.setFocus()
    QTest.keyClicks(report.hypotheses, "Thresholds are applied consistently")
    QTest.keyClick(report.hypotheses, Qt.Key.Key_S, CTRL)
    assert workspace.findings.hypotheses(report.review.id) == (
        "Thresholds are applied consistently",
    )
    QTest.keyClick(report.hypotheses, Qt.Key.Key_Return)
    QTest.keyClicks(report.hypotheses, "Managers know their caseloads")
    report.view.setFocus()  # the focus leaves the box
    assert workspace.findings.hypotheses(report.review.id) == (
        "Thresholds are applied consistently",
        "Managers know their caseloads",
    )
    key(report, Qt.Key.Key_Z, CTRL)
    assert report.hypotheses.toPlainText() == "Thresholds are applied consistently"


def test_a_recommendation_is_tracked_through_the_dialog(
    qtbot: QtBot, report: ReportPanel, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    type_line(qtbot, report, FindingSection.RECOMMENDATION, "Audit supervision quarterly.")
    asked: list[str] = []

    def answer(dialog: TrackDialog) -> int:
        dialog.owner_edit.setText("Head of Service")
        dialog.due_edit.setDate(QDate(2015, 1, 1))  # before the review: refused, stays open
        dialog.accept()
        asked.append(dialog.error_label.text())
        dialog.due_edit.setDate(QDate(2015, 12, 1))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(TrackDialog, "exec", answer)
    key(report, Qt.Key.Key_T, CTRL)

    assert asked
    assert "last day" in asked[0]
    (tracked,) = [f for f in workspace.follow_ups.list() if f.finding_id is not None]
    assert (tracked.who, tracked.due_on) == ("Head of Service", dt.date(2015, 12, 1))
    index = report.view.currentIndex()
    assert "tracked: Head of Service, by 1 Dec 2015" in index.data()
    assert not report.track_action.isEnabled()  # tracked once


def test_planning_a_pctr_follow_up_says_how_many_were_added(
    qtbot: QtBot, report: ReportPanel, window: SchemeWindow, workspace: Workspace
) -> None:
    assert report.plan_action.isEnabled()
    report.buttons[report.plan_action].click()
    assert report.review is not None
    planned = workspace.follow_ups.for_review(report.review.id)
    assert planned  # the host's report at least
    said = window.statusBar().currentMessage()
    assert said.startswith(f"Added {len(planned)} follow-up")
    report.buttons[report.plan_action].click()
    assert "nothing added" in window.statusBar().currentMessage()


def export_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def agree_on(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    def answer(dialog: AgreeDialog) -> int:
        dialog.date_edit.setDate(QDate(day.year, day.month, day.day))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(AgreeDialog, "exec", answer)


def document_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_report_exports_with_ctrl_e_and_its_life_is_shown(
    qtbot: QtBot,
    report: ReportPanel,
    window: SchemeWindow,
    workspace: Workspace,
    coordinator: Coordinator,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    clock: FakeClock,
) -> None:
    type_line(qtbot, report, FindingSection.DEVELOPMENT, LATE)
    assert report.record_label.text() == "Not exported yet."
    assert not report.sent_action.isEnabled()
    assert not report.agree_action.isEnabled()
    export_to(monkeypatch, tmp_path / "nottingham")

    key(report, Qt.Key.Key_E, CTRL)
    written = tmp_path / "nottingham.docx"
    assert LATE in document_text(written)
    assert report.record_label.text().startswith("Draft 1, exported ")
    assert "Written to" in window.statusBar().currentMessage()

    key(report, Qt.Key.Key_M, CTRL)  # mark as sent
    clock.jump_wall(dt.timedelta(days=160))  # October 2015: the review is over
    assert report.record_label.text().startswith("Version 1 sent for amendment")
    agree_on(monkeypatch, AGREED_ON)
    key(report, Qt.Key.Key_G, CTRL)
    assert report.record_label.text().startswith("Agreed on 30 September 2015 and locked")
    assert report.reopen_action.isEnabled()
    assert not report.agree_action.isEnabled()
    assert coordinator.warnings == []

    export_to(monkeypatch, tmp_path / "agreed.docx")
    key(report, Qt.Key.Key_E, CTRL)  # the agreed copy keeps its number
    assert report.review is not None
    state = workspace.records.status(RecordKey.review_report(report.review.id))
    assert (state.version, state.locked) == (1, True)
    assert "Agreed on 30 September 2015" in report.record_label.text()

    type_line(qtbot, report, FindingSection.FINDING, "A change after agreeing.")
    export_to(monkeypatch, tmp_path / "changed.docx")
    key(report, Qt.Key.Key_E, CTRL)
    assert len(coordinator.warnings) == 1
    assert "locked" in coordinator.warnings[0]
    assert "reopen" in coordinator.warnings[0]
    assert not (tmp_path / "changed.docx").exists()
