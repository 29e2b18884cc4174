"""What the facilitator does and says at each stage, in our words from the handbook."""

from __future__ import annotations

from facilitator.common.vocabulary import NoteTag, StageKind

GUIDANCE: dict[StageKind, tuple[str, ...]] = {
    StageKind.INTRODUCTIONS: (
        "Welcome everyone and explain the shape of the day.",
        "Each person gives their name and role, and says what they want to give to and "
        "receive from today.",
    ),
    StageKind.PRESENTATION: (
        "Note the time: the session has started.",
        "The DCS presents the self-assessment (about 15 minutes).",
        "Ask the DCS which signatures of risk they would most like the group to explore, "
        "and note each as a focus risk (r:) or pin it from the question bank (Ctrl+P).",
    ),
    StageKind.QUESTIONING: (
        "The lead reviewer asks first; then the visiting authorities take turns.",
        "Open questions only. Gently stop disguised suggestions such as “Have you thought of…”.",
        "Make sure strengths are explored too, not only the focus risks.",
    ),
    StageKind.AFFIRMATION: (
        "The presenting team moves back from the table and listens.",
        "Each visiting member names one strength of the authority or team.",
    ),
    StageKind.INSIGHTS: (
        "Visitors talk “on the balcony”, as if the presenting team were not there.",
        "Prompt with the balcony questions: what guides their behaviour, what are they "
        "taking for granted, are there limiting beliefs?",
        "Take bulleted notes of the insights and options.",
    ),
    StageKind.REACTION: (
        "The presenting DCS and team react to the affirmations, thoughts and insights.",
    ),
    StageKind.REFLECTION: (
        "Ask what they will take away: record their actions.",
        "Ask for first thoughts on asks (support wanted) and offers (practice to share).",
        "Invite a topical peer challenge for next year.",
    ),
    StageKind.LUNCH: ("Lunch. The timer shows when the next session starts.",),
    StageKind.TEA: ("Tea and coffee.",),
    StageKind.SCREEN_BREAK: ("A screen break: cameras off, stretch, back in time.",),
    StageKind.PLENARY: (
        "Key learning each person takes back.",
        "Workstream priorities for next year’s regional programme, in order.",
        "Topics for multi-lateral problem-solving groups.",
        "Suggestions for new regional networking groups.",
    ),
}

# A plain line's tag in each stage, unless the facilitator tags it: a note, but where the
# stage itself is the heading the room gives (affirmation names strengths, the balcony gives
# insights). Never a risk, question or action the room did not name as one.
DEFAULT_TAG: dict[StageKind, NoteTag] = {
    StageKind.AFFIRMATION: NoteTag.STRENGTH,
    StageKind.INSIGHTS: NoteTag.INSIGHT,
}

# Typed at the start of a bullet, these set its tag: "s: strong front door".
PREFIXES: dict[str, NoteTag] = {
    "n": NoteTag.NOTE,
    "note": NoteTag.NOTE,
    "s": NoteTag.STRENGTH,
    "strength": NoteTag.STRENGTH,
    "r": NoteTag.RISK,
    "risk": NoteTag.RISK,
    "i": NoteTag.INSIGHT,
    "insight": NoteTag.INSIGHT,
    "q": NoteTag.QUESTION,
    "question": NoteTag.QUESTION,
    "a": NoteTag.ACTION,
    "action": NoteTag.ACTION,
    "ask": NoteTag.ASK,
    "o": NoteTag.OFFER,
    "offer": NoteTag.OFFER,
    "bp": NoteTag.BEST_PRACTICE,
    "best practice": NoteTag.BEST_PRACTICE,
    "sys": NoteTag.SYSTEMIC_ISSUE,
    "systemic": NoteTag.SYSTEMIC_ISSUE,
}


def split_prefix(text: str) -> tuple[NoteTag | None, str]:
    """ "s: strong front door" → (strength, "strong front door"); no prefix → (None, text)."""
    head, colon, rest = text.partition(":")
    if colon and head.strip().casefold() in PREFIXES and rest.strip():
        return PREFIXES[head.strip().casefold()], rest.strip()
    return None, text


def default_tag(kind: StageKind) -> NoteTag:
    return DEFAULT_TAG.get(kind, NoteTag.NOTE)
