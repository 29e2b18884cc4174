"""Reflection and actions: what the presenting team will take away, and whether it invites
a topical peer challenge next year."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from facilitator.capture.actions import Actions, ActionView
from facilitator.capture.session_facts import SessionFacts
from ui.common.bridge import listen
from ui.common.undo import AlreadyDone
from ui.outcomes.common import OrderedList, error_label, label, show_error
from ui.outcomes.models import OrderedModel


def _describe(action: ActionView) -> tuple[str, str]:
    return action.text, action.owner


class ActionsPart(QWidget):
    """The session's actions in the order the room gives them (Alt+arrows re-order them)."""

    def __init__(self, actions: Actions, undo: QUndoStack) -> None:
        super().__init__()
        self._actions = actions
        self.session_id: int | None = None
        self.owner = QLineEdit()
        self.owner.setAccessibleName("Owner of the new action (optional)")
        self.owner.setPlaceholderText("Optional: who will see it done")
        self.items = OrderedList(
            "action",
            OrderedModel(_describe, numbered=True),
            undo,
            actions,
            self._add,
            placeholder="What will they do? Type it, then Enter",
            empty="No actions yet. Ask the team what they will take away.",
            extra=[("&Owner", self.owner)],
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.items)
        listen(self, actions.changed, self._changed)

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self._changed(session_id)

    def _add(self, text: str) -> Any:
        if self.session_id is None:
            raise ValueError("Choose a session first.")
        view = self._actions.add(self.session_id, text, self.owner.text())
        self.owner.clear()
        return view

    def _changed(self, session_id: int | None) -> None:
        if session_id == self.session_id:
            rows = self._actions.for_session(session_id) if session_id else []
            self.items.set_rows(rows)


class TopicalInvitation(QWidget):
    """Saved as soon as the box is ticked and as soon as the topic is left (or on Enter)."""

    def __init__(self, session_facts: SessionFacts, undo: QUndoStack) -> None:
        super().__init__()
        self.session_facts, self.undo = session_facts, undo
        self.session_id: int | None = None
        self._saved: tuple[bool | None, str] = (None, "")
        self.invited = QCheckBox("&Invited to a topical peer challenge next year")
        self.invited.setAccessibleName("Invited to a topical peer challenge next year")
        self.topic = QLineEdit()
        self.topic.setAccessibleName("Topic of the topical peer challenge")
        self.topic.setPlaceholderText("On what? For example, edge of care services")
        self.status = label("")
        self.error = error_label()
        form = QFormLayout()
        form.addRow("To&pic", self.topic)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.invited)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        self.invited.toggled.connect(lambda *_: self.save())
        self.topic.editingFinished.connect(self.save)
        listen(self, session_facts.changed, self._changed)

    def set_session(self, session_id: int | None) -> None:
        self.save()  # whatever was typed for the session being left
        self.session_id = session_id
        self._changed(session_id)

    def save(self) -> None:
        if self.session_id is None:
            return
        topic = self.topic.text().strip()
        if self._saved[0] is None and not self.invited.isChecked():
            if not topic:
                return  # still not asked: an unticked box alone says nothing yet
            self.invited.blockSignals(True)
            self.invited.setChecked(True)  # a topic given before the box was ticked
            self.invited.blockSignals(False)
        new = (self.invited.isChecked(), topic)
        if new == self._saved:
            return
        old, session_id, facts = self._saved, self.session_id, self.session_facts
        try:
            facts.set_topical_invitation(session_id, *new)
        except ValueError as exc:
            show_error(self.error, str(exc))
            return
        show_error(self.error, "")
        self.undo.push(
            AlreadyDone(
                "Topical peer challenge",
                lambda: facts.set_topical_invitation(session_id, *new),
                lambda: facts.set_topical_invitation(session_id, *old),
            )
        )

    def _changed(self, session_id: int | None) -> None:
        if session_id != self.session_id:
            return
        view = self.session_facts.get(session_id) if session_id else None
        self._saved = (view.topical_invitation, view.topical_topic) if view else (None, "")
        self.invited.blockSignals(True)
        self.invited.setChecked(bool(self._saved[0]))
        self.invited.blockSignals(False)
        if self.topic.text().strip() != self._saved[1]:
            self.topic.setText(self._saved[1])
        asked = {None: "Not asked yet.", True: "Invited.", False: "Not invited."}
        self.status.setText(asked[self._saved[0]] if view else "")
