"""The structured record beside the console: what a stage captures beyond free bullets.

RecordPanel shows one page for the viewed stage's kind: focus risks in the presentation,
strengths in the affirmation, actions, asks and offers and the topical invitation in
reflection, what people give and receive in the introductions, and the plenary's answers.
Every change is saved at once and goes on the console's undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QListView,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.common.vocabulary import StageKind
from facilitator.live.conductor import StageRun
from facilitator.workspace import Workspace
from ui.outcomes.actions import ActionsPart, TopicalInvitation
from ui.outcomes.affirmations import AffirmationPart
from ui.outcomes.common import Subscriptions, label
from ui.outcomes.exchanges import ExchangesPart
from ui.outcomes.introductions import IntroductionsPart
from ui.outcomes.plenary import PlenaryPart

EMPTY_TEXT = "Nothing to record here beyond bullets."
FOCUS_HINT = "Pin focus risks from the question bank (Ctrl+P)."


class PresentationPart(QWidget):
    """The focus risks the presenting DCS asked for, as pinned in the question bank."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.session_id: int | None = None
        self.model = QStringListModel()
        self.view = QListView()
        self.view.setAccessibleName("Focus risks of the session")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setSpacing(3)
        self.view.setMaximumHeight(260)
        self.empty = label("No focus risks pinned yet.")
        layout = QVBoxLayout(self)
        layout.addWidget(label("Focus risks", "sectionHeading"))
        layout.addWidget(self.view)
        layout.addWidget(self.empty)
        layout.addWidget(label(FOCUS_HINT))
        layout.addStretch()
        self.subscriptions = Subscriptions(self)
        self.subscriptions.connect(workspace.questions.changed, self._changed)

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self._changed(session_id)

    def _changed(self, session_id: int | None) -> None:
        if session_id != self.session_id:
            return
        focus = self.workspace.questions.focus(session_id) if session_id else []
        bank = self.workspace.bank.bank() if focus else None
        lines = []
        for item in focus:
            theme = bank.find_theme(item.theme_id) if bank else None
            title = theme.title if theme else item.theme_id
            question = bank.find_question(item.question_id) if bank and item.question_id else None
            lines.append(f"★  {title}: {question.text}" if question else f"★  {title}")
        self.model.setStringList(lines)
        self.empty.setVisible(not lines)


