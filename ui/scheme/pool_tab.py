"""The Pool tab: everyone in the pool, and the chosen person's entry and service history."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from facilitator.pool.people import ChallengerView, ServiceView
from facilitator.pool.service import Pool
from ui.common.views import action_button, selected_row, table
from ui.scheme.pool_models import PoolModel, PoolRow, expertise_text
from ui.scheme.texts import listed, short_date

EMPTY_TEXT = (
    "No one is in the pool yet. Import the expression-of-interest CSV (Ctrl+I): one row per "
    "person, with their name, local authority and the roles their DCS approved. Every row "
    "must be sound, or nobody is added."
)
NO_ONE_CHOSEN = "Choose someone in the list to see their entry and the reviews they served on."


class PoolTab(QWidget):
    def __init__(self, pool: Pool, import_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setObjectName("guidance")
        self.empty_label.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("secondaryText")
        self.import_button = action_button(import_action, "Import the pool from a CSV file")

        self.model = PoolModel(pool, self)
        self.table = table(self.model, "People in the pool", stretch=4, widths={2: 160, 3: 150})
        self.table.setSortingEnabled(False)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_person())
        self.details = QTextBrowser()
        self.details.setAccessibleName("The chosen person’s entry and service history")
        self.details.setOpenLinks(False)
        self.details.setMinimumWidth(280)

        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1010, 290])

        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)
        layout.addStretch()  # holds the guidance at the top while the pool is empty
        self.setTabOrder(self.table, self.details)
        self.setTabOrder(self.details, self.import_button)
        self.refresh()

    def selected(self) -> PoolRow | None:
        row = selected_row(self.table)
        return self.model.row_at(row) if row is not None else None

    def refresh(self) -> None:
        """Reads the pool again, keeping the same person chosen."""
        chosen = self.selected()
        self.model.reload()
        count = self.model.rowCount()
        self.empty_label.setVisible(count == 0)
        self.splitter.setVisible(count > 0)
        self.count_label.setText(
            f"{count} {'person' if count == 1 else 'people'} in the pool" if count else ""
        )
        row = self.model.row_of(chosen.person.id) if chosen else None
        if row is None and count:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self.show_person()

    def show_person(self) -> None:
        row = self.selected()
        if row is None:
            self.details.setHtml(f"<p>{html.escape(NO_ONE_CHOSEN)}</p>")
            return
        self.details.setHtml(person_html(row))


def person_html(row: PoolRow) -> str:
    """One person's entry, then the reviews they served on, oldest first."""
    person: ChallengerView = row.person
    d = person.details
    facts = [
        ("Authority", d.authority),
        ("Position", d.position or "–"),
        ("Email", d.email or "–"),
        ("Telephone", d.telephone or "–"),
        ("Roles applied for", listed((r.value for r in d.roles_applied), "–")),
        ("Roles approved", listed((r.value for r in d.roles_approved), "Not approved yet")),
        ("Sponsor DCS", d.sponsor_dcs or "–"),
        ("Approved on", short_date(d.approved_on) if d.approved_on else "–"),
        ("Expertise", expertise_text(person)),
        ("Training", d.training or "Not yet"),
        ("Availability", d.availability or "–"),
    ]
    rows = "".join(
        f"<tr><td style='padding-right:10px; color:#505a5f'>{html.escape(label)}</td>"
        f"<td>{html.escape(value)}</td></tr>"
        for label, value in facts
    )
    return (
        f"<h3>{html.escape(d.name)}</h3><table>{rows}</table>"
        f"<h4>Service history</h4>{_history(row.service)}"
    )


def _history(service: tuple[ServiceView, ...]) -> str:
    if not service:
        return "<p>No reviews served yet.</p>"
    items = "".join(
        f"<li>{html.escape(short_date(s.served_on))}: {html.escape(s.review)}</li>" for s in service
    )
    return f"<ul style='margin-left:-20px'>{items}</ul>"
