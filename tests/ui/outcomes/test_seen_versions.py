"""The undoable edits of actions, asks and offers and plenary answers (EditRow) are made on
the version their user saw: refused if someone else has changed the row since, and then
each undo and redo is made on the version the one before wrote. The review's scope of an
ask or offer is one of them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from facilitator.common.vocabulary import ExchangeKind, ExchangeScope, PlenaryQuestion
from facilitator.demo import create_demo_day
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.storage.errors import ChangedElsewhereError
from facilitator.workspace import Workspace
from ui.common.undo import EditRow
from ui.records import review as review_module
from ui.records.review import ReviewDialog

# For each kind of row: (add one, its service's edit, read it back, the field edited).
Kind = tuple[
    Callable[[Workspace, int, int, list[int]], Any],
    Callable[[Workspace], Callable[..., Any]],
    Callable[[Workspace, int, int], Any],
    str,
]
KINDS: dict[str, Kind] = {
    "action": (
        lambda ws, day, session, _: ws.actions.add(session, "Share the audit tool"),
        lambda ws: ws.actions.edit,
        lambda ws, day, session: ws.actions.for_session(session)[0],
        "text",
    ),
    "ask": (
        lambda ws, day, session, who: ws.exchanges.add(
            session, ExchangeKind.ASK, who[0], "Fostering hub"
        ),
        lambda ws: ws.exchanges.edit,
        lambda ws, day, session: ws.exchanges.for_session(session)[0],
        "topic",
    ),
    "plenary answer": (
        lambda ws, day, session, _: ws.plenary.add(day, PlenaryQuestion.PRIORITIES, "Edge of care"),
        lambda ws: ws.plenary.edit,
        lambda ws, day, session: ws.plenary.for_day(day)[0],
        "text",
    ),
}


def the_day(workspace: Workspace) -> tuple[int, int, list[int]]:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    infos = presenting_sessions(workspace.db, day_id)
    return day_id, infos[0].session_id, [i.authority_id for i in infos]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_an_edit_on_words_changed_since_is_refused_and_undo_redo_chain_versions(
    qtbot: QtBot, workspace: Workspace, kind: str
) -> None:
    add, edit_of, read, name = KINDS[kind]
    day_id, session_id, authorities = the_day(workspace)
    on_my_screen = add(workspace, day_id, session_id, authorities)
    words = getattr(on_my_screen, name)
    edit_of(workspace)(on_my_screen.id, **{name: "Their words"})  # someone else, meanwhile

    stale = EditRow(
        f"Edit {kind}",
        edit_of(workspace),
        on_my_screen.id,
        {name: words},
        {name: "My words"},
        on_my_screen.row_version,
    )
    with pytest.raises(ChangedElsewhereError):
        stale.redo()
    assert getattr(read(workspace, day_id, session_id), name) == "Their words"

    fresh = read(workspace, day_id, session_id)
    undo = QUndoStack()
    saves: list[dict[str, Any]] = []

    def edit(row_id: int, **values: Any) -> Any:
        saves.append(values)
        return edit_of(workspace)(row_id, **values)

    mine = EditRow(
        f"Edit {kind}",
        edit,
        fresh.id,
        {name: "Their words"},
        {name: "My words"},
        fresh.row_version,
    )
    undo.push(mine.done_now())
    assert undo.count() == 1
    assert saves == [{name: "My words", "seen_version": fresh.row_version}]  # saved once
    assert getattr(read(workspace, day_id, session_id), name) == "My words"
    versions = [read(workspace, day_id, session_id).row_version]
    for step in (undo.undo, undo.redo, undo.undo):
        step()
        versions.append(read(workspace, day_id, session_id).row_version)
    assert versions == [fresh.row_version + n for n in range(1, 5)]
    assert getattr(read(workspace, day_id, session_id), name) == "Their words"

    # Changed elsewhere after the undo: the redo is made on the version the undo wrote.
    edit_of(workspace)(fresh.id, **{name: "Newer words"})
    with pytest.raises(ChangedElsewhereError):
        mine.redo()
    assert getattr(read(workspace, day_id, session_id), name) == "Newer words"


def _picks(
    monkeypatch: pytest.MonkeyPatch, pick: tuple[ExchangeScope, int | None], meanwhile: Any
) -> None:
    """The scope chooser answers `pick`, after `meanwhile()` (someone else's change)."""

    def choose(
        parent: object, title: str, label: str, choices: Sequence[tuple[str, Any]], current: int
    ) -> tuple[bool, Any]:
        meanwhile()
        return True, pick

    monkeypatch.setattr(review_module, "choose", choose)


def test_the_reviews_scope_of_an_ask_is_set_on_the_version_read_for_the_choice(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route)
    session_id = presenting_sessions(workspace.db, day_id)[0].session_id
    undo = QUndoStack()
    dialog = ReviewDialog(workspace, day_id, undo, session_id)
    qtbot.addWidget(dialog)
    row = next(
        r
        for r in range(dialog.model.rowCount())
        if (line := dialog.model.line_at(r)) is not None and line.exchange_id is not None
    )
    dialog.view.setCurrentIndex(dialog.model.index(row))
    line = dialog.model.line_at(row)
    assert line is not None
    assert line.exchange_id is not None
    exchange_id = line.exchange_id
    exchanges = workspace.exchanges

    def stored() -> Any:
        return next(x for x in exchanges.for_session(session_id) if x.id == exchange_id)

    before = stored()
    other = next(a for a in dialog.authorities if a != before.authority_id)
    theirs = (ExchangeScope.BILATERAL, other)

    # Someone else sets it while the chooser is open: mine is refused, never put on the stack.
    _picks(
        monkeypatch,
        (ExchangeScope.MULTILATERAL, None),
        lambda: exchanges.edit(exchange_id, scope=theirs[0], counterpart_id=theirs[1]),
    )
    with pytest.raises(ChangedElsewhereError):
        dialog.set_scope()
    assert (stored().scope, stored().counterpart_id) == theirs
    assert undo.count() == 0

    _picks(monkeypatch, (ExchangeScope.MULTILATERAL, None), lambda: None)
    dialog.set_scope()
    assert (stored().scope, stored().counterpart_id) == (ExchangeScope.MULTILATERAL, None)
    assert undo.count() == 1
    undo.undo()
    assert (stored().scope, stored().counterpart_id) == theirs
    undo.redo()
    assert (stored().scope, stored().counterpart_id) == (ExchangeScope.MULTILATERAL, None)
