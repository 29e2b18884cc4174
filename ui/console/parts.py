"""Pieces of the console: the stage header with its timer, the questioning turn bar."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from facilitator.common.vocabulary import StageKind
from facilitator.live.conductor import RunState, StageRun
from facilitator.live.disguised import SuggestionPatterns, find_suggestion
from facilitator.live.timer import Phase
from facilitator.live.turns import TurnView
from facilitator.planning.agenda import describe_minutes, format_clock, minutes_of

PHASE_COLOURS = {
    Phase.WAITING: "#505a5f",
    Phase.RUNNING: "#0b0c0c",
    Phase.AMBER: "#b45f06",
    Phase.OVERRUN: "#d4351c",
}


class StageHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("stageTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("secondaryText")
        self.subtitle.setWordWrap(True)
        self.timer = QLabel("–")
        self.timer.setObjectName("consoleTimer")
        self.timer.setAccessibleName("Time left in the stage")
        self.drift = QLabel()
        self.drift.setObjectName("driftLabel")
        self.drift.setAccessibleName("How the day stands against its plan")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(self.subtitle, 1, 0)
        grid.addWidget(self.timer, 0, 1)
        grid.addWidget(self.drift, 1, 1)
        grid.setColumnStretch(0, 1)

    def show_stage(self, stage: StageRun, state: RunState) -> None:
        who = f" · {stage.presenter}" if stage.presenter else ""
        self.title.setText(f"{stage.kind.short_label}{who}")
        self.title.setToolTip(stage.title)
        planned = f"Planned {stage.planned_start.strftime('%H.%M')}, {stage.planned_minutes} min"
        if stage.status.value == "now":
            self.subtitle.setText(f"Running now. {planned}.")
        elif stage.status.value == "done":
            self.subtitle.setText(f"Done. {planned}. You can still add and edit bullets.")
        else:
            self.subtitle.setText(f"Not started yet. {planned}.")

    def show_timer(self, state: RunState) -> None:
        timer = state.timer
        if timer is None:
            finished = state.status.value == "finished"
            self.timer.setText("Finished" if finished else "Not started")
            colour = PHASE_COLOURS[Phase.WAITING]
        else:
            self.timer.setText(("Paused  " if timer.paused else "") + timer.display)
            colour = PHASE_COLOURS[timer.phase]
        self.timer.setStyleSheet(f"color: {colour};")
        self.timer.setProperty("phase", timer.phase.value if timer else "waiting")
        finish = state.projected_finish.strftime("%H.%M")
        planned = state.planned_finish.strftime("%H.%M")
        text = f"{state.drift_text} · finishing {finish} (plan {planned})"
        over = plan_overrun(state)
        if over:
            last = state.stages[-1]
            end = minutes_of(last.planned_start) + last.planned_minutes
            text += (
                f"\nThe plan ends at {format_clock(dt.time(end // 60 % 24, end % 60))}, "
                f"{describe_minutes(over)} after the {planned} finish limit."
            )
        self.drift.setText(text)
        self.drift.setStyleSheet(f"color: {PHASE_COLOURS[Phase.OVERRUN]};" if over else "")


def plan_overrun(state: RunState) -> int:
    """Minutes the agenda as planned runs past the finish the day must keep (0 if it fits).

    `planned_finish` is the day's finish limit; the agenda's own end is its last stage's."""
    if not state.stages:
        return 0
    last = state.stages[-1]
    end = minutes_of(last.planned_start) + last.planned_minutes
    return max(0, end - minutes_of(state.planned_finish.time()))


class TurnBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("turnBar")
        self.label = QLabel()
        self.label.setObjectName("turnLabel")
        self.label.setAccessibleName("Whose turn to ask")
        self.counts = QLabel()
        self.counts.setObjectName("secondaryText")
        self.counts.setWordWrap(True)
        self.next_button = QPushButton("Next questioner (F7)")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.counts, 1)
        row.addWidget(self.next_button)

    def show_turn(self, turn: TurnView) -> None:
        lead = " (lead reviewer)" if turn.index == 0 else ""
        self.label.setText(f"Asking now: <b>{turn.authority_name}</b>{lead}")
        parts = [
            f"{name}: {turn.questions_by_authority.get(authority_id, 0)}"
            for authority_id, name in turn.order
        ]
        self.counts.setText("Questions so far — " + ", ".join(parts))


def check_suggestion(
    running: StageRun | None,
    viewed_stage_id: int | None,
    patterns: SuggestionPatterns,
    text: str,
) -> str:
    """A gentle note when a question typed into the running questioning is phrased as advice."""
    if (
        running is None
        or running.kind is not StageKind.QUESTIONING
        or running.id != viewed_stage_id
    ):
        return ""
    phrase = find_suggestion(text, patterns.patterns())
    if phrase is None:
        return ""
    return (
        f"“{phrase}” sounds like a suggestion. Questioning is for open questions: "
        "you could invite them to ask it as “What…?” or “How…?”."
    )
