"""The home window: the days in this data file, and the way into each of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator import __version__
from facilitator.demo import DEMO_CYCLE, create_demo_day
from facilitator.workspace import Workspace
from ui.bank.editor import BankEditor
from ui.bank.panel import QuestionBankPanel
from ui.home.agenda_commands import AgendaCommands
from ui.home.backup_timer import BackupTimer
from ui.home.day_overview import DayOverview
from ui.home.due_dock import dock_due_list
from ui.home.empty_state import EmptyState
from ui.home.menus import build_menus
from ui.home.new_day_dialog import NewDayDialog
from ui.home.window_state import restore_home_geometry
from ui.planning.day_editor import DayEditor
from ui.planning.day_models import DaysModel
from ui.schedule.import_dialog import ask_and_import

if TYPE_CHECKING:
    from ui.charts.day_charts import DayChartsWindow
    from ui.console.window import ConsoleWindow
    from ui.scheme.window import SchemeWindow

EMPTY_PAGE, DAYS_PAGE = 0, 1


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, settings: QSettings) -> None:
        super().__init__()
        self.workspace = workspace
        self.settings = settings
        self.setWindowTitle("Balcony (read-only)" if workspace.db.read_only else "Balcony")
        self.undo_stack = QUndoStack(self)
        self.conductor = workspace.conductor
        self.console: ConsoleWindow | None = None
        self.scheme: SchemeWindow | None = None
        self.charts: dict[int, DayChartsWindow] = {}  # one window of charts per day
        self._filling_cycles = False
        self.setMinimumSize(720, 480)

        # Parented so that its listener on the planner goes when the window does.
        self.days_model = DaysModel(
            workspace.planner, self, run_changed=workspace.conductor.changed
        )
        self.days_view = QTableView()
        self.days_view.setObjectName("daysList")
        self.days_view.setAccessibleName("Days")
        self.days_view.setModel(self.days_model)
        self.days_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.days_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.days_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.days_view.verticalHeader().hide()
        self.days_view.setShowGrid(False)
        self.days_view.setAlternatingRowColors(True)
        header = self.days_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.days_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.days_view.activated.connect(self.plan_selected_day)

        self.cycle_combo = QComboBox()
        self.cycle_combo.setAccessibleName("Cycle")
        self.cycle_combo.setMinimumWidth(220)
        self.cycle_combo.currentIndexChanged.connect(self._cycle_chosen)
        cycle_label = QLabel("C&ycle")
        cycle_label.setBuddy(self.cycle_combo)
        list_top = QHBoxLayout()
        list_top.addWidget(cycle_label)
        list_top.addWidget(self.cycle_combo)
        list_top.addStretch()
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(6, 6, 6, 0)
        list_layout.addLayout(list_top)
        list_layout.addWidget(self.days_view)

        self.overview = DayOverview()
        self.overview.run_button.clicked.connect(self.run_selected_day)
        self.overview.plan_button.clicked.connect(self.plan_selected_day)
        self.overview.records_button.clicked.connect(self.open_records)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(list_page)
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

        self.bank_panel = QuestionBankPanel(
            workspace.bank, workspace.questions, workspace.planner, self.undo_stack
        )
        self.bank_dock = QDockWidget("Question bank", self)
        self.bank_dock.setObjectName("questionBankDock")
        self.bank_dock.setWidget(self.bank_panel)
        self.bank_dock.setMinimumWidth(560)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.bank_dock)
        # Planning needs the room; the bank is one key away (Ctrl+B) and lives in the console.
        self.bank_dock.hide()

        self.due_panel, self.due_dock = dock_due_list(self, workspace.follow_ups, self.undo_stack)
        self.due_panel.open_requested.connect(self.open_follow_up)

        self.menus = build_menus(
            self,
            self,
            self.undo_stack,
            (self.bank_dock, self.due_dock),
            self.bank_panel.focus_search_action,
            self.bank_panel.show_action,
        )
        self.menus.restore_backup.setEnabled(workspace.backups is not None)
        self.backup_timer = BackupTimer(workspace, self)
        self.agenda = AgendaCommands(self, workspace, settings, self.selected_day_id)
        self._selection_changed()
        self.days_model.modelReset.connect(self._refresh_page)
        self.days_model.dataChanged.connect(self._refresh_page)
        self._refresh_page()
        restore_home_geometry(self, settings, self.splitter)
        self.statusBar().addPermanentWidget(QLabel(self._data_label()))

    # actions --------------------------------------------------------------------------

    def new_day(self) -> None:
        dialog = NewDayDialog(self.workspace.planner, self)
        if dialog.exec() and dialog.created_day_id is not None:
            self.select_day(dialog.created_day_id)
            self.statusBar().showMessage("Day created. Plan its teams and agenda next.", 8000)
            self.plan_selected_day()

    def plan_selected_day(self, *_: object) -> None:
        day_id = self.selected_day_id()
        if day_id is None:
            return
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
        from ui.charts.day_charts import DayChartsWindow

        day_id = self.selected_day_id()
        if day_id is None:
            return
        window = self.charts.get(day_id)
        if window is None or not window.isVisible():
            if window is not None:
                window.deleteLater()  # closed: its listeners went then; now the rest
            window = self.charts[day_id] = DayChartsWindow(self.workspace, day_id, self)
        window.show()
        window.raise_()
        window.activateWindow()

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
        existing = [d for d in self.workspace.planner.list_days() if d.cycle_name == DEMO_CYCLE]
        if existing:
            day_id = existing[0].id
        else:
            day_id = create_demo_day(
                self.workspace.planner, self.workspace.notebook, self.workspace.outcome_route
            )
            self.statusBar().showMessage("Demo day added: every name in it is invented.", 8000)
        self.select_day(day_id)

    def delete_selected_day(self) -> None:
        day_id = self.selected_day_id()
        if day_id is None:
            return
        day = self.days_model.day_at(self.days_model.row_of(day_id))
        answer = QMessageBox.warning(
            self,
            "Delete day",
            f"Delete the {day.kind.value} of {day.date.strftime('%d %B %Y')} "
            f"({', '.join(day.authorities)})?\n\n"
            "Its agenda, notes, asks, offers and actions are deleted too. "
            "This cannot be undone.",
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self.workspace.planner.delete_day(day_id)
            self.statusBar().showMessage("Day deleted.", 5000)

    def edit_bank(self) -> None:
        editor = BankEditor(self.workspace.bank, self)
        editor.bank_changed.connect(self.bank_panel.reload_bank)
        editor.exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Balcony",
            f"<h3>Balcony {__version__}</h3>"
            "<p>A facilitator’s companion for children’s services peer challenge days: "
            "plan the day, keep time, capture the notes, write the record.</p>"
            f"<p>Data file: {self._data_label()}</p>",
        )

    # state ----------------------------------------------------------------------------

    def selected_day_id(self) -> int | None:
        rows = self.days_view.selectionModel().selectedRows()
        return self.days_model.day_at(rows[0].row()).id if rows else None

    def select_day(self, day_id: int) -> None:
        row = self.days_model.row_of(day_id)
        if row >= 0:
            self.days_view.selectRow(row)
            self.days_view.setFocus()

    def _selection_changed(
        self, _selected: QItemSelection | None = None, _deselected: QItemSelection | None = None
    ) -> None:
        day_id = self.selected_day_id()
        for action in self.menus.for_the_selected_day():
            action.setEnabled(day_id is not None)
        if day_id != self.bank_panel.day_id:
            self.bank_panel.set_day(day_id)
        self.overview.show_plan(
            self.workspace.planner.day_plan(day_id) if day_id is not None else None
        )

    def _cycle_chosen(self, index: int) -> None:
        if index >= 0 and not self._filling_cycles:
            self.days_model.set_cycle(self.cycle_combo.itemData(index))

    def _fill_cycles(self) -> None:
        current = self.cycle_combo.currentData()
        self._filling_cycles = True
        self.cycle_combo.clear()
        self.cycle_combo.addItem("All cycles", None)
        for name in self.days_model.cycles:
            self.cycle_combo.addItem(name, name)
        self.cycle_combo.setCurrentIndex(max(0, self.cycle_combo.findData(current)))
        self._filling_cycles = False

    def _refresh_page(self, *_: object) -> None:
        self._fill_cycles()
        has_days = self.days_model.rowCount() > 0 or self.cycle_combo.currentIndex() > 0
        self.pages.setCurrentIndex(DAYS_PAGE if has_days else EMPTY_PAGE)
        if has_days and self.selected_day_id() is None:
            self.days_view.selectRow(0)
        self._selection_changed()
        count = self.days_model.rowCount()
        self.statusBar().showMessage(f"{count} day{'s' if count != 1 else ''}")

    def _data_label(self) -> str:
        path = self.workspace.data_path
        return str(path) if path else "in memory (nothing is kept)"

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.setValue("main/splitter", self.splitter.saveState())
        self.settings.setValue("main/state", self.saveState())
        self.settings.sync()
        super().closeEvent(event)
