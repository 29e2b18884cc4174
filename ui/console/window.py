"""The facilitator's console: the running agenda, the stage and its timer, and capture."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.capture import attribution
from facilitator.common.vocabulary import DayStatus, StageKind
from facilitator.live.conductor import Conductor, RunError, RunState, StageRun, Step
from facilitator.live.guidance import GUIDANCE
from facilitator.live.turns import TurnView
from facilitator.workspace import Workspace
from ui.capture.stage_notes import StageNotes
from ui.common.bridge import listen
from ui.common.undo import AlreadyDone
from ui.console.after_the_day import ask_what_next, confirm_end_of_day, open_review
from ui.console.docks import build_docks
from ui.console.menus import install_menus
from ui.console.parts import StageHeader, TurnBar, check_suggestion
from ui.console.presenter_link import PresenterLink
from ui.console.replan_dialog import replan_the_rest
from ui.console.run_models import STAGE_ID_ROLE, AgendaRunModel
from ui.console.settings import PhrasesDialog, apply_saved_amber, ask_amber, restore_geometry

REFRESH_MS = 250


class ConsoleWindow(QMainWindow):
    """The console for one day, and where the workspace's services are handed out: each part
    gets only those it uses, and menus, settings and the presenter screen get what they need
    rather than the window, so that none of them imports this module back."""

    def __init__(
        self,
        workspace: Workspace,
        conductor: Conductor,
        day_id: int,
        settings: QSettings,
        *,
        records: Callable[[int, QWidget], None] | None = None,
    ) -> None:
        super().__init__()
        self.conductor, self.day_id, self.settings = conductor, day_id, settings
        self._records = records  # opens the Records window of a day, over `parent`
        self._workspace = workspace  # for the review of the record, opened after the day
        self.review_dialog: QWidget | None = None
        self._turns, self._patterns = workspace.turns, workspace.suggestion_patterns
        self.undo = QUndoStack(self)
        self.state: RunState = conductor.state(day_id)
        self.viewed_stage_id: int | None = None
        plan = workspace.planner.day_plan(day_id)
        self.day_title = f"{plan.summary.kind.label} on {plan.summary.date.strftime('%d %B %Y')}"
        self.setWindowTitle(f"Balcony: {self.day_title}")
        self.names = {p.authority_id: p.short_name or p.name for p in plan.participants}
        self.full_names = {p.authority_id: p.name for p in plan.participants}
        self.presenter_link = PresenterLink(self, conductor, day_id, self.day_title)

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
        self.stage_notes = StageNotes(
            workspace.notebook,
            self.undo,
            self.names,
            self.capture_stage_id,
            finished=lambda: attribution.finished_session(self.state, self._capture_stage()),
            route=workspace.outcome_route,
        )
        self.notes_model = self.stage_notes.model
        self.notes_view = self.stage_notes.view
        self.capture = self.stage_notes.capture
        self.stage_notes.set_people(self.full_names, workspace.introductions.people_of_day(day_id))
        self.stage_notes.set_read_only(workspace.db.read_only)

        centre = QWidget()
        column = QVBoxLayout(centre)
        column.addWidget(self.header)
        column.addLayout(controls)
        column.addWidget(self.guidance)
        column.addWidget(self.turns)
        column.addWidget(self.stage_notes, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.agenda_view)
        split.addWidget(centre)
        split.setStretchFactor(1, 1)
        split.setSizes([270, 700])
        split.setChildrenCollapsible(False)
        self.setCentralWidget(split)

        docks = build_docks(
            self,
            workspace,
            conductor,
            self.undo,
            day_id,
            self.day_title,
            (self.full_names, self.names),
        )
        self.bank_panel, self.bank_dock = docks.bank_panel, docks.bank
        self.outcomes_panel, self.outcomes_dock = docks.outcomes_panel, docks.outcomes
        self.timeline_dock = docks.timeline

        self.run_actions = install_menus(
            self,
            self,
            self.undo,
            self.capture,
            bank_dock=self.bank_dock,
            bank_search=self.bank_panel.focus_search_action,
            bank_show=self.bank_panel.show_action,
            outcomes_dock=self.outcomes_dock,
            outcomes_focus=self.outcomes_panel.focus_action,
            timeline_dock=self.timeline_dock,
            buttons=(self.start_button, self.back_button, self.pause_button, self.skip_button),
        )
        apply_saved_amber(settings, conductor)
        self.start_button.clicked.connect(self.start_or_next)
        self.back_button.clicked.connect(self.go_back)
        self.pause_button.clicked.connect(self.pause_or_resume)
        self.skip_button.clicked.connect(self.skip_break)
        self.replan_button.clicked.connect(self.replan)
        self.screen_button.clicked.connect(self.toggle_presenter_screen)
        self.stage_notes.problem.connect(
            lambda message: self.statusBar().showMessage(message, 8000)
        )
        self.capture.line.textEdited.connect(self._typing)
        self.stage_notes.settled.connect(self._update_capture)
        self.turns.next_button.clicked.connect(self.next_turn)

        # The window's own listeners hang from this, so closing can let them go (see closeEvent).
        self._listener = QObject(self)
        listen(self._listener, workspace.notebook.changed, self._notes_changed)
        listen(self._listener, conductor.changed, self._run_changed)
        listen(self._listener, conductor.amber_changed, lambda _share: self.refresh_timer())
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh_timer)
        self._timer.start()
        self._run_changed(day_id)
        restore_geometry(self, settings)
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
        if self.state.status is DayStatus.FINISHED:
            self.after_the_day()  # after the last stage, what comes next is the record
        elif self.state.current is None:
            self._run_step(self.conductor.start_day)
        elif self._run_step(self.conductor.advance) and self._day_finished():
            self.after_the_day()

    def _day_finished(self) -> bool:
        return self.state.status is DayStatus.FINISHED

    def after_the_day(self) -> None:
        choice = ask_what_next(self, self._records is not None)
        if choice:
            self.review_record() if choice == "review" else self.open_records()

    def review_record(self) -> None:
        """Opens the review at the session on screen (the first, before or after it)."""
        self.capture.flush()
        stage = attribution.viewed_stage(self.state, self.viewed_stage_id)
        records = self.open_records if self._records is not None else None
        session = stage.session_id if stage else None
        self.review_dialog = open_review(
            self._workspace, self.day_id, self.undo, self, session, records
        )

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
        if confirm_end_of_day(self):
            self._run_step(self.conductor.end_day)

    def replan(self) -> None:
        replan_the_rest(self.conductor, self.state, self.undo, self)

    def open_records(self) -> None:
        if self._records is not None and self.stage_notes.may_close():
            self._records(self.day_id, self)

    def toggle_presenter_screen(self) -> None:
        self.presenter_link.toggle()

    @property
    def presenter(self) -> QWidget | None:
        return self.presenter_link.screen

    def flash_message(self) -> None:
        if not self.presenter_link.flash():
            self.statusBar().showMessage("Open the presenter screen first (F9).", 5000)

    def edit_phrases(self) -> None:
        PhrasesDialog(self._patterns, self).exec()

    def change_amber(self) -> None:
        ask_amber(self, self.settings, self.conductor)

    # capture ----------------------------------------------------------------------------

    def _capture_stage(self) -> StageRun | None:
        draft = self.stage_notes.draft_stage_id
        return attribution.capture_stage(self.state, self.viewed_stage_id, draft)

    def capture_stage_id(self) -> int | None:
        """Bullets go to the running stage, whichever is viewed (see capture_stage)."""
        stage = self._capture_stage()
        return stage.id if stage else None

    def _update_capture(self, turn: TurnView | None = None) -> None:
        """Where the next bullet goes and who speaks there, shown on the capture line.
        `turn`, a session's turn just read, is not read again (it is read on every bullet)."""
        draft = self.stage_notes.draft_stage_id

        def asking(session_id: int) -> int:
            if turn is not None and turn.session_id == session_id:
                return turn.authority_id
            return self._turns.current(session_id).authority_id

        line = attribution.capture_line(self.state, self.viewed_stage_id, draft, asking)
        self.capture.set_roles(line.stage_id, line.roles, line.goes_to)

    def _typing(self, text: str) -> None:
        warning = check_suggestion(
            self.state.current, self.capture_stage_id(), self._patterns, text
        )
        self.capture.warning.setText(warning)
        self.capture.warning.setVisible(bool(self.capture.warning.text()))

    def next_turn(self) -> None:
        current = self.state.current
        if current is None or current.kind is not StageKind.QUESTIONING or not current.session_id:
            return
        self._turns.next(current.session_id)
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
        self.start_button.setText(
            "Review and export…" if finished else "Next stage" if started else "Start the day"
        )
        if finished:
            self.statusBar().showMessage(
                "The day has ended. F5 offers the review of each note, then the export."
            )
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

    def _show_stage(self) -> None:
        stage = attribution.viewed_stage(self.state, self.viewed_stage_id)
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
        heading = f"Bullets: {stage.title}{who}{viewing}"
        self.stage_notes.show_stage(stage.id, heading)
        self._update_turns()
        if self.outcomes_panel.show_stage(stage):
            self.outcomes_dock.raise_()

    def _update_turns(self) -> None:
        stage = attribution.viewed_stage(self.state, self.viewed_stage_id)
        session_id = stage.session_id if stage and stage.kind is StageKind.QUESTIONING else None
        turn = self._turns.current(session_id) if session_id else None
        self._update_capture(turn)  # F7 moves who asks
        if turn is None:
            self.turns.hide()
            return
        self.turns.show_turn(turn)
        self.turns.show()

    def _notes_changed(self, stage_id: int | None) -> None:
        if stage_id == self.notes_model.stage_id:
            self._update_turns()

    def _agenda_row_chosen(self, *_: object) -> None:
        self.capture.flush()  # to where it was going, before the view moves
        stage_id = self.agenda_view.currentIndex().data(STAGE_ID_ROLE)
        current = self.state.current
        self.viewed_stage_id = None if current and current.id == stage_id else stage_id
        self._show_stage()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.capture.flush()
        if not self.stage_notes.may_close():
            event.ignore()
            return
        self._timer.stop()
        self.presenter_link.close()
        self.settings.setValue("console/geometry", self.saveGeometry())
        self.outcomes_panel.save_pending()
        super().closeEvent(event)
        # Home keeps a closed console until it opens another, and never shows it again: what
        # listens to the services goes now rather than whenever the window itself is freed.
        self.timeline_dock.release()
        for part in (self._listener, self.stage_notes, self.bank_panel, self.outcomes_panel):
            part.deleteLater()
