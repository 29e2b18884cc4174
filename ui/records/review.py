"""Review the record: each session's note as it will read, with what to check before export.

Opened from the console (Day ▸ Review the record…, Ctrl+Shift+V, and offered when the day
ends). F8 and Shift+F8 go from one thing to check to the next; the fixes are the console's
own, on the same undo stack: Ctrl+T the tag, Ctrl+Shift+P the person, Ctrl+Shift+M the
stage, Ctrl+Shift+S the session, F2 the words, Delete a repeat, and Ctrl+Shift+O the scope
of an ask or offer. The note re-reads itself after every change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.capture.notes import NoteInputError
from facilitator.common.vocabulary import ExchangeScope
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.records.collect import collect_session_note
from facilitator.records.review import ReviewLine, SessionReview, review_session
from facilitator.workspace import Workspace
from ui.capture.fix_in_place import NoteFixer, choose
from ui.capture.note_commands import DeleteNote, EditNote, quoted
from ui.common.bridge import listen
from ui.common.undo import EditRow
from ui.records.review_model import NoteReviewModel


class ReviewDialog(QDialog):
    """One session's note at a time; the session box (Alt+S) changes it."""

    def __init__(
        self,
        workspace: Workspace,
        day_id: int,
        undo: QUndoStack,
        session_id: int | None = None,
        parent: QWidget | None = None,
        *,
        open_records: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace, self.day_id, self.undo = workspace, day_id, undo
        self.setWindowTitle("Review the record")
        self.setAccessibleName("Review the record")
        self.resize(900, 640)
        plan = workspace.planner.day_plan(day_id)
        self.authorities = {p.authority_id: p.name for p in plan.participants}
        self.sessions = [
            (s.session_id, s.authority_name) for s in presenting_sessions(workspace.db, day_id)
        ]
        self.session_box = QComboBox()
        self.session_box.setAccessibleName("Session to review")
        for number, (sid, name) in enumerate(self.sessions, start=1):
            self.session_box.addItem(f"Session {number}: {name}", sid)
        session_label = QLabel("&Session")
        session_label.setBuddy(self.session_box)
        self.summary = QLabel()
        self.summary.setObjectName("sectionHeading")
        self.summary.setAccessibleName("What to check")
        self.summary.setWordWrap(True)
        self.model = NoteReviewModel(workspace, self)
        self.model.names = self.authorities
        self.model.people = tuple(workspace.introductions.people_of_day(day_id))
        self.view = QListView()
        self.view.setAccessibleName("The note as it will read")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setSpacing(2)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        keys = QLabel(
            "F8 next to check · Ctrl+T tag · Ctrl+Shift+P person · Ctrl+Shift+M stage · "
            "Ctrl+Shift+S session · F2 words · Delete · Ctrl+Shift+O scope · Ctrl+Z undo"
        )
        keys.setObjectName("secondaryText")
        keys.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("secondaryText")
        self.status.setAccessibleName("Review messages")
        self.status.setWordWrap(True)

        self.next_button = QPushButton("&Next to check (F8)")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.next_button, QDialogButtonBox.ButtonRole.ActionRole)
        if open_records is not None:
            records = QPushButton("&Records and export…")
            records.setAccessibleName("Open the day's records to export")
            records.clicked.connect(lambda: self._then(open_records))
            buttons.addButton(records, QDialogButtonBox.ButtonRole.AcceptRole)
        for button in buttons.buttons():  # Enter in the list must never close the review
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        top = QHBoxLayout()
        top.addWidget(session_label)
        top.addWidget(self.session_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(keys)
        layout.addWidget(buttons)

        self.fixer = NoteFixer(self.view, self.model, undo, self, workspace.outcome_route)
        self.fixer.told.connect(self.status.setText)
        self._key("Next to check", "F8", lambda: self.go_to_check(1))
        self._key("Previous to check", "Shift+F8", lambda: self.go_to_check(-1))
        self._key("Edit the words…", "F2", self.edit_words, on_view=True)
        self._key("Delete bullet", QKeySequence.StandardKey.Delete, self.delete_line, on_view=True)
        self._key("Set the scope…", "Ctrl+Shift+O", self.set_scope, on_view=True)
        undo_action = undo.createUndoAction(self, "Undo")
        undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        redo_action = undo.createRedoAction(self, "Redo")
        redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([undo_action, redo_action])
        self.next_button.clicked.connect(lambda: self.go_to_check(1))

        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(0)
        self._refresh_soon.timeout.connect(self.refresh)

        def refresh_soon(_changed: object) -> None:
            self._refresh_soon.start()

        listen(self, workspace.notebook.changed, refresh_soon)
        listen(self, workspace.actions.changed, refresh_soon)
        listen(self, workspace.exchanges.changed, refresh_soon)
        listen(self, workspace.questions.changed, refresh_soon)
        start = self.session_box.findData(session_id) if session_id is not None else 0
        self.session_box.setCurrentIndex(max(0, start))
        self.session_box.currentIndexChanged.connect(lambda _i: self.refresh(first=True))
        self.review: SessionReview | None = None
        self._showing_check = False  # the status line shows the selected line's check
        self.refresh(first=True)
        self.view.setFocus()

    def _key(
        self,
        text: str,
        keys: str | QKeySequence.StandardKey,
        slot: Callable[[], object],
        on_view: bool = False,
    ) -> QAction:
        action = QAction(text, self.view if on_view else self)
        action.setShortcut(QKeySequence(keys))
        if on_view:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(action)  # and on the bullet menu (Shift+F10)
        else:
            self.addAction(action)
        action.triggered.connect(lambda *_: slot())
        return action

    @property
    def session_id(self) -> int | None:
        value = self.session_box.currentData()
        return int(value) if value is not None else None

    def refresh(self, first: bool = False) -> None:
        """Reads the note again, keeping the selected line where it is."""
        session_id = self.session_id
        if session_id is None:
            self.summary.setText("The day has no sessions to review.")
            return
        line = self.model.line_at(self.view.currentIndex().row())
        row = self.view.currentIndex().row()
        notes = self.workspace.notebook.for_session(session_id)
        content = collect_session_note(self.workspace, session_id)
        self.review = review_session(self.workspace, content, notes)
        self.model.set_review(self.review, notes)
        self.summary.setText(f"{content.authority}’s note. {self.review.summary}")
        if first:
            self.status.clear()
            if self.review.flagged:
                self.go_to_check(1, from_row=-1)
            else:
                self._select(self._nearest_line(0))
            return
        kept = self.model.row_of(line.source) if line and line.source else -1
        self._select(kept if kept >= 0 else self._nearest_line(row))
        now = self._selected_line()
        if now is not None and now.flags:
            self.status.setText(" ".join(f.message for f in now.flags))
        elif self._showing_check:
            self.status.setText("Cleared. F8 goes to the next thing to check.")
        self._showing_check = bool(now and now.flags)

    def _then(self, step: Callable[[], None]) -> None:
        self.accept()
        step()

    def _nearest_line(self, row: int) -> int:
        """The selectable line at `row`, else the next one down, else the nearest above."""
        count: int = self.model.rowCount()
        rows: list[int] = [*range(max(0, row), count), *range(row - 1, -1, -1)]
        for candidate in rows:
            line = self.model.line_at(candidate)
            if line is not None and line.source:
                return candidate
        return -1

    def _select(self, row: int) -> None:
        if row >= 0:
            index = self.model.index(row)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def go_to_check(self, step: int, from_row: int | None = None) -> None:
        """Selects the next (or previous) line with something to check, wrapping round."""
        count = self.model.rowCount()
        here = self.view.currentIndex().row() if from_row is None else from_row
        for offset in range(1, count + 1):
            row = (here + step * offset) % count
            line = self.model.line_at(row)
            if line is not None and line.flags:
                self._select(row)
                self.status.setText(" ".join(f.message for f in line.flags))
                self._showing_check = True
                return
        self.status.setText("Nothing left to check in this note.")

    def _selected_line(self) -> ReviewLine | None:
        return self.model.line_at(self.view.currentIndex().row())

    def edit_words(self) -> None:
        note = self.fixer.selected()
        if note is None:
            self.status.setText(
                "Only a bullet's words can be edited here; edit the rest where it was entered."
            )
            return
        text, ok = QInputDialog.getMultiLineText(self, "Edit the words", "The bullet:", note.text)
        if not ok or text.strip() == note.text:
            return
        try:
            self.undo.push(
                EditNote(
                    self.workspace.notebook,
                    note.id,
                    (note.text, note.tag, note.authority_id),
                    (text, note.tag, note.authority_id),
                    note.row_version,
                ).done_now()
            )
        except NoteInputError as exc:
            self.status.setText(str(exc))

    def delete_line(self) -> None:
        note = self.fixer.selected()
        if note is None:
            self.status.setText(
                "Only a bullet can be deleted here: delete an action, ask, offer or focus risk "
                "in the Outcomes panel (Ctrl+J)."
            )
            return
        self.undo.push(DeleteNote(self.workspace.notebook, note.id))
        self.status.setText(f"Deleted {quoted(note.text)}. Ctrl+Z puts it back.")

    def set_scope(self) -> None:
        line = self._selected_line()
        exchange_id = line.exchange_id if line else None
        exchange = next(
            (
                x
                for x in self.workspace.exchanges.for_session(self.session_id or 0)
                if x.id == exchange_id
            ),
            None,
        )
        if exchange is None:
            self.status.setText("Select an ask or offer to set its scope.")
            return
        choices: list[tuple[str, tuple[ExchangeScope, int | None]]] = [
            ("Multilateral: open to every authority", (ExchangeScope.MULTILATERAL, None))
        ]
        choices += [
            (f"Bilateral, with {name}", (ExchangeScope.BILATERAL, authority_id))
            for authority_id, name in self.authorities.items()
            if authority_id != exchange.authority_id
        ]
        current = next(
            (
                i
                for i, (_, v) in enumerate(choices)
                if v == (exchange.scope, exchange.counterpart_id)
            ),
            0,
        )
        ok, picked = choose(
            self.view, "Set the scope", f"Scope of {quoted(exchange.topic, 50)}:", choices, current
        )
        if not ok or picked is None:
            return
        # Made on the ask or offer as it was read for the choice: refused if someone else
        # changes it meanwhile (on a shared database), and then never on the undo stack.
        edit = EditRow(
            f"Set the scope of {quoted(exchange.topic)}",
            self.workspace.exchanges.edit,
            exchange.id,
            {"scope": exchange.scope, "counterpart_id": exchange.counterpart_id},
            {"scope": picked[0], "counterpart_id": picked[1]},
            exchange.row_version,
        )
        self.undo.push(edit.done_now())
