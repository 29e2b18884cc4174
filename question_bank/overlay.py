"""Lay the facilitator's changes over the shipped bank: the pure half of the store.

The shipped bank is never changed. What the facilitator did is a `UserLayer` of plain values
read from the database, and `merge` combines the two into the bank they see.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from question_bank.model import Bank, Question, Scale, Theme

THEME_SCOPE = ""
"""The order scope of the themes themselves; question orders use their theme's id."""


@dataclass(frozen=True, slots=True)
class Words:
    """What an edit of a shipped question replaces: everything but its id and place."""

    text: str
    follow_ups: tuple[str, ...] = ()
    scale: Scale | None = None
    note: str = ""
    alternatives: tuple[str, ...] = ()

    def apply(self, question: Question) -> Question:
        return replace(
            question,
            text=self.text,
            follow_ups=self.follow_ups,
            scale=self.scale,
            note=self.note,
            alternatives=self.alternatives,
        )


@dataclass(frozen=True)
class UserLayer:
    themes: tuple[Theme, ...] = ()
    questions: tuple[Question, ...] = ()
    overrides: Mapping[str, Words] = field(default_factory=dict)
    hidden_themes: frozenset[str] = frozenset()
    hidden_questions: frozenset[str] = frozenset()
    orders: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def arrange(ids: Sequence[str], stored: Sequence[str] | None) -> list[str]:
    """`ids` in the stored order; ids the stored order does not know keep their order after it."""
    if not stored:
        return list(ids)
    present = set(ids)
    listed = [item for item in stored if item in present]
    known = set(listed)
    return listed + [item for item in ids if item not in known]


def _edited(question: Question, words: Words | None) -> Question:
    return question if words is None else words.apply(question)


def _orphan_theme(theme_id: str) -> Theme:
    # Questions added to a shipped theme that a later handbook dropped stay reachable.
    return Theme(id=theme_id, title=theme_id.replace("-", " ").capitalize(), section="signatures")


def merge(base: Bank, layer: UserLayer, *, include_hidden: bool = False) -> Bank:
    """The bank the facilitator sees: shipped items (with their edits), then their own."""
    user_question_ids = {question.id for question in layer.questions}
    themes: dict[str, Theme] = {}
    questions: dict[str, list[Question]] = {}
    for theme in base.themes:
        themes[theme.id] = theme
        questions[theme.id] = [
            _edited(question, layer.overrides.get(question.id))
            for question in theme.questions
            if question.id not in user_question_ids
        ]
    for theme in layer.themes:
        if theme.id not in themes:
            themes[theme.id] = theme
            questions[theme.id] = []
    for question in layer.questions:
        if question.theme_id not in themes:
            themes[question.theme_id] = _orphan_theme(question.theme_id)
            questions[question.theme_id] = []
        questions[question.theme_id].append(question)

    merged: list[Theme] = []
    for theme_id in arrange(list(themes), layer.orders.get(THEME_SCOPE)):
        theme_hidden = theme_id in layer.hidden_themes
        if theme_hidden and not include_hidden:
            continue
        by_id = {question.id: question for question in questions[theme_id]}
        ordered = _visible(
            (
                by_id[question_id]
                for question_id in arrange(list(by_id), layer.orders.get(theme_id))
            ),
            layer.hidden_questions,
            include_hidden,
        )
        merged.append(replace(themes[theme_id], questions=ordered, hidden=theme_hidden))
    return replace(base, themes=tuple(merged))


def _visible(
    questions: Iterable[Question], hidden: frozenset[str], include_hidden: bool
) -> tuple[Question, ...]:
    result: list[Question] = []
    for question in questions:
        if question.id in hidden:
            if include_hidden:
                result.append(replace(question, hidden=True))
        else:
            result.append(question)
    return tuple(result)
