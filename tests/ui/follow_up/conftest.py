"""A triad day (the demo day, Monday 18 January 2027) with actions, an ask and an offer; the clock
at 10.00 UTC on Monday 1 February 2027. Every name is invented.

Dialogs are answered by the test: `answer(fill)` queues what the facilitator does in the next
follow-up dialog (typing into its real widgets and clicking its real buttons); message boxes
are answered by the `coordinator` of the scheme tests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import ExchangeKind
from facilitator.demo import create_demo_day
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.workspace import Workspace
from tests.ui.scheme.conftest import Coordinator
from ui.follow_up.dialogs import FollowUpDialog

TODAY = dt.date(2027, 2, 1)
DAY = dt.date(2027, 1, 18)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2027, 2, 1, 10, 0, tzinfo=dt.UTC))


@pytest.fixture
def workspace(clock: FakeClock) -> Iterator[Workspace]:
    ws = Workspace.in_memory(clock)
    yield ws
    ws.close()


@dataclass(frozen=True)
class Triad:
    day_id: int
    sessions: list[int]  # Ashvale's, Brackenmoor's, Corriford's
    authorities: list[int]
    actions: dict[str, int]  # by their words
    ask_id: int
    offer_id: int


ACTIONS = (
    (0, "Test the sufficiency plan", "Priya"),
    (0, "Share the edge-of-care audit", "Tom"),
    (1, "Invite Corriford to the fostering panel", ""),
    (2, "Publish the early help offer", "Sam"),
)


@pytest.fixture
def triad(workspace: Workspace) -> Triad:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    infos = presenting_sessions(workspace.db, day_id)
    sessions = [i.session_id for i in infos]
    authorities = [i.authority_id for i in infos]
    actions = {
        text: workspace.actions.add(sessions[n], text, owner).id for n, text, owner in ACTIONS
    }
    ask = workspace.exchanges.add(
        sessions[0],
        ExchangeKind.ASK,
        authorities[0],
        "Fostering recruitment hub",
        "Recruiting foster carers jointly across the region",
    )
    offer = workspace.exchanges.add(
        sessions[1],
        ExchangeKind.OFFER,
        authorities[1],
        "Our fostering recruitment hub",
        "How we recruit foster carers together",
    )
    return Triad(day_id, sessions, authorities, actions, ask.id, offer.id)


@pytest.fixture
def coordinator(monkeypatch: pytest.MonkeyPatch) -> Coordinator:
    return Coordinator(monkeypatch)


Fill = Callable[[FollowUpDialog], None]


@dataclass
class Facilitator:
    """What the facilitator will do in each follow-up dialog that opens, in turn."""

    qtbot: QtBot
    fills: list[Fill] = field(default_factory=list)
    opened: list[FollowUpDialog] = field(default_factory=list)

    def answer(self, fill: Fill) -> None:
        self.fills.append(fill)

    def run(self, dialog: FollowUpDialog) -> int:
        self.opened.append(dialog)
        dialog.show()
        self.qtbot.waitExposed(dialog)
        self.fills.pop(0)(dialog)
        if dialog.isVisible():  # OK was refused: the facilitator gives up
            self.qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), LEFT)
        return dialog.result()


LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def facilitator(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Facilitator:
    person = Facilitator(qtbot)
    monkeypatch.setattr(FollowUpDialog, "exec", lambda dialog: person.run(dialog))
    return person


def click_ok(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, LEFT)  # type: ignore[attr-defined]
