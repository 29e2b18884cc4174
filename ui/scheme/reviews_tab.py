"""The Reviews tab: the regional plan's reviews; for the chosen one, what it is and its team."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from facilitator.reviews.service import Reviews, ReviewView
from ui.common.views import action_button, heading, selected_row, table, wrapped
from ui.scheme.report_panel import ReportPanel
from ui.scheme.review_models import ReviewsModel
from ui.scheme.team_panel import TeamPanel

EMPTY_TEXT = (
    "No reviews yet. Import the regional plan’s schedule tables (Ctrl+Shift+I): the PCTR "
    "table and the SAV table, each saved as CSV. Every row must be sound, or nothing is stored."
)


class ReviewsTab(QWidget):
    def __init__(
        self,
        reviews: Reviews,
        import_action: QAction,
        panel: TeamPanel,
        parent: QWidget | None = None,
        *,
        change_action: QAction | None = None,
    ) -> None:
        super().__init__(parent)
        self.reviews = reviews
        self.panel = panel
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setObjectName("guidance")
        self.empty_label.setWordWrap(True)
        self.import_button = action_button(import_action, "Import a review schedule table")

        self.model = ReviewsModel(reviews, self)
        self.table = table(self.model, "Reviews", stretch=3)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._review_chosen())
        self.details = wrapped("The chosen review")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(heading("Reviews"), 1)
        top.addWidget(self.import_button)
        left_layout.addLayout(top)
        left_layout.addWidget(self.empty_label)
        left_layout.addWidget(self.table, 3)
        if change_action is None:
            left_layout.addWidget(self.details, 1)
        else:
            about = QHBoxLayout()
            about.addWidget(self.details, 1)
            self.change_button = action_button(change_action, "Change dates and lines of enquiry")
            self.change_button.setText("Change…")  # Ctrl+Shift+E; every Alt+letter here is taken
            about.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignTop)
            left_layout.addLayout(about, 1)
        # The chosen review's report goes below its details (place_report).
        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.setChildrenCollapsible(False)
        self.left_splitter.addWidget(left)
        self.report: ReportPanel | None = None

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.left_splitter)
        splitter.addWidget(panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([600, 720])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(splitter)
        self.setTabOrder(self.table, self.import_button)
        self.setTabOrder(self.import_button, panel.team_view)
        self.refresh()

    def selected(self) -> ReviewView | None:
        row = selected_row(self.table)
        return self.model.review_at(row) if row is not None else None

    def refresh(self) -> None:
        """Reads the reviews again, keeping the same one chosen (or choosing the first)."""
        chosen = self.selected()
        self.model.reload()
        count = self.model.rowCount()
        self.empty_label.setVisible(count == 0)
        row = self.model.row_of(chosen.id) if chosen else None
        if row is None and count:
            row = 0
        if row is not None:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
        self._review_chosen()

    def choose(self, review_id: int) -> None:
        row = self.model.row_of(review_id)
        if row is not None:
            self.table.selectRow(row)

    def place_report(self, report: ReportPanel) -> None:
        """Shows `report` below the reviews, for the chosen review; its record keys (Ctrl+E
        and the like) work anywhere on the tab."""
        self.report = report
        self.left_splitter.addWidget(report)
        self.left_splitter.setStretchFactor(0, 2)
        self.left_splitter.setStretchFactor(1, 3)
        self.left_splitter.setSizes([340, 300])  # several reviews in sight at 1366×768
        self.addActions(report.tab_actions)
        self.setTabOrder(self.import_button, report.hypotheses)
        self.setTabOrder(report.add_button, self.panel.team_view)
        report.set_review(self.selected())

    def _review_chosen(self) -> None:
        review = self.selected()
        self.details.setText(review_html(review) if review else "")
        self.panel.set_review(review)
        if self.report is not None:
            self.report.set_review(review)


def review_html(review: ReviewView) -> str:
    draft = review.draft
    e = html.escape
    leads = draft.lead_words or ", ".join(str(p) for p in draft.leads) or "to be named"
    lines = [
        f"<b>{e(str(review.kind))} of {e(draft.host)}</b>",
        f"Dates: {e(draft.dates.words)}",
        f"{e(draft.lead_title[0].upper() + draft.lead_title[1:])}: {e(leads)}",
    ]
    if draft.qa:
        lines.append(f"QA DCS: {e(', '.join(str(p) for p in draft.qa))}")
    if draft.kloe_agreed:
        lines.append(f"{draft.enquiry_title}: {e(draft.kloe)}")
    elif not draft.kind.is_sav:  # a SAV's focus is often left unsaid in the plan
        lines.append(f"{draft.enquiry_title}: to be agreed.")
    return "<br>".join(lines)
