"""The facilitator's console: the running agenda, the stage and its timer, and capture."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.capture.notes import NoteInputError, NoteView
from facilitator.common.vocabulary import DayStatus, NoteTag, StageKind
from facilitator.live.conductor import Conductor, RunError, RunState, Step
from facilitator.live.guidance import GUIDANCE, default_tag, split_prefix
from facilitator.workspace import Workspace
from ui.bank.panel import QuestionBankPanel
from ui.capture.capture_bar import CaptureBar
from ui.capture.note_commands import AddedNote, DeleteNote, MoveNote
from ui.capture.notes_view import NoteDelegate, NotesModel
from ui.common.undo import AlreadyDone
from ui.console.menus import install_actions
from ui.console.parts import StageHeader, TurnBar, check_suggestion
from ui.console.run_models import STAGE_ID_ROLE, AgendaRunModel
from ui.console.settings import apply_saved_amber
from ui.outcomes.panel import RecordPanel

REFRESH_MS = 250


class ConsoleWindow(QMainWindow):
    # Made by install_actions (ui/console_actions.py).
    next_action: QAction
    back_action: QAction
    pause_action: QAction
    skip_action: QAction
    replan_action: QAction
    end_action: QAction
    delete_action: QAction

    def __init__(
        self, workspace: Workspace, conductor: Conductor, day_id: int, settings: QSettings
    ) -> None:
        super().__init__()
        self.workspace, self.conductor, self.day_id = workspace, conductor, day_id
        self.settings = settings
        self.undo = QUndoStack(self)
        self.state: RunState = conductor.state(day_id)
        self.viewed_stage_id: int | None = None
        self.presenter: QWidget | None = None
        plan = workspace.planner.day_plan(day_id)
        self.day_title = f"{plan.summary.kind.label} on {plan.summary.date.strftime('%d %B %Y')}"
        self.setWindowTitle(f"Balcony: {self.day_title}")
        self.names = {p.authority_id: p.short_name or p.name for p in plan.participants}
        self.full_names = {p.authority_id: p.name for p in plan.participants}

        self.agenda_model = AgendaRunModel()
        self.agenda_view = QListView()
        self.agenda_view.setObjectName("runAgenda")
        self.agenda_view.setAccessibleName("Agenda of the day")
        self.agenda_view.setModel(self.agenda_model)
        self.agenda_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda_view.setSpacing(1)
        self.agenda_view.setMinimumWidth(250)
        self.agenda_view.selectionModel().currentChanged.connect(self._agenda_row_chosen)

        self.header = StageHeader()
        self.start_button = QPushButton("Start the day")
        self.start_button.setObjectName("primaryButton")
        self.back_button = QPushButton("Back")
        self.pause_button = QPushButton("Pause")
        self.skip_button = QPushButton("Skip break")
        self.replan_button = QPushButton("Re-plan…")
        self.screen_button = QPushButton("Presenter screen")
        controls = QHBoxLayout()
        for button in (
            self.start_button,
            self.back_button,
            self.pause_button,
            self.skip_button,
            self.replan_button,
        ):
            controls.addWidget(button)
        controls.addStretch()
        controls.addWidget(self.screen_button)

        self.guidance = QLabel()
        self.guidance.setObjectName("guidance")
        self.guidance.setWordWrap(True)
        self.turns = TurnBar()
        self.notes_heading = QLabel()
        self.notes_heading.setObjectName("sectionHeading")
        self.notes_heading.setWordWrap(True)
        self.notes_model = NotesModel(workspace.notebook, self.undo)
        self.notes_model.names = self.names
        self.notes_view = QListView()
        self.notes_view.setObjectName("notesList")
        self.notes_view.setAccessibleName("Bullets of the stage")
        self.notes_view.setModel(self.notes_model)
        self.notes_view.setItemDelegate(NoteDelegate(self.notes_model, self.notes_view))
        self.notes_view.setWordWrap(True)
        self.notes_view.setUniformItemSizes(False)
        self.notes_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.notes_empty = QLabel()
        self.notes_empty.setObjectName("secondaryText")
        self.notes_empty.setWordWrap(True)
        self.capture = CaptureBar()

        centre = QWidget()
        column = QVBoxLayout(centre)
        column.addWidget(self.header)
        column.addLayout(controls)
        column.addWidget(self.guidance)
        column.addWidget(self.turns)
        column.addWidget(self.notes_heading)
        column.addWidget(self.notes_view, 1)
        column.addWidget(self.notes_empty)
        column.addWidget(self.capture)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.agenda_view)
        split.addWidget(centre)
        split.setStretchFactor(1, 1)
        split.setSizes([270, 700])
        split.setChildrenCollapsible(False)
        self.setCentralWidget(split)

        self.bank_panel = QuestionBankPanel(workspace, self.undo)
        self.bank_panel.set_day(day_id)
        self.bank_dock = QDockWidget("Question bank", self)
        self.bank_dock.setObjectName("consoleBankDock")
        self.bank_dock.setWidget(self.bank_panel)
        self.bank_panel.setMinimumWidth(380)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.bank_dock)
        self.record_panel = RecordPanel(workspace, self.undo, day_id)
        self.record_dock = QDockWidget("Record", self)
        self.record_dock.setObjectName("consoleRecordDock")
        self.record_dock.setWidget(self.record_panel)
        self.record_panel.setMinimumWidth(380)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.record_dock)
        self.tabifyDockWidget(self.bank_dock, self.record_dock)
        self.bank_dock.raise_()

        install_actions(self)
        apply_saved_amber(self)
        self.start_button.clicked.connect(self.start_or_next)
        self.back_button.clicked.connect(self.go_back)
        self.pause_button.clicked.connect(self.pause_or_resume)
        self.skip_button.clicked.connect(self.skip_break)
        self.replan_button.clicked.connect(self.replan)
        self.screen_button.clicked.connect(self.toggle_presenter_screen)
        self.capture.draft.connect(self._draft)
        self.capture.entered.connect(self._entered)
        self.capture.abandoned.connect(self._abandoned)
        self.capture.line.textEdited.connect(self._typing)
        self.turns.next_button.clicked.connect(self.next_turn)

        workspace.notebook.changed.connect(self._notes_changed)
        conductor.changed.connect(self._run_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh_timer)
        self._timer.start()
        self._run_changed(day_id)
        geometry = settings.value("console/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1366, 768)
        self.capture.line.setFocus()

    # actions ----------------------------------------------------------------------------

    def _run_step(self, work: object, *args: object) -> Step | None:
        try:
            step = work(self.day_id)  # type: ignore[operator]
        except RunError as exc:
            self.statusBar().showMessage(str(exc), 6000)
            return None
        assert isinstance(step, Step)
        self.undo.push(
            AlreadyDone(
                step.text, lambda: self.conductor.redo(step), lambda: self.conductor.undo(step)
            )
        )
        return step

    def start_or_next(self) -> None:
        self.capture.flush()
        if self.state.current is None and self.state.status is not DayStatus.FINISHED:
            self._run_step(self.conductor.start_day)
        elif self.state.current is not None:
            self._run_step(self.conductor.advance)

    def go_back(self) -> None:
        self._run_step(self.conductor.go_back)

    def pause_or_resume(self) -> None:
        timer = self.state.timer
        if timer is None:
            return
        self._run_step(self.conductor.resume if timer.paused else self.conductor.pause)

    def skip_break(self) -> None:
        self._run_step(self.conductor.skip_break)

    def end_day(self) -> None:
        answer = QMessageBox.question(
            self,
            "End the day",
            "End the day now? Every stage not yet run stays unrun; nothing captured is lost, "
            "and you can undo this.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run_step(self.conductor.end_day)

    def replan(self) -> None:
        from ui.console.replan_dialog import ReplanDialog

        proposal = self.conductor.replan(self.day_id)
        dialog = ReplanDialog(self.state, proposal, self)
        if proposal.possible and dialog.exec():
            old = self.conductor.apply_replan(proposal)
            self.undo.push(
                AlreadyDone(
                    "Re-plan the day",
                    lambda: self.conductor.set_minutes(self.day_id, proposal.stage_minutes),
                    lambda: self.conductor.set_minutes(self.day_id, old),
                )
            )
        elif not proposal.possible:
            QMessageBox.information(self, "Re-plan", proposal.problem)

    def toggle_presenter_screen(self) -> None:
        from ui.console.presenter_link import toggle_presenter

        self.presenter = toggle_presenter(self)

    def flash_message(self) -> None:
        from ui.console.presenter_link import ask_and_flash

        ask_and_flash(self)

    # capture ----------------------------------------------------------------------------

    def capture_stage_id(self) -> int | None:
        """Bullets go to the stage being viewed, by default the one running."""
        if self.viewed_stage_id is not None:
            return self.viewed_stage_id
        current = self.state.current
        return current.id if current else (self.state.stages[0].id if self.state.stages else None)

    def _typing(self, text: str) -> None:
        self.capture.warning.setText(check_suggestion(self, text))
        self.capture.warning.setVisible(bool(self.capture.warning.text()))

    def _tag_and_text(self, typed: str) -> tuple[NoteTag, str]:
        tag, text = split_prefix(typed)
        return tag or self.capture.tag(), text

    def _draft(self, typed: str) -> None:
        stage_id = self.capture_stage_id()
        if stage_id is None:
            return
        tag, text = self._tag_and_text(typed)
        try:
            if self.notes_model.draft_id is None:
                note = self.workspace.notebook.add(
                    stage_id, text, tag, authority_id=self.capture.who()
                )
                self.notes_model.set_draft(note.id if note else None)
                if note is not None:
                    self._reveal(note.id)
            else:
                draft = self.notes_model.draft_id
                self.workspace.notebook.edit(draft, text=text, tag=tag)
        except NoteInputError as exc:
            self.statusBar().showMessage(str(exc), 8000)

    def _entered(self, typed: str) -> None:
        stage_id = self.capture_stage_id()
        if stage_id is None:
            return
        tag, text = self._tag_and_text(typed)
        draft = self.notes_model.draft_id
        was_draft = draft is not None
        try:
            if draft is not None:
                note: NoteView | None = self.workspace.notebook.edit(draft, text=text, tag=tag)
            else:
                note = self.workspace.notebook.add(
                    stage_id, text, tag, authority_id=self.capture.who()
                )
        except NoteInputError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            self.capture.line.setText(typed)
            return
        self.notes_model.set_draft(None)
        if note is not None:
            self.undo.push(AddedNote(self.workspace.notebook, note))
            if not was_draft:  # a draft was shown when it was first saved
                self._reveal(note.id)
        self.capture.warning.hide()

    def _reveal(self, note_id: int) -> None:
        row = next((i for i, n in enumerate(self.notes_model.notes) if n.id == note_id), -1)
        if row < 0:
            return
        index = self.notes_model.index(row)
        # Scrolling lays the whole list out again: only when the bullet is out of sight.
        if not self.notes_view.viewport().rect().contains(self.notes_view.visualRect(index)):
            self.notes_view.scrollTo(index)

    def _abandoned(self) -> None:
        if self.notes_model.draft_id is not None:
            draft = self.notes_model.draft_id
            self.notes_model.set_draft(None)
            self.workspace.notebook.delete(draft)
        self.capture.warning.hide()

    def delete_selected_note(self) -> None:
        note = self.notes_model.note_at(self.notes_view.currentIndex().row())
        if note is not None:
            self.undo.push(DeleteNote(self.workspace.notebook, note.id))

    def move_selected_note(self, step: int) -> None:
        row = self.notes_view.currentIndex().row()
        note = self.notes_model.note_at(row)
        if note is None or not 0 <= row + step < self.notes_model.rowCount():
            return
        self.undo.push(MoveNote(self.workspace.notebook, note.id, row, row + step))
        self.notes_view.setCurrentIndex(self.notes_model.index(row + step))

    def next_turn(self) -> None:
        current = self.state.current
        if current is None or current.kind is not StageKind.QUESTIONING or not current.session_id:
            return
        self.workspace.turns.next(current.session_id)
        self._update_turns()

    # refreshing -------------------------------------------------------------------------

    def refresh_timer(self) -> None:
        self.state = self.conductor.state(self.day_id)
        self.header.show_timer(self.state)

    def _run_changed(self, day_id: int) -> None:
        if day_id != self.day_id:
            return
        previous = self.state.current.id if self.state.current else None
        self.state = self.conductor.state(day_id)
        self.agenda_model.set_state(self.state)
        current = self.state.current
        if current is not None and current.id != previous:
            self.viewed_stage_id = None  # follow the running stage
        self._show_stage()
        self.header.show_timer(self.state)
        started = self.state.status is not DayStatus.PLANNED or current is not None
        finished = self.state.status is DayStatus.FINISHED
        self.start_button.setText("Next stage" if started else "Start the day")
        self.start_button.setEnabled(not finished)
        self.back_button.setEnabled(started)
        self.pause_button.setEnabled(current is not None)
        self.pause_button.setText(
            "Resume" if self.state.timer is not None and self.state.timer.paused else "Pause"
        )
        nxt = self.state.next
        self.skip_button.setEnabled(
            current is not None and (current.is_break or (nxt is not None and nxt.is_break))
        )
        self.replan_button.setEnabled(current is not None)
        if current is not None and current.session_id:
            self.bank_panel.set_session(current.session_id)

    def _show_stage(self) -> None:
        stage_id = self.capture_stage_id()
        stage = next((s for s in self.state.stages if s.id == stage_id), None)
        if stage is None:
            return
        row = self.agenda_model.row_of(stage.id)
        self.agenda_view.blockSignals(True)
        self.agenda_view.setCurrentIndex(self.agenda_model.index(row))
        self.agenda_view.blockSignals(False)
        self.header.show_stage(stage, self.state)
        self.guidance.setText("\n".join(f"•  {line}" for line in GUIDANCE[stage.kind]))
        who = f" · {stage.presenter}" if stage.presenter else ""
        viewing = "" if self.viewed_stage_id is None else "  (not the running stage)"
        self.notes_heading.setText(f"Bullets: {stage.title}{who}{viewing}")
        if self.notes_model.stage_id != stage.id:
            self.notes_model.set_draft(None)
            self.notes_model.show_stage(stage.id)
            self.capture.set_tag(default_tag(stage.kind))
        self._update_people(stage.presenter_id)
        self._update_turns()
        self._notes_empty_text()
        if self.record_panel.show_stage(stage):
            self.record_dock.raise_()

    def _update_people(self, presenter_id: int | None) -> None:
        choices: list[tuple[str, int | None]] = [("Nobody in particular", None)]
        choices += [(name, authority_id) for authority_id, name in self.full_names.items()]
        default = presenter_id
        stage = self.state.current
        if stage is not None and stage.kind is StageKind.QUESTIONING and stage.session_id:
            default = self.workspace.turns.current(stage.session_id).authority_id
        elif stage is not None and stage.kind in (StageKind.AFFIRMATION, StageKind.INSIGHTS):
            default = None
        self.capture.set_people(choices, default)

    def _update_turns(self) -> None:
        stage = next((s for s in self.state.stages if s.id == self.capture_stage_id()), None)
        if stage is None or stage.kind is not StageKind.QUESTIONING or not stage.session_id:
            self.turns.hide()
            return
        turn = self.workspace.turns.current(stage.session_id)
        self.turns.show_turn(turn)
        self.turns.show()
        if stage.status.value == "now":
            self.capture.who_combo.setCurrentIndex(
                max(0, self.capture.who_combo.findData(turn.authority_id))
            )

    def _notes_empty_text(self) -> None:
        empty = self.notes_model.rowCount() == 0
        self.notes_empty.setVisible(empty)
        self.notes_empty.setText("No bullets yet for this stage. Type one below and press Enter.")

    def _notes_changed(self, stage_id: int | None) -> None:
        if stage_id == self.notes_model.stage_id:
            self._notes_empty_text()
            self._update_turns()

    def _agenda_row_chosen(self, *_: object) -> None:
        stage_id = self.agenda_view.currentIndex().data(STAGE_ID_ROLE)
        current = self.state.current
        self.viewed_stage_id = None if current and current.id == stage_id else stage_id
        self.capture.flush()
        self._show_stage()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.capture.flush()
        self._timer.stop()
        if self.presenter is not None:
            self.presenter.close()
        self.settings.setValue("console/geometry", self.saveGeometry())
        self.workspace.notebook.changed.disconnect(self._notes_changed)
        self.notes_model.detach()
        self.record_panel.detach()
        self.conductor.changed.disconnect(self._run_changed)
        super().closeEvent(event)
