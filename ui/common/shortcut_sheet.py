"""The keyboard shortcut sheet (F1): every key of a window, read from its own commands.

Made from the window's QActions each time it opens, so it is never out of step with the menus:
each menu's commands under the menu's name, then those that live elsewhere (a list's own keys,
a panel's), then the keys the window names that are not commands at all (Enter, Escape).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from ui.common.views import table

OTHER = "Elsewhere in the window"


def shortcut_rows(
    window: QMainWindow, extra: Sequence[tuple[str, str, str]] = ()
) -> list[tuple[str, str, str]]:
    """(where, command, keys) for every command of `window` that has a key, then `extra`."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if isinstance(menu, QMenu):
            rows += _menu_rows(_plain(menu.title()), menu, seen)
    for action in window.findChildren(QAction):
        if id(action) not in seen and (keys := _keys(action)) and _plain(action.text()):
            seen.add(id(action))
            rows.append((OTHER, _plain(action.text()), keys))
    return rows + list(extra)


def _menu_rows(where: str, menu: QMenu, seen: set[int]) -> list[tuple[str, str, str]]:
    rows = []
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            rows += _menu_rows(f"{where} ▸ {_plain(submenu.title())}", submenu, seen)
        elif keys := _keys(action):
            seen.add(id(action))
            rows.append((where, _plain(action.text()), keys))
    return rows


def _keys(action: QAction) -> str:
    return ", ".join(
        key.toString(QKeySequence.SequenceFormat.NativeText)
        for key in action.shortcuts()
        if not key.isEmpty()
    )


def _plain(text: str) -> str:
    """A menu's words as read: no accelerator marks, no trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")


class ShortcutSheet(QDialog):
    def __init__(
        self,
        window: QMainWindow,
        extra: Sequence[tuple[str, str, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent or window)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(640, 560)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(["Keys", "Command", "Where"])
        for where, command, keys in shortcut_rows(window, extra):
            self.model.appendRow(
                [QStandardItem(keys), QStandardItem(command), QStandardItem(where)]
            )
        self.filtered = QSortFilterProxyModel(self)
        self.filtered.setSourceModel(self.model)
        self.filtered.setFilterKeyColumn(-1)  # any column: a key, a word, a menu
        self.filtered.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find a command or a key")
        self.search.setAccessibleName("Find a shortcut")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filtered.setFilterFixedString)
        self.view = table(self.filtered, "Keyboard shortcuts", stretch=1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.search.setFocus()

    def shown_rows(self) -> list[tuple[str, str, str]]:
        """(keys, command, where) of each row the search leaves, as shown."""
        return [
            tuple(  # type: ignore[misc]
                str(self.filtered.index(row, column).data()) for column in range(3)
            )
            for row in range(self.filtered.rowCount())
        ]


def show_shortcuts(
    window: QMainWindow, extra: Sequence[tuple[str, str, str]] = ()
) -> ShortcutSheet:
    """The window's sheet, beside it and left open while the facilitator works (one at a time)."""
    for sheet in window.findChildren(ShortcutSheet):
        if sheet.isVisible():
            sheet.raise_()
            sheet.activateWindow()
            return sheet
    sheet = ShortcutSheet(window, extra)
    sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    sheet.show()
    return sheet
