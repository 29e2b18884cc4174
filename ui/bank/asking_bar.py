"""The bank's Session and Asking boxes: they follow the console unless chosen here.

Following is announced by the domain: the conductor says a stage started, `Turns` that the
questioning turn moved (F7). `facilitator/capture/bank_follow.py` decides what the boxes show;
this widget only shows it, and tells it when the facilitator picks something on purpose.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from facilitator.capture.bank_follow import Asking, BankFollow
from facilitator.live.conductor import Conductor
from facilitator.live.turns import NoTurnsError, Turns
from facilitator.planning.day_sessions import SessionInfo
from facilitator.planning.planner import Planner
from ui.common.bridge import listen

LEAD = " (lead reviewer)"
FOLLOWING = "Follows the console: the running session and whose turn it is (F7)."
CHOSEN = "Chosen here: holds until the next questioner (F7) or the next stage."


class AskingBar(QWidget):
    """`session_changed` carries the session id shown; `asker_changed` says the asker moved."""

    session_changed = Signal(object)
    asker_changed = Signal()

    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.planner = planner
        self.sessions: list[SessionInfo] = []
        self.session_id: int | None = None
        self.day_id: int | None = None
        self.follow_rule = BankFollow()
        self._conductor: Conductor | None = None
        self._turns: Turns | None = None
        self._loading = False

        self.session_combo = QComboBox()
        self.session_combo.setAccessibleName("Presenting authority’s session")
        self.asking_combo = QComboBox()
        self.asking_combo.setAccessibleName("Authority asking")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        session_label = QLabel("&Session")
        session_label.setBuddy(self.session_combo)
        asking_label = QLabel("As&king")
        asking_label.setBuddy(self.asking_combo)
        layout.addWidget(session_label)
        layout.addWidget(self.session_combo, 1)
        layout.addWidget(asking_label)
        layout.addWidget(self.asking_combo, 1)
        self._show_following()

        self.session_combo.currentIndexChanged.connect(self._session_picked)
        self.asking_combo.currentIndexChanged.connect(self._asker_picked)

    # what is shown ------------------------------------------------------------------------

    def set_day(self, day_id: int | None) -> None:
        self.day_id = day_id
        self._loading = True
        self.session_combo.clear()
        self.sessions = self.planner.presenting_sessions(day_id) if day_id else []
        for info in self.sessions:
            self.session_combo.addItem(info.label, info.session_id)
        self._loading = False
        self.set_session(self.sessions[0].session_id if self.sessions else None)

    def set_session(self, session_id: int | None, asker: int | None = None) -> None:
        """Shows a session and its visiting authorities, `asker` (else the session's current
        questioner, else its lead reviewer) chosen."""
        self.session_id = session_id
        self._loading = True
        row = self._row_of(session_id)
        self.session_combo.setCurrentIndex(row)
        self.asking_combo.clear()
        presenter = self.sessions[row] if row >= 0 else None
        if presenter is not None:
            visitors = [s for s in self.sessions if s.authority_id != presenter.authority_id]
            lead = self._lead_reviewer_of(presenter)
            visitors.sort(key=lambda s: s.authority_id != lead)
            for visitor in visitors:
                suffix = LEAD if visitor.authority_id == lead else ""
                self.asking_combo.addItem(f"{visitor.authority_name}{suffix}", visitor.authority_id)
        if asker is None and session_id is not None:
            asker = self._questioner(session_id)
        self.asking_combo.setCurrentIndex(max(0, self.asking_combo.findData(asker)))
        self._loading = False
        self.asking_combo.setEnabled(session_id is not None)
        self.session_changed.emit(session_id)
        self.asker_changed.emit()

    def asking_authority(self) -> int | None:
        value = self.asking_combo.currentData()
        return int(value) if value is not None else None

    def asking_name(self) -> str:
        return self.asking_combo.currentText().replace(LEAD, "")

    def presenting_authority(self) -> int | None:
        row = self._row_of(self.session_id)
        return self.sessions[row].authority_id if row >= 0 else None

    def _row_of(self, session_id: int | None) -> int:
        return next((i for i, s in enumerate(self.sessions) if s.session_id == session_id), -1)

    def _lead_reviewer_of(self, presenter: SessionInfo) -> int | None:
        if self.day_id is None:
            return None
        # Read afresh: lead reviewers can be changed while the panel shows the day.
        return self.planner.day_plan(self.day_id).lead_reviewer_of(presenter.authority_id)

    # following the console ----------------------------------------------------------------

    def follow(self, conductor: Conductor, turns: Turns) -> None:
        """From now on the boxes follow `conductor`'s running session and `turns` (F7)."""
        self._conductor, self._turns = conductor, turns
        listen(self, conductor.changed, self._run_changed)
        listen(self, turns.changed, self._turn_moved)
        if self.day_id is not None:
            self._run_changed(self.day_id)

    def _run_changed(self, day_id: int) -> None:
        if self._conductor is None or day_id != self.day_id:
            return
        current = self._conductor.state(day_id).current
        session_id = current.session_id if current is not None else None
        questioner = self._questioner(session_id) if session_id else None
        self._apply(
            self.follow_rule.stage_running(current.id if current else None, session_id, questioner)
        )

    def _turn_moved(self, session_id: int) -> None:
        if self._row_of(session_id) < 0:
            return  # another day's session
        self._apply(self.follow_rule.turn_moved(session_id, self._questioner(session_id)))

    def _questioner(self, session_id: int) -> int | None:
        if self._turns is None:
            return None
        try:
            return self._turns.current(session_id).authority_id
        except NoTurnsError:
            return None

    def _apply(self, asking: Asking) -> None:
        if asking.session_id is None:
            return
        if asking.session_id != self.session_id:
            self.set_session(asking.session_id, asking.authority_id)
        elif asking.authority_id != self.asking_authority():
            self._loading = True
            self.asking_combo.setCurrentIndex(
                max(0, self.asking_combo.findData(asking.authority_id))
            )
            self._loading = False
            self.asker_changed.emit()
        self._show_following()

    def _show_following(self) -> None:
        tip = CHOSEN if self.follow_rule.chosen else FOLLOWING
        for combo in (self.session_combo, self.asking_combo):
            combo.setToolTip(tip)
            combo.setAccessibleDescription(tip)

    # chosen here --------------------------------------------------------------------------

    def _session_picked(self, row: int) -> None:
        if self._loading or not 0 <= row < len(self.sessions):
            return
        self.set_session(self.sessions[row].session_id)
        self.follow_rule.choose(self.session_id, self.asking_authority())
        self._show_following()

    def _asker_picked(self, _row: int) -> None:
        if self._loading:
            return
        self.follow_rule.choose(self.session_id, self.asking_authority())
        self._show_following()
        self.asker_changed.emit()
