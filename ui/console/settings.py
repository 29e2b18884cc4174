"""Small settings of the console: when the timer turns amber, which phrases sound like advice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.live.disguised import SuggestionPatterns

if TYPE_CHECKING:
    from ui.console.window import ConsoleWindow

AMBER_KEY = "console/amberPercent"


def apply_saved_amber(console: ConsoleWindow) -> None:
    stored = console.settings.value(AMBER_KEY, 20)
    percent = int(stored) if isinstance(stored, int | str) and str(stored).isdigit() else 20
    console.conductor.set_amber_share(percent / 100)


def ask_amber(console: ConsoleWindow) -> None:
    current = round(console.conductor.amber_share * 100)
    percent, ok = QInputDialog.getInt(
        console,
        "Timer warning",
        "Turn the timer amber when this share of the stage is left (per cent):",
        current,
        1,
        90,
    )
    if ok:
        console.settings.setValue(AMBER_KEY, percent)
        apply_saved_amber(console)
        console.refresh_timer()


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
