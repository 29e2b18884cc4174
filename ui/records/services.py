"""What the Records window works with, handed to it by the home window instead of the workspace."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from facilitator.amendments.round_trip import RoundTrip
from facilitator.common.clock import Clock
from facilitator.planning.planner import Planner
from facilitator.records.exporting import RecordExports
from facilitator.records.versions import RecordBook, RecordStateView
from ui.records.settings import record_exports

if TYPE_CHECKING:
    from facilitator.workspace import Workspace


class SessionNotePaper:
    """Prints a session note or saves it as PDF, gathered and checked by the exports.

    The printing module loads Word's library, so it is imported on first use, not when the
    window opens.
    """

    def __init__(self, exports: RecordExports) -> None:
        self._exports = exports

    def print_note(self, session_id: int, state: RecordStateView, parent: QWidget) -> bool:
        from ui.records.printing import print_session_note

        return print_session_note(self._exports, session_id, state, parent)

    def save_pdf(
        self, session_id: int, state: RecordStateView, path: Path, *, overwrite: bool = False
    ) -> None:
        from ui.records.printing import export_session_note_pdf

        export_session_note_pdf(self._exports, session_id, state, path, overwrite=overwrite)


@dataclass(frozen=True)
class RecordsServices:
    """The record book and its exports, the round trip for returned copies, paper, the
    planner for the day's details, and the clock for the date a note is agreed."""

    planner: Planner
    records: RecordBook
    round_trip: RoundTrip
    exports: RecordExports
    paper: SessionNotePaper
    clock: Clock

    @classmethod
    def of(cls, workspace: Workspace, settings: QSettings) -> RecordsServices:
        """Picked from the composition root; the exports follow the record settings."""
        exports = record_exports(workspace, settings)
        return cls(
            planner=workspace.planner,
            records=workspace.records,
            round_trip=workspace.round_trip,
            exports=exports,
            paper=SessionNotePaper(exports),
            clock=workspace.clock,
        )
