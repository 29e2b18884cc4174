"""The home window's menu bar: every command with its key, wired to what the window does."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from ui.common.shortcut_sheet import show_shortcuts


class HomeCommands(Protocol):
    """What the menus ask of the home window."""

    def new_day(self) -> None: ...

    def open_demo_day(self) -> None: ...

    def import_schedule(self) -> None: ...

    def export_cycle_report(self) -> None: ...

    def record_settings(self) -> None: ...

    def restore_backup(self) -> None: ...

    def edit_bank(self) -> None: ...

    def plan_selected_day(self, *_: object) -> None: ...

    def run_selected_day(self) -> None: ...

    def export_agenda_word(self) -> None: ...

    def export_agenda_pdf(self) -> None: ...

    def print_agenda(self) -> None: ...

    def open_records(self) -> None: ...

    def open_charts(self) -> None: ...

    def delete_selected_day(self) -> None: ...

    def show_about(self) -> None: ...

    def start_tour(self) -> None: ...

    def refresh(self) -> None: ...

    def open_scheme(self) -> object: ...

    def export_forward_plan(self) -> None: ...


@dataclass(frozen=True)
class HomeMenus:
    """Every action on the menu bar, so the window can enable those that need a day."""

    new_day: QAction
    demo: QAction
    import_schedule: QAction
    cycle_report: QAction
    record_settings: QAction
    restore_backup: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    bank_toggle: QAction
    edit_bank: QAction
    plan_day: QAction
    run_day: QAction
    agenda_word: QAction
    agenda_pdf: QAction
    agenda_print: QAction
    records: QAction
    charts: QAction
    delete_day: QAction
    about: QAction
    shortcuts: QAction
    tour: QAction
    scheme: QAction
    forward_plan: QAction
    due_toggle: QAction
    refresh: QAction
    archive_export: QAction  # connected once the data is open (ui/home/archive_commands.py)
    archive_import: QAction
    bank_menu: QMenu

    def add_bank_commands(self, show_bank: QAction, focus_bank_search: QAction) -> None:
        """The question bank panel's own commands, first on its menu, once it exists."""
        self.bank_menu.insertActions(self.edit_bank, [show_bank, focus_bank_search])

    def for_the_selected_day(self) -> tuple[QAction, ...]:
        """The commands that need a day chosen in the list."""
        return (
            self.delete_day,
            self.plan_day,
            self.run_day,
            self.agenda_word,
            self.agenda_pdf,
            self.agenda_print,
            self.records,
            self.charts,
        )


