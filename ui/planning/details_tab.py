"""The day's details: when, where, who facilitates, and the times it must keep."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from facilitator.common.vocabulary import DayMode
from facilitator.planning.planner import DayDetails, DayTextError, Planner
from ui.common.bridge import listen


class DetailsTab(QWidget):
    """Every field saves as soon as it is left; there is nothing to forget to save.

    On a shared database a save is made on the day as it was loaded (its row_version): one
    made on details someone else has changed since is refused (ChangedElsewhereError)."""

    def __init__(self, planner: Planner, day_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.planner = planner
        self.day_id = day_id
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dddd d MMMM yyyy")
        self.date_edit.setAccessibleName("Date")
        self.mode_combo = QComboBox()
        self.mode_combo.setAccessibleName("Held")
        for mode in DayMode:
            self.mode_combo.addItem(mode.label, mode.value)
        self.place_label = QLabel()
        self.place_edit = QLineEdit()
        self.place_edit.setAccessibleName("Venue or meeting link")
        self.facilitator_edit = QLineEdit()
        self.facilitator_edit.setAccessibleName("Facilitator")
        self.cycle_edit = QLineEdit()
        self.cycle_edit.setAccessibleName("Cycle")
        self.error_label = QLabel()
        self.error_label.setObjectName("errorMessage")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.start_edit = QTimeEdit()
        self.start_edit.setDisplayFormat("HH.mm")
        self.start_edit.setAccessibleName("Start time")
        # Every day has a finish limit (17.35 unless set); the agenda warns past it.
        self.limit_edit = QTimeEdit()
        self.limit_edit.setDisplayFormat("HH.mm")
        self.limit_edit.setAccessibleName("Finish limit")
        limit_hint = QLabel("The agenda warns when the plan runs past this.")
        limit_hint.setObjectName("secondaryText")
        limit_row = QHBoxLayout()
        limit_row.addWidget(self.limit_edit)
        limit_row.addWidget(limit_hint)
        limit_row.addStretch()

        form = QFormLayout(self)
        form.addRow("&Date", self.date_edit)
        form.addRow("&Held", self.mode_combo)
        form.addRow(self.place_label, self.place_edit)
        form.addRow("&Facilitator", self.facilitator_edit)
        form.addRow("C&ycle", self.cycle_edit)
        form.addRow("", self.error_label)
        form.addRow("&Start", self.start_edit)
        form.addRow("Finish by", limit_row)

        self._loaded: DayDetails  # what the form shows, as load() read it
        self.load()
        self.date_edit.editingFinished.connect(self.save)
        self.mode_combo.activated.connect(self.save)
        for edit in (self.place_edit, self.facilitator_edit, self.cycle_edit):
            edit.editingFinished.connect(self.save)
        self.start_edit.editingFinished.connect(self.save_times)
        self.limit_edit.editingFinished.connect(self.save_times)
        listen(self, planner.day_changed, self._day_changed)

    def load(self) -> None:
        details = self.planner.details(self.day_id)
        self._loaded = details
        plan = self.planner.day_plan(self.day_id)
        self.date_edit.setDate(QDate(details.date.year, details.date.month, details.date.day))
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(details.mode.value))
        virtual = details.mode is DayMode.VIRTUAL
        self.place_label.setText("Meeting &link" if virtual else "&Venue")
        self.place_label.setBuddy(self.place_edit)
        self.place_edit.setText(details.meeting_link if virtual else details.venue)
        self.facilitator_edit.setText(details.facilitator)
        self.cycle_edit.setText(details.cycle_name)
        self.start_edit.setTime(QTime(plan.start.hour, plan.start.minute))
        limit = plan.finish_limit
        self.limit_edit.setTime(QTime(limit.hour, limit.minute))

    def details(self) -> DayDetails:
        mode = DayMode(self.mode_combo.currentData())
        current = self._loaded
        place = self.place_edit.text()
        date = self.date_edit.date()
        if mode is not current.mode:
            # Switching between venue and link keeps what was typed for the other.
            venue, link = current.venue, current.meeting_link
        else:
            venue = place if mode is DayMode.FACE_TO_FACE else current.venue
            link = place if mode is DayMode.VIRTUAL else current.meeting_link
        return DayDetails(
            date=dt.date(date.year(), date.month(), date.day()),
            mode=mode,
            venue=venue,
            meeting_link=link,
            facilitator=self.facilitator_edit.text(),
            cycle_name=self.cycle_edit.text(),
            number=current.number,
            row_version=current.row_version,
        )

    def save(self, *_: object) -> None:
        details = self.details()
        if details != self._loaded:  # compared without the version
            try:
                self.planner.update_details(
                    self.day_id, details, seen_version=self._loaded.row_version
                )
            except DayTextError as exc:
                # What was typed stays in the field, to be shortened; nothing is saved.
                self.error_label.setText(str(exc))
                self.error_label.show()
                return
        self.error_label.hide()
        self.load()

    def save_times(self, *_: object) -> None:
        start = self.start_edit.time()
        plan = self.planner.day_plan(self.day_id)
        new_start = dt.time(start.hour(), start.minute())
        if new_start != plan.start:
            self.planner.set_start_time(self.day_id, new_start)
        limit = self.limit_edit.time()
        new_limit = dt.time(limit.hour(), limit.minute())
        if new_limit != plan.finish_limit:
            self.planner.set_finish_limit(self.day_id, new_limit)

    def _day_changed(self, day_id: int) -> None:
        """Another change to the day made here (its times, an agenda template) counts its
        version on: while the details stored are still those shown, the next save is made
        on the new version. Details changed since are left to be refused."""
        if day_id != self.day_id:
            return
        try:
            stored = self.planner.details(day_id)
        except LookupError:
            return
        if stored == self._loaded:  # compared without the version
            self._loaded = stored
