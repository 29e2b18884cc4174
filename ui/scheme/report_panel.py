"""One review's report: the hypotheses the team tests, the lines of its four sections written
line by line (each change a step on the window's undo stack), a recommendation tracked to an
owner, a PCTR's follow-up planned, and the report exported as Word and taken through its life
(sent, agreed and locked, reopened) as the records window does.

This module lays the panel out and keeps what is shown and chosen in step; the work is done
beside it: the undoable line changes in report_lines, the hypotheses box in report_hypotheses,
tracking and planning in report_follow_up, the record's life in report_record, and the keys
the list keeps for itself in report_keys."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from facilitator.common.vocabulary import FindingSection
from facilitator.reviews.findings import FindingView
from facilitator.reviews.kinds import ReviewKind
from facilitator.reviews.service import ReviewView
from facilitator.workspace import Workspace
from ui.common.bridge import listen
from ui.common.views import action_button, heading
from ui.scheme.report_follow_up import plan_review_follow_up, track_recommendation
from ui.scheme.report_hypotheses import HypothesesBox
from ui.scheme.report_keys import Context, ListKeys, shortcut_action
from ui.scheme.report_lines import LineSteps
from ui.scheme.report_models import FindingsModel
from ui.scheme.report_record import ReportRecord


class ReportPanel(QWidget):
    def __init__(
        self,
        workspace: Workspace,
        undo: QUndoStack,
        say: Callable[[str], None],
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace, self.undo, self._say = workspace, undo, say
        self.findings, self.records = workspace.findings, workspace.records
        self.settings = settings if settings is not None else QSettings()
        self.review: ReviewView | None = None

        self.line_steps = LineSteps(self.findings, undo, say, self._problem)
        self.hypotheses = HypothesesBox(self.findings, undo, say, self._problem)
        self.hypotheses.left.connect(self.save_hypotheses)
        self.model = FindingsModel(self._edit, self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Lines of the report, by section")
        self.view.setHeaderHidden(True)
        self.view.setWordWrap(True)
        self.view.setUniformRowHeights(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.expandAll()
        self.view.selectionModel().currentChanged.connect(lambda *_: self._line_chosen())
        self.section_combo = QComboBox()
        self.section_combo.setAccessibleName("Section of the new line")
        for section in FindingSection:
            self.section_combo.addItem(section.label, section.value)
        self.line_edit = QLineEdit()
        self.line_edit.setAccessibleName("New line of the report")
        self.line_edit.setPlaceholderText("Type a line and press Enter to add it")
        self.line_edit.returnPressed.connect(self.add_line)
        self.add_button = QPushButton("Add line")
        self.add_button.setAccessibleName("Add the line to the chosen section")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_line)
        self._build_actions()
        self.list_keys = ListKeys(self.view, self._tree_actions)
        self._lay_out()

        listen(self, self.findings.changed, self._findings_changed)
        listen(self, self.records.changed, lambda key: self._show_record())
        listen(self, workspace.follow_ups.changed, lambda _id: self.refresh())
        self.set_review(None)

    def _action(
        self, text: str, keys: str, slot: Callable[[], object], on: QWidget, context: Context
    ) -> QAction:
        return shortcut_action(self, text, keys, slot, on, context)

    def _build_actions(self) -> None:
        tree, panel = (
            (self.view, Context.WidgetShortcut),
            (self, Context.WidgetWithChildrenShortcut),
        )
        self.edit_action = self._action("&Edit line", "F2", self.edit_selected, *tree)
        self.delete_action = self._action("&Delete line", "Delete", self.delete_selected, *tree)
        self.up_action = self._action("Move &up", "Ctrl+Up", lambda: self.move_selected(-1), *tree)
        self.down_action = self._action(
            "Move do&wn", "Ctrl+Down", lambda: self.move_selected(1), *tree
        )
        self.save_action = self._action(
            "&Save hypotheses",
            "Ctrl+S",
            self.save_hypotheses,
            self.hypotheses,
            Context.WidgetShortcut,
        )
        self.track_action = self._action("Trac&k…", "Ctrl+T", self.track_selected, *panel)
        self.plan_action = self._action("Plan follo&w-up", "", self.plan_follow_up, *panel)
        # Made after Track and Plan, so the panel's actions keep the order they had.
        self.record = ReportRecord(
            self.workspace, self.settings, self._say, lambda: self.review, self
        )
        self.record_label = self.record.label
        self.export_action, self.sent_action = self.record.export_action, self.record.sent_action
        self.agree_action, self.reopen_action = self.record.agree_action, self.record.reopen_action
        # The keys the list takes for itself, whatever else the window does with them.
        self._tree_actions = [
            self.edit_action,
            self.delete_action,
            self.up_action,
            self.down_action,
        ]
        self.tab_actions = [
            self.track_action,
            self.export_action,
            self.sent_action,
            self.agree_action,
            self.reopen_action,
        ]

    def _lay_out(self) -> None:
        def labelled(text: str, buddy: QWidget) -> QLabel:
            label = QLabel(text)
            label.setBuddy(buddy)
            return label

        top = QHBoxLayout()
        top.addWidget(heading("Report"))
        top.addWidget(self.record_label, 1, Qt.AlignmentFlag.AlignRight)
        adding = QHBoxLayout()
        adding.addWidget(labelled("Se&ction", self.section_combo))
        adding.addWidget(self.section_combo)
        adding.addWidget(labelled("&New line", self.line_edit))
        adding.addWidget(self.line_edit, 1)
        adding.addWidget(self.add_button)
        steps = QHBoxLayout()
        names = {
            self.track_action: "Track the chosen recommendation",
            self.plan_action: "Plan the PCTR’s follow-up report and reflections",
            self.export_action: "Export the report as Word",
            self.sent_action: "Mark the latest version as sent",
            self.agree_action: "Record that the report is agreed",
            self.reopen_action: "Reopen the agreed report",
        }
        self.buttons = {action: action_button(action, name) for action, name in names.items()}
        for action in (self.track_action, self.plan_action):
            steps.addWidget(self.buttons[action])
        steps.addStretch(1)
        for action in (self.export_action, self.sent_action, self.agree_action, self.reopen_action):
            steps.addWidget(self.buttons[action])
        self.buttons[self.export_action].setObjectName("primaryButton")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(labelled("&Hypotheses (one a line)", self.hypotheses))
        layout.addWidget(self.hypotheses)
        layout.addWidget(labelled("Report &lines (F2 edits, Ctrl+Up/Down moves)", self.view))
        layout.addWidget(self.view, 1)
        layout.addLayout(adding)
        layout.addLayout(steps)
        for first, second in (
            (self.hypotheses, self.view),
            (self.view, self.section_combo),
            (self.section_combo, self.line_edit),
            (self.line_edit, self.add_button),
        ):
            self.setTabOrder(first, second)

    # what is shown ----------------------------------------------------------------------

    def set_review(self, review: ReviewView | None) -> None:
        if self.review is not None and (review is None or review.id != self.review.id):
            self.save_hypotheses()  # the words typed for the review left behind
            self.hypotheses.document().setModified(False)
        self.review = review
        self.setEnabled(review is not None)
        self.refresh()

    def refresh(self) -> None:
        """Reads the report again, keeping the same line chosen."""
        review = self.review
        chosen = self.selected_line()
        if review is None:
            self.model.set_lines([])
        else:
            tracked = {
                f.finding_id: f
                for f in self.workspace.follow_ups.for_review(review.id)
                if f.finding_id is not None
            }
            self.model.set_lines(self.findings.for_review(review.id), tracked)
        self.hypotheses.show_saved(review.id if review else None)
        if chosen is not None:
            self.choose(chosen.id)
        self._show_record()

    def _findings_changed(self, review_id: int) -> None:
        if self.review is not None and review_id == self.review.id:
            self.refresh()

    def _show_record(self) -> None:
        review = self.review
        self.record.refresh()
        self.plan_action.setEnabled(review is not None and review.kind is ReviewKind.PCTR)
        self._line_chosen()

    def _line_chosen(self) -> None:
        line = self.selected_line()
        section = self.model.section_at(self.view.currentIndex())
        if section is not None:
            self.section_combo.setCurrentIndex(self.section_combo.findData(section.value))
        siblings = len(self.model.texts(line.section)) if line else 0
        self.edit_action.setEnabled(line is not None)
        self.delete_action.setEnabled(line is not None)
        self.up_action.setEnabled(line is not None and line.position > 0)
        self.down_action.setEnabled(line is not None and line.position < siblings - 1)
        tracked = line is not None and self.model.is_tracked(line.id)
        is_recommendation = line is not None and line.section is FindingSection.RECOMMENDATION
        self.track_action.setEnabled(is_recommendation and not tracked)

    # what is chosen ---------------------------------------------------------------------

    def selected_line(self) -> FindingView | None:
        return self.model.line(self.view.currentIndex())

    def choose(self, finding_id: int) -> None:
        index = self.model.index_of(finding_id)
        if index is not None:
            self.view.setCurrentIndex(index)

    def choose_section(self, section: FindingSection) -> None:
        self.section_combo.setCurrentIndex(self.section_combo.findData(section.value))

    # what the coordinator does ----------------------------------------------------------

    def _problem(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def add_line(self) -> None:
        text = self.line_edit.text().strip()
        if self.review is None or not text:
            return
        section = FindingSection(self.section_combo.currentData())
        line = self.line_steps.add(self.review.id, section, text)
        if line is None:
            return
        self.line_edit.clear()
        self.choose(line.id)
        self._say(f"Added to {section.label}.")

    def _edit(self, finding_id: int, text: str) -> bool:
        before = self.model.line(self.model.index_of(finding_id) or self.view.rootIndex())
        return self.line_steps.edit(before, finding_id, text)

    def edit_selected(self) -> None:
        if self.selected_line() is not None:
            self.view.edit(self.view.currentIndex())

    def delete_selected(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        gone = self.line_steps.delete(line, self.model.is_tracked(line.id), self)
        if gone is None:
            return
        left = self.model.texts(gone.section)
        parent = self.model.section_index(gone.section)
        row = min(gone.position, len(left) - 1)
        self.view.setCurrentIndex(self.model.index(row, 0, parent) if left else parent)
        self._say(f"Deleted from {gone.section.label}. Undo (Ctrl+Z) puts it back.")

    def move_selected(self, step: int) -> None:
        line = self.selected_line()
        if line is None:
            return
        to = line.position + step
        if not 0 <= to < len(self.model.texts(line.section)):
            return
        if self.line_steps.move(line, to):
            self.choose(line.id)

    def save_hypotheses(self) -> None:
        if self.review is not None:
            self.hypotheses.save(self.review.id)

    def track_selected(self) -> None:
        line, review = self.selected_line(), self.review
        if line is not None and review is not None:
            track_recommendation(self.workspace, review, line, self._say, self)

    def plan_follow_up(self) -> None:
        if self.review is not None:
            plan_review_follow_up(self.workspace, self.review, self._say, self._problem)
