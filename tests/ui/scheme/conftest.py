"""A regional scheme window over a pool of invented people, and a coordinator who answers its
dialogs (file and message dialogs stand in for the user)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.pool.people import ChallengerDetails, Expertise, Role
from facilitator.workspace import Workspace
from ui.scheme.window import SchemeWindow

DATA = Path(__file__).resolve().parents[2] / "data"
PCTR = DATA / "seed-001-pctr.csv"
SAV = DATA / "seed-001-sav.csv"
APPLIED = (Role.PCR_TEAM_MEMBER, Role.DATA_SPECIALIST)
TRAINED = "PCR team member training, 12/01/2015"


def person(
    name: str,
    authority: str,
    *,
    approved: tuple[Role, ...] = (Role.PCR_TEAM_MEMBER,),
    training: str = TRAINED,
) -> ChallengerDetails:
    """Someone invented, fit for a PCTR core team unless told otherwise."""
    return ChallengerDetails(
        name=name,
        authority=authority,
        position="Head of Service",
        expertise=(Expertise.FAMILY_SUPPORT, Expertise.SAFEGUARDING),
        roles_applied=APPLIED,
        roles_approved=approved,
        training=training,
    )


# Invented people and councils, but for one from Nottingham, which seed 001's first PCTR reviews.
PEOPLE = (
    person("Alex Example", "Northshire"),
    person("Bea Sample", "Southshire"),
    person("Cal Testperson", "Eastshire"),
    person("Dana Placeholder", "Westshire", approved=(Role.DATA_SPECIALIST,)),
    person("Nina Hostperson", "Nottingham"),
)


@pytest.fixture
def clock() -> FakeClock:
    """Spring 2015: over two months before seed 001's first PCTR (10-12 Aug 2015)."""
    return FakeClock(dt.datetime(2015, 5, 1, 9, 0, tzinfo=dt.UTC))


@dataclass
class Coordinator:
    """What the coordinator answers in the dialogs, and what they were told and asked."""

    monkeypatch: pytest.MonkeyPatch
    warnings: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes

    def __post_init__(self) -> None:
        def warn(*args: object, **_: object) -> QMessageBox.StandardButton:
            self.warnings.append(str(args[2]))
            return QMessageBox.StandardButton.Ok

        def ask(*args: object, **_: object) -> QMessageBox.StandardButton:
            self.questions.append(str(args[2]))
            return self.answer

        for name in ("warning", "information", "critical"):
            self.monkeypatch.setattr(QMessageBox, name, warn)
        self.monkeypatch.setattr(QMessageBox, "question", ask)

    def opens(self, path: Path) -> None:
        self.monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


@pytest.fixture
def coordinator(monkeypatch: pytest.MonkeyPatch) -> Coordinator:
    return Coordinator(monkeypatch)


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> SchemeWindow:
    shown = SchemeWindow(workspace)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    return shown


@pytest.fixture
def pool(workspace: Workspace) -> dict[str, int]:
    """The invented people, by name: their ids in the pool."""
    return {view.name: view.id for view in workspace.pool.add_all(PEOPLE)}


def press(qtbot: QtBot, window: SchemeWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A key pressed where the focus is, as the coordinator would: the window's shortcuts
    decide what it does."""
    QTest.keyClick(window.focusWidget() or window, key, modifiers)
