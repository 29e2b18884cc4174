"""The selected day at a glance: where and when, who takes part, and the agenda."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.planning.day_models import AgendaModel, ParticipantsModel

if TYPE_CHECKING:
    from facilitator.planning.planner import DayPlan


class DayOverview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("secondaryText")
        self.details.setWordWrap(True)

        self.participants_model = ParticipantsModel()
        self.participants = _table(self.participants_model, "Authorities taking part")
        self.agenda_model = AgendaModel()
        self.agenda = _table(self.agenda_model, "Agenda")
        self.agenda.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.participants.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        people_heading = QLabel("Authorities and lead reviewers")
        people_heading.setObjectName("sectionHeading")
        agenda_heading = QLabel("Agenda")
        agenda_heading.setObjectName("sectionHeading")

        self.run_button = QPushButton("Run this day")
        self.run_button.setObjectName("primaryButton")
        self.run_button.setToolTip("Open the console for the day (Ctrl+Shift+R)")
        self.plan_button = QPushButton("Plan this day…")
        self.plan_button.setToolTip("Details, teams, lead reviewers and agenda (Ctrl+E)")
        self.records_button = QPushButton("Records…")
        self.records_button.setToolTip("Session notes, day summary, versions (Ctrl+Shift+C)")
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.plan_button)
        heading.addWidget(self.records_button)
        heading.addWidget(self.run_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 8, 8)
        layout.addLayout(heading)
        layout.addWidget(self.details)
        layout.addSpacing(8)
        layout.addWidget(people_heading)
        layout.addWidget(self.participants)
        layout.addWidget(agenda_heading)
        layout.addWidget(self.agenda, stretch=1)

    def show_plan(self, plan: DayPlan | None) -> None:
        self.participants_model.set_plan(plan)
        self.agenda_model.set_plan(plan)
        if plan is None:
            self.title.setText("")
            self.details.setText("")
            return
        day = plan.summary
        self.title.setText(f"{day.kind.label} on {day.date.strftime('%A %d %B %Y')}")
        parts = [f"{day.mode.label}" + (f": {day.place}" if day.place else "")]
        if plan.facilitator:
            parts.append(f"Facilitator: {plan.facilitator}")
        if day.cycle_name:
            parts.append(f"Cycle: {day.cycle_name}")
        first = plan.stages[0].starts.strftime("%H.%M") if plan.stages else ""
        parts.append(f"{first} to {plan.finish.strftime('%H.%M')}")
        self.details.setText("   ·   ".join(parts))
        rows = self.participants_model.rowCount()
        height = self.participants.horizontalHeader().height() + 4
        height += sum(self.participants.rowHeight(r) for r in range(rows))
        self.participants.setFixedHeight(max(height, 60))


def _table(model: AgendaModel | ParticipantsModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view
