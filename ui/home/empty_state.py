"""The home window's first page when the data file has no days: start one, or try the demo."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        title = QLabel("No days yet")
        title.setObjectName("pageTitle")
        body = QLabel(
            "Set up a triad or quartet day to plan its agenda, run its sessions and write "
            "its record. Or open the demo day, a fictional triad, to look around first."
        )
        body.setWordWrap(True)
        body.setMaximumWidth(560)
        self.new_day_button = QPushButton("New day…")
        self.new_day_button.setObjectName("primaryButton")
        self.new_day_button.setAccessibleName("New day")
        self.demo_button = QPushButton("Open demo day")
        self.demo_button.setAccessibleName("Open demo day")
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_day_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch()
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(body)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)
