"""The records window on the demo triad: export, send, take a director's copy back, agree,
reopen, print, export everything, and the cycle report, through the dialogs a facilitator
sees (file and message dialogs stand in for the user)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import StageKind
from facilitator.demo import DEMO_CYCLE, create_demo_day
from facilitator.records import exporting
from facilitator.records.collect import Bullet, SessionNoteContent
from facilitator.records.keys import RecordKey
from facilitator.records.versions import RecordStatus
from facilitator.word.session_note import ConfidentialityError
from facilitator.workspace import Workspace
from tests.support.word_edits import add_after, delete, retype, save
from ui.amendments.dialog import AmendmentsDialog
from ui.app import style_sheet
from ui.records.printing import session_note_html
from ui.records.services import RecordsServices
from ui.records.settings import MARKING_KEY, record_exports
from ui.records.steps import FOLDER_KEY, AgreeDialog, export_cycle_report_interactively
from ui.records.window import RecordsDialog

BUDGET = "The story assumes the budget is fixed; the corporate centre may see it otherwise."
BUDGET_NEW = "The story assumes the budget is fixed; the council’s finance team may not."
PRACTICE = "Practice weeks where senior leaders shadow front-line teams."
ADDED = "Visitors were struck by how openly the team talked about drift."
VOICE = "Strong voice of children in the corporate parenting board."
CANDID = "A candid self-assessment that names its own weak spots."
ASHVALE, BRACKENMOOR, CORRIFORD, SUMMARY = 0, 1, 2, 3
STATUS, VERSION, SENT, AGREED = 1, 2, 4, 5


@pytest.fixture
def clock() -> FakeClock:
    """A week after the demo day, so the agreement can be dated after it."""
    return FakeClock(dt.datetime(2027, 1, 26, 9, 0, tzinfo=dt.UTC))


@dataclass
class User:
    """What the facilitator answers in the file and message dialogs, and what they were told."""

    monkeypatch: pytest.MonkeyPatch
    warnings: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes

    def __post_init__(self) -> None:
        def warn(*args: object, **_: object) -> QMessageBox.StandardButton:
            self.warnings.append(str(args[2]))
            return QMessageBox.StandardButton.Ok

        def ask(*args: object, **_: object) -> QMessageBox.StandardButton:
            self.questions.append(str(args[2]))
            return self.answer

        for name in ("warning", "information", "critical"):
            self.monkeypatch.setattr(QMessageBox, name, warn)
        self.monkeypatch.setattr(QMessageBox, "question", ask)

    def saves_as(self, path: Path) -> None:
        self.monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), "Word document (*.docx)")
        )

    def opens(self, path: Path) -> None:
        self.monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))

    def chooses_folder(self, folder: Path) -> None:
        self.monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))


@pytest.fixture
def user(monkeypatch: pytest.MonkeyPatch) -> User:
    return User(monkeypatch)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def day_id(workspace: Workspace) -> int:
    return create_demo_day(workspace.planner, workspace.notebook)


@pytest.fixture
def dialog(qtbot: QtBot, workspace: Workspace, day_id: int, settings: QSettings) -> RecordsDialog:
    window = RecordsDialog(RecordsServices.of(workspace, settings), day_id, settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window


def cell(dialog: RecordsDialog, row: int, column: int) -> str:
    return str(dialog.model.index(row, column).data())


def versions_shown(dialog: RecordsDialog) -> list[tuple[str, str]]:
    model = dialog.versions_model
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


def stage_texts(workspace: Workspace, day_id: int, kind: StageKind) -> list[str]:
    plan = workspace.planner.day_plan(day_id)
    stage = next(s for s in plan.stages if s.kind is kind)  # Ashvale's session comes first
    return [n.text for n in workspace.notebook.for_stage(stage.id)]


def export_row(dialog: RecordsDialog, user: User, row: int, path: Path) -> Path:
    dialog.table.selectRow(row)
    user.saves_as(path)
    dialog.export_button.click()
    return path


def sent_draft(dialog: RecordsDialog, user: User, tmp_path: Path) -> Path:
    """Ashvale's note exported as version 1 and marked as sent."""
    path = export_row(dialog, user, ASHVALE, tmp_path / "Ashvale v1.docx")
    dialog.mark_sent_button.click()
    return path


