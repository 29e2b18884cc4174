"""Editing the bank: the facilitator's own themes and questions, hidden ones, order, sharing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QKeySequence,
    QStandardItem,
    QStandardItemModel,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from facilitator.storage.files import WriteError, write_atomically
from question_bank import BankFormatError, BankService, Question, StaleImportError, Theme
from ui.bank.edit_commands import AddQuestion, AddTheme, EditQuestion, Move, SetHidden
from ui.bank.import_dialog import ImportDialog
from ui.bank.question_dialog import QuestionDialog

ID_ROLE = Qt.ItemDataRole.UserRole + 1
IS_THEME_ROLE = Qt.ItemDataRole.UserRole + 2


class BankEditor(QDialog):
    """Changes go to the facilitator's layer at once; Ctrl+Z takes them back."""

    bank_changed = Signal()

    def __init__(self, service: BankService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.undo = QUndoStack(self)
        self.setWindowTitle("Edit the question bank")
        self.resize(900, 640)

        intro = QLabel(
            "The handbook’s questions stay as shipped; your additions, edits, hidden items and "
            "order are kept beside them. Hidden items are shown in grey."
        )
        intro.setObjectName("secondaryText")
        intro.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setAccessibleName("Themes and questions")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)

        def button(text: str, shortcut: str, slot: object) -> QPushButton:
            widget = QPushButton(text)
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            self.addAction(action)
            widget.clicked.connect(slot)
            widget.setToolTip(
                QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            )
            return widget

        side = QVBoxLayout()
        self.add_theme_button = button("Add theme…", "Ctrl+Shift+N", self.add_theme)
        self.add_question_button = button("Add question…", "Ctrl+N", self.add_question)
        self.edit_button = button("Edit…", "F2", self.edit_selected)
        self.hide_button = button("Hide / show", "Ctrl+H", self.toggle_hidden)
        self.up_button = button("Move up", "Alt+Up", lambda: self.move_selected(-1))
        self.down_button = button("Move down", "Alt+Down", lambda: self.move_selected(1))
        self.import_button = button("Import…", "Ctrl+I", self.import_file)
        self.export_button = button("Export…", "Ctrl+E", self.export_file)
        for widget in (
            self.add_theme_button,
            self.add_question_button,
            self.edit_button,
            self.hide_button,
            self.up_button,
            self.down_button,
        ):
            side.addWidget(widget)
        side.addSpacing(16)
        side.addWidget(self.import_button)
        side.addWidget(self.export_button)
        side.addStretch()
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        side.addWidget(close)

        undo_action = self.undo.createUndoAction(self, "Undo")
        undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        redo_action = self.undo.createRedoAction(self, "Redo")
        redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([undo_action, redo_action])

        body = QHBoxLayout()
        body.addWidget(self.tree, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(body)
        self.tree.doubleClicked.connect(self.edit_selected)
        self.refresh()

    # the tree ---------------------------------------------------------------------------

    def refresh(self, select_id: str | None = None) -> None:
        select_id = select_id or self.selected_id()
        expanded = {
            self.model.item(row).data(ID_ROLE)
            for row in range(self.model.rowCount())
            if self.tree.isExpanded(self.model.index(row, 0))
        }
        self.model.clear()
        bank = self.service.bank(include_hidden=True)
        for theme in bank.themes:
            theme_item = _item(
                f"{theme.title}  ({len(theme.questions)})", theme.id, True, theme.hidden
            )
            bold = QFont()
            bold.setBold(True)
            theme_item.setFont(bold)
            for question in theme.questions:
                theme_item.appendRow(
                    _item(_question_line(question), question.id, False, question.hidden)
                )
            self.model.appendRow(theme_item)
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            if item.data(ID_ROLE) in expanded:
                self.tree.expand(item.index())
        if select_id:
            self.select(select_id)

    def select(self, item_id: str) -> None:
        for row in range(self.model.rowCount()):
            theme = self.model.item(row)
            if theme.data(ID_ROLE) == item_id:
                self.tree.setCurrentIndex(theme.index())
                return
            for child_row in range(theme.rowCount()):
                child = theme.child(child_row)
                if child.data(ID_ROLE) == item_id:
                    self.tree.expand(theme.index())
                    self.tree.setCurrentIndex(child.index())
                    self.tree.scrollTo(child.index())
                    return

    def selected_id(self) -> str | None:
        index = self.tree.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def _selected_theme_id(self) -> str | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        if index.data(IS_THEME_ROLE):
            return str(index.data(ID_ROLE))
        return str(index.parent().data(ID_ROLE))

    def _changed(self, item_id: str) -> None:
        self.refresh(item_id)
        self.bank_changed.emit()

    # edits ------------------------------------------------------------------------------

    def add_theme(self) -> None:
        title, ok = QInputDialog.getText(self, "Add theme", "Title of the new theme:")
        if ok and title.strip():
            self.undo.push(AddTheme(self.service, title.strip(), "signatures", self._changed))

    def add_question(self) -> None:
        theme_id = self._selected_theme_id()
        if theme_id is None:
            QMessageBox.information(self, "Add question", "Choose a theme for the question first.")
            return
        dialog = QuestionDialog(None, self)
        if dialog.exec():
            self.undo.push(AddQuestion(self.service, theme_id, dialog.words(), self._changed))

    def edit_selected(self, *_: object) -> None:
        index = self.tree.currentIndex()
        if not index.isValid() or index.data(IS_THEME_ROLE):
            return
        question = self.service.bank(include_hidden=True).question(str(index.data(ID_ROLE)))
        dialog = QuestionDialog(question, self)
        if dialog.exec() and not dialog.words().same_words(question):
            self.undo.push(EditQuestion(self.service, question, dialog.words(), self._changed))

    def toggle_hidden(self) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        bank = self.service.bank(include_hidden=True)
        item: Theme | Question | None = bank.find_theme(item_id) or bank.find_question(item_id)
        if item is not None:
            self.undo.push(SetHidden(self.service, item_id, not item.hidden, self._changed))

    def move_selected(self, step: int) -> None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return
        count = (
            self.model.rowCount()
            if not index.parent().isValid()
            else self.model.rowCount(index.parent())
        )
        target = index.row() + step
        if 0 <= target < count:
            self.undo.push(
                Move(
                    self.service,
                    str(index.data(ID_ROLE)),
                    bool(index.data(IS_THEME_ROLE)),
                    index.row(),
                    target,
                    self._changed,
                )
            )

    # sharing ----------------------------------------------------------------------------

    def import_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import questions", "", "Question banks (*.toml *.csv);;All files (*)"
        )
        if name:
            self.import_path(Path(name))

    def import_path(self, path: Path) -> bool:
        try:
            plan = self.service.import_file(path)
        except BankFormatError as exc:
            QMessageBox.warning(self, "Import questions", f"{exc}\n\nNothing was imported.")
            return False
        except OSError as exc:
            QMessageBox.warning(
                self,
                "Import questions",
                f"{path} cannot be read ({exc.strerror}). Nothing was imported.",
            )
            return False
        dialog = ImportDialog(plan, path.name, self)
        if plan.changes_nothing:
            QMessageBox.information(
                self, "Import questions", f"Every question in {path.name} is already in your bank."
            )
            return False
        if not dialog.exec():
            return False
        try:
            result = self.service.apply_import(plan, dialog.choices())
        except StaleImportError as exc:
            QMessageBox.warning(self, "Import questions", str(exc))
            return False
        # Imports are not undoable one by one: the confirmation above is the safeguard.
        self.undo.clear()
        self.refresh()
        self.bank_changed.emit()
        QMessageBox.information(
            self,
            "Import questions",
            f"Added {len(result.added_questions)} questions in {len(result.added_themes)} new "
            f"themes; replaced {len(result.replaced)}; kept {len(result.kept)} as they were.",
        )
        return True

    def export_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export the question bank", "question-bank.toml", "Question bank (*.toml)"
        )
        if name:
            self.export_path(Path(name), overwrite=True)  # the file dialog asked already

    def export_path(self, path: Path, overwrite: bool = False) -> bool:
        try:
            write_atomically(path, self.service.export_text().encode("utf-8"), overwrite=overwrite)
        except WriteError as exc:
            QMessageBox.warning(self, "Export the question bank", str(exc))
            return False
        return True


def _item(text: str, item_id: str, is_theme: bool, hidden: bool) -> QStandardItem:
    item = QStandardItem(text + ("  (hidden)" if hidden else ""))
    item.setData(item_id, ID_ROLE)
    item.setData(is_theme, IS_THEME_ROLE)
    item.setEditable(False)
    if hidden:
        item.setForeground(Qt.GlobalColor.gray)
    return item


def _question_line(question: Question) -> str:
    extra = []
    if question.alternatives:
        extra.append("or: " + " / ".join(question.alternatives))
    if question.follow_ups:
        extra.append(f"{len(question.follow_ups)} follow-ups")
    if question.scale:
        extra.append("0–10 scale")
    if question.origin == "user":
        extra.append("yours")
    return question.text + (f"  [{', '.join(extra)}]" if extra else "")
