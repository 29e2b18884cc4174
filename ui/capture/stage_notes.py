"""The bullets of one stage and the bar to type more, saved as they are typed."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.capture.attribution import Attribution
from facilitator.capture.introductions import PersonOfDay
from facilitator.capture.notes import Notebook, NoteInputError, NoteView
from facilitator.capture.outcome_route import OutcomeRoute
from facilitator.storage.write_faults import WriteFailedError
from ui.capture.capture_bar import CaptureBar
from ui.capture.fix_in_place import NoteFixer
from ui.capture.note_commands import AddedNote, DeleteNote, MoveNote, RoutedNote
from ui.capture.notes_view import NoteDelegate, NotesModel
from ui.common.bridge import listen

EMPTY_TEXT = "No bullets yet for this stage. Type one below and press Enter."
RETRY_MS = 3000  # after a failed save, how often to try again


class StageNotes(QWidget):
    """A draft is saved as it is typed, Enter keeps it and Escape drops it; each bullet goes to
    the stage `target()` names when it is begun, and stays there until Enter. `finished()`
    names a finished session the target belongs to, which the facilitator confirms once before
    anything is written to it. `problem` carries a message for the status bar; `settled` says
    the line is free again, so where the next bullet goes may change.
    """

    problem = Signal(str)
    settled = Signal()

    def __init__(
        self,
        notebook: Notebook,
        undo: QUndoStack,
        names: dict[int, str],
        target: Callable[[], int | None],
        parent: QWidget | None = None,
        *,
        finished: Callable[[], str] = lambda: "",
        route: OutcomeRoute | None = None,
    ) -> None:
        super().__init__(parent)
        self.notebook, self.undo, self._target = notebook, undo, target
        self._finished, self._confirmed = finished, set[str]()
        self._route = route  # actions, asks and offers become the Outcomes items
        self._draft_id: int | None = None
        self.draft_stage_id: int | None = None  # where the bullet being typed was begun
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
        # A failed save (disk full, file locked…) is told here until a save succeeds; the
        # text stays on the line and is tried again every few seconds.
        self.fault = QLabel()
        self.fault.setObjectName("errorMessage")
        self.fault.setAccessibleName("Saving problem")
        self.fault.setWordWrap(True)
        self.fault.hide()
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._try_again)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.fault)
        layout.addWidget(self.capture)

        self._key("Delete bullet", QKeySequence.StandardKey.Delete, self.delete_selected)
        self._key("Move bullet up", "Alt+Up", lambda: self.move_selected(-1))
        self._key("Move bullet down", "Alt+Down", lambda: self.move_selected(1))
        self.fixer = NoteFixer(self.view, self.model, undo, self, route)  # tag, person, stage
        self.fixer.told.connect(self.problem)
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

    def set_people(self, authorities: Mapping[int, str], people: Sequence[PersonOfDay]) -> None:
        """Who a bullet can be credited to, on the capture line and when fixing one: the
        day's authorities (id: full name) and its people."""
        self.capture.set_people(authorities, people)
        self.model.people = tuple(people)

    def show_stage(self, stage_id: int, heading: str) -> None:
        """Shows the stage's bullets."""
        self.heading.setText(heading)
        if self.model.stage_id != stage_id:
            self.model.set_draft(None)
            self.model.show_stage(stage_id)
            self.model.set_draft(self._draft_id)
        self._show_empty()

    def _show_empty(self) -> None:
        self.empty.setVisible(self.model.rowCount() == 0)
        self.empty.setText(EMPTY_TEXT)

    def _changed(self, stage_id: int | None) -> None:
        if stage_id == self.model.stage_id:
            self._show_empty()

    def _may_write(self, asking: bool) -> bool:
        """Whether the target may be written to: a finished session is confirmed once."""
        key = self._finished()
        if not key or key in self._confirmed:
            return True
        if not asking:
            return False
        answer = QMessageBox.question(
            self,
            "Add to a finished session",
            "This session has finished. Add this bullet to its notes?\n\n"
            "Choose No to keep the text in the line.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._confirmed.add(key)
        return True

    def _save(self, stage_id: int, shown: Attribution) -> NoteView | None:
        """Adds the bullet being typed, or brings its draft up to date."""
        draft = self._draft_id
        if draft is None:
            note = self.notebook.add(
                stage_id,
                shown.text,
                shown.tag,
                authority_id=shown.authority_id,
                person_id=shown.person_id,
            )
            if note is not None:
                self._draft_id, self.draft_stage_id = note.id, note.stage_id
            return note
        try:
            note = self.notebook.edit(
                draft,
                text=shown.text,
                tag=shown.tag,
                authority_id=shown.authority_id,
                person_id=shown.person_id,
            )
        except LookupError:  # deleted from the list meanwhile: the line still holds it
            self._draft_id = None
            return self._save(self.draft_stage_id or stage_id, shown)
        return note

    def _draft(self, typed: str) -> None:
        stage_id = self._target()
        if stage_id is None or not self._may_write(asking=self.capture.flushing):
            return
        try:
            was_draft = self._draft_id is not None
            note = self._save(stage_id, self.capture.attribution())
            self.model.set_draft(self._draft_id)
            if note is not None and not was_draft:
                self._reveal(note.id)
        except NoteInputError as exc:
            self.problem.emit(str(exc))
        except WriteFailedError as exc:
            self._failed(exc)
            return
        self._saved_again()

    def _entered(self, typed: str) -> None:
        stage_id = self._target()
        if stage_id is None or not self._may_write(asking=True):
            self.capture.keep_text()
            return
        was_draft = self._draft_id is not None
        try:
            note = self._save(stage_id, self.capture.attribution())
        except NoteInputError as exc:
            self.problem.emit(str(exc))
            self.capture.keep_text()
            return
        except WriteFailedError as exc:
            self._failed(exc)
            self.capture.keep_text()  # Enter again once the banner has gone
            return
        self._saved_again()
        self._forget_draft()
        routed = self._route.route(note) if note is not None and self._route else None
        if routed is not None and self._route is not None:
            self.undo.push(RoutedNote(self._route, routed))
            self.problem.emit(routed.said)
        elif note is not None:
            self.undo.push(AddedNote(self.notebook, note))
            if not was_draft:  # a draft was shown when it was first saved
                self._reveal(note.id)
        self.capture.warning.hide()
        self.settled.emit()

    def _failed(self, fault: WriteFailedError) -> None:
        self.fault.setText(f"{fault}  (Trying again every {RETRY_MS // 1000} seconds.)")
        self.fault.show()
        if not self._retry.isActive():
            self._retry.start()

    def _saved_again(self) -> None:
        if not self.fault.isHidden():  # hidden explicitly, not merely off screen
            self.fault.hide()
            self._retry.stop()
            self.problem.emit("Saved again: nothing you typed was lost.")

    def _try_again(self) -> None:
        if self.capture.line.text().strip():
            self._draft(self.capture.line.text())
        else:
            self._saved_again()

    def set_read_only(self, read_only: bool) -> None:
        """A data file opened read-only takes no bullets: the line says so instead."""
        line = self.capture.line
        line.setReadOnly(read_only)
        if read_only:
            line.setPlaceholderText(
                "Opened read-only: close the other Balcony window and open the file again to "
                "add bullets."
            )

    def unsaved_text(self) -> str:
        """Text in the line that is stored nowhere yet (a finished session not confirmed)."""
        typed = self.capture.line.text().strip()
        return typed if typed and self._draft_id is None else ""

    def may_close(self) -> bool:
        """True unless the line holds unsaved text the facilitator chooses to keep."""
        if not self.unsaved_text():
            return True
        answer = QMessageBox.question(
            self,
            "Close the console",
            "The line holds text that is not saved anywhere yet. Close and lose it?",
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Close

    def _forget_draft(self) -> None:
        self._draft_id, self.draft_stage_id = None, None
        self.model.set_draft(None)

    def _reveal(self, note_id: int) -> None:
        row = next((i for i, n in enumerate(self.model.notes) if n.id == note_id), -1)
        if row < 0:
            return
        index = self.model.index(row)
        # Scrolling lays the whole list out again: only when the bullet is out of sight.
        if not self.view.viewport().rect().contains(self.view.visualRect(index)):
            self.view.scrollTo(index)

    def _abandoned(self, text: str) -> None:
        """Escape drops the bullet being typed, one Ctrl+Z from coming back: even words not
        yet saved are stored first, so the undo has them."""
        draft = self._draft_id
        self._forget_draft()
        if draft is None and text.strip() and (stage_id := self._target()) is not None:
            with suppress(NoteInputError, WriteFailedError):
                shown = self.capture.dropped
                if shown is not None and self._may_write(asking=False):
                    note = self.notebook.add(
                        stage_id, shown.text, shown.tag, authority_id=shown.authority_id
                    )
                    draft = note.id if note else None
        if draft is not None:
            with suppress(LookupError):  # already deleted from the list
                self.undo.push(DeleteNote(self.notebook, draft))
                self.problem.emit("Bullet dropped. Ctrl+Z brings it back.")
        self.capture.warning.hide()
        self.settled.emit()

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
