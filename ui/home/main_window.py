"""The home window: the days in this data file, and the way into each of them.

It opens in two steps, so it is on screen in a blink: first the window itself, with the days a
glance at the file found (`preview`); then, once it has been painted, the data file opened in
full (`attach`), when the rest comes alive. Everything a day needs loads when first used."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from facilitator.planning.day_list import DaySummary
from ui.home.about import show_about
from ui.home.day_overview import DayOverview
from ui.home.days_list import DaysList
from ui.home.due_dock import dock_due_list, fill_due_list
from ui.home.empty_state import EmptyState
from ui.home.menus import build_menus
from ui.home.tour import offer_once
from ui.home.window_state import restore_home_geometry

if TYPE_CHECKING:
    from facilitator.workspace import Workspace
    from ui.bank.panel import QuestionBankPanel
    from ui.charts.day_charts import DayChartsWindow
    from ui.console.window import ConsoleWindow
    from ui.follow_up.due_panel import DuePanel
    from ui.home.agenda_commands import AgendaCommands
    from ui.home.backup_timer import BackupTimer
    from ui.scheme.window import SchemeWindow

EMPTY_PAGE, DAYS_PAGE = 0, 1


class MainWindow(QMainWindow):
    """The home window of `workspace`; with None, of the days in `preview` until `attach`."""

    attached = Signal()  # the data file is open and every command works

    workspace: Workspace
    bank_panel: QuestionBankPanel
    due_panel: DuePanel
    backup_timer: BackupTimer
    agenda: AgendaCommands

    def __init__(
        self,
        workspace: Workspace | None,
        settings: QSettings,
        *,
        preview: Sequence[DaySummary] = (),
    ) -> None:
        super().__init__()
        self.settings = settings
        self.setWindowTitle("Balcony")
        self.undo_stack = QUndoStack(self)
        self.console: ConsoleWindow | None = None
        self.scheme: SchemeWindow | None = None
        self.charts: dict[int, DayChartsWindow] = {}  # one window of charts per day
        self._attached = False
        self.setMinimumSize(720, 480)

        self.days_list = DaysList(preview, self)
        self.days_model, self.days_view = self.days_list.model, self.days_list.view
        self.cycle_combo = self.days_list.cycle_combo
        self.days_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.days_view.activated.connect(self.plan_selected_day)

        self.overview = DayOverview()
        self.overview.run_button.clicked.connect(self.run_selected_day)
        self.overview.plan_button.clicked.connect(self.plan_selected_day)
        self.overview.records_button.clicked.connect(self.open_records)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.days_list)
        # Scrolled rather than squeezed: with the due list docked below, a short screen
        # would otherwise draw the agenda's heading over the teams.
        overview_scroll = QScrollArea()
        overview_scroll.setWidget(self.overview)
        overview_scroll.setWidgetResizable(True)
        overview_scroll.setFrameShape(QFrame.Shape.NoFrame)
        splitter.addWidget(overview_scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([170, 530])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        self.empty_state = EmptyState()
        self.empty_state.new_day_button.clicked.connect(self.new_day)
        self.empty_state.demo_button.clicked.connect(self.open_demo_day)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_state)
        self.pages.addWidget(splitter)
        self.setCentralWidget(self.pages)

        # The docks stand where they were left from the first paint; their panels come with
        # the data file.
        self.bank_dock = QDockWidget("Question bank", self)
        self.bank_dock.setObjectName("questionBankDock")
        self.bank_dock.setMinimumWidth(560)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.bank_dock)
        # Planning needs the room; the bank is one key away (Ctrl+B) and lives in the console.
        self.bank_dock.hide()
        self.due_dock = dock_due_list(self)

        self.menus = build_menus(self, self, self.undo_stack, (self.bank_dock, self.due_dock))
        self.days_model.modelReset.connect(self._refresh_page)
        self.days_model.dataChanged.connect(self._refresh_page)
        self._refresh_page()
        restore_home_geometry(self, settings, self.splitter)
        self.data_label = QLabel()
        self.statusBar().addPermanentWidget(self.data_label)
        if workspace is not None:
            self.attach(workspace)
        else:
            self.statusBar().showMessage("Opening the data file…")

    def attach(self, workspace: Workspace) -> None:
        """Brings the window to life on `workspace`: its days, the bank, what is due."""
        from ui.bank.panel import QuestionBankPanel
        from ui.home.agenda_commands import AgendaCommands
        from ui.home.archive_commands import ArchiveCommands
        from ui.home.backup_timer import BackupTimer

        self.workspace = workspace
        self.conductor = workspace.conductor
        if workspace.db.read_only:
            self.setWindowTitle("Balcony (read-only)")
        self.bank_panel = QuestionBankPanel(
            workspace.bank,
            workspace.questions,
            workspace.planner,
            self.undo_stack,
            engine=workspace.db.engine,
        )
        self.bank_dock.setWidget(self.bank_panel)
        self.menus.add_bank_commands(
            self.bank_panel.show_action, self.bank_panel.focus_search_action
        )
        self.due_panel = fill_due_list(self.due_dock, workspace.follow_ups, self.undo_stack)
        self.due_panel.open_requested.connect(self.open_follow_up)
        self.menus.restore_backup.setEnabled(workspace.backups is not None)
        self.backup_timer = BackupTimer(workspace, self)
        self.agenda = AgendaCommands(self, workspace, self.settings, self.selected_day_id)
        self.archives = ArchiveCommands(
            self, workspace, self.settings, self.selected_day_id, self.refresh
        )
        self.menus.archive_export.triggered.connect(self.archives.export)
        self.menus.archive_import.triggered.connect(self.archives.import_)
        self.data_label.setText(self._data_label())
        self._attached = True
        chosen = self.selected_day_id()
        self.days_model.attach(workspace.planner, workspace.conductor.changed)
        if chosen is not None:
            self.select_day(chosen)
        self._refresh_page()
        self.attached.emit()

    # actions --------------------------------------------------------------------------

    def new_day(self) -> None:
        from ui.home.new_day_dialog import NewDayDialog

        dialog = NewDayDialog(self.workspace.planner, self)
        if dialog.exec() and dialog.created_day_id is not None:
            self.select_day(dialog.created_day_id)
            self.statusBar().showMessage("Day created. Plan its teams and agenda next.", 8000)
            self.plan_selected_day()

    def plan_selected_day(self, *_: object) -> None:
        day_id = self.selected_day_id()
        if day_id is None:
            return
        from ui.planning.day_editor import DayEditor

        DayEditor(self.workspace.planner, day_id, self).exec()
        self.select_day(day_id)

    def run_selected_day(self) -> None:
        day_id = self.selected_day_id()
        if day_id is not None:
            self.run_day(day_id)

    def run_day(self, day_id: int) -> None:
        """Opens the console for `day_id`, or brings it forward if it is open already."""
        from ui.console.window import ConsoleWindow

        self.select_day(day_id)
        if self.console is not None and self.console.isVisible():
            if self.console.day_id == day_id:
                self.console.raise_()
                self.console.activateWindow()
                return
            self.console.close()
        self.console = ConsoleWindow(
            self.workspace, self.conductor, day_id, self.settings, records=self.open_records_of
        )
        self.console.show()

    def export_agenda_word(self) -> None:
        self.agenda.export_word()

    def export_agenda_pdf(self) -> None:
        self.agenda.export_pdf()

    def print_agenda(self) -> None:
        self.agenda.print()

    def open_scheme(self) -> SchemeWindow:
        """The regional scheme's window (the pool, reviews, follow-up), one at a time."""
        from ui.scheme.window import SchemeWindow

        if self.scheme is None or not self.scheme.isVisible():
            self.scheme = SchemeWindow(self.workspace, settings=self.settings)
        self.scheme.show()
        self.scheme.raise_()
        self.scheme.activateWindow()
        return self.scheme

    def open_follow_up(self, follow_up_id: int = 0) -> None:
        self.open_scheme().show_follow_up(follow_up_id)

    def export_forward_plan(self) -> None:
        from ui.records.review_steps import export_forward_plan_interactively

        path = export_forward_plan_interactively(self.workspace, None, self, self.settings)
        if path is not None:
            self.statusBar().showMessage(f"Forward plan saved to {path}", 8000)

    def open_records(self) -> None:
        day_id = self.selected_day_id()
        if day_id is not None:
            self.open_records_of(day_id, self)

    def open_records_of(self, day_id: int, parent: QWidget) -> None:
        """The Records window of `day_id`, in front of `parent` (this window or a console)."""
        from ui.records.services import RecordsServices
        from ui.records.window import RecordsDialog

        services = RecordsServices.of(self.workspace, self.settings)
        RecordsDialog(services, day_id, parent, settings=self.settings).show()

    def open_charts(self) -> None:
        """The selected day's charts; pyqtgraph is imported now, not when the app starts."""
        from ui.charts.day_charts import show_day_charts

        day_id = self.selected_day_id()
        if day_id is not None:
            show_day_charts(self.charts, self.workspace, day_id, self)

    def refresh(self) -> None:
        """Reads what is shown again: on a shared database, what others have changed."""
        if self._attached:
            self.days_model.refresh()  # its signal has the page, the overview too, read again
            self.due_panel.refresh()
            self.statusBar().showMessage("Read again from the data.", 4000)

    def export_cycle_report(self) -> None:
        from ui.records.settings import record_exports
        from ui.records.steps import export_cycle_report_interactively

        exports = record_exports(self.workspace, self.settings)
        path = export_cycle_report_interactively(
            self.workspace.planner, exports, self, settings=self.settings
        )
        if path is not None:
            self.statusBar().showMessage(f"Cycle report saved to {path}", 8000)

    def record_settings(self) -> None:
        from ui.records.settings import RecordSettingsDialog

        RecordSettingsDialog(self.settings, self).exec()

    def import_schedule(self) -> None:
        from ui.schedule.import_dialog import ask_and_import

        result = ask_and_import(self.workspace.planner, self)
        if result is not None and result.ok and result.created:
            self.select_day(result.created[0].id)

    def restore_backup(self) -> None:
        from ui.home.backups_dialog import restore_interactively

        # The console goes first: it saves what it holds, and must not show replaced data.
        if self.console is not None and self.console.isVisible() and not self.console.close():
            return
        backups = self.workspace.backups
        if backups is None or restore_interactively(backups, self) is None:
            return
        self.undo_stack.clear()  # its steps describe the data that was replaced
        self.bank_panel.set_day(None)
        self.days_model.reload()
        self.statusBar().showMessage("Backup restored; the data it replaced is a backup too.")

    def open_demo_day(self) -> None:
        from facilitator.demo import DEMO_CYCLE, create_demo_day

        existing = [d for d in self.workspace.planner.list_days() if d.cycle_name == DEMO_CYCLE]
        if existing:
            day_id = existing[0].id
        else:
            day_id = create_demo_day(
                self.workspace.planner, self.workspace.notebook, self.workspace.outcome_route
            )
            self.statusBar().showMessage("Demo day added: every name in it is invented.", 8000)
        self.select_day(day_id)
        offer_once(self.settings, self.start_tour)  # the first time only

    def delete_selected_day(self) -> None:
        day_id = self.selected_day_id()
        if day_id is not None and self.days_list.confirm_deleting(day_id):
            self.workspace.planner.delete_day(day_id)
            self.statusBar().showMessage("Day deleted.", 5000)

    def edit_bank(self) -> None:
        from ui.bank.editor import BankEditor

        editor = BankEditor(self.workspace.bank, self)
        editor.bank_changed.connect(self.bank_panel.reload_bank)
        editor.exec()

    def show_about(self) -> None:
        show_about(self, self._data_label())

    def start_tour(self) -> None:
        """The short tour of this window (Help ▸ Tour of the demo day)."""
        from ui.home.tour import Tour, home_steps

        for shown in self.findChildren(Tour):
            shown.close()  # one at a time
        Tour(self, home_steps(self, self.days_view, self.overview, self.due_dock)).show()

    # state ----------------------------------------------------------------------------

    def selected_day_id(self) -> int | None:
        return self.days_list.selected_day_id()

    def select_day(self, day_id: int) -> None:
        self.days_list.select_day(day_id)

    def _selection_changed(
        self, _selected: QItemSelection | None = None, _deselected: QItemSelection | None = None
    ) -> None:
        day_id = self.selected_day_id()
        for action in self.menus.for_the_selected_day():
            action.setEnabled(day_id is not None)
        if not self._attached:
            return
        if day_id != self.bank_panel.day_id:
            self.bank_panel.set_day(day_id)
        self.overview.show_plan(
            self.workspace.planner.day_plan(day_id) if day_id is not None else None
        )

    def _refresh_page(self, *_: object) -> None:
        self.days_list.fill_cycles()
        has_days = self.days_list.has_days()
        self.pages.setCurrentIndex(DAYS_PAGE if has_days else EMPTY_PAGE)
        if has_days and self.selected_day_id() is None:
            self.days_view.selectRow(0)
        self._selection_changed()
        count = self.days_model.rowCount()
        if self._attached:
            self.statusBar().showMessage(f"{count} day{'s' if count != 1 else ''}")

    @property
    def is_attached(self) -> bool:
        """Whether the data file is open, and every command works."""
        return self._attached

    def first_painted(self) -> QWidget:
        """What shows the days, or that there are none: on screen, the window is."""
        if self.pages.currentIndex() == DAYS_PAGE:
            return self.days_view.viewport()
        return self.empty_state

    def _data_label(self) -> str:
        location = self.workspace.db.server or self.workspace.data_path
        return str(location) if location else "in memory (nothing is kept)"

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.setValue("main/splitter", self.splitter.saveState())
        self.settings.setValue("main/state", self.saveState())
        self.settings.sync()
        super().closeEvent(event)
