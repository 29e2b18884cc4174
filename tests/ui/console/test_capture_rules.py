"""Issue 10, defects 2 and 6, driven through the real console by keyboard: a plain line is a
note, who said it follows the stage's roles, the tag and person Enter will use are on the
line before Enter, and typing goes to the running stage (a finished session asks first)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from facilitator.capture.notes import NoteView
from facilitator.common.vocabulary import StageKind
from facilitator.workspace import Workspace
from ui.console.window import ConsoleWindow


def press(qtbot: QtBot, console: ConsoleWindow, k: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget() or console, k)


def to_stage(qtbot: QtBot, console: ConsoleWindow, kind: StageKind) -> int:
    """F5 until the first stage of `kind` runs; its id."""
    for _ in range(12):
        current = console.conductor.state(console.day_id).current
        if current is not None and current.kind is kind:
            return current.id
        press(qtbot, console, Qt.Key.Key_F5)
    raise AssertionError(f"never reached {kind}")


def type_line(qtbot: QtBot, console: ConsoleWindow, text: str) -> None:
    qtbot.keyClick(console, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert console.capture.line.hasFocus()
    qtbot.keyClicks(console.capture.line, text)


def shown(console: ConsoleWindow) -> tuple[str, str]:
    """The tag and person on the capture line, as the facilitator sees them."""
    tag = console.capture.tag_combo.currentText().split("  (")[0]
    return tag, console.capture.who_combo.currentText()


def enter(qtbot: QtBot, console: ConsoleWindow) -> None:
    qtbot.keyClick(console.capture.line, Qt.Key.Key_Return)


def last_note(workspace: Workspace, stage_id: int) -> NoteView:
    return workspace.notebook.for_stage(stage_id)[-1]


def names(console: ConsoleWindow) -> dict[int | None, str]:
    return {None: "", **console.full_names}


def stored(console: ConsoleWindow, workspace: Workspace, stage_id: int) -> tuple[str, str]:
    note = last_note(workspace, stage_id)
    return note.tag.label, names(console)[note.authority_id]


def test_a_plain_line_in_questioning_is_a_note_by_the_presenting_authority(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    stage_id = to_stage(qtbot, console, StageKind.QUESTIONING)
    assert "Brackenmoor" in console.turns.label.text()  # asking, but this is the answer
    type_line(qtbot, console, "Two interim heads of service this year")
    assert shown(console) == ("Note", "Ashvale")
    enter(qtbot, console)
    note = last_note(workspace, stage_id)
    assert note.text == "Two interim heads of service this year"
    assert stored(console, workspace, stage_id) == ("Note", "Ashvale")


def test_q_prefix_is_a_question_by_whose_turn_it_is_and_f7_moves_it_on(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    stage_id = to_stage(qtbot, console, StageKind.QUESTIONING)
    type_line(qtbot, console, "q: How do you know your data is accurate?")
    assert shown(console) == ("Question", "Brackenmoor")
    enter(qtbot, console)
    assert stored(console, workspace, stage_id) == ("Question", "Brackenmoor")
    assert last_note(workspace, stage_id).text == "How do you know your data is accurate?"

    press(qtbot, console, Qt.Key.Key_F7)
    type_line(qtbot, console, "q: What would front line staff say?")
    assert shown(console) == ("Question", "Corriford")
    enter(qtbot, console)
    assert stored(console, workspace, stage_id) == ("Question", "Corriford")


def test_the_line_shows_the_tag_and_person_live_as_a_prefix_comes_and_goes(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    stage_id = to_stage(qtbot, console, StageKind.QUESTIONING)
    type_line(qtbot, console, "q:")
    assert shown(console) == ("Note", "Ashvale")  # "q:" alone is not yet a prefix
    qtbot.keyClicks(console.capture.line, " Why")
    assert shown(console) == ("Question", "Brackenmoor")
    qtbot.keyClick(console.capture.line, Qt.Key.Key_Home)
    qtbot.keyClick(console.capture.line, Qt.Key.Key_Delete)
    qtbot.keyClick(console.capture.line, Qt.Key.Key_Delete)
    assert console.capture.line.text() == " Why"
    assert shown(console) == ("Note", "Ashvale")
    enter(qtbot, console)
    assert stored(console, workspace, stage_id) == ("Note", "Ashvale")


def test_the_question_tag_by_shortcut_is_the_questioner_s_for_one_bullet(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    stage_id = to_stage(qtbot, console, StageKind.QUESTIONING)
    type_line(qtbot, console, "What keeps your best managers here?")
    qtbot.keyClick(console, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # Question
    assert shown(console) == ("Question", "Brackenmoor")
    enter(qtbot, console)
    assert stored(console, workspace, stage_id) == ("Question", "Brackenmoor")
    type_line(qtbot, console, "Pay, and a manager who listens")
    assert shown(console) == ("Note", "Ashvale")  # the tag was for that bullet
    enter(qtbot, console)
    assert stored(console, workspace, stage_id) == ("Note", "Ashvale")


def test_a_plain_line_in_the_presentation_is_not_a_risk_nor_in_reflection_an_action(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    presentation = to_stage(qtbot, console, StageKind.PRESENTATION)
    type_line(qtbot, console, "Our front door is strong")
    enter(qtbot, console)
    assert stored(console, workspace, presentation) == ("Note", "Ashvale")
    type_line(qtbot, console, "r: Placement sufficiency")  # a focus risk the DCS named
    assert shown(console) == ("Focus risk", "Ashvale")
    enter(qtbot, console)
    assert stored(console, workspace, presentation) == ("Note", "Ashvale")  # not a bullet
    presenting = next(s.session_id for s in console.state.stages if s.id == presentation)
    assert presenting is not None
    focus = workspace.questions.focus(presenting)
    assert [f.text for f in focus][-1] == "Placement sufficiency"

    reflection = to_stage(qtbot, console, StageKind.REFLECTION)
    type_line(qtbot, console, "It was a useful morning")
    assert shown(console) == ("Note", "Ashvale")
    enter(qtbot, console)
    assert stored(console, workspace, reflection) == ("Note", "Ashvale")
    type_line(qtbot, console, "a: Review the front door by June")
    assert shown(console) == ("Action", "Ashvale")
    enter(qtbot, console)
    assert stored(console, workspace, reflection) == ("Note", "Ashvale")  # it left the bullets
    session_id = next(s.session_id for s in console.state.stages if s.id == reflection)
    assert session_id is not None
    actions = workspace.actions.for_session(session_id)
    assert [a.text for a in actions][-1] == "Review the front door by June"


def test_the_person_shown_before_enter_is_the_one_stored_in_every_stage(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    lines = {
        StageKind.PRESENTATION: ["Self-assessment in three parts", "s: candid about drift"],
        StageKind.QUESTIONING: ["An answer", "q: A question?", "i: an insight in passing"],
        StageKind.AFFIRMATION: ["Leaders who know their front line"],
        StageKind.INSIGHTS: ["They take the budget for granted"],
        StageKind.REACTION: ["We recognise that"],
        StageKind.REFLECTION: ["We will look again at the data"],
    }
    for kind, typed in lines.items():
        stage_id = to_stage(qtbot, console, kind)
        for text in typed:
            type_line(qtbot, console, text)
            before = shown(console)
            enter(qtbot, console)
            tag, person = stored(console, workspace, stage_id)
            assert (tag, person or console.capture.who_combo.itemText(0)) == before, text

    type_line(qtbot, console, "ask: help with data")  # in reflection: the team's own ask
    assert shown(console) == ("Ask", "Ashvale")
    enter(qtbot, console)
    session_id = next(s.session_id for s in console.state.stages if s.id == stage_id)
    assert session_id is not None
    (ask,) = [x for x in workspace.exchanges.for_session(session_id) if "data" in x.topic]
    assert (ask.kind.value, ask.topic) == ("ask", "help with data")
    assert ask.authority_id == workspace.session_facts.get(session_id).authority_id


def test_a_person_picked_on_purpose_wins_until_the_stage_changes(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    stage_id = to_stage(qtbot, console, StageKind.QUESTIONING)
    who = console.capture.who_combo
    who.setFocus()
    qtbot.keyClick(who, Qt.Key.Key_Home)
    for _ in range(3):  # nobody, then the authorities: the last of them is Corriford
        qtbot.keyClick(who, Qt.Key.Key_Down)
    assert shown(console)[1] == "Corriford"
    for text in ("An answer from their guest", "q: and a question"):
        type_line(qtbot, console, text)
        assert shown(console)[1] == "Corriford"
        enter(qtbot, console)
        assert stored(console, workspace, stage_id)[1] == "Corriford"
    press(qtbot, console, Qt.Key.Key_F5)  # affirmation: the choice goes with the stage
    reaction = to_stage(qtbot, console, StageKind.REACTION)
    type_line(qtbot, console, "We recognise that")
    assert shown(console) == ("Note", "Ashvale")
    enter(qtbot, console)
    assert stored(console, workspace, reaction) == ("Note", "Ashvale")


def destination(console: ConsoleWindow) -> str:
    """What the capture area says about where the bullet goes."""
    texts = [label.text() for label in console.capture.findChildren(QLabel)]
    return " ".join(t for t in texts if t.startswith("Goes to"))


def test_a_bullet_typed_while_viewing_an_earlier_stage_goes_to_the_running_stage(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    presentation = to_stage(qtbot, console, StageKind.PRESENTATION)
    questioning = to_stage(qtbot, console, StageKind.QUESTIONING)
    before = len(workspace.notebook.for_stage(presentation))
    console.agenda_view.setFocus()
    qtbot.keyClick(console.agenda_view, Qt.Key.Key_Up)  # look back at the presentation
    assert console.notes_model.stage_id == presentation
    assert destination(console) == "Goes to: Questioning · Ashvale (running)"
    assert console.capture.goes_to.isVisibleTo(console)

    type_line(qtbot, console, "q: What do your partners say?")
    qtbot.waitUntil(  # the draft saved as it is typed goes there too
        lambda: any(
            n.text == "What do your partners say?"
            for n in workspace.notebook.for_stage(questioning)
        )
    )
    assert shown(console) == ("Question", "Brackenmoor")
    enter(qtbot, console)
    assert len(workspace.notebook.for_stage(presentation)) == before
    assert stored(console, workspace, questioning) == ("Question", "Brackenmoor")
    assert last_note(workspace, questioning).text == "What do your partners say?"

    console.agenda_view.setFocus()
    qtbot.keyClick(console.agenda_view, Qt.Key.Key_Down)  # back to the running stage
    assert destination(console) == ""


def test_a_bullet_half_typed_when_the_stage_moves_on_is_finished_where_it_was_begun(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    questioning = to_stage(qtbot, console, StageKind.QUESTIONING)
    type_line(qtbot, console, "q: How do you")
    press(qtbot, console, Qt.Key.Key_F5)  # affirmation starts mid-bullet
    current = console.conductor.state(console.day_id).current
    assert current is not None
    assert current.kind is StageKind.AFFIRMATION
    assert destination(console) == "Goes to: Questioning · Ashvale"
    assert last_note(workspace, questioning).text == "How do you"  # nothing typed is lost
    qtbot.keyClicks(console.capture.line, " know?")
    assert shown(console) == ("Question", "Brackenmoor")
    enter(qtbot, console)
    assert last_note(workspace, questioning).text == "How do you know?"
    assert stored(console, workspace, questioning) == ("Question", "Brackenmoor")
    texts = [n.text for n in workspace.notebook.for_stage(questioning)]
    assert texts.count("How do you know?") == 1
    assert "How do you" not in texts
    assert destination(console) == ""  # the next one goes to the affirmation
    assert shown(console)[0] == "Strength"


def test_typing_into_a_finished_session_asks_once_and_refusing_stores_nothing(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    presentation = to_stage(qtbot, console, StageKind.PRESENTATION)
    to_stage(qtbot, console, StageKind.QUESTIONING)
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.Yes]  # end the day

    def question(_parent: object, title: str, *_: object, **__: object) -> object:
        asked.append(title)
        return answers.pop(0) if answers else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    console.end_day()
    asked.clear()
    answers[:] = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    assert console.conductor.state(console.day_id).current is None
    console.agenda_view.setFocus()
    row = console.agenda_model.row_of(presentation)
    console.agenda_view.setCurrentIndex(console.agenda_model.index(row))
    assert console.notes_model.stage_id == presentation
    before = [n.text for n in workspace.notebook.for_stage(presentation)]

    type_line(qtbot, console, "Said after the session")
    qtbot.wait(800)  # a pause in typing saves nothing unasked into a finished session
    assert [n.text for n in workspace.notebook.for_stage(presentation)] == before
    enter(qtbot, console)
    assert len(asked) == 1  # refused
    assert [n.text for n in workspace.notebook.for_stage(presentation)] == before
    assert console.capture.line.text() == "Said after the session"

    enter(qtbot, console)  # asked again, and agreed
    assert len(asked) == 2
    assert last_note(workspace, presentation).text == "Said after the session"
    assert console.capture.line.text() == ""
    type_line(qtbot, console, "And one more")
    enter(qtbot, console)
    assert len(asked) == 2  # once per session
    assert last_note(workspace, presentation).text == "And one more"


def test_closing_with_text_stored_nowhere_asks_before_losing_it(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    presentation = to_stage(qtbot, console, StageKind.PRESENTATION)
    answers = [QMessageBox.StandardButton.Yes]  # end the day
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    console.end_day()
    console.agenda_view.setFocus()
    row = console.agenda_model.row_of(presentation)
    console.agenda_view.setCurrentIndex(console.agenda_model.index(row))
    answers[:] = [QMessageBox.StandardButton.No]  # not into the finished session
    type_line(qtbot, console, "Kept in the line")
    enter(qtbot, console)

    answers[:] = [QMessageBox.StandardButton.Cancel]
    assert not console.close()
    assert console.isVisible()
    assert console.capture.line.text() == "Kept in the line"

    answers[:] = [QMessageBox.StandardButton.Close]
    assert console.close()
    assert answers == []