def director_amends(sent: Path, tmp_path: Path) -> Path:
    """One bullet changed, one added, one deleted, as a director does in Word."""
    doc = docx.Document(str(sent))
    retype(doc, BUDGET, BUDGET_NEW)
    add_after(doc, PRACTICE, ADDED)
    delete(doc, VOICE)
    return save(doc, tmp_path / "Ashvale v1 - DCS comments.docx")


class Shown:
    """Stands in for the facilitator in the amendments dialog: notes what it showed, then
    chooses (or cancels)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, keep: bool = False) -> None:
        self.dialogs: list[AmendmentsDialog] = []
        self.keep = keep

        def exec_(dialog: AmendmentsDialog) -> QDialog.DialogCode:
            self.dialogs.append(dialog)
            if self.keep:
                dialog.keep_option.setChecked(True)
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(AmendmentsDialog, "exec", exec_)


def amendments_shown(amendments: AmendmentsDialog) -> list[tuple[str, str]]:
    """Each change the dialog lists, as (the heading it is under, what it says)."""
    model, found = amendments.model, []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        found += [
            (group.data(), model.index(r, 0, group).data()) for r in range(model.rowCount(group))
        ]
    return found


def agree_on(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    def exec_(dialog: AgreeDialog) -> QDialog.DialogCode:
        dialog.date_edit.setDate(QDate(day.year, day.month, day.day))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AgreeDialog, "exec", exec_)


# the list and its empty state ----------------------------------------------------------


def test_before_any_export_the_window_explains_and_offers_only_export(
    dialog: RecordsDialog,
) -> None:
    assert dialog.empty_label.isVisible()
    assert [cell(dialog, r, 0) for r in range(dialog.model.rowCount())] == [
        "Session note: Ashvale",
        "Session note: Brackenmoor",
        "Session note: Corriford",
        "Day summary",
    ]
    assert {cell(dialog, r, STATUS) for r in range(4)} == {"Not exported yet"}
    assert dialog.export_button.isEnabled()
    assert dialog.export_all_button.isEnabled()
    for button in (
        dialog.mark_sent_button,
        dialog.import_button,
        dialog.agree_button,
        dialog.reopen_button,
        dialog.save_copy_button,
    ):
        assert not button.isEnabled(), button.text()
    assert dialog.versions_stack.currentWidget() is dialog.no_versions


def test_every_control_has_an_accessible_name(dialog: RecordsDialog) -> None:
    for button in (
        dialog.export_button,
        dialog.export_all_button,
        dialog.mark_sent_button,
        dialog.import_button,
        dialog.agree_button,
        dialog.reopen_button,
        dialog.print_button,
        dialog.pdf_button,
        dialog.save_copy_button,
    ):
        assert button.accessibleName(), button.text()
    assert dialog.table.accessibleName() == "Records of the day"
    assert dialog.versions.accessibleName()


def test_a_closed_records_window_lets_go_of_the_record_book(
    qtbot: QtBot, workspace: Workspace, day_id: int, settings: QSettings
) -> None:
    listeners = workspace.records.changed._listeners
    before = len(listeners)
    window = RecordsDialog(RecordsServices.of(workspace, settings), day_id, settings=settings)
    window.show()
    assert len(listeners) == before + 1

    with qtbot.waitSignal(window.destroyed):
        window.close()

    assert len(listeners) == before


# export and send -----------------------------------------------------------------------


def test_exporting_a_session_note_makes_draft_version_1_and_sending_it_is_recorded(
    dialog: RecordsDialog, user: User, tmp_path: Path, settings: QSettings
) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    user.saves_as(folder / "Ashvale note")  # no suffix typed: .docx is added

    dialog.table.selectRow(ASHVALE)
    dialog.export_button.click()

    written = folder / "Ashvale note.docx"
    assert written.read_bytes().startswith(b"PK")
    assert (cell(dialog, ASHVALE, STATUS), cell(dialog, ASHVALE, VERSION)) == ("Draft", "1")
    assert versions_shown(dialog) == [("1", "Draft")]
    assert not dialog.empty_label.isVisible()
    assert settings.value(FOLDER_KEY) == str(folder)
    assert user.warnings == []
    assert dialog.mark_sent_button.isEnabled()
    assert not dialog.agree_button.isEnabled()  # nobody was sent it yet

    dialog.mark_sent_button.click()

    assert cell(dialog, ASHVALE, STATUS) == "Sent for amendment"
    assert cell(dialog, ASHVALE, SENT) == "26 Jan 2027 (v1)"
    assert versions_shown(dialog) == [("1", "Draft, sent 26 Jan 2027")]
    assert not dialog.mark_sent_button.isEnabled()
    assert dialog.import_button.isEnabled()
    assert dialog.agree_button.isEnabled()


def test_the_window_follows_changes_made_elsewhere(
    dialog: RecordsDialog, workspace: Workspace, user: User, tmp_path: Path
) -> None:
    export_row(dialog, user, BRACKENMOOR, tmp_path / "b.docx")
    dialog.table.selectRow(ASHVALE)
    key = dialog.model.row_at(BRACKENMOOR).record.key

    workspace.records.mark_sent(key)

    assert cell(dialog, BRACKENMOOR, STATUS) == "Sent for amendment"
    assert dialog.selected_record() == dialog.model.row_at(ASHVALE).record


# a director's copy back ------------------------------------------------------------------


def test_a_directors_amended_copy_shows_three_changes_and_is_accepted_into_the_notes(
    dialog: RecordsDialog,
    user: User,
    workspace: Workspace,
    day_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    returned = director_amends(sent_draft(dialog, user, tmp_path), tmp_path)
    shown = Shown(monkeypatch)
    user.opens(returned)

    dialog.import_button.click()

    (amendments,) = shown.dialogs
    assert amendments_shown(amendments) == [
        ("Strengths affirmed", f"Deleted from Strengths affirmed: “{VOICE} (named by Corriford)”"),
        (
            "Insights from the balcony",
            f"Changed in Insights from the balcony: “{BUDGET}” → “{BUDGET_NEW}”",
        ),
        ("Insights from the balcony", f"Added to Insights from the balcony: “{ADDED}”"),
    ]
    assert len(amendments.chosen()) == 3  # every change ticked
    assert amendments.accept_option.isEnabled()
    assert amendments.accept_option.isChecked()
    assert not amendments.why_not.isVisibleTo(amendments)
    assert user.warnings == []
    assert stage_texts(workspace, day_id, StageKind.INSIGHTS) == [BUDGET_NEW, PRACTICE, ADDED]
    assert stage_texts(workspace, day_id, StageKind.AFFIRMATION) == [CANDID]
    assert cell(dialog, ASHVALE, STATUS) == "Amended"
    assert versions_shown(dialog)[0] == ("1", "Returned amended: taken into the notes")
    assert "3 changes taken into the notes" in dialog.feedback.text()

    export_row(dialog, user, ASHVALE, tmp_path / "Ashvale v2.docx")

    assert (cell(dialog, ASHVALE, STATUS), cell(dialog, ASHVALE, VERSION)) == ("Amended", "2")


def test_a_heading_edit_is_left_out_and_keeping_the_amended_text_leaves_the_notes(
    dialog: RecordsDialog,
    user: User,
    workspace: Workspace,
    day_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = docx.Document(str(sent_draft(dialog, user, tmp_path)))
    retype(doc, BUDGET, BUDGET_NEW)
    retype(doc, "Focus risks", "Focus risks we chose")  # a heading: not a note
    user.opens(save(doc, tmp_path / "returned.docx"))
    shown = Shown(monkeypatch, keep=True)

    dialog.import_button.click()

    (amendments,) = shown.dialogs
    # The heading is left out on its own; the bullet could still be taken in.
    assert [c.after for c in amendments.model.chosen()] == [BUDGET_NEW]
    assert amendments.accept_option.isEnabled()
    heading = amendments.model.index(0, 0, amendments.model.index(0, 0))
    assert not heading.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert "Focus risks" in heading.data(Qt.ItemDataRole.ToolTipRole)
    assert amendments.chosen() == ()  # keeping the amended text takes nothing in
    assert stage_texts(workspace, day_id, StageKind.INSIGHTS)[0] == BUDGET  # untouched
    assert cell(dialog, ASHVALE, STATUS) == "Amended (returned copy kept as it came)"

    user.answer = QMessageBox.StandardButton.Cancel
    export_row(dialog, user, ASHVALE, tmp_path / "from the notes.docx")

    (question,) = user.questions
    assert "kept as the amended text" in question
    assert "import the returned copy again" in question
    assert not (tmp_path / "from the notes.docx").exists()

    user.answer = QMessageBox.StandardButton.Yes  # the explicit confirmation
    export_row(dialog, user, ASHVALE, tmp_path / "from the notes.docx")

    assert (tmp_path / "from the notes.docx").exists()
    assert cell(dialog, ASHVALE, STATUS) == "Amended"  # the kept copy is set aside
    assert user.warnings == []


def test_a_note_for_another_authority_is_refused_naming_it(
    dialog: RecordsDialog, user: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent_draft(dialog, user, tmp_path)
    corriford = export_row(dialog, user, CORRIFORD, tmp_path / "Corriford v1.docx")
    dialog.table.selectRow(ASHVALE)
    user.opens(corriford)
    shown = Shown(monkeypatch)

    dialog.import_button.click()

    assert user.warnings == ["This note is for Corriford, not Ashvale."]
    assert shown.dialogs == []
    assert cell(dialog, ASHVALE, STATUS) == "Sent for amendment"


def test_a_word_file_that_is_not_ours_is_refused(
    dialog: RecordsDialog, user: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent_draft(dialog, user, tmp_path)
    stranger = docx.Document()
    stranger.add_paragraph("Minutes of the corporate parenting board")
    user.opens(save(stranger, tmp_path / "minutes.docx"))
    shown = Shown(monkeypatch)

    dialog.import_button.click()

    (refusal,) = user.warnings
    assert "This is not a Balcony session note" in refusal
    assert shown.dialogs == []


# agree, lock, reopen ----------------------------------------------------------------------


def test_agreeing_locks_the_note_until_it_is_reopened(
    dialog: RecordsDialog,
    user: User,
    workspace: Workspace,
    day_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sent_draft(dialog, user, tmp_path)
    agree_on(monkeypatch, dt.date(2027, 1, 25))

    dialog.agree_button.click()

    assert cell(dialog, ASHVALE, STATUS) == "Agreed (locked)"
    assert cell(dialog, ASHVALE, AGREED) == "25 Jan 2027"
    assert dialog.reopen_button.isEnabled()
    for button in (dialog.mark_sent_button, dialog.import_button, dialog.agree_button):
        assert not button.isEnabled(), button.text()

    export_row(dialog, user, ASHVALE, tmp_path / "Ashvale agreed.docx")
    assert versions_shown(dialog)[0] == ("1", "Agreed on 25 Jan 2027")

    plan = workspace.planner.day_plan(day_id)
    insights = next(s for s in plan.stages if s.kind is StageKind.INSIGHTS)
    note = workspace.notebook.for_stage(insights.id)[0]
    workspace.notebook.edit(note.id, text="A change made after the agreement.")
    refused = export_row(dialog, user, ASHVALE, tmp_path / "Ashvale changed.docx")

    (refusal,) = user.warnings
    assert "agreed on 25 January 2027 and is locked" in refusal
    assert "reopen it" in refusal
    assert not refused.exists()

    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *a, **k: ("The DCS asked for a change.", True)
    )
    dialog.reopen_button.click()

    assert len(user.questions) == 1
    assert "no longer be locked" in user.questions[0]
    assert cell(dialog, ASHVALE, STATUS) == "Draft"
    assert workspace.records.status(dialog.model.row_at(ASHVALE).record.key).reopen_reason == (
        "The DCS asked for a change."
    )

    export_row(dialog, user, ASHVALE, tmp_path / "Ashvale v2.docx")

    assert (cell(dialog, ASHVALE, STATUS), cell(dialog, ASHVALE, VERSION)) == ("Draft", "2")
    assert (tmp_path / "Ashvale v2.docx").exists()
    assert len(user.warnings) == 1


def test_reopening_without_a_reason_changes_nothing(
    dialog: RecordsDialog, user: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent_draft(dialog, user, tmp_path)
    agree_on(monkeypatch, dt.date(2027, 1, 25))
    dialog.agree_button.click()
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("   ", True))

    dialog.reopen_button.click()

    assert cell(dialog, ASHVALE, STATUS) == "Agreed (locked)"
    assert user.warnings
    assert "Say why" in user.warnings[0]


@pytest.fixture
def app_look(qapp: QApplication) -> Iterator[None]:
    """The app's own style sheet and type size, as on a facilitator's screen."""
    sheet, font = qapp.styleSheet(), qapp.font()
    larger = QFont(font)
    larger.setPointSize(11)
    qapp.setFont(larger)
    qapp.setStyleSheet(style_sheet())
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)


def test_the_records_list_names_each_note_in_full(
    app_look: None, qtbot: QtBot, workspace: Workspace, day_id: int, settings: QSettings
) -> None:
    dialog = RecordsDialog(RecordsServices.of(workspace, settings), day_id, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    titles = [dialog.model.row_at(row).record.title for row in range(dialog.model.rowCount())]

    assert "Session note: Brackenmoor" in titles
    assert dialog.table.columnWidth(0) >= dialog.table.sizeHintForColumn(0)


# paper ---------------------------------------------------------------------------------


def test_a_draft_prints_with_its_draft_mark(
    dialog: RecordsDialog, user: User, workspace: Workspace, tmp_path: Path
) -> None:
    sent_draft(dialog, user, tmp_path)
    row = dialog.model.row_at(ASHVALE)
    assert row.record.session is not None

    html = session_note_html(dialog.services.exports, row.record.session.session_id, row.state)

    assert "DRAFT for amendment — version 1" in html
    assert "Agreed on" not in html
    assert "OFFICIAL-SENSITIVE" in html
    assert "Insights from the balcony" in html
    assert "Practice weeks where senior leaders shadow front-line teams." in html
    assert "Sign-off" in html  # as the Word note ends
    assert "Presenting DCS: Priya Ellwood" in html
    assert "Please return amendments by" in html


def test_a_printed_note_carries_the_marking_chosen_in_record_settings(
    qtbot: QtBot, workspace: Workspace, day_id: int, settings: QSettings
) -> None:
    settings.setValue(MARKING_KEY, "OFFICIAL")
    services = RecordsServices.of(workspace, settings)
    (session, *_) = workspace.planner.presenting_sessions(day_id)
    state = workspace.records.status(
        RecordKey.session_note(day_id, session.session_id, session.authority_id)
    )

    html = session_note_html(services.exports, session.session_id, state)

    assert "OFFICIAL" in html
    assert "OFFICIAL-SENSITIVE" not in html


def test_a_note_on_paper_passes_the_same_confidentiality_check_as_in_word(
    workspace: Workspace, day_id: int, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, *_ = workspace.planner.presenting_sessions(day_id)
    insights = next(
        s.id
        for s in workspace.planner.day_plan(day_id).stages
        if s.session_id == second.session_id and s.kind is StageKind.INSIGHTS
    )
    secret = "Only the second authority said this about its edge of care panel."
    workspace.notebook.add(insights, secret)
    real = exporting.collect_session_note

    def leaky(sources: Any, session_id: int) -> SessionNoteContent:
        content = real(sources, session_id)
        return dataclasses.replace(content, insights=(*content.insights, Bullet(secret)))

    monkeypatch.setattr(exporting, "collect_session_note", leaky)
    services = RecordsServices.of(workspace, settings)
    key = RecordKey.session_note(day_id, first.session_id, first.authority_id)

    with pytest.raises(ConfidentialityError, match=second.authority_name):
        session_note_html(services.exports, first.session_id, workspace.records.status(key))


def test_an_agreed_note_is_saved_as_pdf_marked_agreed(
    dialog: RecordsDialog,
    user: User,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sent_draft(dialog, user, tmp_path)
    agree_on(monkeypatch, dt.date(2027, 1, 25))
    dialog.agree_button.click()
    target = tmp_path / "Ashvale agreed.pdf"
    user.saves_as(target)

    dialog.pdf_button.click()

    assert user.warnings == []
    assert target.read_bytes().startswith(b"%PDF")
    row = dialog.model.row_at(ASHVALE)
    assert row.record.session is not None
    html = session_note_html(dialog.services.exports, row.record.session.session_id, row.state)
    assert "Agreed on 25 January 2027" in html
    assert "DRAFT" not in html
    assert "Agreed by Priya Ellwood on Monday 25 January 2027" in html
    assert "Please return amendments" not in html


def test_print_is_for_session_notes_and_cancelling_prints_nothing(
    dialog: RecordsDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog.table.selectRow(SUMMARY)
    assert not dialog.print_button.isEnabled()
    dialog.table.selectRow(BRACKENMOOR)
    assert dialog.print_button.isEnabled()
    asked: list[str] = []

    def cancel(print_dialog: QPrintDialog) -> QDialog.DialogCode:
        asked.append(print_dialog.windowTitle())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", cancel)

    dialog.print_button.click()

    assert asked == ["Print the session note for Brackenmoor"]
    assert dialog.feedback.text() == ""


# everything at once --------------------------------------------------------------------


def test_export_all_writes_a_file_per_presenting_authority_and_the_day_summary(
    dialog: RecordsDialog, user: User, tmp_path: Path
) -> None:
    folder = tmp_path / "day"
    folder.mkdir()
    user.chooses_folder(folder)

    dialog.export_all_button.click()

    assert sorted(p.name for p in folder.iterdir()) == [
        "2027-01-18 Ashvale session note.docx",
        "2027-01-18 Brackenmoor session note.docx",
        "2027-01-18 Corriford session note.docx",
        "2027-01-18 day summary.docx",
    ]
    assert [cell(dialog, r, STATUS) for r in range(4)] == ["Draft"] * 4
    assert user.questions == []
    assert "4 of 4 records exported" in dialog.feedback.text()

    user.answer = QMessageBox.StandardButton.Cancel
    dialog.export_all_button.click()

    assert len(user.questions) == 1
    assert "4 of these files" in user.questions[0]
    assert len(dialog.services.records.versions(dialog.model.row_at(0).record.key)) == 1

    user.answer = QMessageBox.StandardButton.Yes
    dialog.export_all_button.click()

    assert len(user.questions) == 2  # asked once for all four files
    assert len(list(folder.iterdir())) == 4
    assert user.warnings == []


def test_a_shortcut_exports_the_selected_record(
    qtbot: QtBot, dialog: RecordsDialog, user: User, tmp_path: Path
) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.table.selectRow(CORRIFORD)
    user.saves_as(tmp_path / "Corriford.docx")

    qtbot.keyClick(dialog.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    assert (tmp_path / "Corriford.docx").exists()
    assert cell(dialog, CORRIFORD, STATUS) == RecordStatus.DRAFT.label


# the cycle report ----------------------------------------------------------------------


def test_the_cycle_report_is_exported_for_the_chosen_cycle(
    qtbot: QtBot,
    workspace: Workspace,
    day_id: int,
    user: User,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    offered: list[list[str]] = []

    def choose(*args: object, **_: object) -> tuple[str, bool]:
        offered.append(list(args[3]))  # type: ignore[call-overload]
        return DEMO_CYCLE, True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    user.saves_as(tmp_path / "report.docx")

    exports = record_exports(workspace, settings)
    written = export_cycle_report_interactively(workspace.planner, exports, None, settings=settings)

    assert offered == [[DEMO_CYCLE]]
    assert written == tmp_path / "report.docx"
    assert written.read_bytes().startswith(b"PK")
    assert user.warnings == []


def test_without_a_cycle_there_is_no_report_to_make(
    qtbot: QtBot, workspace: Workspace, user: User, settings: QSettings
) -> None:
    exports = record_exports(workspace, settings)
    assert (
        export_cycle_report_interactively(workspace.planner, exports, None, settings=settings)
        is None
    )
    (told,) = user.warnings
    assert "No day belongs to a cycle yet" in told
