"""One review's team: who is on it, what the scheme's rules find in it as it stands, and who
in the pool may join it in a chosen role. Adding and removing are undoable steps; adding
someone the rules leave out is allowed, but only after the coordinator has read why."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.pool.service import Pool
from facilitator.reviews.candidates import candidates, team_findings
from facilitator.reviews.service import Reviews, ReviewView
from facilitator.reviews.team_rules import ROLES_BY_KIND, Role
from ui.common.views import action_button, heading, selected_row, table, wrapped
from ui.scheme.commands import TEAM_ERRORS, AddMember, RemoveMember
from ui.scheme.review_models import (
    CandidateRow,
    CandidatesModel,
    TeamModel,
    TeamRow,
    sorted_candidates,
)
from ui.scheme.texts import bullets, short_kind

TEAM_SOUND = "The team meets the scheme’s rules."
NO_TEAM = "No one is on the team yet."
SOUND_STYLE = "border-left: 5px solid #00703c; background: #f3f2f1; padding: 6px 10px;"
FINDINGS_STYLE = "border-left: 5px solid #f47738; background: #f3f2f1; padding: 6px 10px;"


class TeamPanel(QWidget):
    def __init__(
        self,
        reviews: Reviews,
        pool: Pool,
        today: Callable[[], dt.date],
        undo: QUndoStack,
        add_action: QAction,
        remove_action: QAction,
        say: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.reviews, self.pool, self.today, self.undo = reviews, pool, today, undo
        self.add_action, self.remove_action = add_action, remove_action
        self._say = say
        self.review: ReviewView | None = None
        self.active = True  # False while another tab is shown: the team keys do nothing

        self.team_heading = heading("Team")
        self.team_model = TeamModel(self)
        self.team_view = table(self.team_model, "The review’s team", stretch=0)
        self.team_view.setMinimumHeight(110)
        self.team_view.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self.findings = wrapped("What the scheme’s rules find in the team")
        self.findings.setTextFormat(Qt.TextFormat.RichText)
        self.remove_button = action_button(remove_action, "Remove the chosen member from the team")

        self.role_combo = QComboBox()
        self.role_combo.setAccessibleName("Role to fill")
        self.role_combo.currentIndexChanged.connect(lambda *_: self.show_candidates())
        role_label = QLabel("R&ole:")
        role_label.setBuddy(self.role_combo)
        self.candidates_model = CandidatesModel(self)
        self.proxy = sorted_candidates(self.candidates_model, self)
        self.candidates_view = table(self.proxy, "Candidates for the role", stretch=3)
        self.candidates_view.setSortingEnabled(True)
        self.candidates_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.candidates_view.selectionModel().selectionChanged.connect(
            lambda *_: self._candidate_chosen()
        )
        self.candidates_view.activated.connect(lambda *_: self.add_action.trigger())
        self.why_not = wrapped("Why the chosen candidate may or may not join", "secondaryText")
        self.add_button: QPushButton = action_button(
            add_action, "Add the chosen candidate to the team"
        )
        self.add_button.setObjectName("primaryButton")

        team_row = QHBoxLayout()
        team_row.addWidget(self.team_heading, 1)
        team_row.addWidget(self.remove_button)
        role_row = QHBoxLayout()
        role_row.addWidget(heading("Candidates"))
        role_row.addSpacing(12)
        role_row.addWidget(role_label)
        role_row.addWidget(self.role_combo)
        role_row.addStretch(1)
        role_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(team_row)
        layout.addWidget(self.team_view, 2)
        layout.addWidget(self.findings)
        layout.addSpacing(6)
        layout.addLayout(role_row)
        layout.addWidget(self.candidates_view, 5)
        layout.addWidget(self.why_not)
        for first, second in (
            (self.team_view, self.remove_button),
            (self.remove_button, self.role_combo),
            (self.role_combo, self.candidates_view),
            (self.candidates_view, self.add_button),
        ):
            self.setTabOrder(first, second)
        self.set_review(None)

    # what is shown ----------------------------------------------------------------------

    def set_review(self, review: ReviewView | None) -> None:
        """Shows `review`'s team and candidates (or nothing), keeping the role if it can."""
        same_kind = (
            self.review is not None and review is not None and self.review.kind is review.kind
        )
        self.review = review
        if not same_kind:
            self.role_combo.blockSignals(True)
            self.role_combo.clear()
            for role in ROLES_BY_KIND[review.kind] if review else ():
                self.role_combo.addItem(role.value, role.value)
            self.role_combo.blockSignals(False)
        self.setEnabled(review is not None)
        self.refresh()

    def refresh(self) -> None:
        """Reads the team and the candidates again, keeping the same people chosen."""
        review = self.review
        if review is None:
            self.team_heading.setText("Team")
            self.team_model.set_team([])
            self.candidates_model.set_candidates([])
            self.findings.setText("Choose a review to see its team.")
            self.findings.setStyleSheet("")
            self.why_not.clear()
            self.update_actions()
            return
        self.team_heading.setText(f"Team for the {short_kind(review)} of {review.host}")
        member = self.selected_member()
        members = self.reviews.members(review.id)
        rows = [TeamRow(m, self.pool.get(m.person_id)) for m in members]
        self.team_model.set_team(rows)
        chosen = next(
            (n for n, r in enumerate(rows) if member and r.member.person_id == member.person.id),
            None,
        )
        if chosen is not None:
            self.team_view.selectRow(chosen)
        self._show_findings(review, rows)
        self.show_candidates()

    def _show_findings(self, review: ReviewView, rows: list[TeamRow]) -> None:
        findings = team_findings(self.reviews, self.pool, review.id)
        if not findings:
            self.findings.setText(TEAM_SOUND)
            self.findings.setStyleSheet(SOUND_STYLE)
            return
        lead = NO_TEAM + " " if not rows else ""
        self.findings.setText(f"{lead}The team as it stands:{bullets(findings)}")
        self.findings.setStyleSheet(FINDINGS_STYLE)

    def show_candidates(self) -> None:
        review, role = self.review, self.role()
        chosen = self.selected_candidate()
        if review is None or role is None:
            self.candidates_model.set_candidates([])
        else:
            self.candidates_model.set_candidates(
                candidates(self.reviews, self.pool, review.id, role, self.today())
            )
        if chosen is not None:
            for row in range(self.proxy.rowCount()):
                source = self.proxy.mapToSource(self.proxy.index(row, 0)).row()
                if self.candidates_model.row_at(source).person.id == chosen.person.id:
                    self.candidates_view.selectRow(row)
                    break
        self._candidate_chosen()

    def _candidate_chosen(self) -> None:
        chosen = self.selected_candidate()
        if chosen is None:
            self.why_not.setText("Choose someone in the list to read why they may or may not join.")
        elif chosen.fits:
            self.why_not.setText(f"{chosen.person.name} may join the team in this role.")
        else:
            self.why_not.setText("Why not: " + " ".join(chosen.reasons))
        self.update_actions()

    def update_actions(self) -> None:
        self.add_action.setEnabled(self.active and self.selected_candidate() is not None)
        self.remove_action.setEnabled(self.active and self.selected_member() is not None)

    # what is chosen ---------------------------------------------------------------------

    def role(self) -> Role | None:
        # Qt keeps the role as its words.
        value = self.role_combo.currentData()
        return Role(value) if isinstance(value, str) and value else None

    def choose_role(self, role: Role) -> None:
        self.role_combo.setCurrentIndex(self.role_combo.findData(role.value))

    def selected_candidate(self) -> CandidateRow | None:
        row = selected_row(self.candidates_view)
        if row is None:
            return None
        return self.candidates_model.row_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())

    def selected_member(self) -> TeamRow | None:
        row = selected_row(self.team_view)
        return self.team_model.row_at(row) if row is not None else None

    # what the coordinator does ----------------------------------------------------------

    def add_selected(self) -> None:
        review, role, chosen = self.review, self.role(), self.selected_candidate()
        if review is None or role is None or chosen is None:
            return
        name = chosen.person.name
        if any(r.person.id == chosen.person.id for r in self.team_model.rows()):
            QMessageBox.information(self, "Add to team", f"{name} is on this team already.")
            return
        if chosen.reasons and not self._confirm_override(name, role, chosen.reasons):
            return
        try:
            member = self.reviews.add_member(review.id, chosen.person.id, role)
        except TEAM_ERRORS as exc:
            QMessageBox.warning(self, "Add to team", str(exc))
            return
        self.undo.push(AddMember(self.reviews, member, name, self._say))
        note = " (although the scheme’s rules leave them out)" if chosen.reasons else ""
        self._say(f"{name} added to the team as {role.value}{note}.")

    def _confirm_override(self, name: str, role: Role, reasons: list[str]) -> bool:
        listed = "\n".join(f"• {reason}" for reason in reasons)
        answer = QMessageBox.question(
            self,
            "Add someone the rules leave out?",
            f"The scheme’s rules leave {name} out as {role.value}:\n\n{listed}\n\n"
            f"Add {name} to the team anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def remove_selected(self) -> None:
        review, chosen = self.review, self.selected_member()
        if review is None or chosen is None:
            return
        name = chosen.person.name
        answer = QMessageBox.question(
            self,
            "Remove from team?",
            f"Take {name} ({chosen.member.role.value}) off the team for the "
            f"{short_kind(review)} of {review.host}? The review also goes from their service "
            "history. You can undo this.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            member = self.reviews.remove_member(chosen.member.id)
        except TEAM_ERRORS as exc:
            QMessageBox.warning(self, "Remove from team", str(exc))
            return
        self.undo.push(RemoveMember(self.reviews, member, name, self._say))
        self._say(f"{name} taken off the team.")
