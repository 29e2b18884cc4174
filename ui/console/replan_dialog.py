"""Re-planning the rest of the day to keep the finish: shown first, applied only if agreed."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.live.conductor import Conductor, Replan, RunState
from ui.common.undo import AlreadyDone


class ReplanDialog(QDialog):
    def __init__(self, state: RunState, proposal: Replan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Re-plan the rest of the day")
        self.setMinimumWidth(520)
        stages = {s.id: s for s in state.stages}
        lines = []
        for stage_id, minutes in proposal.stage_minutes:
            stage = stages[stage_id]
            who = f" ({stage.presenter})" if stage.presenter else ""
            lines.append(f"{stage.title}{who}: {stage.planned_minutes} → {minutes} min")
        intro = QLabel(
            f"The day is heading for {state.projected_finish.strftime('%H.%M')}. To finish at "
            f"{proposal.finish.astimezone().strftime('%H.%M')}, the stages still to come "
            "would be shortened in proportion, none below its minimum:"
        )
        intro.setWordWrap(True)
        changes = QLabel("\n".join(lines) or proposal.problem)
        changes.setObjectName("secondaryText")
        changes.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Apply this plan")
        ok.setEnabled(proposal.possible)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(changes)
        layout.addWidget(buttons)


def replan_the_rest(
    conductor: Conductor, state: RunState, undo: QUndoStack, parent: QWidget
) -> None:
    """Shows the re-plan that keeps the finish and applies it, undoably, if agreed."""
    day_id = state.day_id
    proposal = conductor.replan(day_id)
    if not proposal.possible:
        QMessageBox.information(parent, "Re-plan", proposal.problem)
        return
    if ReplanDialog(state, proposal, parent).exec():
        old = conductor.apply_replan(proposal)
        undo.push(
            AlreadyDone(
                "Re-plan the day",
                lambda: conductor.set_minutes(day_id, proposal.stage_minutes),
                lambda: conductor.set_minutes(day_id, old),
            )
        )
