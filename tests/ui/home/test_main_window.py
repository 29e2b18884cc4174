from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from facilitator.common.vocabulary import DayKind, DayMode
from facilitator.planning.planner import AuthorityEntry, NewDay
from facilitator.workspace import Workspace
from ui.home.main_window import DAYS_PAGE, EMPTY_PAGE, MainWindow
from ui.home.new_day_dialog import NewDayDialog
from ui.planning.day_editor import DayEditor


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace, settings: QSettings) -> MainWindow:
    win = MainWindow(workspace, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def test_an_empty_data_file_shows_the_empty_state(window: MainWindow) -> None:
    assert window.pages.currentIndex() == EMPTY_PAGE
    assert window.empty_state.new_day_button.isVisible()
    assert window.empty_state.demo_button.isVisible()
    assert not window.menus.delete_day.isEnabled()


def test_open_demo_day_lists_it_and_shows_its_agenda(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(window.empty_state.demo_button, Qt.MouseButton.LeftButton)

    assert window.pages.currentIndex() == DAYS_PAGE
    assert window.days_model.rowCount() == 1
    index = window.days_model.index(0, 2)
    assert window.days_model.data(index) == "Ashvale, Brackenmoor, Corriford"
    assert window.selected_day_id() is not None
    assert "Triad on Monday 18 January 2027" in window.overview.title.text()
    agenda = window.overview.agenda_model
    assert agenda.data(agenda.index(0, 1)) == "Introductions"
    last = agenda.rowCount() - 1
    assert agenda.data(agenda.index(last, 0)) == "17.35"

    window.menus.demo.trigger()  # opening it again selects it instead of adding another
    assert window.days_model.rowCount() == 1


def test_a_new_triad_typed_into_the_dialog_is_listed(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill_and_accept(dialog: NewDayDialog) -> int:
        dialog.date_edit.setDate(QDate(2027, 5, 4))
        qtbot.mouseClick(dialog.virtual, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.place_edit, "Teams")
        qtbot.keyClicks(dialog.facilitator_edit, "Fay Green")
        for (_, name, short, dcs), (n, s, d) in zip(
            dialog.rows,
            [("Northfield", "NF", "Ada"), ("Eastwick", "EW", "Cara"), ("Southam", "SH", "Dev")],
            strict=False,
        ):
            qtbot.keyClicks(name, n)
            qtbot.keyClicks(short, s)
            qtbot.keyClicks(dcs, d)
        assert not dialog.rows[3][1].isVisibleTo(dialog)
        dialog.accept()
        return int(dialog.result())

    planned: list[int] = []
    monkeypatch.setattr(NewDayDialog, "exec", fill_and_accept)
    monkeypatch.setattr(DayEditor, "exec", lambda editor: planned.append(editor.day_id) or 0)
    window.menus.new_day.trigger()

    assert window.days_model.rowCount() == 1
    day = window.days_model.day_at(0)
    assert day.date == dt.date(2027, 5, 4)
    assert day.authorities == ("Northfield", "Eastwick", "Southam")
    assert day.place == "Teams"
    assert planned == [day.id]  # a new day goes straight on to planning


def test_the_new_day_dialog_explains_what_is_wrong_and_stays_open(
    qtbot: QtBot, workspace: Workspace
) -> None:
    dialog = NewDayDialog(workspace.planner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.rows[0][1], "Northfield")
    qtbot.keyClicks(dialog.rows[1][1], "northfield")
    qtbot.keyClicks(dialog.rows[2][1], "Southam")

    dialog.accept()

    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "listed twice" in dialog.error_label.text()
    assert workspace.planner.list_days() == []


def test_deleting_a_day_asks_first(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_demo_day()
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard])
    asked: list[str] = []

    def fake_warning(*args: object, **_: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return next(answers)

    monkeypatch.setattr(QMessageBox, "warning", fake_warning)
    window.menus.delete_day.trigger()
    assert window.days_model.rowCount() == 1
    window.menus.delete_day.trigger()
    assert window.days_model.rowCount() == 0
    assert window.pages.currentIndex() == EMPTY_PAGE
    assert "cannot be undone" in asked[0]


def test_the_window_remembers_its_size_and_the_data_survives_a_restart(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    path = tmp_path / "balcony.sqlite"
    first_ws = Workspace.open(path)
    first = MainWindow(first_ws, settings)
    qtbot.addWidget(first)
    first.show()
    first.open_demo_day()
    first.resize(760, 530)
    first.close()
    first_ws.close()

    second_ws = Workspace.open(path)
    second = MainWindow(second_ws, settings)
    qtbot.addWidget(second)
    second.show()
    try:
        assert second.size().width() == 760
        assert second.size().height() == 530
        assert second.days_model.rowCount() == 1
        assert second.pages.currentIndex() == DAYS_PAGE
    finally:
        second.close()
        second_ws.close()


def test_the_cycle_filter_shows_one_cycles_days(window: MainWindow) -> None:
    window.open_demo_day()
    window.workspace.planner.create_day(
        NewDay(
            date=dt.date(2027, 3, 1),
            kind=DayKind.TRIAD,
            mode=DayMode.VIRTUAL,
            authorities=(AuthorityEntry("X"), AuthorityEntry("Y"), AuthorityEntry("Z")),
            cycle_name="2027–2028",
        )
    )
    combo = window.cycle_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All cycles",
        "2027–2028",
        "Demo cycle 2026–2027",
    ]
    assert window.days_model.rowCount() == 2

    combo.setCurrentIndex(1)
    assert window.days_model.rowCount() == 1
    assert window.days_model.day_at(0).authorities == ("X", "Y", "Z")
    combo.setCurrentIndex(0)
    assert window.days_model.rowCount() == 2


def test_the_agenda_is_exported_to_word_from_the_day_menu(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docx import Document
    from PySide6.QtWidgets import QFileDialog

    window.open_demo_day()
    target = tmp_path / "agenda.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.menus.agenda_word.trigger()

    tables = Document(str(target)).tables
    timetable = tables[-1]
    assert timetable.rows[1].cells[1].text == "Introductions"
    assert timetable.rows[-1].cells[0].text == "17.35"


def test_run_this_day_opens_the_console_once(window: MainWindow, qtbot: QtBot) -> None:
    window.open_demo_day()
    window.menus.run_day.trigger()
    console = window.console
    assert console is not None
    qtbot.addWidget(console)
    assert console.isVisible()
    assert console.day_id == window.selected_day_id()
    window.menus.run_day.trigger()  # the same day again: the same window comes forward
    assert window.console is console
    console.close()


def test_a_days_status_follows_its_run_and_the_selection_stays(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.open_demo_day()
    window.workspace.planner.create_day(
        NewDay(
            date=dt.date(2027, 3, 1),
            kind=DayKind.TRIAD,
            mode=DayMode.VIRTUAL,
            authorities=(AuthorityEntry("X"), AuthorityEntry("Y"), AuthorityEntry("Z")),
        )
    )
    demo = window.days_model.day_at(0).id
    window.select_day(demo)
    status = window.days_model.index(0, 4)
    assert status.data() == "Planned"

    window.menus.run_day.trigger()
    console = window.console
    assert console is not None
    qtbot.addWidget(console)
    console.start_or_next()  # F5: start the day

    assert window.days_model.index(0, 4).data() == "Running"
    assert window.selected_day_id() == demo
    console.close()


def test_records_open_for_the_selected_day(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.records.window import RecordsDialog

    assert not window.menus.records.isEnabled()
    window.open_demo_day()
    assert window.menus.records.isEnabled()
    window.menus.records.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, RecordsDialog)]
    assert len(dialogs) == 1
    dialogs[0].close()


def test_record_settings_are_saved_and_used(window: MainWindow, tmp_path: Path) -> None:
    from ui.records.settings import RecordSettingsDialog, record_exports

    dialog = RecordSettingsDialog(window.settings, window)
    dialog.marking_edit.setText("OFFICIAL")
    dialog.template_edit.setText(str(tmp_path / "missing.dotx"))
    dialog.accept()
    assert "does not exist" in dialog.error_label.text()
    dialog.template_edit.clear()
    dialog.accept()
    exports = record_exports(window.workspace, window.settings)
    assert exports.marking == "OFFICIAL"
    assert exports.template is None


def test_the_overview_buttons_plan_and_run_the_day(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_demo_day()
    assert not window.bank_dock.isVisible()  # planning has the room; Ctrl+B brings it
    planned: list[int] = []
    monkeypatch.setattr(DayEditor, "exec", lambda editor: planned.append(editor.day_id) or 0)
    qtbot.mouseClick(window.overview.plan_button, Qt.MouseButton.LeftButton)
    assert planned == [window.selected_day_id()]
    qtbot.mouseClick(window.overview.run_button, Qt.MouseButton.LeftButton)
    assert window.console is not None
    qtbot.addWidget(window.console)
    assert window.console.isVisible()
    window.console.close()


def test_planning_a_day_leaves_no_listener_behind(window: MainWindow, workspace: Workspace) -> None:
    window.open_demo_day()
    listeners = workspace.planner.day_changed._listeners
    before = len(listeners)
    while_open: list[int] = []

    def close_the_editor() -> None:
        while_open.append(len(listeners))
        for editor in window.findChildren(DayEditor):
            editor.reject()

    QTimer.singleShot(0, close_the_editor)
    window.plan_selected_day()

    assert while_open[0] > before
    assert len(listeners) == before
    assert window.findChildren(DayEditor) == []


def test_a_destroyed_home_window_lets_go_of_the_planner(
    qtbot: QtBot, workspace: Workspace, settings: QSettings
) -> None:
    listeners = workspace.planner.day_changed._listeners
    before = len(listeners)
    window = MainWindow(workspace, settings)
    assert len(listeners) > before

    with qtbot.waitSignal(window.destroyed):
        window.deleteLater()

    assert len(listeners) == before


def test_ctrl_b_brings_the_bank_forward_and_never_hides_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.open_demo_day()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert not window.bank_dock.isVisible()

    for _ in range(2):  # a second press must not hide it again
        focus = QApplication.focusWidget() or window
        qtbot.keyClick(focus, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        assert window.bank_dock.isVisible()
    assert window.bank_dock.isAncestorOf(QApplication.focusWidget())
