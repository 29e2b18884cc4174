"""Small settings of the console: when the timer turns amber, which phrases sound like advice."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.live.conductor import Conductor
from facilitator.live.disguised import SuggestionPatterns

AMBER_KEY = "console/amberPercent"


LAPTOP_HEIGHT = 900  # at most this tall, a screen is a laptop's: the console fills it


def restore_geometry(window: QMainWindow, settings: QSettings) -> None:
    """Where and how big the console was last time; else 1366×768, or on a laptop's screen
    the whole screen."""
    geometry = settings.value("console/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    elif window.screen().availableGeometry().height() <= LAPTOP_HEIGHT:
        # A 1366×768 window on a 768-high screen hides its foot (the capture line's Tag and
        # Who) under the taskbar and title bar: a laptop's console fills the screen instead.
        window.setWindowState(Qt.WindowState.WindowMaximized)
    else:
        window.resize(1366, 768)


def apply_saved_amber(settings: QSettings, conductor: Conductor) -> None:
    stored = settings.value(AMBER_KEY, 20)
    percent = int(stored) if isinstance(stored, int | str) and str(stored).isdigit() else 20
    conductor.set_amber_share(percent / 100)


def ask_amber(parent: QWidget, settings: QSettings, conductor: Conductor) -> None:
    """Saves the share asked for; the conductor announces it, and timers follow."""
    current = round(conductor.amber_share * 100)
    percent, ok = QInputDialog.getInt(
        parent,
        "Timer warning",
        "Turn the timer amber when this share of the stage is left (per cent):",
        current,
        1,
        90,
    )
    if ok:
        settings.setValue(AMBER_KEY, percent)
        apply_saved_amber(settings, conductor)


class PhrasesDialog(QDialog):
    """One phrase a line; questions containing one are flagged during questioning."""

    def __init__(self, patterns: SuggestionPatterns, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.patterns = patterns
        self.setWindowTitle("Phrases that sound like suggestions")
        self.setMinimumSize(460, 420)
        intro = QLabel(
            "During questioning, a bullet containing one of these phrases is gently flagged, "
            "so you can invite an open question instead. One phrase a line."
        )
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit("\n".join(patterns.patterns()))
        self.editor.setAccessibleName("Phrases, one a line")
        restore = QPushButton("Restore the standard phrases")
        restore.clicked.connect(self._restore)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(restore)
        layout.addWidget(buttons)

    def _restore(self) -> None:
        from facilitator.live.disguised import DEFAULT_PATTERNS

        self.editor.setPlainText("\n".join(DEFAULT_PATTERNS))

    def accept(self) -> None:
        self.patterns.set_patterns(self.editor.toPlainText().splitlines())
        super().accept()
