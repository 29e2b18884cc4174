"""The home window's way into the regional scheme, and what is due on its front page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import FollowUpStatus
from facilitator.demo import DEMO_CYCLE, create_demo_day
from facilitator.workspace import Workspace
from ui.home.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(workspace, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_ctrl_shift_s_opens_the_scheme_window_once(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )

    first = window.scheme
    assert first is not None
    assert first.isVisible()
    assert first.windowTitle() == "Regional scheme — Balcony"
    window.menus.scheme.trigger()
    assert window.scheme is first  # brought forward, not a second copy
    first.close()
    window.menus.scheme.trigger()
    assert window.scheme is not None
    assert window.scheme is not first
    window.scheme.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2027, 2, 1, 10, 0, tzinfo=dt.UTC))  # a fortnight after the demo


@pytest.fixture
def tracked(workspace: Workspace) -> int:
    """The demo day's first action, due two days ago: the id of its follow-up."""
    day_id = create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route)
    (action, *_) = workspace.actions.for_day(day_id)
    return workspace.follow_ups.track_action(action.id, dt.date(2027, 1, 30), owner="Ada Lane").id


def test_the_home_window_lists_what_is_overdue(window: MainWindow, tracked: int) -> None:
    model = window.due_panel.model

    assert window.due_dock.isVisible()
    assert model.rowCount() == 1
    row = " | ".join(str(model.index(0, c).data()) for c in range(model.columnCount()))
    assert "Overdue by 2 days" in row
    assert "Ada Lane" in row


def test_ctrl_d_marks_it_done_and_the_home_undo_brings_it_back(
    window: MainWindow, tracked: int, workspace: Workspace, qtbot: QtBot
) -> None:
    window.due_panel.table.setFocus()
    window.due_panel.table.selectRow(0)
    qtbot.keyClick(window.due_panel.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

    assert workspace.follow_ups.get(tracked).status is FollowUpStatus.DONE
    assert window.due_panel.model.rowCount() == 0
    window.menus.undo.trigger()
    assert workspace.follow_ups.get(tracked).status is FollowUpStatus.OPEN
    assert window.due_panel.model.rowCount() == 1


def test_enter_on_a_due_item_opens_it_in_the_scheme_window(
    window: MainWindow, tracked: int, qtbot: QtBot
) -> None:
    window.due_panel.table.setFocus()
    window.due_panel.table.selectRow(0)
    qtbot.keyClick(window.due_panel.table, Qt.Key.Key_Return)

    scheme = window.scheme
    assert scheme is not None
    assert scheme.tabs.currentWidget() is scheme.follow_up_tab
    chosen = scheme.follow_up_tab.selected()
    assert chosen is not None
    assert chosen.id == tracked
    scheme.close()


def test_the_forward_plan_is_saved_from_the_scheme_menu(
    window: MainWindow, tracked: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.docx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *_a, **_k: (DEMO_CYCLE, True)))

    window.menus.forward_plan.trigger()

    assert target.exists()
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Forward plan" in text
    assert window.statusBar().currentMessage() == f"Forward plan saved to {target}"
