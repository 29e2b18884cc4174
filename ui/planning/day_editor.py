"""Planning one day: its details, the authorities and their teams, and the agenda."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.planning.planner import Planner
from ui.common.bridge import listen
from ui.planning.agenda_tab import AgendaTab
from ui.planning.authorities_tab import AuthoritiesTab
from ui.planning.details_tab import DetailsTab


class DayEditor(QDialog):
    """Every change is saved as it is made; Ctrl+Z takes the last one back."""

    def __init__(self, planner: Planner, day_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.planner, self.day_id = planner, day_id
        # Closing destroys the editor, and with it every tab's listener on the planner, so a
        # closed editor never reacts to later changes.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.undo = QUndoStack(self)
        self.setWindowTitle("Plan the day")
        self.resize(980, 720)

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.details_tab = DetailsTab(planner, day_id)
        self.authorities_tab = AuthoritiesTab(planner, day_id, self.undo)
        self.agenda_tab = AgendaTab(planner, day_id, self.undo)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.details_tab, "&Details")
        self.tabs.addTab(self.authorities_tab, "&Authorities and teams")
        self.tabs.addTab(self.agenda_tab, "A&genda")

        undo_action = self.undo.createUndoAction(self, "Undo")
        undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        redo_action = self.undo.createRedoAction(self, "Redo")
        redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([undo_action, redo_action])
        self.undo_button = QPushButton("Undo")
        self.undo_button.clicked.connect(self.undo.undo)
        self.undo.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo.undoTextChanged.connect(self._undo_text_changed)
        self.undo_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        footer = QHBoxLayout()
        footer.addWidget(self.undo_button)
        footer.addStretch()
        footer.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(footer)
        listen(self, planner.day_changed, self._day_changed)
        self._day_changed(day_id)

    def _undo_text_changed(self, text: str) -> None:
        self.undo_button.setToolTip(f"Undo {text} (Ctrl+Z)" if text else "Nothing to undo")

    def _day_changed(self, day_id: int) -> None:
        if day_id != self.day_id:
            return
        try:
            summary = self.planner.day_plan(day_id).summary
        except LookupError:
            return
        self.title.setText(f"{summary.kind.label} on {summary.date.strftime('%A %d %B %Y')}")
