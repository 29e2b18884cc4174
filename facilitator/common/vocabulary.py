"""The words of the domain: kinds of day, stage and note, with the labels users read."""

from __future__ import annotations

from enum import StrEnum


class DayKind(StrEnum):
    TRIAD = "triad"
    QUARTET = "quartet"

    @property
    def label(self) -> str:
        return "Triad" if self is DayKind.TRIAD else "Quartet"

    @property
    def authority_count(self) -> int:
        return 3 if self is DayKind.TRIAD else 4


class DayMode(StrEnum):
    FACE_TO_FACE = "face-to-face"
    VIRTUAL = "virtual"

    @property
    def label(self) -> str:
        return "Face to face" if self is DayMode.FACE_TO_FACE else "Virtual"


class DayStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    FINISHED = "finished"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class StageKind(StrEnum):
    INTRODUCTIONS = "introductions"
    PRESENTATION = "presentation"
    QUESTIONING = "questioning"
    AFFIRMATION = "affirmation"
    INSIGHTS = "insights"
    REACTION = "reaction"
    REFLECTION = "reflection"
    LUNCH = "lunch"
    TEA = "tea"
    SCREEN_BREAK = "screen-break"
    PLENARY = "plenary"

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]

    @property
    def short_label(self) -> str:
        """For narrow places: the running agenda, the console's header."""
        return SHORT_STAGE_LABELS.get(self, STAGE_LABELS[self])

    @property
    def is_break(self) -> bool:
        return self in (StageKind.LUNCH, StageKind.TEA, StageKind.SCREEN_BREAK)


STAGE_LABELS: dict[StageKind, str] = {
    StageKind.INTRODUCTIONS: "Introductions",
    StageKind.PRESENTATION: "Presentation of the self-assessment",
    StageKind.QUESTIONING: "Questioning: strengths and signatures of risk",
    StageKind.AFFIRMATION: "Affirmation",
    StageKind.INSIGHTS: "Insights and options (on the balcony)",
    StageKind.REACTION: "Reaction",
    StageKind.REFLECTION: "Reflection and actions",
    StageKind.LUNCH: "Lunch",
    StageKind.TEA: "Tea and coffee",
    StageKind.SCREEN_BREAK: "Screen break",
    StageKind.PLENARY: "Plenary",
}


SHORT_STAGE_LABELS: dict[StageKind, str] = {
    StageKind.PRESENTATION: "Presentation",
    StageKind.QUESTIONING: "Questioning",
    StageKind.INSIGHTS: "Insights (balcony)",
    StageKind.REFLECTION: "Reflection, actions",
}


class NoteTag(StrEnum):
    NOTE = "note"
    STRENGTH = "strength"
    RISK = "risk"
    INSIGHT = "insight"
    QUESTION = "question"
    ACTION = "action"
    ASK = "ask"
    OFFER = "offer"
    BEST_PRACTICE = "best-practice"
    SYSTEMIC_ISSUE = "systemic-issue"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()


class ExchangeKind(StrEnum):
    """Asks (support wanted) and offers (good practice to share) share one shape."""

    ASK = "ask"
    OFFER = "offer"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class ExchangeScope(StrEnum):
    BILATERAL = "bilateral"
    MULTILATERAL = "multilateral"


class PlenaryQuestion(StrEnum):
    KEY_LEARNING = "key-learning"
    PRIORITIES = "priorities"
    PROBLEM_SOLVING = "problem-solving"
    NETWORKING = "networking"

    @property
    def label(self) -> str:
        return PLENARY_LABELS[self]


PLENARY_LABELS: dict[PlenaryQuestion, str] = {
    PlenaryQuestion.KEY_LEARNING: "Key learning to take back",
    PlenaryQuestion.PRIORITIES: "Workstream priorities for next year",
    PlenaryQuestion.PROBLEM_SOLVING: "Topics for problem-solving groups",
    PlenaryQuestion.NETWORKING: "New regional networking groups",
}


class FollowUpKind(StrEnum):
    """What a follow-up tracks (facilitator/follow_up/)."""

    ACTION = "action"  # an action agreed in a session
    SUPPORT = "support"  # an ask or offer, tracked to agreed support from the Annex 1 menu
    RECOMMENDATION = "recommendation"  # a review's recommendation, with an owner
    HOST_REPORT = "host-report"  # a PCTR host's follow-up report, three to six months after
    REFLECTION = "reflection"  # the reflective process, by a team member or the host DCS

    @property
    def label(self) -> str:
        return FOLLOW_UP_LABELS[self]


FOLLOW_UP_LABELS: dict[FollowUpKind, str] = {
    FollowUpKind.ACTION: "Action",
    FollowUpKind.SUPPORT: "Agreed support",
    FollowUpKind.RECOMMENDATION: "Recommendation",
    FollowUpKind.HOST_REPORT: "Follow-up report",
    FollowUpKind.REFLECTION: "Reflective process",
}


class FollowUpStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class FindingSection(StrEnum):
    """The parts of a PCTR or SAV report, in the report's order."""

    FINDING = "finding"
    STRENGTH = "strength"
    DEVELOPMENT = "development"
    RECOMMENDATION = "recommendation"

    @property
    def label(self) -> str:
        return FINDING_LABELS[self]


FINDING_LABELS: dict[FindingSection, str] = {
    FindingSection.FINDING: "Findings",
    FindingSection.STRENGTH: "Strengths",
    FindingSection.DEVELOPMENT: "Areas for development",
    FindingSection.RECOMMENDATION: "Recommendations",
}
