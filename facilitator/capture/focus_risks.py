"""The focus risks of a session: what the presenting DCS asked the group to explore.

One list, however each was given: a theme or question pinned from the bank (QuestionLog.pin),
or a risk in the DCS's own words typed as `r:` in the presentation (OutcomeRoute) or added
in the Outcomes panel. Each is printed once, in this order, under "Focus risks".
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.capture.lists import next_position, tidy
from facilitator.capture.ordered_lists import SessionList
from facilitator.storage.models import FocusRisk, Session
from facilitator.storage.rows import get_stored, stored_id
from question_bank import Bank, for_cycle


@dataclass(frozen=True)
class Focus:
    """A pinned theme or bank question (`theme_id`, `question_id`), or the DCS's own words
    (`text`, with no theme)."""

    id: int
    session_id: int
    theme_id: str
    question_id: str | None
    position: int
    text: str = ""


def focus_words(focus: Focus, bank: Bank | None, cycle_name: str | None = None) -> tuple[str, str]:
    """(lead-in, words) a focus risk reads as: the DCS's own words; or a pinned theme's title;
    or a pinned question, led by its theme's title."""
    if focus.text:
        return "", focus.text
    theme = bank.find_theme(focus.theme_id) if bank else None
    title = theme.title if theme else focus.theme_id
    question = bank.find_question(focus.question_id) if bank and focus.question_id else None
    return (f"{title}: ", for_cycle(question.text, cycle_name)) if question else ("", title)


def focus_view(row: FocusRisk) -> Focus:
    return Focus(
        stored_id(row.id), row.session_id, row.theme_id, row.question_id, row.position, row.text
    )


class FocusRisks(SessionList[FocusRisk, Focus]):
    model = FocusRisk
    noun = "focus risk"

    def view(self, row: FocusRisk) -> Focus:
        return focus_view(row)

    def add(self, session_id: int, text: str) -> Focus:
        """A focus risk in the DCS's own words, after the session's others."""
        words = tidy(text, "A focus risk")
        if not words:
            raise ValueError("Type the focus risk first.")
        with self._db.session_scope() as s:
            get_stored(s, Session, session_id, "session")
            row = FocusRisk(
                session_id=session_id,
                theme_id="",
                text=words,
                position=next_position(self._ordered(s, session_id=session_id)),
            )
            s.add(row)
            s.flush()
            view = focus_view(row)
        self.changed.emit(session_id)
        return view
