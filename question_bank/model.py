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
    """The two anchors of a 0–10 scale question, e.g. "not confident at all" / "very confident"."""

    low: str
    high: str


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

    def same_words(self, other: Question) -> bool:
        """True when both say the same thing, wherever they sit and whoever wrote them."""
        return (self.text, self.follow_ups, self.scale, self.note) == (
            other.text,
            other.follow_ups,
            other.scale,
            other.note,
        )


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

    def find_question(self, question_id: str) -> Question | None:
        return self._questions_by_id.get(question_id)

    def theme(self, theme_id: str) -> Theme:
        """The theme with this id; KeyError if there is none."""
        return self._themes_by_id[theme_id]

    def question(self, question_id: str) -> Question:
        """The question with this id; KeyError if there is none."""
        return self._questions_by_id[question_id]
