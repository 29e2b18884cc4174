from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import (
    ExchangeKind,
    ExchangeScope,
    NoteTag,
    PlenaryQuestion,
    StageKind,
)
from facilitator.demo import create_demo_day
from facilitator.live.conductor import Conductor, StageRun
from facilitator.workspace import Workspace
from ui.outcomes.panel import EMPTY_TEXT, OutcomeServices, OutcomesPanel

ALT = Qt.KeyboardModifier.AltModifier


def outcomes_panel(workspace: Workspace, undo: QUndoStack, day_id: int) -> OutcomesPanel:
    """Built as the console builds it: from the workspace's services and the day's names."""
    participants = workspace.planner.day_plan(day_id).participants
    return OutcomesPanel(
        OutcomeServices.of(workspace),
        undo,
        day_id,
        {p.authority_id: p.name for p in participants},
        {p.authority_id: p.short_name or p.name for p in participants},
    )


class Room:
    """The demo triad, an Outcomes panel in an active window, and its undo stack."""

    def __init__(self, qtbot: QtBot, workspace: Workspace, clock: FakeClock) -> None:
        self.workspace = workspace
        self.day_id = create_demo_day(workspace.planner, workspace.notebook)
        self.stages = Conductor(workspace.db, clock).state(self.day_id).stages
        participants = workspace.planner.day_plan(self.day_id).participants
        self.authority = {p.name: p.authority_id for p in participants}
        self.undo = QUndoStack()
        self.panel = outcomes_panel(workspace, self.undo, self.day_id)
        qtbot.addWidget(self.panel)
        self.panel.resize(420, 700)
        self.panel.show()
        self.panel.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is self.panel)

    def stage(self, kind: StageKind) -> StageRun:
        """The first stage of this kind: for session stages, Ashvale's."""
        return next(s for s in self.stages if s.kind is kind)

    def show(self, kind: StageKind) -> StageRun:
        stage = self.stage(kind)
        self.panel.show_stage(stage)
        return stage


@pytest.fixture
def room(qtbot: QtBot, workspace: Workspace, clock: FakeClock) -> Room:
    return Room(qtbot, workspace, clock)


def type_and_enter(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    line.setFocus()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def keys_on(qtbot: QtBot, widget: QWidget, key: Qt.Key, mod: Qt.KeyboardModifier) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key, mod)


def test_a_stage_with_nothing_structured_shows_a_calm_empty_state(room: Room) -> None:
    assert not room.panel.show_stage(room.stage(StageKind.QUESTIONING))
    assert room.panel.stack.currentWidget() is room.panel.empty
    assert room.panel.empty_label.text() == EMPTY_TEXT
    assert room.panel.show_stage(room.stage(StageKind.REFLECTION))
    assert room.panel.stack.currentWidget() is room.panel.reflection
    assert not room.panel.show_stage(room.stage(StageKind.PRESENTATION))  # the bank's turn
    room.panel.show_stage(None)
    assert room.panel.stack.currentWidget() is room.panel.empty


