"""An action, ask or offer typed as a bullet is the Outcomes panel's item itself, printed once."""

from __future__ import annotations

from pathlib import Path

import docx
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator.common.vocabulary import ExchangeKind, NoteTag, StageKind
from facilitator.records.exporting import RecordExports
from facilitator.workspace import Workspace
from tests.support.console import CTRL, answered, pick_when_asked, press
from tests.ui.capture.test_fix_in_place import select_bullet
from tests.ui.console.test_capture_rules import enter, to_stage, type_line
from ui.console.window import ConsoleWindow


def session_of(console: ConsoleWindow, stage_id: int) -> int:
    session_id = next(s.session_id for s in console.state.stages if s.id == stage_id)
    assert session_id is not None
    return session_id


def test_a_typed_action_ask_and_offer_are_one_item_each_printed_once(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace, tmp_path: Path
) -> None:
    reflection = to_stage(qtbot, console, StageKind.REFLECTION)
    session_id = session_of(console, reflection)
    before = [n.text for n in workspace.notebook.for_stage(reflection)]  # the demo's own
    demo_actions = [a.text for a in workspace.actions.for_session(session_id)]
    demo_exchanges = workspace.exchanges.for_session(session_id)
    for line in (
        "a: Audit the front door by June",
        "ask: Help with our data",
        "offer: Mentoring for new heads of service",
    ):
        type_line(qtbot, console, line)
        enter(qtbot, console)

    texts = [n.text for n in workspace.notebook.for_stage(reflection)]
    assert texts == before  # none is left as a bullet as well
    assert [a.text for a in workspace.actions.for_session(session_id)] == [
        *demo_actions,
        "Audit the front door by June",
    ]
    exchanges = workspace.exchanges.for_session(session_id)[len(demo_exchanges) :]
    assert [(x.kind, x.topic) for x in exchanges] == [
        (ExchangeKind.ASK, "Help with our data"),
        (ExchangeKind.OFFER, "Mentoring for new heads of service"),
    ]
    presenting = workspace.session_facts.get(session_id).authority_id
    assert {x.authority_id for x in exchanges} == {presenting}

    exports = RecordExports(workspace)
    (record,) = [
        r
        for r in exports.day_records(console.day_id)
        if r.session and r.session.session_id == session_id
    ]
    path = tmp_path / "note.docx"
    exports.export(record, path)
    body = [p.text for p in docx.Document(str(path)).paragraphs]
    for words in (
        "Audit the front door by June",
        "Help with our data",
        "Mentoring for new heads of service",
    ):
        assert sum(words in text for text in body) == 1, words


def test_undo_puts_the_bullet_back_and_redo_makes_it_the_item_again(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    reflection = to_stage(qtbot, console, StageKind.REFLECTION)
    session_id = session_of(console, reflection)
    before = [n.text for n in workspace.notebook.for_stage(reflection)]  # the demo's own
    demo = [a.text for a in workspace.actions.for_session(session_id)]
    type_line(qtbot, console, "a: Audit the front door by June")
    enter(qtbot, console)
    assert len(workspace.actions.for_session(session_id)) == len(demo) + 1

    console.undo.undo()
    assert [a.text for a in workspace.actions.for_session(session_id)] == demo
    assert [n.text for n in workspace.notebook.for_stage(reflection)] == [
        *before,
        "Audit the front door by June",
    ]

    console.undo.redo()
    assert [a.text for a in workspace.actions.for_session(session_id)] == [
        *demo,
        "Audit the front door by June",
    ]
    assert [n.text for n in workspace.notebook.for_stage(reflection)] == before


def test_retagging_a_saved_bullet_as_an_action_makes_it_the_action_in_one_undo_step(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace
) -> None:
    reflection = to_stage(qtbot, console, StageKind.REFLECTION)
    session_id = session_of(console, reflection)
    type_line(qtbot, console, "Review the front door by June")
    enter(qtbot, console)
    before = [n.text for n in workspace.notebook.for_stage(reflection)]
    demo = [a.text for a in workspace.actions.for_session(session_id)]
    row = before.index("Review the front door by June")
    select_bullet(console, row)

    seen = pick_when_asked("Action")
    press(qtbot, Qt.Key.Key_T, CTRL)
    answered(qtbot, console, seen)

    assert seen == ["Change tag"]
    assert [a.text for a in workspace.actions.for_session(session_id)] == [
        *demo,
        "Review the front door by June",
    ]
    assert "Review the front door by June" not in [
        n.text for n in workspace.notebook.for_stage(reflection)
    ]

    press(qtbot, Qt.Key.Key_Z, CTRL)  # one step: the bullet back, as a plain note
    assert [a.text for a in workspace.actions.for_session(session_id)] == demo
    (back,) = [n for n in workspace.notebook.for_stage(reflection) if n.text == before[row]]
    assert back.tag is NoteTag.NOTE
