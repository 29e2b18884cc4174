"""A cycle's topical peer challenge invitations, read-only, as the cycle report gathers them:
each presenting authority's answer and what they would invite one on."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from facilitator.follow_up.service import FollowUps
from facilitator.follow_up.views import FollowUpInputError
from facilitator.word.report_content import TopicalInvitation
from ui.common.views import heading, table
from ui.follow_up.choice_models import InvitationsModel

CHOOSE_A_CYCLE = "Choose a cycle to see its topical peer challenge invitations."
NO_ANSWERS = "No presenting authority of this cycle has answered yet."


class InvitationsView(QWidget):
    def __init__(self, follow_ups: FollowUps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow_ups = follow_ups
        self.model = InvitationsModel(parent=self)
        self.table = table(self.model, "Topical peer challenge invitations", stretch=3)
        self.table.setMaximumHeight(130)
        self.note = QLabel()
        self.note.setObjectName("secondaryText")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading("Topical peer challenge invitations"))
        layout.addWidget(self.note)
        layout.addWidget(self.table)

    def show_cycle(self, cycle: str | None) -> None:
        """The cycle's answers; None or "" (no cycle chosen) says to choose one."""
        invitations: tuple[TopicalInvitation, ...] = ()
        if not cycle:
            note = CHOOSE_A_CYCLE
        else:
            try:
                invitations = self.follow_ups.topical_invitations(cycle)
                note = "" if invitations else NO_ANSWERS
            except (FollowUpInputError, RuntimeError) as exc:
                note = str(exc)
        self.model.set_rows(invitations)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.table.setVisible(bool(invitations))
