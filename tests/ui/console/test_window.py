from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.common.events import Event
from facilitator.common.vocabulary import DayStatus, NoteTag, StageKind
from facilitator.demo import create_demo_day
from facilitator.live.conductor import Conductor
from facilitator.live.timer import Phase
from facilitator.workspace import Workspace
from tests.support.console import key
from ui.console.window import ConsoleWindow


def listeners(workspace: Workspace, conductor: Conductor) -> dict[str, int]:
    """How many listen to each event of every service: the console's parts among them."""
    services = [getattr(workspace, f.name) for f in fields(workspace)] + [conductor]
    services = [s for s in services if s is not None]  # no backups for a file in memory
    return {
        f"{type(service).__name__}.{name}": len(event._listeners)
        for service in services
        for name, event in vars(service).items()
        if isinstance(event, Event)
    }


def type_bullet(qtbot: QtBot, console: ConsoleWindow, text: str) -> None:
    key(qtbot, console, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert console.capture.line.hasFocus()
    qtbot.keyClicks(console.capture.line, text)
    qtbot.keyClick(console.capture.line, Qt.Key.Key_Return)


def current_kind(console: ConsoleWindow) -> StageKind | None:
    current = console.conductor.state(console.day_id).current
    return current.kind if current else None


def test_start_the_day_and_capture_tagged_bullets_by_keyboard(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace, clock: FakeClock
) -> None:
    assert console.start_button.text() == "Start the day"
    key(qtbot, console, Qt.Key.Key_F5)
    assert current_kind(console) is StageKind.INTRODUCTIONS
    assert console.start_button.text() == "Next stage"

    key(qtbot, console, Qt.Key.Key_F5)  # presentation of the first authority
    assert current_kind(console) is StageKind.PRESENTATION
    type_bullet(qtbot, console, "r: Recruitment of social workers")
    type_bullet(qtbot, console, "s: A candid self-assessment")
    key(qtbot, console, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # tag: risk
    type_bullet(qtbot, console, "Placement sufficiency")

    stage = console.conductor.state(console.day_id).current
    assert stage is not None
    notes = workspace.notebook.for_stage(stage.id)
    (mine,) = notes[-1:]  # the focus risks are the Outcomes panel's, not bullets
    assert (mine.tag, mine.text) == (NoteTag.STRENGTH, "A candid self-assessment")
    assert mine.authority_id == stage.presenter_id  # the presenter, by default
    assert stage.session_id is not None
    assert [f.text for f in workspace.questions.focus(stage.session_id)][-2:] == [
        "Recruitment of social workers",
        "Placement sufficiency",
    ]
    assert console.capture.line.text() == ""


def test_questioning_attributes_to_whose_turn_it_is_and_f7_moves_it_on(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    for _ in range(3):
        key(qtbot, console, Qt.Key.Key_F5)
    assert current_kind(console) is StageKind.QUESTIONING
    assert "Brackenmoor" in console.turns.label.text()
    type_bullet(qtbot, console, "q: How do you know your data is accurate?")
    key(qtbot, console, Qt.Key.Key_F7)
    assert "Corriford" in console.turns.label.text()
    type_bullet(qtbot, console, "q: What would front line staff say?")

    stage = console.conductor.state(console.day_id).current
    assert stage is not None
    notes = workspace.notebook.for_stage(stage.id)[-2:]
    names = {
        p.authority_id: p.name for p in workspace.planner.day_plan(console.day_id).participants
    }
    assert [(n.tag, names[n.authority_id or 0]) for n in notes] == [
        (NoteTag.QUESTION, "Brackenmoor"),
        (NoteTag.QUESTION, "Corriford"),
    ]


def test_a_disguised_suggestion_is_flagged_while_typing(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    for _ in range(3):
        key(qtbot, console, Qt.Key.Key_F5)
    key(qtbot, console, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(console.capture.line, "Have you thought of a regional hub?")
    assert console.capture.warning.isVisibleTo(console)
    assert "sounds like a suggestion" in console.capture.warning.text()
    console.capture.line.clear()
    qtbot.keyClicks(console.capture.line, "What keeps your best managers here?")
    assert not console.capture.warning.isVisibleTo(console)


def test_advancing_through_a_whole_session_and_undoing_a_mistake(
    qtbot: QtBot, console: ConsoleWindow, clock: FakeClock
) -> None:
    key(qtbot, console, Qt.Key.Key_F5)
    kinds = []
    for _ in range(7):
        clock.advance(minutes=5)
        key(qtbot, console, Qt.Key.Key_F5)
        kinds.append(current_kind(console))
    assert kinds == [
        StageKind.PRESENTATION,
        StageKind.QUESTIONING,
        StageKind.AFFIRMATION,
        StageKind.INSIGHTS,
        StageKind.REACTION,
        StageKind.REFLECTION,
        StageKind.LUNCH,
    ]
    key(qtbot, console, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert current_kind(console) is StageKind.REFLECTION
    key(qtbot, console, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert current_kind(console) is StageKind.REACTION


def test_the_timer_shows_the_phase_and_pause(
    qtbot: QtBot, console: ConsoleWindow, clock: FakeClock
) -> None:
    key(qtbot, console, Qt.Key.Key_F5)
    clock.advance(minutes=13)
    console.refresh_timer()
    assert console.header.timer.text() == "2:00"
    assert console.header.timer.property("phase") == Phase.AMBER.value
    clock.advance(minutes=3)
    console.refresh_timer()
    assert console.header.timer.text() == "+1:00"
    assert "1 min behind" in console.header.drift.text()
    key(qtbot, console, Qt.Key.Key_F6)
    console.refresh_timer()
    assert console.header.timer.text().startswith("Paused")


def test_typing_is_saved_before_enter_and_escape_abandons_it(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    key(qtbot, console, Qt.Key.Key_F5)
    stage = console.conductor.state(console.day_id).current
    assert stage is not None
    key(qtbot, console, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(console.capture.line, "Half a thought")
    qtbot.waitUntil(
        lambda: any(n.text == "Half a thought" for n in workspace.notebook.for_stage(stage.id))
    )
    qtbot.keyClick(console.capture.line, Qt.Key.Key_Escape)
    assert all(n.text != "Half a thought" for n in workspace.notebook.for_stage(stage.id))


def test_delete_and_undo_a_bullet_in_the_list(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    key(qtbot, console, Qt.Key.Key_F5)
    type_bullet(qtbot, console, "First")
    type_bullet(qtbot, console, "Second")
    console.notes_view.setFocus()
    console.notes_view.setCurrentIndex(console.notes_model.index(0))
    qtbot.keyClick(console.notes_view, Qt.Key.Key_Delete)
    stage_id = console.notes_model.stage_id or 0
    assert [n.text for n in workspace.notebook.for_stage(stage_id)] == ["Second"]
    console.undo.undo()
    assert [n.text for n in workspace.notebook.for_stage(stage_id)] == ["First", "Second"]
    key(qtbot, console, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, console, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # from the empty line
    assert [n.text for n in workspace.notebook.for_stage(stage_id)] == ["First"]
    assert console.capture.line.text() == ""


def test_the_presenter_screen_never_shows_note_text(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace, clock: FakeClock
) -> None:
    key(qtbot, console, Qt.Key.Key_F5)
    key(qtbot, console, Qt.Key.Key_F5)
    type_bullet(qtbot, console, "CONFIDENTIAL-BULLET-42")
    key(qtbot, console, Qt.Key.Key_F9)
    presenter = console.presenter
    assert presenter is not None
    assert presenter.isVisible()
    for _ in range(4):
        clock.advance(minutes=20)
        key(qtbot, console, Qt.Key.Key_F5)
        presenter.refresh()  # type: ignore[attr-defined]
        texts = [label.text() for label in presenter.findChildren(QLabel)]
        texts.append(presenter.windowTitle())
        assert texts
        assert not any("CONFIDENTIAL" in t for t in texts)
        notes = {n.text for s in console.state.stages for n in workspace.notebook.for_stage(s.id)}
        assert not any(t in notes for t in texts if t)
    key(qtbot, console, Qt.Key.Key_F9)
    assert not presenter.isVisible()


def test_ending_the_day_asks_first(
    qtbot: QtBot, console: ConsoleWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    key(qtbot, console, Qt.Key.Key_F5)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    console.run_actions.end.trigger()
    assert console.conductor.state(console.day_id).status is DayStatus.FINISHED
    assert console.start_button.text() == "Review and export…"  # the review, even without
    assert console.start_button.isEnabled()  # a Records window to go on to
    assert isinstance(console.presenter, (QWidget, type(None)))


def test_affirmations_and_asks_are_captured_from_the_console_by_keyboard(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    for _ in range(4):  # introductions, presentation, questioning, affirmation
        key(qtbot, console, Qt.Key.Key_F5)
    assert current_kind(console) is StageKind.AFFIRMATION
    key(qtbot, console, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    line = console.outcomes_panel.affirmation.line
    assert line.hasFocus()
    qtbot.keyClicks(line, "Leaders who know their front line")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    stage = console.conductor.state(console.day_id).current
    assert stage is not None
    strengths = [n for n in workspace.notebook.for_stage(stage.id) if n.person_id is not None]
    assert [n.text for n in strengths] == ["Leaders who know their front line"]

    for _ in range(3):  # insights, reaction, reflection
        key(qtbot, console, Qt.Key.Key_F5)
    assert current_kind(console) is StageKind.REFLECTION
    part = console.outcomes_panel.reflection.exchange_part
    console.outcomes_panel.reflection.setCurrentWidget(part)
    part.topic.setFocus()
    qtbot.keyClicks(part.topic, "Support with placement sufficiency")
    qtbot.keyClick(part.topic, Qt.Key.Key_Return)
    session = console.conductor.state(console.day_id).current
    assert session is not None
    assert session.session_id is not None
    asks = workspace.exchanges.for_session(session.session_id)
    assert [a.topic for a in asks][-1] == "Support with placement sufficiency"


def test_the_amber_share_and_the_suggestion_phrases_can_be_changed(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from ui.console.settings import PhrasesDialog, ask_amber

    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (50, True))
    ask_amber(console, console.settings, console.conductor)
    assert console.conductor.amber_share == 0.5
    assert int(console.settings.value("console/amberPercent")) == 50

    dialog = PhrasesDialog(workspace.suggestion_patterns, console)
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("have you thought of\nsurely you could\n")
    dialog.accept()
    assert workspace.suggestion_patterns.patterns() == (
        "have you thought of",
        "surely you could",
    ) or list(workspace.suggestion_patterns.patterns()) == [
        "have you thought of",
        "surely you could",
    ]
    for _ in range(3):
        key(qtbot, console, Qt.Key.Key_F5)
    key(qtbot, console, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(console.capture.line, "Surely you could merge the teams?")
    assert console.capture.warning.isVisibleTo(console)


def test_a_new_amber_share_turns_the_timer_at_once(
    qtbot: QtBot, console: ConsoleWindow, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    key(qtbot, console, Qt.Key.Key_F5)
    clock.advance(minutes=10)  # a third of the stage left
    console.refresh_timer()
    assert console.header.timer.property("phase") == Phase.RUNNING.value

    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (50, True))
    console.change_amber()  # what View ▸ Timer warning… does

    assert console.header.timer.property("phase") == Phase.AMBER.value


def test_closing_the_console_saves_a_topic_typed_but_not_yet_left(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    for _ in range(7):  # to the first reflection
        key(qtbot, console, Qt.Key.Key_F5)
    stage = console.conductor.state(console.day_id).current
    assert stage is not None
    assert stage.kind is StageKind.REFLECTION
    assert stage.session_id is not None
    console.outcomes_panel.reflection.invitation.topic.setText("Edge of care")

    console.close()

    saved = workspace.session_facts.get(stage.session_id)
    assert (saved.topical_invitation, saved.topical_topic) == (True, "Edge of care")


def test_a_closed_console_stops_listening_to_the_services(
    qtbot: QtBot, workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    conductor = Conductor(workspace.db, clock)
    before = listeners(workspace, conductor)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = ConsoleWindow(workspace, conductor, day_id, settings)
    qtbot.addWidget(window)
    window.show()
    opened = listeners(workspace, conductor)
    for event in ("Notebook.changed", "Conductor.changed", "Conductor.amber_changed"):
        assert opened[event] > before[event]

    window.close()  # home keeps the closed window until it opens another

    qtbot.waitUntil(lambda: listeners(workspace, conductor) == before)
    conductor.start_day(day_id)  # reaches nothing of the closed console
    workspace.questions.pin(conductor.state(day_id).stages[1].session_id or 0, "budget")


def test_a_destroyed_console_stops_listening_to_the_services(
    qtbot: QtBot, workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    conductor = Conductor(workspace.db, clock)
    before = listeners(workspace, conductor)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = ConsoleWindow(workspace, conductor, day_id, settings)
    assert listeners(workspace, conductor) != before

    with qtbot.waitSignal(window.destroyed):
        window.deleteLater()

    assert listeners(workspace, conductor) == before


def test_on_a_laptop_screen_the_console_fills_it_so_the_capture_line_shows(
    console: ConsoleWindow,
) -> None:
    screen = console.screen().availableGeometry()
    assert screen.height() <= 900  # the test screen is a small laptop's
    assert console.isMaximized()
    foot = console.capture.who_combo
    bottom = foot.mapTo(console, foot.rect().bottomLeft()).y()
    assert bottom <= console.height()


def answer_the_offer(button_text: str, seen: list[str]) -> None:
    """Presses the button of the next "The day has ended" question whose text starts so."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.windowTitle())
        for button in box.buttons():
            if button.text().replace("&", "").startswith(button_text):
                button.click()
                return
        box.reject()

    QTimer.singleShot(0, answer)


def test_after_the_last_stage_f5_offers_the_review_or_the_records_and_the_plenary_stays(
    qtbot: QtBot, workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    opened: list[tuple[int, QWidget]] = []
    console = ConsoleWindow(
        workspace,
        Conductor(workspace.db, clock),
        day_id,
        settings,
        records=lambda day, parent: opened.append((day, parent)),
    )
    qtbot.addWidget(console)
    console.show()
    console.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is console)

    seen: list[str] = []
    stages = len(console.state.stages)
    for step in range(stages + 1):  # start, then through every stage to the end
        if step == stages:
            answer_the_offer("Stay in the console", seen)
        key(qtbot, console, Qt.Key.Key_F5)
    assert seen == ["The day has ended"]  # offered at once, not jumped back to the start
    assert console.state.status is DayStatus.FINISHED
    assert opened == []
    assert console.header.title.text().startswith("Plenary")
    assert console.start_button.text() == "Review and export…"
    assert console.start_button.isEnabled()

    qtbot.waitUntil(lambda: QApplication.activeWindow() is console)  # back from the question
    answer_the_offer("Go to the records", seen)
    key(qtbot, console, Qt.Key.Key_F5)
    assert seen == ["The day has ended"] * 2, seen
    assert opened == [(day_id, console)]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is console)
    key(
        qtbot,
        console,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(opened) == 2
