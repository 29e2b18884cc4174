"""The Qt binding must not leak references to None from overridden event handlers.

PySide6 6.12.0 does, once per call; on Python 3.11 (where None is not immortal) a day of
typing then ends in "Fatal Python error: none_dealloc". This fails on such a release.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

PRESSES = 2000


class _Overridden(QLineEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)


def test_overridden_handlers_keep_none_alive(qtbot: QtBot) -> None:
    line = _Overridden()
    qtbot.addWidget(line)
    line.show()
    before = sys.getrefcount(None)
    for number in range(PRESSES):
        qtbot.keyClick(line, Qt.Key.Key_A)
        if number % 100 == 0:
            line.resize(200 + number % 7, 30)
            line.repaint()
    lost = before - sys.getrefcount(None)
    assert lost < PRESSES // 2, f"{lost} references to None lost in {PRESSES} key presses"
