"""How Balcony's dialogs draw their buttons: disabled ones faded, no icons, room for bold."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics, QIcon
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

# The shared style sheet gives disabled buttons no look of their own: here they fade, so
# which steps a record allows can be seen at a glance.
DIALOG_STYLE = """
QPushButton:disabled, QPushButton#primaryButton:disabled {
    color: #6f777b;
    background: #ffffff;
    border: 1px solid #d5d5d5;
    font-weight: normal;
}
"""


def plain_buttons(box: QDialogButtonBox, *, default: QPushButton | None = None) -> None:
    """No icons (they crowd the words) and room for the words in bold on the default one."""
    for button in box.buttons():
        if isinstance(button, QPushButton):
            button.setIcon(QIcon())
            button.setAutoDefault(button is default)
            button.setDefault(button is default)
    if default is not None:
        fit_bold(default)


def fit_bold(button: QPushButton) -> None:
    """A default button is drawn in bold by the style sheet: make room for its words."""
    font = QFont(button.font())
    font.setBold(True)
    width = QFontMetrics(font).horizontalAdvance(button.text().replace("&", "")) + 40
    button.setMinimumWidth(width)
