"""The due list on the home window: what is overdue, then what is due soon, in words; the
empty state; Ctrl+D marking the chosen one done and Ctrl+Z taking that back; and a closed
panel letting go of the follow-up service."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import FollowUpStatus
from facilitator.workspace import Workspace
from tests.ui.follow_up.conftest import Triad
from ui.follow_up.due_panel import NOTHING_DUE, DuePanel
from ui.follow_up.models import OVERDUE

CTRL = Qt.KeyboardModifier.ControlModifier


def open_panel(qtbot: QtBot, workspace: Workspace, stack: QUndoStack | None = None) -> DuePanel:
    panel = DuePanel(workspace.follow_ups, undo_stack=stack)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    if panel.table.isVisible():
        panel.table.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.table)
    return panel


def rows(panel: DuePanel) -> list[tuple[str, str, str]]:
    model = panel.model
    return [
        (model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, 2).data())
        for r in range(model.rowCount())
    ]


@pytest.fixture
def tracked(workspace: Workspace, triad: Triad) -> dict[str, int]:
    """Three actions tracked: one overdue, one due soon, one not for weeks (not listed)."""
    track = workspace.follow_ups.track_action
    a = triad.actions
    return {
        "soon": track(a["Share the edge-of-care audit"], dt.date(2027, 2, 5)).id,
        "overdue": track(a["Test the sufficiency plan"], dt.date(2027, 1, 29)).id,
        "later": track(a["Publish the early help offer"], dt.date(2027, 3, 30)).id,
    }


def test_overdue_comes_first_then_due_soon_each_in_words(
    qtbot: QtBot, workspace: Workspace, tracked: dict[str, int]
) -> None:
    panel = open_panel(qtbot, workspace)

    assert rows(panel) == [
        (
            "Overdue by 3 days",
            "29 Jan 2027",
            "Action: Test the sufficiency plan — Ashvale, Day 1 (18 January 2027) — Priya",
        ),
        (
            "Due in 4 days",
            "5 Feb 2027",
            "Action: Share the edge-of-care audit — Ashvale, Day 1 (18 January 2027) — Tom",
        ),
    ]
    assert panel.count_label.text() == "2 follow-ups, 1 overdue"
    overdue, soon = panel.model.index(0, 0), panel.model.index(1, 0)
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) == QColor(OVERDUE)
    assert isinstance(font := overdue.data(Qt.ItemDataRole.FontRole), QFont)
    assert font.bold()
    assert soon.data(Qt.ItemDataRole.ForegroundRole) is None
    assert not panel.empty_label.isVisible()
    assert panel.accessibleName() == "Due and overdue"


def test_with_nothing_due_it_says_so(qtbot: QtBot, workspace: Workspace, triad: Triad) -> None:
    workspace.follow_ups.track_action(
        triad.actions["Test the sufficiency plan"], dt.date(2027, 6, 1)
    )

    panel = open_panel(qtbot, workspace)

    assert panel.model.rowCount() == 0
    assert panel.empty_label.isVisible()
    assert panel.empty_label.text() == NOTHING_DUE
    assert not panel.table.isVisible()
    assert not panel.mark_done_action.isEnabled()


def test_ctrl_d_marks_the_chosen_one_done_and_ctrl_z_brings_it_back(
    qtbot: QtBot, workspace: Workspace, tracked: dict[str, int]
) -> None:
    panel = open_panel(qtbot, workspace)
    panel.table.selectRow(1)

    QTest.keyClick(panel.table, Qt.Key.Key_D, CTRL)

    done = workspace.follow_ups.get(tracked["soon"])
    assert done.status is FollowUpStatus.DONE
    assert done.done_on == dt.date(2027, 2, 1)
    assert [r[0] for r in rows(panel)] == ["Overdue by 3 days"]

    QTest.keyClick(panel.table, Qt.Key.Key_Z, CTRL)

    assert workspace.follow_ups.get(tracked["soon"]).status is FollowUpStatus.OPEN
    assert [r[0] for r in rows(panel)] == ["Overdue by 3 days", "Due in 4 days"]


def test_marking_done_is_a_step_on_the_home_windows_stack(
    qtbot: QtBot, workspace: Workspace, tracked: dict[str, int]
) -> None:
    stack = QUndoStack()
    panel = open_panel(qtbot, workspace, stack)
    assert not hasattr(panel, "undo_action")  # the home window's own Undo takes it back

    panel.done_button.click()

    assert stack.undoText() == "Mark “Test the sufficiency plan” done"
    assert workspace.follow_ups.get(tracked["overdue"]).status is FollowUpStatus.DONE
    stack.undo()
    assert workspace.follow_ups.get(tracked["overdue"]).status is FollowUpStatus.OPEN
    assert len(rows(panel)) == 2


def test_a_change_anywhere_shows_and_a_closed_panel_lets_go(
    qtbot: QtBot, workspace: Workspace, triad: Triad
) -> None:
    listeners = workspace.follow_ups.changed._listeners
    before = len(listeners)
    panel = open_panel(qtbot, workspace)
    assert len(listeners) == before + 1

    workspace.follow_ups.track_action(
        triad.actions["Test the sufficiency plan"], dt.date(2027, 2, 1)
    )
    assert rows(panel)[0][0] == "Due today"

    panel.close()
    qtbot.waitUntil(lambda: len(listeners) == before)
    workspace.follow_ups.track_action(
        triad.actions["Publish the early help offer"], dt.date(2027, 2, 2)
    )
    assert len(rows(panel)) == 1  # no longer told

    panel.show()  # shown again: it catches up and listens again
    assert len(listeners) == before + 1
    assert len(rows(panel)) == 2


def test_enter_asks_for_the_follow_up_tab_with_the_chosen_one(
    qtbot: QtBot, workspace: Workspace, tracked: dict[str, int]
) -> None:
    panel = open_panel(qtbot, workspace)
    panel.table.selectRow(1)

    with qtbot.waitSignal(panel.open_requested) as asked:
        QTest.keyClick(panel.table, Qt.Key.Key_Return)

    assert asked.args == [tracked["soon"]]


def test_refresh_counts_from_the_new_day(
    qtbot: QtBot, workspace: Workspace, tracked: dict[str, int], clock: FakeClock
) -> None:
    panel = open_panel(qtbot, workspace)

    clock.advance(minutes=24 * 60)
    panel.refresh()

    assert [r[0] for r in rows(panel)] == ["Overdue by 4 days", "Due in 3 days"]
