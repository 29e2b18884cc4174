"""Typing bullets: a line that saves as you type, a tag, and who said it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from facilitator.capture.attribution import (
    Attribution,
    Chosen,
    Roles,
    WhoChoice,
    attribute,
    who_choices,
)
from facilitator.capture.introductions import PersonOfDay
from facilitator.common.vocabulary import NoteTag, StageKind

SAVE_DELAY_MS = 600  # a pause in typing this long saves the line
STEADY_SAVE_MS = 800  # and however steadily one types, the line is saved this often
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
    left = Signal()  # the keyboard went elsewhere

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

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class CaptureBar(QWidget):
    """Emits `draft` with the text after a pause in typing, and at least every
    STEADY_SAVE_MS while typing goes on, and when the keyboard leaves the line or the app;
    `entered` on Enter; `abandoned` with the text on Escape.

    The tag and "Who" boxes always show what Enter will store, as the line is typed: a prefix
    such as `q:` shows at once, and the person follows the stage's roles (`set_roles`). A tag
    picked in the box or with Ctrl+1…0 is for the next bullet; a person picked on purpose
    stays until the stage changes. The "Who" box offers the day's authorities and its people
    (`set_people`), the visiting members first in the affirmation.
    """

    draft = Signal(str)
    entered = Signal(str)
    abandoned = Signal(str)

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
        self._authorities: Mapping[int, str] = {}
        self._people: Sequence[PersonOfDay] = ()
        self._choices: list[WhoChoice] = []  # the "Who" box's entries, in its order
        self._kept = False
        self.flushing = False  # a save asked for (F5, closing), not a pause in typing
        self.dropped: Attribution | None = None  # the bullet Escape last dropped

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
        self._timer.timeout.connect(self._save_now)
        # A pause restarts with every keystroke; the steady save does not, so steady typing
        # is stored too (a power cut loses at most the last second).
        self._steady = QTimer(self)
        self._steady.setSingleShot(True)
        self._steady.setInterval(STEADY_SAVE_MS)
        self._steady.timeout.connect(self._save_now)
        self.line.textEdited.connect(self._typed)
        self.line.left.connect(lambda: self.flush(ask=False))
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):  # switching to another program saves too
            app.applicationStateChanged.connect(self._app_state)
        self.line.returnPressed.connect(self._enter)
        self.line.escaped.connect(self._escape)
        self.line.textChanged.connect(lambda _text: self._show_attribution())
        self.tag_combo.activated.connect(lambda _i: self.set_tag(self._combo_tag()))
        self.who_combo.activated.connect(self._who_activated)

    def attribution(self) -> Attribution:
        """The tag, person and text Enter would store now."""
        return attribute(self.line.text(), self._roles, self._picked, self._chosen)

    def set_tag(self, tag: NoteTag) -> None:
        """The facilitator tags the next bullet (a prefix typed still wins)."""
        self._picked = tag
        self._show_attribution()

    def choose_person(self, authority_id: int | None, person_id: int | None = None) -> None:
        """The facilitator says who on purpose (an authority, or one of its people): it holds
        until the stage changes."""
        self._chosen = Chosen(authority_id, person_id)
        self._show_attribution()

    def set_roles(self, stage_id: int | None, roles: Roles, goes_to: str = "") -> None:
        """The stage the next bullet goes to and who speaks in it; a new stage starts with
        its own defaults."""
        if stage_id != self._stage_id:
            self._picked, self._chosen = None, None
        self._stage_id, self._roles = stage_id, roles
        self._name_tags(roles.kind)
        self.goes_to.setText(goes_to)
        self.goes_to.setVisible(bool(goes_to))
        self._fill_who()

    def _name_tags(self, kind: StageKind | None) -> None:
        """In the presentation a risk is a focus risk the DCS named, and Enter makes it one:
        the tag box says so."""
        for number, tag in enumerate(TAG_ORDER, start=1):
            hint = f"  (Ctrl+{number % 10})" if number <= 10 else ""
            name = (
                "Focus risk"
                if tag is NoteTag.RISK and kind is StageKind.PRESENTATION
                else tag.label
            )
            self.tag_combo.setItemText(number - 1, f"{name}{hint}")

    def set_people(
        self, authorities: Mapping[int, str], people: Sequence[PersonOfDay] = ()
    ) -> None:
        """Who the "Who" box offers: the day's authorities (id: full name) and its people."""
        self._authorities, self._people = dict(authorities), tuple(people)
        self._fill_who()

    def _fill_who(self) -> None:
        """The "Who" box's entries for the stage's roles, then what Enter will store."""
        choices = who_choices(self._authorities, self._people, self._roles)
        if choices != self._choices:
            self._choices = choices
            self.who_combo.blockSignals(True)
            self.who_combo.clear()
            for choice in choices:
                self.who_combo.addItem(choice.label)
            self.who_combo.blockSignals(False)
        self._show_attribution()

    def keep_text(self) -> None:
        """Called by whoever hears `entered` when the bullet was not stored."""
        self._kept = True

    def _combo_tag(self) -> NoteTag:
        return NoteTag(self.tag_combo.currentData())

    def _who_activated(self, index: int) -> None:
        if 0 <= index < len(self._choices):
            choice = self._choices[index]
            self.choose_person(choice.authority_id, choice.person_id)

    def _who_index(self, shown: Attribution) -> int:
        """The entry for the person Enter will store: that person, else their authority."""
        keys = [(c.authority_id, c.person_id) for c in self._choices]
        for key in ((shown.authority_id, shown.person_id), (shown.authority_id, None)):
            if key in keys:
                return keys.index(key)
        return 0

    def _show_attribution(self) -> None:
        shown = self.attribution()
        self.tag_combo.blockSignals(True)
        self.tag_combo.setCurrentIndex(self.tag_combo.findData(shown.tag.value))
        self.tag_combo.blockSignals(False)
        self.who_combo.blockSignals(True)
        if self.who_combo.count():
            self.who_combo.setItemText(0, shown.speaker.label)
        self.who_combo.setCurrentIndex(self._who_index(shown))
        self.who_combo.blockSignals(False)

    def _typed(self, _text: str) -> None:
        self._timer.start()
        if not self._steady.isActive():
            self._steady.start()

    def _app_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.flush(ask=False)

    def _stop_timers(self) -> bool:
        """Stops both saves; True if one was waiting (the line holds unsaved typing)."""
        waiting = self._timer.isActive() or self._steady.isActive()
        self._timer.stop()
        self._steady.stop()
        return waiting

    def flush(self, ask: bool = True) -> None:
        """Saves what is typed now, without waiting. `ask`: a question may be asked first
        (F5, closing), not when the keyboard merely went elsewhere."""
        if self._stop_timers():
            self.flushing = ask
            try:
                self._save_now()
            finally:
                self.flushing = False

    def _save_now(self) -> None:
        self._stop_timers()
        if self.line.text().strip():
            self.draft.emit(self.line.text())

    def _enter(self) -> None:
        self._stop_timers()
        text = self.line.text()
        self._kept = False
        if text.strip():
            self.entered.emit(text)
        if not self._kept:
            self._picked = None  # a tag picked is for one bullet
            self.line.setText("")  # unlike clear(), this empties the line's own undo history

    def _escape(self) -> None:
        self._stop_timers()
        text = self.line.text()
        if text:
            self.dropped = self.attribution()  # as Enter would have stored it, for an undo
            self._picked = None
            self.line.setText("")
            self.abandoned.emit(text)