class ReflectionPart(QTabWidget):
    """Actions, asks and offers, and the topical peer challenge invitation."""

    def __init__(
        self,
        workspace: Workspace,
        undo: QUndoStack,
        authorities: dict[int, str],
        short: dict[int, str],
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.action_part = ActionsPart(workspace, undo)
        self.exchange_part = ExchangesPart(workspace, undo, authorities)
        self.exchange_part.set_names(authorities, short)
        self.invitation = TopicalInvitation(workspace, undo)
        invitation = QWidget()
        column = QVBoxLayout(invitation)
        column.addWidget(label("Would the authority welcome a topical peer challenge next year?"))
        column.addWidget(self.invitation)
        column.addStretch()
        self.addTab(self.action_part, "&Actions")
        self.addTab(self.exchange_part, "A&sks and offers")
        self.addTab(invitation, "&Invitation")
        self.session_id: int | None = None
        self.subscriptions = Subscriptions(self)
        self.subscriptions.connect(workspace.actions.changed, self._count)
        self.subscriptions.connect(workspace.exchanges.changed, self._count)

    def set_stage(self, stage: StageRun) -> None:
        self.session_id = stage.session_id
        self.action_part.set_session(stage.session_id)
        self.exchange_part.set_session(stage.session_id, stage.presenter_id)
        self.invitation.set_session(stage.session_id)
        self._count(stage.session_id)

    def _count(self, session_id: int | None) -> None:
        if session_id != self.session_id or session_id is None:
            return
        actions = len(self.workspace.actions.for_session(session_id))
        exchanges = len(self.workspace.exchanges.for_session(session_id))
        self.setTabText(0, f"&Actions ({actions})" if actions else "&Actions")
        self.setTabText(1, f"A&sks and offers ({exchanges})" if exchanges else "A&sks and offers")


class RecordPanel(QWidget):
    """One page per kind of stage; `show_stage` follows the stage the console shows."""

    def __init__(
        self, workspace: Workspace, undo: QUndoStack, day_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordPanel")
        self.workspace, self.undo, self.day_id = workspace, undo, day_id
        self.stage: StageRun | None = None
        participants = workspace.planner.day_plan(day_id).participants
        authorities = {p.authority_id: p.name for p in participants}
        short = {p.authority_id: p.short_name or p.name for p in participants}

        self.heading = label("", "sectionHeading")
        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        self.empty_label = label(EMPTY_TEXT)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addStretch()
        self.presentation = PresentationPart(workspace)
        self.affirmation = AffirmationPart(workspace, undo, short)
        self.reflection = ReflectionPart(workspace, undo, authorities, short)
        self.introductions = IntroductionsPart(workspace, undo, day_id, short)
        self.plenary = PlenaryPart(workspace, undo, day_id, short)
        self.pages: dict[StageKind, QWidget] = {
            StageKind.PRESENTATION: self.presentation,
            StageKind.AFFIRMATION: self.affirmation,
            StageKind.REFLECTION: self.reflection,
            StageKind.INTRODUCTIONS: self.introductions,
            StageKind.PLENARY: self.plenary,
        }
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        for page in self.pages.values():
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)

        self.focus_action = QAction("Go to the record panel", self)
        self.focus_action.setShortcut(QKeySequence("Ctrl+J"))
        self.focus_action.triggered.connect(self.focus_first)
        self.addAction(self.focus_action)  # works while the panel is shown; menus may add it
        self.show_stage(None)

    def show_stage(self, stage: StageRun | None) -> bool:
        """Shows the page for `stage` (None: nothing to record).

        Returns True when it turned to a page to type into (not the presentation's, whose
        focus risks are pinned in the bank), so the console can bring the panel forward.
        Showing the same stage again (the console does on every run step) keeps the page
        as it is and returns False: the parts follow the services' changes themselves.
        """
        if stage is not None and self.stage is not None and stage.id == self.stage.id:
            self.stage = stage
            return False
        self.reflection.invitation.save()  # a topic typed but not yet left
        self.stage = stage
        page = self.pages.get(stage.kind) if stage else None
        day_level = stage is not None and stage.kind in (
            StageKind.INTRODUCTIONS,
            StageKind.PLENARY,
        )
        if stage is None or page is None or (stage.session_id is None and not day_level):
            self.heading.setText(stage.kind.short_label if stage else "")
            self.stack.setCurrentWidget(self.empty)
            return False
        who = f" · {stage.presenter}" if stage.presenter else ""
        self.heading.setText(f"{stage.kind.short_label}{who}")
        if page is self.presentation:
            self.presentation.set_session(stage.session_id)
        elif page is self.affirmation:
            self.affirmation.set_stage(stage)
        elif page is self.reflection:
            self.reflection.set_stage(stage)
        self.stack.setCurrentWidget(page)
        return page is not self.presentation

    def focus_first(self) -> None:
        """Brings the panel forward (in its dock) and puts the cursor where typing starts."""
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.show()
            dock.raise_()
        page = self.stack.currentWidget()
        reflection = self.reflection
        tab = reflection.currentWidget()
        target: QWidget = self.stack
        if page is self.affirmation:
            target = self.affirmation.line
        elif page is self.introductions:
            target = self.introductions.table
        elif page is self.plenary:
            target = self.plenary.lists[self.plenary.current_question()].line
        elif page is self.presentation:
            target = self.presentation.view
        elif page is reflection and tab is reflection.action_part:
            target = reflection.action_part.items.line
        elif page is reflection and tab is reflection.exchange_part:
            target = reflection.exchange_part.topic
        elif page is reflection:
            target = reflection.invitation.invited
        target.setFocus()

    def detach(self) -> None:
        """Saves anything pending and stops listening to the services (on closing)."""
        self.reflection.invitation.save()
        reflection = self.reflection
        for part in (
            self.presentation,
            self.affirmation,
            reflection,
            reflection.action_part,
            reflection.exchange_part,
            reflection.invitation,
            self.introductions,
            self.plenary,
        ):
            part.subscriptions.clear()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.detach()
        super().closeEvent(event)
