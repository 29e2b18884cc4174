"""The Outcomes panel beside the console: what a stage captures beyond free bullets.

OutcomesPanel shows one page for the viewed stage's kind: focus risks in the presentation,
strengths in the affirmation, actions, asks and offers and the topical invitation in
reflection, what people give and receive in the introductions, and the plenary's answers.
Every change is saved at once and goes on the console's undo stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.capture.actions import Actions
from facilitator.capture.exchanges import Exchanges
from facilitator.capture.introductions import Introductions
from facilitator.capture.notes import Notebook
from facilitator.capture.plenary import Plenary
from facilitator.capture.question_use import QuestionLog
from facilitator.capture.session_facts import SessionFacts
from facilitator.common.vocabulary import StageKind
from facilitator.live.conductor import StageRun
from question_bank import BankService
from ui.common.bridge import listen
from ui.outcomes.actions import ActionsPart, TopicalInvitation
from ui.outcomes.affirmations import AffirmationPart
from ui.outcomes.common import label
from ui.outcomes.exchanges import ExchangesPart
from ui.outcomes.focus_risks import FocusRisksPart
from ui.outcomes.introductions import IntroductionsPart
from ui.outcomes.plenary import PlenaryPart

if TYPE_CHECKING:
    from facilitator.workspace import Workspace

EMPTY_TEXT = "Nothing to capture here beyond bullets."


@dataclass(frozen=True)
class OutcomeServices:
    """The domain services the panel's parts read and write; each part takes only its own."""

    notebook: Notebook
    questions: QuestionLog
    bank: BankService
    actions: Actions
    exchanges: Exchanges
    session_facts: SessionFacts
    introductions: Introductions
    plenary: Plenary

    @classmethod
    def of(cls, workspace: Workspace) -> OutcomeServices:
        """Picked from the composition root."""
        return cls(
            notebook=workspace.notebook,
            questions=workspace.questions,
            bank=workspace.bank,
            actions=workspace.actions,
            exchanges=workspace.exchanges,
            session_facts=workspace.session_facts,
            introductions=workspace.introductions,
            plenary=workspace.plenary,
        )


class ReflectionPart(QTabWidget):
    """Actions, asks and offers, and the topical peer challenge invitation."""

    def __init__(
        self,
        actions: Actions,
        exchanges: Exchanges,
        session_facts: SessionFacts,
        undo: QUndoStack,
        authorities: dict[int, str],
        short: dict[int, str],
    ) -> None:
        super().__init__()
        self._actions, self._exchanges = actions, exchanges
        self.action_part = ActionsPart(actions, undo)
        self.exchange_part = ExchangesPart(exchanges, undo, authorities)
        self.exchange_part.set_names(authorities, short)
        self.invitation = TopicalInvitation(session_facts, undo)
        invitation = QWidget()
        column = QVBoxLayout(invitation)
        column.addWidget(label("Would the authority welcome a topical peer challenge next year?"))
        column.addWidget(self.invitation)
        column.addStretch()
        self.addTab(self.action_part, "&Actions")
        self.addTab(self.exchange_part, "A&sks and offers")
        self.addTab(invitation, "&Invitation")
        self.session_id: int | None = None
        listen(self, actions.changed, self._count)
        listen(self, exchanges.changed, self._count)

    def set_stage(self, stage: StageRun) -> None:
        self.session_id = stage.session_id
        self.action_part.set_session(stage.session_id)
        self.exchange_part.set_session(stage.session_id, stage.presenter_id)
        self.invitation.set_session(stage.session_id)
        self._count(stage.session_id)

    def _count(self, session_id: int | None) -> None:
        if session_id != self.session_id or session_id is None:
            return
        actions = len(self._actions.for_session(session_id))
        exchanges = len(self._exchanges.for_session(session_id))
        self.setTabText(0, f"&Actions ({actions})" if actions else "&Actions")
        self.setTabText(1, f"A&sks and offers ({exchanges})" if exchanges else "A&sks and offers")


class OutcomesPanel(QWidget):
    """One page per kind of stage; `show_stage` follows the stage the console shows.

    `authorities` and `short` name the day's authorities in full and in short, by id, in
    presenting order.
    """

    def __init__(
        self,
        services: OutcomeServices,
        undo: QUndoStack,
        day_id: int,
        authorities: dict[int, str],
        short: dict[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("outcomesPanel")
        self.undo, self.day_id = undo, day_id
        self.stage: StageRun | None = None

        self.heading = label("", "sectionHeading")
        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        self.empty_label = label(EMPTY_TEXT)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addStretch()
        facts = services.session_facts
        self.presentation = FocusRisksPart(services.questions, services.bank, undo)
        self.affirmation = AffirmationPart(services.notebook, facts, undo, short)
        self.reflection = ReflectionPart(
            services.actions, services.exchanges, facts, undo, authorities, short
        )
        self.introductions = IntroductionsPart(services.introductions, undo, day_id, short)
        self.plenary = PlenaryPart(services.plenary, undo, day_id, short)
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

        self.focus_action = QAction("Go to the outcomes panel", self)
        self.focus_action.setShortcut(QKeySequence("Ctrl+J"))
        self.focus_action.triggered.connect(self.focus_first)
        self.addAction(self.focus_action)  # works while the panel is shown; menus may add it
        self.show_stage(None)

    def show_stage(self, stage: StageRun | None) -> bool:
        """Shows the page for `stage` (None: nothing to capture).

        Returns True when it turned to a page to type into (not the presentation's: its
        focus risks are typed as `r:` bullets or pinned in the bank), so the console can bring
        the panel forward.
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
            target = self.presentation.items.line
        elif page is reflection and tab is reflection.action_part:
            target = reflection.action_part.items.line
        elif page is reflection and tab is reflection.exchange_part:
            target = reflection.exchange_part.topic
        elif page is reflection:
            target = reflection.invitation.invited
        target.setFocus()

    def save_pending(self) -> None:
        """Saves a topical invitation topic typed but not yet left (before closing)."""
        self.reflection.invitation.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_pending()
        super().closeEvent(event)
