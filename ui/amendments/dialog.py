"""A director's returned copy, before it is taken in: what changed, and what to take in.

The changes are listed under the heading each sits under, each with its kind in words and
colour and a tick box: ticked changes are taken into the notes, unticked ones left out. A
change that cannot be taken in (a heading's wording, a bullet edited in Balcony since) is
left out with its reason and does not hold back the rest. Comments are listed apart, to act
on in Balcony; they are never taken in. The other choice keeps the file as the amended text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTreeView,
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
    ParagraphChange,
    RoundTrip,
)
from facilitator.planning.planner import Planner
from facilitator.records.exporting import DayRecord
from facilitator.records.versions import RecordError
from ui.amendments.changes_model import LIST_HELP, ChangeDelegate, ChangesModel
from ui.common.dialog_buttons import DIALOG_STYLE, fit_bold, plain_buttons

ACCEPT_TEXT = "Take the ticked changes into the record"
KEEP_TEXT = "Keep as the amended text"
RECORD_TEXT = "Record the returned copy"
ACCEPT_HELP = (
    "The ticked changes go into the notes, actions, asks and offers; the file is kept too."
)
KEEP_HELP = "The notes stay as they are; the file is kept exactly as the director returned it."
NOTHING_TICKED = "Nothing is ticked: tick the changes to take in, or keep the amended text."
NONE_CHOOSABLE = (
    "None of these changes can be taken into the notes (the reasons are under each), so the "
    "file can only be kept as the amended text."
)
LOOK = "QRadioButton:disabled { color: #6f777b; } QLabel#gentleWarning { margin-left: 24px; }"
EMPTY = "No changes: the returned copy says what the version sent said."


def counted(count: int, one: str, many: str | None = None) -> str:
    return f"1 {one}" if count == 1 else f"{count} {many or one + 's'}"


class ChangesView(QTreeView):
    """The changes, grouped under their headings; rows grow to their wrapped words."""

    def __init__(self, model: ChangesModel) -> None:
        super().__init__()
        self.setObjectName("amendments")
        self.setAccessibleName("Changes in the returned copy")
        self.setAccessibleDescription(LIST_HELP)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setIndentation(0)
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(ChangeDelegate(self))
        self.setModel(model)
        self.expandAll()
        self.setCurrentIndex(model.first_change())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()


class AmendmentsDialog(QDialog):
    """Shows what changed in a returned copy and asks which changes to take in."""

    def __init__(
        self,
        amended: AmendedFile,
        problems: Mapping[ParagraphChange, Sequence[str]],
        what: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.amended = amended
        self.model = ChangesModel(amended.changes, problems, self)
        self.setWindowTitle(f"Returned copy of the {what}")
        self.setStyleSheet(DIALOG_STYLE + LOOK)
        self.setMinimumSize(720, 560)
        self.resize(860, 680)
        self._kept_for_want_of_ticks = False

        layout = QVBoxLayout(self)
        self.summary_label = self._summary(what)
        layout.addWidget(self.summary_label)
        self.view = ChangesView(self.model)
        self.empty_label = QLabel(EMPTY)
        self.empty_label.setObjectName("secondaryText")
        self.empty_label.setAccessibleName(EMPTY)
        self.empty_label.setWordWrap(True)

        self.take_all_action = self._action("Take in all", "Ctrl+A", True)
        self.leave_all_action = self._action("Leave all out", "Ctrl+Shift+A", False)
        self.take_all_button = self._button("&Take in all", self.take_all_action)
        self.leave_all_button = self._button("&Leave all out", self.leave_all_action)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setStyleSheet("font-weight: bold;")
        bar = QHBoxLayout()
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.take_all_button)
        bar.addWidget(self.leave_all_button)
        hint = QLabel(LIST_HELP + " Ctrl+A ticks them all.")
        hint.setObjectName("secondaryText")
        hint.setWordWrap(True)

        if self.model.rowCount():
            layout.addLayout(bar)
            layout.addWidget(self.view, 1)
            if self.model.choosable_count:
                layout.addWidget(hint)
        else:
            self.view.hide()
            layout.addWidget(self.empty_label)
            layout.addStretch(1)
        for widget in (self.take_all_button, self.leave_all_button, self.count_label):
            widget.setVisible(bool(self.model.change_count))

        self.choice_box = self._choices()
        layout.addWidget(self.choice_box)
        self.choice_box.setVisible(bool(self.model.change_count))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        plain_buttons(buttons, default=self.ok_button)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        chain = (self.view, self.take_all_button, self.leave_all_button, self.accept_option)
        for first, then in pairwise(chain):
            QWidget.setTabOrder(first, then)
        self.view.setFocus()
        self.model.dataChanged.connect(lambda *_: self._follow())
        self.group.buttonToggled.connect(lambda *_: self._follow())
        self._follow()

    # what was chosen --------------------------------------------------------------------

    def choice(self) -> Choice:
        return Choice.KEEP if self.keep_option.isChecked() else Choice.ACCEPT

    def chosen(self) -> tuple[ParagraphChange, ...]:
        """The ticked changes, in reading order; none when keeping the amended text."""
        return self.model.chosen() if self.choice() is Choice.ACCEPT else ()

    # building ---------------------------------------------------------------------------

    def _summary(self, what: str) -> QLabel:
        amended, model = self.amended, self.model
        count, comments = model.change_count, model.comment_count
        says = f"It differs from the version sent in {counted(count, 'place')}"
        if not count:
            says = "It says what the version sent said"
        if comments:
            has = " and has" if count else ", but has"
            says += f"{has} {counted(comments, 'comment')} to act on in Balcony"
        # Headings the word processor restyled or lost: said, so nothing is read silently.
        notices = "".join(f"<li>{escape(n)}</li>" for n in amended.notices)
        label = QLabel(
            f"<p><b>{escape(amended.file_name)}</b> is the returned copy of version "
            f"{amended.version} of the {escape(what)}. {escape(says)}.</p>"
            + (f"<ul>{notices}</ul>" if notices else "")
        )
        label.setWordWrap(True)
        label.setAccessibleDescription("\n".join(amended.notices))
        return label

    def _choices(self) -> QGroupBox:
        box = QGroupBox("What should Balcony do with it?")
        column = QVBoxLayout(box)
        column.setSpacing(2)
        self.accept_option = QRadioButton("Take the ticked changes &into the record")
        self.accept_option.setAccessibleName(ACCEPT_TEXT)
        self.keep_option = QRadioButton("&Keep as the amended text")
        self.keep_option.setAccessibleName(KEEP_TEXT)
        self.group = QButtonGroup(self)
        self.group.addButton(self.accept_option)
        self.group.addButton(self.keep_option)
        self.accept_option.setChecked(True)
        self.why_not = QLabel()
        self.why_not.setObjectName("gentleWarning")
        self.why_not.setWordWrap(True)
        self.why_not.setAccessibleName("Why the ticked changes cannot be taken in")
        column.addWidget(self.accept_option)
        column.addWidget(_help(ACCEPT_HELP))
        column.addWidget(self.why_not)
        column.addWidget(self.keep_option)
        column.addWidget(_help(KEEP_HELP))
        return box

    def _action(self, name: str, keys: str, ticked: bool) -> QAction:
        action = QAction(name, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda *_: self.model.set_all(ticked))
        self.addAction(action)
        return action

    def _button(self, text: str, action: QAction) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(action.text())
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{action.text()} ({keys})")
        button.setAutoDefault(False)
        button.clicked.connect(action.trigger)
        return button

    # following the choice ---------------------------------------------------------------

    def _follow(self) -> None:
        """Keeps the count, the take-in choice and the OK button in step with the ticks."""
        model = self.model
        ticked, total = len(model.chosen()), model.change_count
        can = ticked > 0 or total == 0
        self.accept_option.setEnabled(can)
        if not can and self.accept_option.isChecked():
            self._kept_for_want_of_ticks = True
            self.keep_option.setChecked(True)  # comes back here through buttonToggled
            return
        if can and self._kept_for_want_of_ticks:
            self._kept_for_want_of_ticks = False
            self.accept_option.setChecked(True)
            return
        self.why_not.setText(
            "" if can else NOTHING_TICKED if model.choosable_count else NONE_CHOOSABLE
        )
        self.why_not.setVisible(not can)
        for control in (self.take_all_action, self.take_all_button):
            control.setEnabled(ticked < model.choosable_count)
        for control in (self.leave_all_action, self.leave_all_button):
            control.setEnabled(ticked > 0)
        if self.choice() is Choice.KEEP:
            self.count_label.setText(
                f"None of the {counted(total, 'change')} will be taken in: the file is kept "
                "as the amended text."
            )
            text = KEEP_TEXT
        else:
            self.count_label.setText(f"{ticked} of {counted(total, 'change')} will be taken in")
            text = f"Take in {counted(ticked, 'change')}" if total else RECORD_TEXT
        self.count_label.setAccessibleName(self.count_label.text())
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
    """Reads the returned copy at `path` for `record`, shows what changed, and takes in the
    ticked changes (or keeps the amended text). Problems are shown in a message box;
    returns what was done, or None."""
    title = "Import returned copy"
    try:
        amended = trip.read_amended(path, expected=record.key)
    except AmendedFileError as exc:
        QMessageBox.warning(parent, title, str(exc))
        return None
    day_id = record.key.day_id
    plan = planner.day_plan(day_id) if day_id is not None else None
    placements = session_note_placements(plan, record) if plan is not None else {}
    problems = {
        change: trip.problems(amended, placements=placements, changes=(change,))
        for change in amended.changes
        if change.kind is not ChangeKind.COMMENT
    }
    dialog = AmendmentsDialog(amended, problems, record.described, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    choice, chosen = dialog.choice(), dialog.chosen()
    try:
        result = trip.apply(amended, choice, placements=placements, changes=chosen)
    except ApplyError as exc:
        listed = "\n".join(f"• {p}" for p in exc.problems)
        QMessageBox.warning(parent, title, f"{exc}\n\n{listed}" if listed else str(exc))
        return None
    except RecordError as exc:
        QMessageBox.warning(parent, title, str(exc))
        return None
    comments = dialog.model.comment_count
    act_on = f" {counted(comments, 'comment')} to act on in Balcony." if comments else ""
    if choice is Choice.KEEP:
        return f"Returned copy of version {amended.version} kept as the amended text.{act_on}"
    total = dialog.model.change_count
    if not total:
        return f"Returned copy of version {amended.version} recorded: no changes.{act_on}"
    done = len(result.done)
    matched = len(chosen) - done
    already = f" ({matched} already in the notes)" if matched > 0 else ""
    return (
        f"Returned copy of version {amended.version}: {counted(done, 'change')} taken into "
        f"the notes{already}; {total - len(chosen)} left out.{act_on}"
    )


def _help(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("secondaryText")
    label.setWordWrap(True)
    label.setContentsMargins(24, 0, 0, 6)
    return label
