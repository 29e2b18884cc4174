"""The home window's agenda commands: Word, PDF and paper for the day chosen in the list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from facilitator.planning.planner import DayPlan
from facilitator.storage.files import WriteError
from facilitator.workspace import Workspace


class AgendaCommands:
    """Saves or prints the agenda of the day `selected_day` gives, telling `window`."""

    def __init__(
        self,
        window: QMainWindow,
        workspace: Workspace,
        settings: QSettings,
        selected_day: Callable[[], int | None],
    ) -> None:
        self._window = window
        self._workspace = workspace
        self._settings = settings
        self._selected_day = selected_day

    def _day_id(self) -> int | None:
        return self._selected_day()

    def _target(self, suffix: str, kind: str) -> tuple[DayPlan, Path] | None:
        day_id = self._day_id()
        if day_id is None:
            return None
        plan = self._workspace.planner.day_plan(day_id)
        suggested = f"Agenda {plan.summary.date.isoformat()}{suffix}"
        name, _ = QFileDialog.getSaveFileName(self._window, "Save the agenda", suggested, kind)
        return (plan, Path(name)) if name else None

    def export_word(self) -> None:
        from facilitator.word.agenda import export_agenda
        from ui.records.settings import template

        target = self._target(".docx", "Word document (*.docx)")
        if target is None:
            return
        try:
            # The save dialog has already asked before replacing a file.
            export_agenda(
                target[0],
                target[1],
                overwrite=True,
                generated_at=self._workspace.clock.wall_now(),
                template=template(self._settings),
            )
        except WriteError as exc:
            QMessageBox.warning(self._window, "Agenda", str(exc))
            return
        self._window.statusBar().showMessage(f"Agenda saved to {target[1]}", 8000)

    def export_pdf(self) -> None:
        from ui.planning.agenda_print import export_agenda_pdf

        target = self._target(".pdf", "PDF (*.pdf)")
        if target is None:
            return
        try:
            export_agenda_pdf(target[0], target[1], overwrite=True)
        except WriteError as exc:
            QMessageBox.warning(self._window, "Agenda", str(exc))
            return
        self._window.statusBar().showMessage(f"Agenda saved to {target[1]}", 8000)

    def print(self) -> None:
        from ui.planning.agenda_print import print_agenda

        day_id = self._day_id()
        if day_id is not None:
            print_agenda(self._workspace.planner.day_plan(day_id), self._window)
