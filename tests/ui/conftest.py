"""The console fixture every console and capture test starts from."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.workspace import Workspace
from tests.support.console import open_console
from ui.console.window import ConsoleWindow


@pytest.fixture
def console(qtbot: QtBot, workspace: Workspace, clock: FakeClock, tmp_path: Path) -> ConsoleWindow:
    return open_console(qtbot, workspace, clock, tmp_path)
