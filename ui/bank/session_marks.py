"""What the question log says about one session, in the words the bank panel shows."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.capture.question_use import QuestionLog
from question_bank import Bank

NO_SESSION = "Choose a day to mark questions as asked."


@dataclass(frozen=True)
class SessionMarks:
    asked_by: dict[str, list[str]]  # question id: who asked it
    focus_questions: set[str]
    answers: dict[str, list[str]]  # question id: "BM 7" for each scale answer
    focus_themes: set[str]
    asked_per_theme: dict[str, int]
    asked_lines: list[str]
    untouched: str


def session_marks(
    log: QuestionLog, session_id: int | None, names: dict[int, str], bank: Bank
) -> SessionMarks:
    """`names` gives each authority's short name by id."""
    asked = log.asked(session_id) if session_id else []
    focus = log.focus(session_id) if session_id else []
    answers = log.scale_answers(session_id) if session_id else []
    asked_by: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for item in asked:
        if item.question_id:  # resolved: a question merged into another marks that one
            who = names.get(item.authority_id or 0, "–")
            asked_by.setdefault(bank.resolve_id(item.question_id), []).append(who)
        if item.theme_id:
            counts[item.theme_id] = counts.get(item.theme_id, 0) + 1
    answer_text: dict[str, list[str]] = {}
    for answer in answers:  # the presenting authority's own rating, and who asked
        asker = answer.asked_by_authority_id
        by = f" (asked by {names.get(asker, '?')})" if asker is not None else ""
        answer_text.setdefault(bank.resolve_id(answer.question_id), []).append(
            f"{names.get(answer.authority_id, '?')} {answer.value}{by}"
        )
    if session_id:
        left = log.untouched_themes(session_id, bank)
        untouched = (
            "Not yet explored: " + ", ".join(t.title for t in left)
            if left
            else "Every theme has been explored."
        )
    else:
        untouched = NO_SESSION
    return SessionMarks(
        asked_by=asked_by,
        focus_questions={bank.resolve_id(f.question_id) for f in focus if f.question_id},
        answers=answer_text,
        focus_themes={f.theme_id for f in focus if f.question_id is None},
        asked_per_theme=counts,
        asked_lines=[
            f"{a.asked_at.astimezone().strftime('%H.%M')}  "
            f"{names.get(a.authority_id or 0, '–')}: {a.text}"
            for a in asked
        ],
        untouched=untouched,
    )
