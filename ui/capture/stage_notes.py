"""The bullets of one stage and the bar to type more, saved as they are typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from facilitator.capture.notes import Notebook, NoteInputError, NoteView
from facilitator.common.vocabulary import NoteTag
from facilitator.live.guidance import split_prefix
from ui.capture.capture_bar import CaptureBar
from ui.capture.note_commands import AddedNote, DeleteNote, MoveNote
from ui.capture.notes_view import NoteDelegate, NotesModel
from ui.common.bridge import listen

EMPTY_TEXT = "No bullets yet for this stage. Type one below and press Enter."


class StageNotes(QWidget):
    """A draft is saved as it is typed, Enter keeps it and Escape drops it; each bullet goes to
    the stage `target()` names at that moment. `problem` carries a message for the status bar.
    """

    problem = Signal(str)

    def __init__(
        self,
        notebook: Notebook,
        undo: QUndoStack,
        names: dict[int, str],
        target: Callable[[], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.notebook, self.undo, self._target = notebook, undo, target
        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        self.heading.setWordWrap(True)
        self.model = NotesModel(notebook, undo, self)
        self.model.names = names
        self.view = QListView()
        self.view.setObjectName("notesList")
        self.view.setAccessibleName("Bullets of the stage")
        self.view.setModel(self.model)
        self.view.setItemDelegate(NoteDelegate(self.model, self.view))
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.empty = QLabel()
        self.empty.setObjectName("secondaryText")
        self.empty.setWordWrap(True)
        self.capture = CaptureBar()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.capture)

        self._key("Delete bullet", QKeySequence.StandardKey.Delete, self.delete_selected)
        self._key("Move bullet up", "Alt+Up", lambda: self.move_selected(-1))
        self._key("Move bullet down", "Alt+Down", lambda: self.move_selected(1))
        self.capture.draft.connect(self._draft)
        self.capture.entered.connect(self._entered)
        self.capture.abandoned.connect(self._abandoned)
        listen(self, notebook.changed, self._changed)

    def _key(
        self, text: str, keys: str | QKeySequence.StandardKey, slot: Callable[[], object]
    ) -> None:
        action = QAction(text, self.view)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda *_: slot())
        self.view.addAction(action)

    def show_stage(self, stage_id: int, heading: str, tag: NoteTag) -> None:
        """Shows the stage's bullets; a stage newly shown starts typing with `tag`."""
        self.heading.setText(heading)
        if self.model.stage_id != stage_id:
            self.model.set_draft(None)
            self.model.show_stage(stage_id)
            self.capture.set_tag(tag)
        self._show_empty()

    def _show_empty(self) -> None:
        self.empty.setVisible(self.model.rowCount() == 0)
        self.empty.setText(EMPTY_TEXT)

    def _changed(self, stage_id: int | None) -> None:
        if stage_id == self.model.stage_id:
            self._show_empty()

    def _tag_and_text(self, typed: str) -> tuple[NoteTag, str]:
        tag, text = split_prefix(typed)
        return tag or self.capture.tag(), text

    def _draft(self, typed: str) -> None:
        stage_id = self._target()
        if stage_id is None:
            return
        tag, text = self._tag_and_text(typed)
        try:
            if self.model.draft_id is None:
                note = self.notebook.add(stage_id, text, tag, authority_id=self.capture.who())
                self.model.set_draft(note.id if note else None)
                if note is not None:
                    self._reveal(note.id)
            else:
                self.notebook.edit(self.model.draft_id, text=text, tag=tag)
        except NoteInputError as exc:
            self.problem.emit(str(exc))

    def _entered(self, typed: str) -> None:
        stage_id = self._target()
        if stage_id is None:
            return
        tag, text = self._tag_and_text(typed)
        draft = self.model.draft_id
        was_draft = draft is not None
        try:
            if draft is not None:
                note: NoteView | None = self.notebook.edit(draft, text=text, tag=tag)
            else:
                note = self.notebook.add(stage_id, text, tag, authority_id=self.capture.who())
        except NoteInputError as exc:
            self.problem.emit(str(exc))
            self.capture.line.setText(typed)
            return
        self.model.set_draft(None)
        if note is not None:
            self.undo.push(AddedNote(self.notebook, note))
            if not was_draft:  # a draft was shown when it was first saved
                self._reveal(note.id)
        self.capture.warning.hide()

    def _reveal(self, note_id: int) -> None:
        row = next((i for i, n in enumerate(self.model.notes) if n.id == note_id), -1)
        if row < 0:
            return
        index = self.model.index(row)
        # Scrolling lays the whole list out again: only when the bullet is out of sight.
        if not self.view.viewport().rect().contains(self.view.visualRect(index)):
            self.view.scrollTo(index)

    def _abandoned(self) -> None:
        if self.model.draft_id is not None:
            draft = self.model.draft_id
            self.model.set_draft(None)
            self.notebook.delete(draft)
        self.capture.warning.hide()

    def delete_selected(self) -> None:
        note = self.model.note_at(self.view.currentIndex().row())
        if note is not None:
            self.undo.push(DeleteNote(self.notebook, note.id))

    def move_selected(self, step: int) -> None:
        row = self.view.currentIndex().row()
        note = self.model.note_at(row)
        if note is None or not 0 <= row + step < self.model.rowCount():
            return
        self.undo.push(MoveNote(self.notebook, note.id, row, row + step))
        self.view.setCurrentIndex(self.model.index(row + step))
