"""A director's returned copy, before it is taken in: what changed, and what to do with it.

The changes are shown as the round trip words them (render_diff), grouped by the heading they
sit under, each with its kind in words and colour. The choice is to accept them into the
notes (only when every change can be taken in; otherwise the reasons are listed) or to keep
the file as the amended text, leaving the notes as they are.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from facilitator.amendments.placements import session_note_placements
from facilitator.amendments.round_trip import (
    AmendedFile,
    AmendedFileError,
    ApplyError,
    ChangeKind,
    Choice,
    RoundTrip,
    render_diff,
)
from facilitator.planning.planner import Planner
from facilitator.records.exporting import DayRecord
from facilitator.records.versions import RecordError
from ui.common.dialog_buttons import DIALOG_STYLE, fit_bold, plain_buttons

# GOV.UK tag colours: dark words on a light ground, so every pair meets WCAG AA.
KIND_COLOURS = {
    ChangeKind.CHANGED: ("#594d00", "#fff7bf"),
    ChangeKind.ADDED: ("#005a30", "#cce2d8"),
    ChangeKind.DELETED: ("#942514", "#f6d7d2"),
    ChangeKind.MOVED: ("#0c2d4a", "#bbd4ea"),
}
ACCEPT_TEXT = "Accept into the record"
KEEP_TEXT = "Keep as the amended text"
ACCEPT_HELP = (
    "The changes go into the notes, actions, asks and offers, so the next version is built "
    "with them."
)
KEEP_HELP = (
    "The file is kept exactly as the director returned it. The notes stay as they are; you "
    "can save a copy of the returned file from the versions list."
)
NO_PLACE = "Start of the note"


def changes_html(amended: AmendedFile) -> str:
    """The render_diff lines grouped under the heading each change sits under."""
    if not amended.changes:
        return f"<p>{escape(render_diff(())[0])}</p>"
    groups: dict[str, list[str]] = {}
    for change, line in zip(amended.changes, render_diff(amended.changes), strict=True):
        colour, ground = KIND_COLOURS[change.kind]
        tag = (
            f'<td width="84" bgcolor="{ground}" style="color: {colour}; font-weight: bold; '
            f'white-space: nowrap;">{escape(change.kind.value.capitalize())}</td>'
        )
        row = f'<tr>{tag}<td style="padding-left: 8px;">{escape(line)}</td></tr>'
        groups.setdefault(change.section or NO_PLACE, []).append(row)
    parts = []
    for section, rows in groups.items():
        parts.append(f'<p style="font-weight: bold; margin-top: 10px;">{escape(section)}</p>')
        parts.append(
            '<table width="100%" cellspacing="3" cellpadding="5" style="margin-bottom: 4px;">'
            + "".join(rows)
            + "</table>"
        )
    return "".join(parts)


class AmendmentsDialog(QDialog):
    """Shows what changed in a returned copy and asks what to do with it."""

    def __init__(
        self,
        amended: AmendedFile,
        problems: list[str],
        what: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.amended = amended
        self.problems = list(problems)
        self.lines = amended.diff_lines() if amended.changes else []
        self.setWindowTitle(f"Returned copy of the {what}")
        self.setStyleSheet(DIALOG_STYLE)
        self.setMinimumSize(720, 560)
        self.resize(800, 700)

        count = len(amended.changes)
        places = "1 place" if count == 1 else f"{count} places"
        differs = (
            f"It differs from the version sent in {places}:"
            if count
            else "It says what the version sent said."
        )
        summary = QLabel(
            f"<p><b>{escape(amended.file_name)}</b> is the returned copy of version "
            f"{amended.version} of the {escape(what)}. {differs}</p>"
        )
        summary.setWordWrap(True)

        self.changes_view = QTextBrowser()
        self.changes_view.setObjectName("amendments")
        self.changes_view.setAccessibleName("What the director changed")
        self.changes_view.setAccessibleDescription("\n".join(self.lines))
        self.changes_view.setOpenLinks(False)
        self.changes_view.setHtml(changes_html(amended))

        choice_box = QGroupBox("What should Balcony do with it?")
        column = QVBoxLayout(choice_box)
        self.accept_option = QRadioButton(ACCEPT_TEXT)
        self.accept_option.setAccessibleName(ACCEPT_TEXT)
        self.keep_option = QRadioButton(KEEP_TEXT)
        self.keep_option.setAccessibleName(KEEP_TEXT)
        self.group = QButtonGroup(self)
        self.group.addButton(self.accept_option)
        self.group.addButton(self.keep_option)
        column.addWidget(self.accept_option)
        column.addWidget(_help(ACCEPT_HELP))
        self.problems_label = QLabel()
        self.problems_label.setObjectName("gentleWarning")
        self.problems_label.setWordWrap(True)
        self.problems_label.setAccessibleName("Why the changes cannot be accepted")
        self.problems_area = QScrollArea()
        self.problems_area.setWidget(self.problems_label)
        self.problems_area.setWidgetResizable(True)
        self.problems_area.setFrameShape(QFrame.Shape.NoFrame)
        self.problems_area.setMaximumHeight(150)
        self.problems_area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.problems_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.problems_area)
        column.addWidget(self.keep_option)
        column.addWidget(_help(KEEP_HELP))
        if self.problems:
            self.accept_option.setEnabled(False)
            self.keep_option.setChecked(True)
            reasons = "".join(f"<li>{escape(p)}</li>" for p in self.problems)
            self.problems_label.setText(
                "<p>These changes cannot be taken into the notes, so for now the file can "
                f"only be kept as the amended text:</p><ul>{reasons}</ul>"
            )
        else:
            self.accept_option.setChecked(True)
            self.problems_area.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        plain_buttons(buttons, default=self.ok_button)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.group.buttonToggled.connect(lambda *_: self._name_ok())
        self._name_ok()

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.changes_view, 1)
        layout.addWidget(choice_box)
        layout.addWidget(buttons)

    def choice(self) -> Choice:
        return Choice.ACCEPT if self.accept_option.isChecked() else Choice.KEEP

    def _name_ok(self) -> None:
        text = ACCEPT_TEXT if self.choice() is Choice.ACCEPT else KEEP_TEXT
        self.ok_button.setText(text)
        self.ok_button.setAccessibleName(text)
        fit_bold(self.ok_button)


def take_in_returned_copy(
    trip: RoundTrip,
    planner: Planner,
    record: DayRecord,
    path: Path,
    parent: QWidget | None = None,
) -> str | None:
    """Reads the returned copy at `path` for `record`, shows what changed, and takes it in
    as chosen. Problems are shown in a message box; returns what was done, or None."""
    title = "Import returned copy"
    try:
        amended = trip.read_amended(path, expected=record.key)
    except AmendedFileError as exc:
        QMessageBox.warning(parent, title, str(exc))
        return None
    day_id = record.key.day_id
    plan = planner.day_plan(day_id) if day_id is not None else None
    placements = session_note_placements(plan, record) if plan is not None else {}
    problems = trip.problems(amended, placements=placements)
    dialog = AmendmentsDialog(amended, problems, record.described, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    choice = dialog.choice()
    try:
        result = trip.apply(amended, choice, placements=placements)
    except ApplyError as exc:
        listed = "\n".join(f"• {p}" for p in exc.problems)
        QMessageBox.warning(parent, title, f"{exc}\n\n{listed}" if listed else str(exc))
        return None
    except RecordError as exc:
        QMessageBox.warning(parent, title, str(exc))
        return None
    if choice is Choice.KEEP:
        return f"Returned copy of version {amended.version} kept as the amended text."
    count = len(result.done)
    changes = "1 change" if count == 1 else f"{count} changes"
    return f"Returned copy of version {amended.version}: {changes} taken into the notes."


def _help(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("secondaryText")
    label.setWordWrap(True)
    label.setContentsMargins(24, 0, 0, 6)
    return label
