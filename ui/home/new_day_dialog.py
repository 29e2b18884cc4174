"""The New day form: date, triad or quartet, where, who facilitates, which authorities."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.common.vocabulary import DayKind, DayMode
from facilitator.planning.planner import AuthorityEntry, DayInputError, NewDay, Planner


class NewDayDialog(QDialog):
    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._planner = planner
        self.created_day_id: int | None = None
        self.setWindowTitle("New day")
        self.setMinimumWidth(640)

        self.date_edit = QDateEdit(_next_weekday(QDate.currentDate()))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dddd d MMMM yyyy")
        self.date_edit.setAccessibleName("Date of the day")

        self.triad = QRadioButton("&Triad (3 authorities)")
        self.quartet = QRadioButton("&Quartet (4 authorities)")
        self.triad.setChecked(True)
        kind_group = QButtonGroup(self)
        kind_group.addButton(self.triad)
        kind_group.addButton(self.quartet)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.triad)
        kind_row.addWidget(self.quartet)
        kind_row.addStretch()

        self.face_to_face = QRadioButton("&Face to face")
        self.virtual = QRadioButton("&Virtual")
        self.face_to_face.setChecked(True)
        mode_group = QButtonGroup(self)
        mode_group.addButton(self.face_to_face)
        mode_group.addButton(self.virtual)
        mode_row = QHBoxLayout()
        mode_row.addWidget(self.face_to_face)
        mode_row.addWidget(self.virtual)
        mode_row.addStretch()

        self.place_edit = QLineEdit()
        self.place_edit.setAccessibleName("Venue or meeting link")
        self.place_label = QLabel("Venue")
        self.facilitator_edit = QLineEdit()
        self.facilitator_edit.setAccessibleName("Facilitator")
        self.cycle_edit = QLineEdit()
        self.cycle_edit.setPlaceholderText("for example 2026–2027 (optional)")
        self.cycle_edit.setAccessibleName("Cycle")

        form = QFormLayout()
        form.addRow("&Date", self.date_edit)
        form.addRow("Kind", kind_row)
        form.addRow("Held", mode_row)
        form.addRow(self.place_label, self.place_edit)
        form.addRow("F&acilitator", self.facilitator_edit)
        form.addRow("C&ycle", self.cycle_edit)

        box = QGroupBox("Authorities, in presenting order")
        grid = QGridLayout(box)
        for column, title in enumerate(("", "Name", "Short name", "DCS")):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        self.rows: list[tuple[QLabel, QLineEdit, QLineEdit, QLineEdit]] = []
        for row in range(4):
            number = QLabel(f"{row + 1}.")
            name, short, dcs = QLineEdit(), QLineEdit(), QLineEdit()
            short.setMaximumWidth(110)
            name.setAccessibleName(f"Authority {row + 1} name")
            short.setAccessibleName(f"Authority {row + 1} short name")
            dcs.setAccessibleName(f"Authority {row + 1} DCS")
            for column, widget in enumerate((number, name, short, dcs)):
                grid.addWidget(widget, row + 1, column)
            self.rows.append((number, name, short, dcs))
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)

        self.error_label = QLabel()
        self.error_label.setObjectName("errorMessage")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        create = buttons.button(QDialogButtonBox.StandardButton.Ok)
        create.setText("Create day")
        create.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.quartet.toggled.connect(self._update_rows)
        self.virtual.toggled.connect(self._update_place)
        self._update_rows()
        self._update_place()

    def _update_rows(self) -> None:
        count = self._kind().authority_count
        for index, widgets in enumerate(self.rows):
            for widget in widgets:
                widget.setVisible(index < count)

    def _update_place(self) -> None:
        virtual = self.virtual.isChecked()
        self.place_label.setText("Meeting link" if virtual else "Venue")
        self.place_edit.setPlaceholderText(
            "for example a Teams link" if virtual else "for example the conference centre"
        )

    def _kind(self) -> DayKind:
        return DayKind.QUARTET if self.quartet.isChecked() else DayKind.TRIAD

    def new_day(self) -> NewDay:
        kind = self._kind()
        virtual = self.virtual.isChecked()
        entries = tuple(
            AuthorityEntry(name.text(), short.text(), dcs.text())
            for _, name, short, dcs in self.rows[: kind.authority_count]
        )
        return NewDay(
            date=_to_date(self.date_edit.date()),
            kind=kind,
            mode=DayMode.VIRTUAL if virtual else DayMode.FACE_TO_FACE,
            authorities=entries,
            venue="" if virtual else self.place_edit.text(),
            meeting_link=self.place_edit.text() if virtual else "",
            facilitator=self.facilitator_edit.text(),
            cycle_name=self.cycle_edit.text(),
        )

    def accept(self) -> None:
        try:
            self.created_day_id = self._planner.create_day(self.new_day())
        except DayInputError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        super().accept()


def _to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _next_weekday(today: QDate) -> QDate:
    day = today.addDays(1)
    while day.dayOfWeek() > 5:
        day = day.addDays(1)
    return day
