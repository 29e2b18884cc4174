"""What the presenter screen shows, worked out from the run state alone.

The screen is public: it is projected or shared with the whole room. So this module reads
only the day's stages and timer (RunState) and the day's title. It never sees notes, asks,
offers or anything else captured on the day, and it must stay that way.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.common.vocabulary import DayStatus, StageKind
from facilitator.live.conductor import RunState, StageRun
from facilitator.live.timer import Phase

NOT_STARTED = "The day will start soon"
BETWEEN_STAGES = "We will start again soon"
FINISHED = "Thank you — the day is finished"

HEADLINES: dict[StageKind, str] = {
    StageKind.INTRODUCTIONS: "Introductions",
    StageKind.PRESENTATION: "Presentation",
    StageKind.QUESTIONING: "Questioning",
    StageKind.AFFIRMATION: "Affirmation",
    StageKind.INSIGHTS: "Insights and options",
    StageKind.REACTION: "Reaction",
    StageKind.REFLECTION: "Reflection and actions",
    StageKind.LUNCH: "Lunch",
    StageKind.TEA: "Tea and coffee",
    StageKind.SCREEN_BREAK: "Screen break",
    StageKind.PLENARY: "Plenary",
}

# In these stages the presenting team does not take part: the visitors speak about it.
LISTENING_STAGES = frozenset({StageKind.AFFIRMATION, StageKind.INSIGHTS})


@dataclass(frozen=True)
class PresenterFeed:
    title: str
    headline: str
    who: str = ""
    countdown: str = ""
    phase: Phase = Phase.WAITING
    paused: bool = False
    next_line: str = ""
    listening: bool = False


def feed(state: RunState, day_title: str) -> PresenterFeed:
    """The words and numbers for the presenter screen at this moment."""
    if state.status is DayStatus.FINISHED:
        return PresenterFeed(title=day_title, headline=FINISHED)
    current = state.current
    if current is None or state.timer is None:
        begun = any(stage.started_at is not None for stage in state.stages)
        upcoming = state.next
        return PresenterFeed(
            title=day_title,
            headline=BETWEEN_STAGES if begun else NOT_STARTED,
            who=day_title if not begun else "",
            next_line=_next_line(upcoming, "First" if not begun else "Next"),
        )
    listening = current.kind in LISTENING_STAGES and bool(current.presenter)
    return PresenterFeed(
        title=day_title,
        headline=HEADLINES.get(current.kind, current.title),
        who=who_line(current),
        countdown=state.timer.display,
        phase=state.timer.phase,
        paused=state.timer.paused,
        next_line=_next_line(state.next, "Next"),
        listening=listening,
    )


def who_line(stage: StageRun) -> str:
    """Whose session it is, in a few words; empty for the day's shared stages and breaks."""
    name = stage.presenter
    if not name or stage.session_id is None:
        return ""
    if stage.kind in LISTENING_STAGES:
        return f"{name}’s team: sit back and listen"
    if stage.kind is StageKind.PRESENTATION:
        return f"{name} presenting"
    return f"{name}’s session"


def _next_line(stage: StageRun | None, word: str) -> str:
    if stage is None:
        return ""
    headline = HEADLINES.get(stage.kind, stage.title)
    if stage.kind is StageKind.PRESENTATION and stage.presenter:
        headline = f"{stage.presenter} presenting"
    return f"{word}: {headline} at {stage.planned_start.strftime('%H.%M')}"
