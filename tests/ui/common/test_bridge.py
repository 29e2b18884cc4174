"""Domain events reach a widget only while it lives: the bridge lets go when it is destroyed."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from facilitator.common.events import Event
from ui.common.bridge import listen


def test_a_listener_hears_each_announcement_in_order(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    event: Event[int] = Event()
    heard: list[int] = []

    listen(owner, event, heard.append)
    event.emit(1)
    event.emit(2)

    assert heard == [1, 2]
    assert len(event._listeners) == 1


def test_a_destroyed_owner_is_taken_off_the_event(qtbot: QtBot) -> None:
    event: Event[str] = Event()
    heard: list[str] = []
    owner = QObject()
    listen(owner, event, heard.append)
    listen(owner, event, heard.append)
    assert len(event._listeners) == 2

    with qtbot.waitSignal(owner.destroyed):
        owner.deleteLater()
    event.emit("after")

    assert heard == []
    assert event._listeners == []


def test_a_child_listener_goes_with_its_window(qtbot: QtBot) -> None:
    event: Event[int] = Event()
    window = QWidget()
    child = QWidget(window)
    heard: list[int] = []
    listen(child, event, heard.append)

    event.emit(1)
    with qtbot.waitSignal(window.destroyed):
        window.deleteLater()
    event.emit(2)

    assert heard == [1]
    assert event._listeners == []
