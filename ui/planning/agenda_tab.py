"""The day's timetable: every length editable, clock times and the finish kept in view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.common.vocabulary import StageKind
from facilitator.planning.agenda import format_clock
from facilitator.planning.agenda_edits import AgendaInputError
from facilitator.planning.planner import Planner
from ui.common.bridge import listen
from ui.common.undo import AlreadyDone, Change
from ui.planning.day_models import EditedPlanTable
from ui.planning.fit_dialog import FitDialog

Index = QModelIndex | QPersistentModelIndex
MINUTES_COLUMN = 3
BREAKS = (
    (StageKind.SCREEN_BREAK, 10),
    (StageKind.TEA, 10),
    (StageKind.LUNCH, 40),
)


class AgendaEditModel(EditedPlanTable):
    headers = ("Time", "Item", "Presenting", "Minutes")

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.plan.stages) + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == MINUTES_COLUMN and index.row() < len(self.plan.stages):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row == len(self.plan.stages):
            if role == Qt.ItemDataRole.DisplayRole:
                return (format_clock(self.plan.finish), "Finish", "", "")[column]
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and self.plan.overrun_minutes:
                return QColor("#d4351c")
            return None
        stage = self.plan.stages[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                format_clock(stage.starts),
                stage.title,
                stage.presenter,
                str(stage.planned_minutes),
            )[column]
        if role == Qt.ItemDataRole.EditRole and column == MINUTES_COLUMN:
            return stage.planned_minutes
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, MINUTES_COLUMN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and stage.is_break:
            return QColor("#f3f2f1")
        if role == Qt.ItemDataRole.ToolTipRole and column == MINUTES_COLUMN:
            return f"Usually at least {stage.min_minutes} minutes"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != MINUTES_COLUMN:
            return False
        stage = self.plan.stages[index.row()]
        new, old = int(value), stage.planned_minutes
        if new == old:
            return False
        try:
            self.planner.set_stage_minutes(stage.id, new)
        except AgendaInputError as exc:
            QMessageBox.warning(None, "Agenda", str(exc))
            return False
        self.undo.push(
            AlreadyDone(
                f"{stage.title}: {old} → {new} minutes",
                lambda: self.planner.set_stage_minutes(stage.id, new),
                lambda: self.planner.set_stage_minutes(stage.id, old),
            )
        )
        return True

    def stage_at(self, row: int) -> Any:
        return self.plan.stages[row] if 0 <= row < len(self.plan.stages) else None


class AgendaTab(QWidget):
    def __init__(
        self, planner: Planner, day_id: int, undo: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.planner, self.day_id, self.undo = planner, day_id, undo
        self.model = AgendaEditModel(planner, day_id, undo)
        self.view = QTableView()
        self.view.setAccessibleName("Agenda")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )

        self.finish_label = QLabel()
        self.finish_label.setObjectName("sectionHeading")
        self.warning_label = QLabel()
        self.warning_label.setObjectName("errorMessage")
        self.warning_label.setWordWrap(True)
        self.fit_button = QPushButton("Fit to the finish limit…")
        self.offers_label = QLabel()
        self.offers_label.setObjectName("secondaryText")
        self.offers_label.setWordWrap(True)
        self.offers_button = QPushButton("Add the suggested screen breaks")

        self.add_break_button = QPushButton("Add a break after")
        menu = QMenu(self.add_break_button)
        for kind, minutes in BREAKS:
            action = menu.addAction(f"{kind.label} ({minutes} minutes)")
            action.triggered.connect(lambda _=False, k=kind, m=minutes: self.add_break(k, m))
        self.add_break_button.setMenu(menu)
        self.remove_break_button = QPushButton("Remove break")
        self.save_template_button = QPushButton("Save as template…")
        self.apply_template_button = QPushButton("Use a template…")
        row = QHBoxLayout()
        for button in (
            self.add_break_button,
            self.remove_break_button,
            self.save_template_button,
            self.apply_template_button,
        ):
            row.addWidget(button)
        row.addStretch()
        finish_row = QHBoxLayout()
        finish_row.addWidget(self.finish_label)
        finish_row.addStretch()
        finish_row.addWidget(self.fit_button)
        offers_row = QHBoxLayout()
        offers_row.addWidget(self.offers_label, 1)
        offers_row.addWidget(self.offers_button)

        hint = QLabel("Type a number over a length, or double-click it, to change it.")
        hint.setObjectName("secondaryText")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(finish_row)
        layout.addWidget(self.warning_label)
        layout.addLayout(offers_row)
        layout.addLayout(row)

        self.fit_button.clicked.connect(self.fit)
        self.offers_button.clicked.connect(self.add_offered_breaks)
        self.remove_break_button.clicked.connect(self.remove_break)
        self.save_template_button.clicked.connect(self.save_template)
        self.apply_template_button.clicked.connect(self.apply_template)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        listen(self, planner.day_changed, self._day_changed)
        self.refresh()

    def _day_changed(self, day_id: int) -> None:
        if day_id == self.day_id:
            self.refresh()

    def refresh(self) -> None:
        row = self.view.currentIndex().row()
        self.model.reload()
        plan = self.model.plan
        self.finish_label.setText(
            f"{format_clock(plan.start)} to {format_clock(plan.finish)}"
            f"   (finish by {format_clock(plan.finish_limit)})"
        )
        self.warning_label.setText(plan.finish_warning)
        self.warning_label.setVisible(bool(plan.finish_warning))
        self.fit_button.setVisible(bool(plan.finish_warning))
        offers = plan.screen_break_offers
        self.offers_label.setText("\n".join(o.text for o in offers))
        self.offers_label.setVisible(bool(offers))
        self.offers_button.setVisible(bool(offers))
        if row >= 0:
            self.view.selectRow(min(row, self.model.rowCount() - 1))
        self._update_buttons()

    def selected_stage(self) -> Any:
        return self.model.stage_at(self.view.currentIndex().row())

    def _update_buttons(self, *_: object) -> None:
        stage = self.selected_stage()
        self.add_break_button.setEnabled(stage is not None)
        self.remove_break_button.setEnabled(stage is not None and stage.is_break)

    def _apply(self, text: str, do: Any, undo: Any) -> None:
        try:
            self.undo.push(Change(text, do, undo))
        except AgendaInputError as exc:
            QMessageBox.warning(self, "Agenda", str(exc))

    def add_break(self, kind: StageKind, minutes: int) -> None:
        stage = self.selected_stage()
        if stage is None:
            return
        try:
            change = self.planner.add_break(self.day_id, stage.id, kind, minutes)
        except AgendaInputError as exc:
            QMessageBox.warning(self, "Agenda", str(exc))
            return
        added = change.stage_ids[0] if change.stage_ids else None
        if added is not None:
            self.undo.push(
                AlreadyDone(
                    f"Add {kind.label.lower()}",
                    lambda: None,
                    lambda: self.planner.remove_break(added),
                )
            )

    def remove_break(self) -> None:
        stage = self.selected_stage()
        if stage is None or not stage.is_break:
            return
        index = [s.id for s in self.model.plan.stages].index(stage.id)
        before = self.model.plan.stages[index - 1].id if index > 0 else None
        try:
            self.planner.remove_break(stage.id)
        except AgendaInputError as exc:
            QMessageBox.warning(self, "Agenda", str(exc))
            return
        if before is not None:
            self.undo.push(
                AlreadyDone(
                    f"Remove {stage.title.lower()}",
                    lambda: None,
                    lambda: self.planner.add_break(
                        self.day_id, before, stage.kind, stage.planned_minutes
                    ),
                )
            )

    def add_offered_breaks(self) -> None:
        for offer in self.model.plan.screen_break_offers:
            self.planner.add_screen_break(self.day_id, offer.after_stage_id)

    def fit(self) -> None:
        fit = self.planner.fit_options(self.day_id)
        if fit is None:
            return
        dialog = FitDialog(self.model.plan, fit, self)
        if not dialog.exec():
            return
        way = dialog.choice()
        proposal = fit.proposal(way)
        if proposal is None:
            return
        plan = self.model.plan
        old = {s.id: s.planned_minutes for s in plan.stages}
        old_start, old_limit = plan.start, plan.finish_limit

        def undo() -> None:
            for stage_id, _ in proposal.stage_minutes:
                self.planner.set_stage_minutes(stage_id, old[stage_id])
            self.planner.set_start_time(self.day_id, old_start)
            self.planner.set_finish_limit(self.day_id, old_limit)

        self._apply(
            f"Fit the day: {way.value}",
            lambda: self.planner.apply_fit(self.day_id, proposal),
            undo,
        )

    def save_template(self) -> None:
        name, ok = QInputDialog.getText(self, "Save as template", "Name of the template:")
        if not ok or not name.strip():
            return
        try:
            self.planner.save_agenda_template(self.day_id, name.strip())
        except (AgendaInputError, ValueError) as exc:
            if "exists" not in str(exc) and "already" not in str(exc):
                QMessageBox.warning(self, "Save as template", str(exc))
                return
            answer = QMessageBox.question(
                self, "Save as template", f"Replace the template “{name.strip()}”?"
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.planner.save_agenda_template(self.day_id, name.strip(), replace=True)

    def apply_template(self) -> None:
        templates = self.planner.agenda_templates(self.model.plan.summary.kind)
        if not templates:
            QMessageBox.information(
                self,
                "Use a template",
                "There are no saved templates for this kind of day yet. "
                "Shape an agenda, then use “Save as template…”.",
            )
            return
        names = [t.name for t in templates]
        name, ok = QInputDialog.getItem(self, "Use a template", "Template:", names, 0, False)
        if not ok:
            return
        template = templates[names.index(name)]
        try:
            self.planner.apply_agenda_template(self.day_id, template.id)
        except AgendaInputError as exc:
            QMessageBox.warning(self, "Use a template", str(exc))
            return
        # Templates replace the whole agenda shape, so they are confirmed by the choice
        # rather than undone piecemeal.
        self.undo.clear()
