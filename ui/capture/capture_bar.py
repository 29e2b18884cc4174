"""Typing bullets: a line that saves as you type, a tag, and who said it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from facilitator.capture.attribution import Attribution, Chosen, Roles, attribute
from facilitator.common.vocabulary import NoteTag

SAVE_DELAY_MS = 600
TAG_ORDER = (
    NoteTag.NOTE,
    NoteTag.STRENGTH,
    NoteTag.RISK,
    NoteTag.INSIGHT,
    NoteTag.QUESTION,
    NoteTag.ACTION,
    NoteTag.ASK,
    NoteTag.OFFER,
    NoteTag.BEST_PRACTICE,
    NoteTag.SYSTEMIC_ISSUE,
)


class _Line(QLineEdit):
    escaped = Signal()

    def event(self, event: QEvent) -> bool:
        # With nothing of its own to undo, Ctrl+Z goes to the console: undo the last bullet
        # or stage step rather than do nothing.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable():
                event.ignore()
                return False
            if event.matches(QKeySequence.StandardKey.Redo) and not self.isRedoAvailable():
                event.ignore()
                return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class CaptureBar(QWidget):
    """Emits `draft` after a pause in typing and `entered` on Enter, both with the text.

    The tag and "Who" boxes always show what Enter will store, as the line is typed: a prefix
    such as `q:` shows at once, and the person follows the stage's roles (`set_roles`). A tag
    picked in the box or with Ctrl+1…0 is for the next bullet; a person picked on purpose
    stays until the stage changes.
    """

    draft = Signal(str)
    entered = Signal(str)
    abandoned = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag_combo = QComboBox()
        self.tag_combo.setAccessibleName("Tag for the next bullet")
        for number, tag in enumerate(TAG_ORDER, start=1):
            hint = f"  (Ctrl+{number % 10})" if number <= 10 else ""
            self.tag_combo.addItem(f"{tag.label}{hint}", tag.value)
        self.who_combo = QComboBox()
        self.who_combo.setAccessibleName("Who said it")
        self.who_combo.setMinimumWidth(180)
        self.line = _Line()
        self.line.setObjectName("captureLine")
        self.line.setAccessibleName("New bullet")
        self.line.setPlaceholderText(
            "Type a bullet, then Enter.  Prefixes: s: strength  r: risk  i: insight  "
            "q: question  a: action  ask:  offer:  bp:  sys:"
        )
        self.line.setMaxLength(100_000)
        self.warning = QLabel()
        self.warning.setObjectName("gentleWarning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.goes_to = QLabel()
        self.goes_to.setObjectName("gentleWarning")  # a notice: not the stage on screen
        self.goes_to.setAccessibleName("Where the next bullet goes")
        self.goes_to.setWordWrap(True)
        self.goes_to.hide()
        self._roles = Roles(None)
        self._stage_id: int | None = None
        self._picked: NoteTag | None = None
        self._chosen: Chosen | None = None
        self._kept = False
        self.flushing = False  # a save asked for (F5, closing), not a pause in typing

        row = QHBoxLayout()
        tag_label = QLabel("&Tag")
        tag_label.setBuddy(self.tag_combo)
        who_label = QLabel("&Who")
        who_label.setBuddy(self.who_combo)
        row.addWidget(tag_label)
        row.addWidget(self.tag_combo)
        row.addWidget(who_label)
        row.addWidget(self.who_combo)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.warning)
        layout.addWidget(self.goes_to)
        layout.addWidget(self.line)
        layout.addLayout(row)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self._pause_in_typing)
        self.line.textEdited.connect(lambda _text: self._timer.start())
        self.line.returnPressed.connect(self._enter)
        self.line.escaped.connect(self._escape)
        self.line.textChanged.connect(lambda _text: self._show_attribution())
        self.tag_combo.activated.connect(lambda _i: self.set_tag(self._combo_tag()))
        self.who_combo.activated.connect(lambda _i: self.choose_person(self._combo_person()))

    def attribution(self) -> Attribution:
        """The tag, person and text Enter would store now."""
        return attribute(self.line.text(), self._roles, self._picked, self._chosen)

    def set_tag(self, tag: NoteTag) -> None:
        """The facilitator tags the next bullet (a prefix typed still wins)."""
        self._picked = tag
        self._show_attribution()

    def choose_person(self, authority_id: int | None) -> None:
        """The facilitator says who on purpose: it holds until the stage changes."""
        self._chosen = Chosen(authority_id)
        self._show_attribution()

    def set_roles(self, stage_id: int | None, roles: Roles, goes_to: str = "") -> None:
        """The stage the next bullet goes to and who speaks in it; a new stage starts with
        its own defaults."""
        if stage_id != self._stage_id:
            self._picked, self._chosen = None, None
        self._stage_id, self._roles = stage_id, roles
        self.goes_to.setText(goes_to)
        self.goes_to.setVisible(bool(goes_to))
        self._show_attribution()

    def set_people(self, choices: list[tuple[str, int | None]]) -> None:
        self.who_combo.clear()
        for label, authority_id in choices:
            self.who_combo.addItem(label, authority_id)
        self._show_attribution()

    def keep_text(self) -> None:
        """Called by whoever hears `entered` when the bullet was not stored."""
        self._kept = True

    def _combo_tag(self) -> NoteTag:
        return NoteTag(self.tag_combo.currentData())

    def _combo_person(self) -> int | None:
        value = self.who_combo.currentData()
        return int(value) if value is not None else None

    def _show_attribution(self) -> None:
        shown = self.attribution()
        self.tag_combo.blockSignals(True)
        self.tag_combo.setCurrentIndex(self.tag_combo.findData(shown.tag.value))
        self.tag_combo.blockSignals(False)
        self.who_combo.blockSignals(True)
        if self.who_combo.count():
            self.who_combo.setItemText(0, shown.speaker.label)
        self.who_combo.setCurrentIndex(max(0, self.who_combo.findData(shown.authority_id)))
        self.who_combo.blockSignals(False)

    def flush(self) -> None:
        """Saves what is typed now, without waiting for the pause."""
        if self._timer.isActive():
            self._timer.stop()
            self.flushing = True
            try:
                self._pause_in_typing()
            finally:
                self.flushing = False

    def _pause_in_typing(self) -> None:
        if self.line.text().strip():
            self.draft.emit(self.line.text())

    def _enter(self) -> None:
        self._timer.stop()
        text = self.line.text()
        self._kept = False
        if text.strip():
            self.entered.emit(text)
        if not self._kept:
            self._picked = None  # a tag picked is for one bullet
            self.line.setText("")  # unlike clear(), this empties the line's own undo history

    def _escape(self) -> None:
        self._timer.stop()
        if self.line.text():
            self._picked = None
            self.line.setText("")
            self.abandoned.emit()
