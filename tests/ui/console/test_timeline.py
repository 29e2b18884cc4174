"""The console's Timeline dock: drawn only when shown, and redrawn on each step of the day."""

from __future__ import annotations

import os
import subprocess
import sys

import pyqtgraph as pg
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from tests.support.console import CTRL_SHIFT, key
from ui.console.window import ConsoleWindow


def fills(console: ConsoleWindow) -> int:
    view = console.timeline_dock.view
    assert view is not None
    item: pg.BarGraphItem | None = view.fills
    return 0 if item is None else len(item.opts["x0"])


def test_f5_moves_the_timeline_on(qtbot: QtBot, console: ConsoleWindow, clock: FakeClock) -> None:
    assert console.timeline_dock.view is None  # not drawn until shown
    key(qtbot, console, Qt.Key.Key_H, CTRL_SHIFT)  # View ▸ Timeline of the day
    qtbot.waitUntil(lambda: console.timeline_dock.view is not None)
    assert fills(console) == 0

    key(qtbot, console, Qt.Key.Key_F5)  # start the day
    assert fills(console) == 1
    view = console.timeline_dock.view
    assert view is not None
    assert view.now_line is not None
    start = view.now_line.value()
    assert console.timeline_dock.now_timer.isActive()

    clock.advance(20 * 60)
    key(qtbot, console, Qt.Key.Key_F5)  # the first presentation
    assert fills(console) == 2
    assert view.now_line.value() == start + 20

    clock.advance(3 * 60)
    console.timeline_dock.now_timer.timeout.emit()  # the minute's tick
    assert view.now_line.value() == start + 23


def test_closing_the_console_stops_the_timelines_clock(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    key(qtbot, console, Qt.Key.Key_F5)
    assert console.timeline_dock.now_timer.isActive()
    console.close()
    assert not console.timeline_dock.now_timer.isActive()


def test_a_console_that_never_shows_the_timeline_never_loads_pyqtgraph() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtCore import QSettings\n"
        "from ui.app import ensure_application\n"
        "from ui.console.window import ConsoleWindow\n"
        "from facilitator.demo import create_demo_day\n"
        "from facilitator.workspace import Workspace\n"
        "app = ensure_application()\n"
        "ws = Workspace.in_memory()\n"
        "day = create_demo_day(ws.planner, ws.notebook, ws.outcome_route)\n"
        "w = ConsoleWindow(ws, ws.conductor, day, QSettings())\n"
        "w.show()\n"
        "app.processEvents()\n"
        "print('pyqtgraph' in sys.modules)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "False"
