"""Plan how a shared bank merges into the facilitator's: the pure half of an import.

Items are matched by id. A theme or question the facilitator does not have is new; a
question with the same id and the same words is identical; the same id with other words is
a conflict, to be settled question by question ("mine" or "theirs") before anything is
written. Where things sit stays the facilitator's choice: a matched question keeps its
theme and place, a matched theme its title; new items go after their neighbour in the file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from question_bank.errors import MAX_QUESTIONS, BankFormatError
from question_bank.model import Bank, Question, Theme

Choice = Literal["mine", "theirs"]
CHOICES: tuple[Choice, ...] = ("mine", "theirs")


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two wordings of the question `mine.id`: the facilitator's and the incoming file's."""

    mine: Question
    theirs: Question

    @property
    def question_id(self) -> str:
        return self.mine.id


@dataclass(frozen=True)
class ImportPlan:
    """What importing `incoming` would do. Nothing has been written yet."""

    incoming: Bank
    new_themes: tuple[Theme, ...]
    new_questions: tuple[Question, ...]
    identical: tuple[Question, ...]
    conflicts: tuple[Conflict, ...]

    @property
    def changes_nothing(self) -> bool:
        return not (self.new_themes or self.new_questions or self.conflicts)


@dataclass(frozen=True)
class ImportResult:
    added_themes: tuple[str, ...]
    added_questions: tuple[str, ...]
    replaced: tuple[str, ...]
    kept: tuple[str, ...]


class StaleImportError(ValueError):
    """The bank changed between planning an import and applying it."""


def plan_import(current: Bank, incoming: Bank) -> ImportPlan:
    """Compare `incoming` with `current` (which should include hidden items)."""
    new_themes: list[Theme] = []
    new_questions: list[Question] = []
    identical: list[Question] = []
    conflicts: list[Conflict] = []
    for theme in incoming.themes:
        if current.find_question(theme.id) is not None:
            # A BankFormatError (not a bare ValueError) so that every caller reports it
            # as a problem of the file, with nothing imported, rather than crashing.
            raise BankFormatError(
                "",
                f'theme "{theme.id}"',
                "this theme id is already the id of one of your questions. Give the theme "
                "another id in the file and import it again.",
            )
        if current.find_theme(theme.id) is None:
            new_themes.append(
                Theme(
                    id=theme.id,
                    title=theme.title,
                    section=theme.section,
                    description=theme.description,
                )
            )
        for question in theme.questions:
            # Matched by its own id only: a question the bank has since merged into another
            # (`Bank.moved`) is not a wording of that other question.
            held = current.holds_question(question.id)
            mine = current.find_question(question.id) if held else None
            if mine is None:
                if current.find_theme(question.id) is not None:
                    raise BankFormatError(
                        "",
                        f'question "{question.id}"',
                        "this question id is already the id of one of your themes. Give the "
                        "question another id in the file and import it again.",
                    )
                new_questions.append(question)
            elif mine.same_words(question):
                identical.append(question)
            else:
                conflicts.append(Conflict(mine=mine, theirs=question))
    total = len(current.all_questions()) + len(new_questions)
    if total > MAX_QUESTIONS:
        raise BankFormatError(
            "",
            "",
            f"importing this file would give your bank {total:,} questions; Balcony holds at "
            f"most {MAX_QUESTIONS:,}. Import a smaller file.",
        )
    return ImportPlan(
        incoming=incoming,
        new_themes=tuple(new_themes),
        new_questions=tuple(new_questions),
        identical=tuple(identical),
        conflicts=tuple(conflicts),
    )


def check_choices(plan: ImportPlan, choices: Mapping[str, str]) -> dict[str, Choice]:
    """Every conflict settled with "mine" or "theirs", and nothing else; else ValueError."""
    conflict_ids = {conflict.question_id for conflict in plan.conflicts}
    unknown = sorted(set(choices) - conflict_ids)
    if unknown:
        raise ValueError(f'"{unknown[0]}" is not one of the conflicts of this import.')
    settled: dict[str, Choice] = {}
    for conflict in plan.conflicts:
        choice = choices.get(conflict.question_id)
        if choice is None:
            raise ValueError(
                f'Choose which version of question "{conflict.question_id}" to keep before '
                "importing."
            )
        for allowed in CHOICES:
            if choice == allowed:
                settled[conflict.question_id] = allowed
                break
        else:
            raise ValueError(f'Choose "mine" or "theirs" for question "{conflict.question_id}".')
    return settled


def place_new(existing: Sequence[str], incoming: Sequence[str], new: set[str]) -> list[str]:
    """`existing` with the `new` ids inserted, each after its nearest known neighbour above it in
    `incoming` (or first, if it has none)."""
    after: dict[str | None, list[str]] = {}
    anchor: str | None = None
    known = set(existing)
    for item in incoming:
        if item in new:
            after.setdefault(anchor, []).append(item)
        elif item in known:
            anchor = item
    result = list(after.get(None, []))
    for item in existing:
        result.append(item)
        result.extend(after.get(item, []))
    return result
