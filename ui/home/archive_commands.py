"""The home window's archives: a day, its cycle or every day to one file, and back in.

The same as `balcony archive export` / `import`: an import is all or nothing, and a day that
is here already is never merged; the user chooses which copy to keep, or cancels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMainWindow, QMessageBox

from facilitator.storage.files import WriteError
from facilitator.workspace import Workspace

if TYPE_CHECKING:
    # The archive's code (and the records' it uses) loads when first used, not with the window.
    from facilitator.archive import ArchiveConflictError, Keep

ARCHIVE_FILTER = "Balcony archive (*.balcony);;All files (*)"
_FOLDER_KEY = "archives/folder"
THIS_DAY, ITS_CYCLE = "The day chosen", "Every day of its cycle"
EVERYTHING = "Everything: every day, the pool and the reviews"


class ArchiveCommands:
    """Writes and reads archives for `window`, on the day `selected_day` gives; `imported`
    is called after an import, to read the days again."""

    def __init__(
        self,
        window: QMainWindow,
        workspace: Workspace,
        settings: QSettings,
        selected_day: Callable[[], int | None],
        imported: Callable[[], None],
    ) -> None:
        self._window, self._workspace, self._settings = window, workspace, settings
        self._selected_day, self._imported = selected_day, imported

    def export(self) -> None:
        from facilitator.archive import export_archive

        scope = self._ask_scope()
        if scope is None:
            return
        day_id, cycle, suggested = scope
        name, _ = QFileDialog.getSaveFileName(
            self._window, "Export to an archive", str(self._folder() / suggested), ARCHIVE_FILTER
        )
        if not name:
            return
        target = Path(name)
        self._settings.setValue(_FOLDER_KEY, str(target.parent))
        try:
            with _busy():
                # The save dialog has already asked before replacing a file.
                summary = export_archive(
                    self._workspace.db,
                    target,
                    day_id=day_id,
                    cycle=cycle,
                    now=self._workspace.clock.wall_now(),
                    overwrite=True,
                )
        except (WriteError, LookupError) as exc:
            QMessageBox.warning(self._window, "Export to an archive", str(exc))
            return
        self._window.statusBar().showMessage(summary.described, 10000)

    def import_(self) -> None:
        from facilitator.archive import ArchiveConflictError, ArchiveFileError, import_archive

        name, _ = QFileDialog.getOpenFileName(
            self._window, "Import an archive", str(self._folder()), ARCHIVE_FILTER
        )
        if not name:
            return
        source = Path(name)
        self._settings.setValue(_FOLDER_KEY, str(source.parent))
        keep: Keep | None = None
        while True:
            try:
                with _busy():
                    summary = import_archive(self._workspace.db, source, keep)
            except ArchiveFileError as exc:
                _warn(self._window, f"<b>{exc.problem}</b>", f"File: {exc.path}\n\n{exc.fix}")
                return
            except ArchiveConflictError as conflict:
                keep = ask_which_to_keep(self._window, conflict)
                if keep is None:
                    return
                continue
            break
        self._imported()
        QMessageBox.information(self._window, "Import an archive", summary.described)

    def _ask_scope(self) -> tuple[int | None, str | None, str] | None:
        day_id = self._selected_day()
        choices = [EVERYTHING]
        cycle = ""
        if day_id is not None:
            summary = self._workspace.planner.day_plan(day_id).summary
            cycle = summary.cycle_name
            choices = [THIS_DAY, *([ITS_CYCLE] if cycle else []), EVERYTHING]
        chosen, ok = QInputDialog.getItem(
            self._window, "Export to an archive", "What to put in the archive:", choices, 0, False
        )
        if not ok:
            return None
        today = self._workspace.clock.wall_now().date().isoformat()
        if chosen == THIS_DAY and day_id is not None:
            return day_id, None, f"Balcony day {summary.date.isoformat()}.balcony"
        if chosen == ITS_CYCLE:
            return None, cycle, f"Balcony cycle {cycle}.balcony".replace("/", "-")
        return None, None, f"Balcony archive {today}.balcony"

    def _folder(self) -> Path:
        saved = str(self._settings.value(_FOLDER_KEY, "") or "")
        if saved and Path(saved).is_dir():
            return Path(saved)
        documents = QStandardPaths.StandardLocation.DocumentsLocation
        return Path(QStandardPaths.writableLocation(documents) or Path.home())


def ask_which_to_keep(window: QMainWindow, conflict: ArchiveConflictError) -> Keep | None:
    """The user's choice for days the archive and this database both have; None: cancel."""
    from facilitator.archive import Keep

    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Import an archive")
    described = conflict.described
    noun = "day" if not conflict.reviews else "review" if not conflict.days else "day or review"
    if len(described) == 1:
        box.setText(f"<b>This {noun} is here already.</b>")
    else:
        box.setText(f"<b>These {len(described)} {noun}s are here already.</b>")
    listed = "\n".join(f"• {line}" for line in described)
    box.setInformativeText(
        f"{listed}\n\nNothing has been imported yet. Which copy should be kept? The rest of "
        "the archive comes in whichever you choose."
    )
    choices: dict[object, Keep] = {
        box.addButton("Keep mine", QMessageBox.ButtonRole.AcceptRole): Keep.MINE,
        box.addButton("Take the archive's", QMessageBox.ButtonRole.DestructiveRole): Keep.THEIRS,
        box.addButton("Keep both", QMessageBox.ButtonRole.ActionRole): Keep.BOTH,
    }
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return choices.get(box.clickedButton())


def _warn(window: QMainWindow, text: str, details: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "Import an archive", text, parent=window)
    box.setInformativeText(details)
    box.exec()


@contextmanager
def _busy() -> Iterator[None]:
    """The wait cursor while a large archive is written or read."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