def build_menus(
    window: QMainWindow,
    commands: HomeCommands,
    undo_stack: QUndoStack,
    docks: tuple[QDockWidget, QDockWidget],
) -> HomeMenus:
    menu = window.menuBar()
    file_menu = menu.addMenu("&File")
    new_day = _action(window, "&New day…", QKeySequence.StandardKey.New)
    new_day.triggered.connect(commands.new_day)
    demo = _action(window, "Open &demo day", "Ctrl+Shift+D")
    demo.triggered.connect(commands.open_demo_day)
    quit_action = _action(window, "&Quit", QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    import_schedule = _action(window, "&Import a schedule…", "Ctrl+I")
    import_schedule.triggered.connect(commands.import_schedule)
    cycle_report = _action(window, "&Cycle report…", None)
    cycle_report.triggered.connect(commands.export_cycle_report)
    record_settings = _action(window, "Record &settings…", None)
    record_settings.triggered.connect(commands.record_settings)
    restore_backup = _action(window, "Res&tore a backup…", None)
    restore_backup.triggered.connect(commands.restore_backup)
    file_menu.addActions([new_day, demo, import_schedule, cycle_report, record_settings])
    file_menu.addAction(restore_backup)
    file_menu.addSeparator()
    archive_export = _action(window, "E&xport to an archive…", None)
    archive_import = _action(window, "Import an arc&hive…", None)
    file_menu.addActions([archive_export, archive_import])
    file_menu.addSeparator()
    file_menu.addAction(quit_action)

    edit_menu = menu.addMenu("&Edit")
    undo = undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    edit_menu.addActions([undo, redo])

    view_menu = menu.addMenu("&View")
    bank_dock, due_dock = docks
    bank_toggle = bank_dock.toggleViewAction()
    bank_toggle.setText("&Question bank")  # shows or hides; Ctrl+B only ever brings it forward
    due_toggle = due_dock.toggleViewAction()
    due_toggle.setText("&Due and overdue")
    view_menu.addActions([bank_toggle, due_toggle])
    view_menu.addSeparator()
    # On a shared database others change the days too; their changes show on a refresh.
    refresh = _action(window, "&Refresh", QKeySequence.StandardKey.Refresh)
    refresh.triggered.connect(commands.refresh)
    view_menu.addAction(refresh)

    bank_menu = menu.addMenu("&Question bank")
    edit_bank = _action(window, "&Edit the question bank…", "Ctrl+Shift+B")
    edit_bank.triggered.connect(commands.edit_bank)
    bank_menu.addAction(edit_bank)

    day_menu = menu.addMenu("&Day")
    plan_day = _action(window, "&Plan this day…", "Ctrl+E")
    plan_day.triggered.connect(commands.plan_selected_day)
    run_day = _action(window, "&Run this day", "Ctrl+Shift+R")
    run_day.triggered.connect(commands.run_selected_day)
    day_menu.addActions([plan_day, run_day])
    day_menu.addSeparator()
    agenda_word = _action(window, "Export the agenda to &Word…", None)
    agenda_word.triggered.connect(commands.export_agenda_word)
    agenda_pdf = _action(window, "Save the agenda as P&DF…", None)
    agenda_pdf.triggered.connect(commands.export_agenda_pdf)
    agenda_print = _action(window, "P&rint the agenda…", QKeySequence.StandardKey.Print)
    agenda_print.triggered.connect(commands.print_agenda)
    day_menu.addActions([agenda_word, agenda_pdf, agenda_print])
    day_menu.addSeparator()
    records = _action(window, "Re&cords…", "Ctrl+Shift+C")
    records.triggered.connect(commands.open_records)
    charts = _action(window, "C&harts…", "Ctrl+Shift+H")
    charts.triggered.connect(commands.open_charts)
    day_menu.addActions([records, charts])
    day_menu.addSeparator()
    delete_day = _action(window, "&Delete day…", QKeySequence.StandardKey.Delete)
    delete_day.triggered.connect(commands.delete_selected_day)
    day_menu.addAction(delete_day)

    scheme_menu = menu.addMenu("&Scheme")
    scheme = _action(window, "&Pool, reviews and follow-up…", "Ctrl+Shift+S")
    scheme.triggered.connect(commands.open_scheme)
    forward_plan = _action(window, "&Forward plan…", None)
    forward_plan.triggered.connect(commands.export_forward_plan)
    scheme_menu.addActions([scheme, forward_plan])

    help_menu = menu.addMenu("&Help")
    shortcuts = _action(window, "&Keyboard shortcuts", "F1")
    shortcuts.triggered.connect(lambda: show_shortcuts(window))
    tour = _action(window, "&Tour of the demo day", None)
    tour.triggered.connect(commands.open_demo_day)  # selects it, adding it if need be
    tour.triggered.connect(commands.start_tour)
    about = _action(window, "&About Balcony", None)
    about.triggered.connect(commands.show_about)
    help_menu.addActions([shortcuts, tour, about])
    return HomeMenus(
        new_day=new_day,
        demo=demo,
        import_schedule=import_schedule,
        cycle_report=cycle_report,
        record_settings=record_settings,
        restore_backup=restore_backup,
        quit=quit_action,
        undo=undo,
        redo=redo,
        bank_toggle=bank_toggle,
        edit_bank=edit_bank,
        plan_day=plan_day,
        run_day=run_day,
        agenda_word=agenda_word,
        agenda_pdf=agenda_pdf,
        agenda_print=agenda_print,
        records=records,
        charts=charts,
        delete_day=delete_day,
        about=about,
        shortcuts=shortcuts,
        tour=tour,
        scheme=scheme,
        forward_plan=forward_plan,
        due_toggle=due_toggle,
        refresh=refresh,
        archive_export=archive_export,
        archive_import=archive_import,
        bank_menu=bank_menu,
    )


def _action(parent: QWidget, text: str, shortcut: QKeySequence.StandardKey | str | None) -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    parent.addAction(action)
    return action
