"""The question bank as plain, immutable values: what every other module passes around."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import cached_property
from typing import Final, Literal, get_args

Section = Literal["signatures", "balcony", "plenary"]
"""Which part of the day a theme serves: questioning, the balcony discussion, or the plenary."""

SECTIONS: Final[tuple[Section, ...]] = get_args(Section)

Origin = Literal["handbook", "user"]
"""Whether an item ships with Balcony or was added (typed or imported) by the facilitator."""

FORMAT_NAME: Final = "balcony-question-bank"
FORMAT_VERSION: Final = 1
SUPPORTED_VERSIONS: Final[tuple[int, ...]] = (1,)


class Unchanged(enum.Enum):
    """Marks an argument left as it is, where None would be a real value (no scale)."""

    UNCHANGED = "unchanged"


UNCHANGED: Final = Unchanged.UNCHANGED


@dataclass(frozen=True, slots=True)
class Scale:
    """The two anchors of a 0–10 scale question, e.g. "not confident at all" / "very confident".

    `follow_up` says which of the question's words ask for the rating: 0 the lead question,
    n its nth follow-up (counted from 1), as in the handbook's "Who provides the practice
    leadership…? How impactful is it on a scale from 0 to 10…?".
    """

    low: str
    high: str
    follow_up: int = 0


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    theme_id: str
    text: str
    follow_ups: tuple[str, ...] = ()
    scale: Scale | None = None
    note: str = ""
    origin: Origin = "user"
    hidden: bool = False
    alternatives: tuple[str, ...] = ()
    """Other ways to put the lead question, asked instead of it (shown as "Or: …")."""

    def same_words(self, other: Question) -> bool:
        """True when both say the same thing, wherever they sit and whoever wrote them."""
        return (self.text, self.follow_ups, self.alternatives, self.scale, self.note) == (
            other.text,
            other.follow_ups,
            other.alternatives,
            other.scale,
            other.note,
        )

    @property
    def scale_words(self) -> str:
        """The words that ask for the 0–10 rating ("" when the question has no scale)."""
        if self.scale is None:
            return ""
        number = self.scale.follow_up
        return self.follow_ups[number - 1] if 0 < number <= len(self.follow_ups) else self.text


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    title: str
    section: Section
    description: str = ""
    questions: tuple[Question, ...] = ()
    origin: Origin = "user"
    hidden: bool = False


@dataclass(frozen=True)
class Bank:
    id: str
    title: str
    version: int = FORMAT_VERSION
    source: str = ""
    corrections: tuple[str, ...] = ()
    themes: tuple[Theme, ...] = ()
    moved: tuple[tuple[str, str], ...] = ()
    """(old id, new id) of questions merged into another, so stored references still resolve."""

    @cached_property
    def _themes_by_id(self) -> dict[str, Theme]:
        return {theme.id: theme for theme in self.themes}

    @cached_property
    def _questions_by_id(self) -> dict[str, Question]:
        return {question.id: question for question in self.all_questions()}

    def all_questions(self) -> tuple[Question, ...]:
        """Every question, theme by theme, in bank order."""
        return tuple(question for theme in self.themes for question in theme.questions)

    def find_theme(self, theme_id: str) -> Theme | None:
        return self._themes_by_id.get(theme_id)

    @cached_property
    def _moved_to(self) -> dict[str, str]:
        return dict(self.moved)

    def resolve_id(self, question_id: str) -> str:
        """`question_id`, or the id of the question it was merged into if it no longer exists."""
        if question_id in self._questions_by_id:
            return question_id
        return self._moved_to.get(question_id, question_id)

    def find_question(self, question_id: str) -> Question | None:
        """The question with this id, following `moved` for the id of a merged question."""
        return self._questions_by_id.get(self.resolve_id(question_id))

    def holds_question(self, question_id: str) -> bool:
        """True only when a question has exactly this id (`moved` is not followed)."""
        return question_id in self._questions_by_id

    def theme(self, theme_id: str) -> Theme:
        """The theme with this id; KeyError if there is none."""
        return self._themes_by_id[theme_id]

    def question(self, question_id: str) -> Question:
        """The question with this id (following `moved`); KeyError if there is none."""
        return self._questions_by_id[self.resolve_id(question_id)]
