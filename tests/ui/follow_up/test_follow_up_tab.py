"""The scheme window's Follow-up tab: tracking an action and agreeing support through their
dialogs, a due date the service refuses, dropping (after asking), marking done and undoing, and
the done and dropped ones shown when asked."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.common.support_menu import SupportOption
from facilitator.common.vocabulary import FollowUpKind, FollowUpStatus
from facilitator.demo import DEMO_CYCLE
from facilitator.workspace import Workspace
from tests.ui.follow_up.conftest import LEFT, Facilitator, Triad, click_ok
from tests.ui.scheme.conftest import Coordinator, press
from ui.follow_up.dialogs import DueDateDialog, FollowUpDialog
from ui.follow_up.support_dialog import AgreeSupportDialog
from ui.follow_up.track_dialog import TrackActionDialog
from ui.scheme.window import SchemeWindow

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace, triad: Triad) -> SchemeWindow:
    shown = SchemeWindow(workspace)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    shown.tabs.setCurrentWidget(shown.follow_up_tab)
    return shown


def focus_table(qtbot: QtBot, window: SchemeWindow) -> None:
    table = window.follow_up_tab.table
    table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)


def shown(window: SchemeWindow) -> list[tuple[str, ...]]:
    model = window.follow_up_tab.model
    return [
        tuple(str(model.index(r, c).data()) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


@pytest.fixture
def tracked(workspace: Workspace, triad: Triad) -> int:
    return workspace.follow_ups.track_action(
        triad.actions["Test the sufficiency plan"], dt.date(2027, 1, 29)
    ).id


def test_an_action_is_tracked_through_its_dialog(
    qtbot: QtBot, window: SchemeWindow, workspace: Workspace, triad: Triad, facilitator: Facilitator
) -> None:
    tab = window.follow_up_tab
    tab.choose_cycle(DEMO_CYCLE)
    assert tab.empty_label.isVisible()

    def fill(dialog: FollowUpDialog) -> None:
        assert isinstance(dialog, TrackActionDialog)
        listed = [(a.day.words, a.authority, a.text) for a in dialog.model.rows()]
        assert listed[0] == ("Day 1 (18 January 2027)", "Ashvale", "Test the sufficiency plan")
        assert len(listed) == 4
        dialog.choose(triad.actions["Invite Corriford to the fostering panel"])
        assert dialog.owner.text() == ""
        qtbot.keyClicks(dialog.owner, "Jo Placeholder")
        dialog.due.setDate(dialog.due.date().addDays(-14))  # 15 February 2027
        click_ok(qtbot, dialog)

    facilitator.answer(fill)
    focus_table(qtbot, window)
    press(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)

    assert facilitator.opened
    assert facilitator.opened[0].result() == 1
    (view,) = workspace.follow_ups.all_open()
    assert view.action_id == triad.actions["Invite Corriford to the fostering panel"]
    assert (view.who, view.due_on) == ("Jo Placeholder", dt.date(2027, 2, 15))
    assert shown(window) == [
        (
            "Action",
            "Invite Corriford to the fostering panel — Brackenmoor, Day 1 (18 January 2027)",
            "Jo Placeholder",
            "15 Feb 2027",
            "Open, due in 14 days",
        )
    ]
    assert tab.selected() == view
    assert not tab.empty_label.isVisible()

    def look(dialog: FollowUpDialog) -> None:  # a tracked action is no longer offered
        assert isinstance(dialog, TrackActionDialog)
        assert view.action_id not in [a.id for a in dialog.model.rows()]
        assert len(dialog.model.rows()) == 3

    facilitator.answer(look)
    tab.track_action.trigger()

    assert window.undo_stack.undoText() == "Track “Invite Corriford to the fostering panel”"
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert workspace.follow_ups.all_open() == ()


def test_support_is_agreed_for_an_ask_met_by_another_authoritys_offer(
    qtbot: QtBot, window: SchemeWindow, workspace: Workspace, triad: Triad, facilitator: Facilitator
) -> None:
    def fill(dialog: FollowUpDialog) -> None:
        assert isinstance(dialog, AgreeSupportDialog)
        dialog.choose(triad.offer_id)
        assert not dialog.offer.isEnabled()  # an offer is not met by an offer
        dialog.choose(triad.ask_id)
        assert dialog.offer.isEnabled()
        dialog.offer.setCurrentIndex(dialog.offer.findData(triad.offer_id))
        dialog.choose_option(SupportOption.PEER_AUTHORITY)
        qtbot.keyClicks(dialog.owner, "Ravi Example")
        qtbot.keyClicks(dialog.note, "Start with a visit.")
        click_ok(qtbot, dialog)

    facilitator.answer(fill)
    focus_table(qtbot, window)
    press(qtbot, window, Qt.Key.Key_G, CTRL | SHIFT)

    (view,) = workspace.follow_ups.all_open()
    assert view.kind is FollowUpKind.SUPPORT
    assert view.exchange_id == triad.ask_id
    assert view.support is SupportOption.PEER_AUTHORITY
    assert view.who == "Ravi Example"
    assert view.due_on == dt.date(2027, 3, 1)
    assert view.note.startswith("Meets the offer of Brackenmoor")
    assert view.note.endswith("Start with a visit.")
    kind, what, who, _, _ = shown(window)[0]
    assert (kind, who) == ("Agreed support", "Ravi Example")
    assert "Support from a peer authority in the region" in what

    # Agreed by mistake: Ctrl+Z takes it back, Ctrl+Shift+Z agrees it again, as it was.
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert workspace.follow_ups.all_open() == ()
    assert shown(window) == []
    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert workspace.follow_ups.all_open() == (view,)


def test_agreeing_without_an_owner_is_refused_with_the_services_words(
    qtbot: QtBot,
    window: SchemeWindow,
    workspace: Workspace,
    facilitator: Facilitator,
    coordinator: Coordinator,
) -> None:
    facilitator.answer(lambda dialog: click_ok(qtbot, dialog))

    window.follow_up_tab.agree_action.trigger()

    assert len(coordinator.warnings) == 1
    assert "owner" in coordinator.warnings[0].lower()
    assert workspace.follow_ups.list() == ()


def test_a_due_date_before_the_day_is_refused_with_the_services_message(
    qtbot: QtBot,
    window: SchemeWindow,
    workspace: Workspace,
    tracked: int,
    facilitator: Facilitator,
    coordinator: Coordinator,
) -> None:
    def fill(dialog: FollowUpDialog) -> None:
        assert isinstance(dialog, DueDateDialog)
        dialog.date.setDate(dialog.date.date().addDays(-30))  # 30 December 2026
        click_ok(qtbot, dialog)
        assert dialog.isVisible()  # still open, to put right

    facilitator.answer(fill)
    focus_table(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier)

    assert coordinator.warnings == [
        "The due date, 30 December 2026, is before the day it comes from (18 January 2027): "
        "give a date on or after it."
    ]
    assert workspace.follow_ups.get(tracked).due_on == dt.date(2027, 1, 29)
    assert not window.undo_action.isEnabled()


def test_a_due_date_moved_is_undone_with_ctrl_z(
    qtbot: QtBot, window: SchemeWindow, workspace: Workspace, tracked: int, facilitator: Facilitator
) -> None:
    def fill(dialog: FollowUpDialog) -> None:
        assert isinstance(dialog, DueDateDialog)
        dialog.date.setDate(dialog.date.date().addDays(10))  # 8 February 2027
        click_ok(qtbot, dialog)

    facilitator.answer(fill)
    window.follow_up_tab.due_action.trigger()

    assert workspace.follow_ups.get(tracked).due_on == dt.date(2027, 2, 8)
    assert shown(window)[0][3:] == ("8 Feb 2027", "Open, due in 7 days")
    focus_table(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert workspace.follow_ups.get(tracked).due_on == dt.date(2027, 1, 29)
    assert shown(window)[0][4] == "Open, overdue by 3 days"


def test_dropping_asks_first_and_is_undone(
    qtbot: QtBot, window: SchemeWindow, workspace: Workspace, tracked: int, coordinator: Coordinator
) -> None:
    coordinator.answer = coordinator.answer.Cancel
    focus_table(qtbot, window)
    press(qtbot, window, Qt.Key.Key_D, CTRL | SHIFT)

    assert len(coordinator.questions) == 1
    assert "Drop “Test the sufficiency plan”" in coordinator.questions[0]
    assert workspace.follow_ups.get(tracked).status is FollowUpStatus.OPEN

    coordinator.answer = coordinator.answer.Yes
    press(qtbot, window, Qt.Key.Key_D, CTRL | SHIFT)

    assert workspace.follow_ups.get(tracked).status is FollowUpStatus.DROPPED
    assert shown(window) == []
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert workspace.follow_ups.get(tracked).status is FollowUpStatus.OPEN


def test_done_ones_show_only_when_asked_and_reopen(
    qtbot: QtBot, window: SchemeWindow, workspace: Workspace, tracked: int
) -> None:
    tab = window.follow_up_tab
    focus_table(qtbot, window)
    press(qtbot, window, Qt.Key.Key_D, CTRL)

    assert workspace.follow_ups.get(tracked).status is FollowUpStatus.DONE
    assert shown(window) == []
    assert "Show done and dropped" in tab.empty_label.text()

    qtbot.mouseClick(tab.show_closed, LEFT)

    assert tab.show_closed.isChecked()
    assert [row[4] for row in shown(window)] == ["Done on 1 Feb 2027"]
    assert not tab.mark_done_action.isEnabled()
    assert tab.reopen_action.isEnabled()
    tab.reopen_action.trigger()
    assert workspace.follow_ups.get(tracked).status is FollowUpStatus.OPEN
    assert window.undo_action.text() == "&Undo Reopen “Test the sufficiency plan”"


def test_the_keys_do_nothing_while_another_tab_is_shown(
    qtbot: QtBot, window: SchemeWindow, workspace: Workspace, tracked: int
) -> None:
    window.tabs.setCurrentWidget(window.pool_tab)
    window.pool_tab.table.setFocus()

    press(qtbot, window, Qt.Key.Key_D, CTRL)

    assert workspace.follow_ups.get(tracked).status is FollowUpStatus.OPEN
    assert not window.follow_up_tab.track_action.isEnabled()


def test_the_cycle_filter_and_a_closed_window_letting_go(
    qtbot: QtBot, window: SchemeWindow, workspace: Workspace, tracked: int
) -> None:
    tab = window.follow_up_tab
    combo = tab.cycle_combo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names == ["All follow-ups", DEMO_CYCLE, "Reviews, and days in no cycle"]
    assert (
        tab.invitations.note.text()
        == "Choose a cycle to see its topical peer challenge invitations."
    )

    tab.choose_cycle("")
    assert shown(window) == []
    tab.choose_cycle(DEMO_CYCLE)
    assert len(shown(window)) == 1
    assert (
        tab.invitations.note.text()
        != "Choose a cycle to see its topical peer challenge invitations."
    )

    listeners = workspace.follow_ups.changed._listeners
    before = len(listeners)
    window.close()
    qtbot.waitUntil(lambda: len(listeners) == before - 1)


def test_choose_shows_a_follow_up_whatever_the_filter(
    qtbot: QtBot, window: SchemeWindow, workspace: Workspace, tracked: int
) -> None:
    tab = window.follow_up_tab
    workspace.follow_ups.set_status(tracked, FollowUpStatus.DONE)
    tab.choose_cycle("")
    assert shown(window) == []

    tab.choose(tracked)  # as the home window's due list asks, say

    assert tab.cycle() is None
    assert tab.show_closed.isChecked()
    selected = tab.selected()
    assert selected is not None
    assert selected.id == tracked