def test_focus_risks_typed_added_or_pinned_are_one_list_and_undoable(
    qtbot: QtBot, room: Room
) -> None:
    stage = room.show(StageKind.PRESENTATION)
    part = room.panel.presentation
    assert part.items.empty.isVisibleTo(room.panel)
    assert "Ctrl+P" in part.items.empty.text()
    assert stage.session_id is not None
    session_id = stage.session_id

    room.workspace.questions.pin(session_id, "budget")  # from the bank
    type_and_enter(qtbot, part.items.line, "Turnover of team managers")  # typed here
    typed = room.workspace.notebook.add(stage.id, "Front door demand", NoteTag.RISK)
    assert typed is not None
    room.workspace.outcome_route.route(typed)  # an r: bullet

    rows = [part.items.model.index(r).data() for r in range(part.items.model.rowCount())]
    assert rows == [
        "•  Budget — pinned from the bank",
        "•  Turnover of team managers",
        "•  Front door demand",
    ]
    assert not part.items.empty.isVisibleTo(room.panel)

    part.items.view.setCurrentIndex(part.items.model.index(1))
    keys_on(qtbot, part.items.view, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    assert [f.text for f in room.workspace.questions.focus(session_id)] == [
        "",
        "Front door demand",
    ]
    room.undo.undo()
    assert [f.text for f in room.workspace.questions.focus(session_id)] == [
        "",
        "Turnover of team managers",
        "Front door demand",
    ]


def test_each_visiting_member_names_a_strength_and_gets_a_tick(qtbot: QtBot, room: Room) -> None:
    stage = room.show(StageKind.AFFIRMATION)
    part = room.panel.affirmation
    assert stage.session_id is not None
    status = room.workspace.session_facts.affirmation_status(stage.session_id)
    members = [s.member for s in status]
    assert len(members) == part.model.rowCount() == 6
    assert "Tom Hallworth" in part.who.text()  # the first still to speak is chosen

    for number, member in enumerate(members):
        type_and_enter(qtbot, part.line, f"Strength {number} from {member.name}")

    strengths = [
        n
        for n in room.workspace.notebook.for_stage(stage.id)
        if n.tag is NoteTag.STRENGTH and n.person_id is not None
    ]
    assert [(n.person_id, n.authority_id) for n in strengths] == [
        (m.person_id, m.authority_id) for m in members
    ]
    assert strengths[0].text == "Strength 0 from Tom Hallworth"
    ticks = [part.model.index(row, 0).data() for row in range(6)]
    assert ticks == ["✓"] * 6
    assert part.progress.text() == "6 of 6 have named a strength."

    room.undo.undo()
    assert part.model.index(5, 0).data() == ""
    assert part.progress.text() == "5 of 6 have named a strength."

    part.choose(2)
    assert not room.panel.show_stage(stage)  # the console repeats it on every run step
    assert part.table.currentIndex().row() == 2
    keys_on(qtbot, part.line, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
    assert "Grace Adeyemi-Lowe" in part.who.text()


def test_a_strength_is_corrected_in_place(qtbot: QtBot, room: Room) -> None:
    stage = room.show(StageKind.AFFIRMATION)
    part = room.panel.affirmation
    type_and_enter(qtbot, part.line, "A candid self-assessment")
    part.table.setCurrentIndex(part.model.index(0, 2))
    keys_on(qtbot, part.table, Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "A candid, self-critical self-assessment")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: part.table.state() is not QAbstractItemView.State.EditingState)

    def said() -> list[str]:
        notes = room.workspace.notebook.for_stage(stage.id)
        return [n.text for n in notes if n.person_id is not None]

    assert said() == ["A candid, self-critical self-assessment"]
    room.undo.undo()
    assert said() == ["A candid self-assessment"]


def test_actions_are_added_moved_deleted_and_undone_by_keyboard(qtbot: QtBot, room: Room) -> None:
    stage = room.show(StageKind.REFLECTION)
    part = room.panel.reflection.action_part
    keys_on(qtbot, room.panel, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert part.items.line.hasFocus()
    session_id = stage.session_id
    assert session_id is not None
    assert part.items.empty.isVisibleTo(room.panel)

    part.owner.setText("Marcus Thorne")
    type_and_enter(qtbot, part.items.line, "Test the sufficiency plan with the lead member")
    type_and_enter(qtbot, part.items.line, "Share the practice-week audit tool")

    def texts() -> list[tuple[str, str]]:
        return [(a.text, a.owner) for a in room.workspace.actions.for_session(session_id)]

    assert texts() == [
        ("Test the sufficiency plan with the lead member", "Marcus Thorne"),
        ("Share the practice-week audit tool", ""),
    ]
    assert part.items.model.index(0).data().startswith("1.  Test the sufficiency plan")

    view = part.items.view
    view.setCurrentIndex(part.items.model.index(1))
    keys_on(qtbot, view, Qt.Key.Key_Up, ALT)
    assert texts()[0][0] == "Share the practice-week audit tool"
    assert view.currentIndex().row() == 0

    keys_on(qtbot, view, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    assert [t for t, _ in texts()] == ["Test the sufficiency plan with the lead member"]
    room.undo.undo()
    assert texts()[0][0] == "Share the practice-week audit tool"
    room.undo.undo()  # the move
    assert texts()[0][0] == "Test the sufficiency plan with the lead member"
    assert room.panel.reflection.tabText(0) == "&Actions (2)"


def test_a_multilateral_ask_and_a_bilateral_offer_are_added_and_shown(
    qtbot: QtBot, room: Room
) -> None:
    stage = room.show(StageKind.REFLECTION)
    part = room.panel.reflection.exchange_part
    room.panel.reflection.setCurrentWidget(part)
    assert part.who.currentText() == "Ashvale"  # the presenting authority by default

    qtbot.mouseClick(part.scope.button(1), Qt.MouseButton.LeftButton)  # multilateral
    assert not part.counterpart.isEnabled()
    part.detail.setText("A single front door for foster carers")
    type_and_enter(qtbot, part.topic, "Regional fostering recruitment hub")

    qtbot.mouseClick(part.kind.button(1), Qt.MouseButton.LeftButton)  # offer
    qtbot.mouseClick(part.scope.button(0), Qt.MouseButton.LeftButton)  # bilateral
    assert part.counterpart.isEnabled()
    assert [part.counterpart.itemText(i) for i in range(part.counterpart.count())] == [
        "Brackenmoor",
        "Corriford",
        "Not named yet",
    ]
    part.counterpart.setCurrentIndex(part.counterpart.findText("Corriford"))
    type_and_enter(qtbot, part.topic, "Practice weeks with the audit tool")

    assert stage.session_id is not None
    stored = room.workspace.exchanges.for_session(stage.session_id)
    ashvale, corriford = room.authority["Ashvale"], room.authority["Corriford"]
    assert [(e.kind, e.topic, e.scope, e.authority_id, e.counterpart_id) for e in stored] == [
        (
            ExchangeKind.ASK,
            "Regional fostering recruitment hub",
            ExchangeScope.MULTILATERAL,
            ashvale,
            None,
        ),
        (
            ExchangeKind.OFFER,
            "Practice weeks with the audit tool",
            ExchangeScope.BILATERAL,
            ashvale,
            corriford,
        ),
    ]
    shown = [[part.model.index(r, c).data() for c in range(3)] for r in range(2)]
    assert shown == [
        [
            "Ask",
            "Regional fostering recruitment hub\nA single front door for foster carers",
            "AV → all",
        ],
        ["Offer", "Practice weeks with the audit tool", "AV → CF"],
    ]
    assert part.topic.text() == ""
    assert not part.error.isVisibleTo(room.panel)

    part.table.selectRow(0)
    keys_on(qtbot, part.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    assert part.model.rowCount() == 1
    room.undo.undo()
    assert part.model.index(0, 1).data().startswith("Regional fostering")
    room.undo.undo()  # adding the offer
    assert [e.topic for e in room.workspace.exchanges.for_session(stage.session_id)] == [
        "Regional fostering recruitment hub"
    ]
    room.undo.redo()
    assert part.model.rowCount() == 2


def test_an_ask_without_a_topic_shows_why_and_stores_nothing(qtbot: QtBot, room: Room) -> None:
    stage = room.show(StageKind.REFLECTION)
    part = room.panel.reflection.exchange_part
    room.panel.reflection.setCurrentWidget(part)
    part.detail.setText("Something about placements")
    type_and_enter(qtbot, part.topic, "   ")

    assert part.error.objectName() == "errorMessage"
    assert part.error.isVisibleTo(room.panel)
    assert part.error.text() == "An ask needs a topic: a few words on what support is wanted."
    assert stage.session_id is not None
    assert room.workspace.exchanges.for_session(stage.session_id) == []
    assert room.undo.count() == 0

    qtbot.keyClicks(part.topic, "Edge of care")
    assert not part.error.isVisibleTo(room.panel)  # typing again clears the message


def test_the_topical_invitation_is_saved_at_once(qtbot: QtBot, room: Room) -> None:
    stage = room.show(StageKind.REFLECTION)
    part = room.panel.reflection.invitation
    room.panel.reflection.setCurrentIndex(2)
    assert stage.session_id is not None
    facts = room.workspace.session_facts
    assert part.status.text() == "Not asked yet."

    keys_on(qtbot, part.invited, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier)
    assert facts.get(stage.session_id).topical_invitation is True
    type_and_enter(qtbot, part.topic, "Adolescents at risk of exploitation")
    saved = facts.get(stage.session_id)
    assert (saved.topical_invitation, saved.topical_topic) == (
        True,
        "Adolescents at risk of exploitation",
    )
    room.undo.undo()
    assert facts.get(stage.session_id).topical_topic == ""
    assert part.topic.text() == ""


def test_introductions_are_edited_in_place_and_a_guest_added(qtbot: QtBot, room: Room) -> None:
    room.show(StageKind.INTRODUCTIONS)
    part = room.panel.introductions
    table = part.table
    assert part.model.rowCount() == 9
    assert part.model.index(0, 0).data() == "Priya Ellwood\nAV"

    table.setFocus()
    table.setCurrentIndex(part.model.index(0, 1))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "Our edge-of-care data")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # saves, and moves on to "Wants to receive"
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "Ideas on keeping social workers")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits on its next turn
    qtbot.waitUntil(lambda: table.state() is not QAbstractItemView.State.EditingState)

    said = room.workspace.introductions.for_day(room.day_id)
    assert [(i.name, i.gives, i.receives) for i in said] == [
        ("Priya Ellwood", "Our edge-of-care data", "Ideas on keeping social workers")
    ]
    assert part.model.index(0, 2).data() == "Ideas on keeping social workers"

    room.undo.undo()
    assert room.workspace.introductions.for_day(room.day_id)[0].receives == ""

    part.guest_from.setCurrentIndex(part.guest_from.findText("BM"))
    type_and_enter(qtbot, part.guest, "Nia Castell")
    guest = room.workspace.introductions.for_day(room.day_id)[-1]
    assert (guest.name, guest.person_id, guest.authority_id) == (
        "Nia Castell",
        None,
        room.authority["Brackenmoor"],
    )
    assert part.model.rowCount() == 10


def test_plenary_answers_are_added_and_priorities_re_ranked(qtbot: QtBot, room: Room) -> None:
    room.show(StageKind.PLENARY)
    part = room.panel.plenary
    part.open(PlenaryQuestion.KEY_LEARNING)
    part.who.setCurrentIndex(part.who.findText("CF"))
    type_and_enter(qtbot, part.lists[PlenaryQuestion.KEY_LEARNING].line, "Name the weak spots")
    learning = room.workspace.plenary.for_day(room.day_id, PlenaryQuestion.KEY_LEARNING)
    assert [(i.text, i.authority_id) for i in learning] == [
        ("Name the weak spots", room.authority["Corriford"])
    ]

    part.open(PlenaryQuestion.PRIORITIES)
    part.who.setCurrentIndex(0)
    priorities = part.lists[PlenaryQuestion.PRIORITIES]
    for text in ("Placements close to home", "Keeping social workers", "Exploitation"):
        type_and_enter(qtbot, priorities.line, text)
    assert priorities.model.index(2).data() == "3.  Exploitation"

    priorities.view.setCurrentIndex(priorities.model.index(2))
    keys_on(qtbot, priorities.view, Qt.Key.Key_Up, ALT)
    keys_on(qtbot, priorities.view, Qt.Key.Key_Up, ALT)
    ranked = room.workspace.plenary.priorities(room.day_id)
    assert [(i.rank, i.text) for i in ranked] == [
        (1, "Exploitation"),
        (2, "Placements close to home"),
        (3, "Keeping social workers"),
    ]
    assert priorities.model.index(0).data() == "1.  Exploitation"

    # What a drag does: the view asks the model to move a row below the last.
    assert priorities.model.moveRow(QModelIndex(), 0, QModelIndex(), 3)
    assert [i.text for i in room.workspace.plenary.priorities(room.day_id)][-1] == "Exploitation"

    keys_on(qtbot, priorities.view, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    assert len(room.workspace.plenary.priorities(room.day_id)) == 2
    room.undo.undo()
    assert len(room.workspace.plenary.priorities(room.day_id)) == 3
    assert "(3)" in part.toolbox.itemText(1)


def test_a_deleted_panel_stops_listening(qtbot: QtBot, workspace: Workspace) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    events = [
        workspace.notebook.changed,
        workspace.questions.changed,
        workspace.actions.changed,
        workspace.exchanges.changed,
        workspace.introductions.changed,
        workspace.plenary.changed,
        workspace.session_facts.changed,
    ]
    before = [len(e._listeners) for e in events]
    panel = outcomes_panel(workspace, QUndoStack(), day_id)
    assert [len(e._listeners) for e in events] != before
    panel.deleteLater()
    qtbot.waitUntil(lambda: [len(e._listeners) for e in events] == before)

    workspace.plenary.add(
        day_id, PlenaryQuestion.NETWORKING, "A network for principal social workers"
    )


def test_closing_the_panel_saves_a_topic_typed_but_not_yet_left(room: Room) -> None:
    stage = room.show(StageKind.REFLECTION)
    assert stage.session_id is not None
    room.panel.reflection.invitation.topic.setText("Edge of care")
    room.panel.close()
    saved = room.workspace.session_facts.get(stage.session_id)
    assert (saved.topical_invitation, saved.topical_topic) == (True, "Edge of care")
