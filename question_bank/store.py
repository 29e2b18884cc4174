"""The facilitator's question bank: the shipped bank plus their own themes, questions, edits,
hidden items and order, kept in the database.

`BankService` is handed `sessions`, a factory of context managers (the caller's
`session_scope`) that each yield a `sqlmodel.Session`, commit when the block ends normally
and roll back when it raises. Every method uses exactly one session, so each change,
including a whole import, is all or nothing. Methods check their input (ValueError with a
sentence a facilitator can read) and return frozen model values, never database rows.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path
from typing import Literal

from sqlmodel import Session, col, select

from question_bank.errors import MAX_FOLLOW_UPS, BankFormatError
from question_bank.imports import (
    ImportPlan,
    ImportResult,
    StaleImportError,
    check_choices,
    plan_import,
)
from question_bank.layer_rows import (
    copy_words,
    place_imported,
    read_layer,
    user_question_row,
    user_theme_row,
    write_order,
)
from question_bank.loader import read_bank_file
from question_bank.model import (
    SECTIONS,
    UNCHANGED,
    Bank,
    Question,
    Scale,
    Section,
    Theme,
    Unchanged,
)
from question_bank.overlay import THEME_SCOPE, merge
from question_bank.tables import (
    BankHidden,
    BankOverride,
    BankUserQuestion,
)
from question_bank.text import slugify
from question_bank.writer import dump_bank

SessionFactory = Callable[[], AbstractContextManager[Session]]
ItemKind = Literal["theme", "question"]

EXPORT_ID = "balcony-user-bank"
EXPORT_TITLE = "Question bank exported from Balcony"


class UnknownItemError(ValueError):
    """No theme or question has the given id."""


def _token() -> str:
    return secrets.token_hex(3)


class BankService:
    """The facilitator's question bank: `base` (the shipped bank) plus what they changed.

    `sessions()` must return a context manager yielding a Session that commits when the
    block ends normally and rolls back when it raises. `new_token` makes the random part of
    new question ids; tests pass a predictable one.
    """

    def __init__(
        self, sessions: SessionFactory, base: Bank, *, new_token: Callable[[], str] = _token
    ) -> None:
        self._sessions = sessions
        self._base = base
        self._new_token = new_token
        self._base_questions = {q.id: q for q in base.all_questions()}

    # Reading ------------------------------------------------------------------------------

    def bank(self, include_hidden: bool = False) -> Bank:
        """The merged bank, in the facilitator's order; hidden items only if asked for."""
        with self._sessions() as session:
            return merge(self._base, read_layer(session), include_hidden=include_hidden)

    def export_text(self) -> str:
        """The visible merged bank as TOML, byte-for-byte the same until something changes."""
        bank = replace(self.bank(), id=EXPORT_ID, title=EXPORT_TITLE)
        return dump_bank(bank)

    # Adding and editing -------------------------------------------------------------------

    def add_theme(
        self, title: str, section: Section = "signatures", description: str = ""
    ) -> Theme:
        """A new, empty theme after the others, with an id made from its title."""
        title = _required_text(title, "Give the theme a title.")
        if section not in SECTIONS:
            raise ValueError(f'"{section}" is not a section. Use signatures, balcony or plenary.')
        with self._sessions() as session:
            current = merge(self._base, read_layer(session), include_hidden=True)
            theme_id = _unused_id(slugify(title, fallback="theme"), current)
            theme = Theme(
                id=theme_id, title=title, section=section, description=description.strip()
            )
            session.add(user_theme_row(theme))
        return theme

    def add_question(
        self,
        theme_id: str,
        text: str,
        follow_ups: Sequence[str] = (),
        scale: Scale | None = None,
        note: str = "",
        alternatives: Sequence[str] = (),
    ) -> Question:
        """A new question at the end of the theme."""
        words = _question_words(text, follow_ups, scale, note, alternatives)
        with self._sessions() as session:
            current = merge(self._base, read_layer(session), include_hidden=True)
            if current.find_theme(theme_id) is None:
                raise UnknownItemError(f'There is no theme "{theme_id}".')
            question_id = self._unused_question_id(theme_id, current)
            question = replace(words, id=question_id, theme_id=theme_id)
            session.add(user_question_row(question))
        return question

    def edit_question(
        self,
        question_id: str,
        *,
        text: str | Unchanged = UNCHANGED,
        follow_ups: Sequence[str] | Unchanged = UNCHANGED,
        scale: Scale | Unchanged | None = UNCHANGED,
        note: str | Unchanged = UNCHANGED,
        alternatives: Sequence[str] | Unchanged = UNCHANGED,
    ) -> Question:
        """Change a question's words. A shipped question gets an edit kept beside it."""
        with self._sessions() as session:
            layer = read_layer(session)
            current = merge(self._base, layer, include_hidden=True).find_question(question_id)
            if current is None:
                raise UnknownItemError(f'There is no question "{question_id}".')
            words = _question_words(
                current.text if text is UNCHANGED else text,
                current.follow_ups if follow_ups is UNCHANGED else follow_ups,
                current.scale if scale is UNCHANGED else scale,
                current.note if note is UNCHANGED else note,
                current.alternatives if alternatives is UNCHANGED else alternatives,
            )
            edited = replace(
                current,
                text=words.text,
                follow_ups=words.follow_ups,
                scale=words.scale,
                note=words.note,
                alternatives=words.alternatives,
            )
            self._save_words(session, edited)
        return edited

    # Hiding and ordering ------------------------------------------------------------------

    def hide(self, item_id: str) -> Theme | Question:
        """Put a theme or question out of sight; it stays in the database and can come back."""
        return self._set_hidden(item_id, hidden=True)

    def unhide(self, item_id: str) -> Theme | Question:
        """Bring a hidden theme or question back, in the place it had."""
        return self._set_hidden(item_id, hidden=False)

    def move_question(
        self, question_id: str, new_index: int, *, include_hidden: bool = False
    ) -> tuple[str, ...]:
        """Move a question within its theme to `new_index`, counted among its siblings as
        `bank(include_hidden)` lists them. Returns the theme's question ids in the new order."""
        with self._sessions() as session:
            full = merge(self._base, read_layer(session), include_hidden=True)
            question = full.find_question(question_id)
            if question is None:
                raise UnknownItemError(f'There is no question "{question_id}".')
            siblings = full.theme(question.theme_id).questions
            order = _moved(
                [q.id for q in siblings],
                [q.id for q in siblings if include_hidden or not q.hidden],
                question.id,
                new_index,
            )
            write_order(session, question.theme_id, order)
        return tuple(order)

    def move_theme(
        self, theme_id: str, new_index: int, *, include_hidden: bool = False
    ) -> tuple[str, ...]:
        """Move a theme to `new_index` among the themes as `bank(include_hidden)` lists them.
        Returns the theme ids in the new order."""
        with self._sessions() as session:
            full = merge(self._base, read_layer(session), include_hidden=True)
            if full.find_theme(theme_id) is None:
                raise UnknownItemError(f'There is no theme "{theme_id}".')
            order = _moved(
                [t.id for t in full.themes],
                [t.id for t in full.themes if include_hidden or not t.hidden],
                theme_id,
                new_index,
            )
            write_order(session, THEME_SCOPE, order)
        return tuple(order)

    # Importing ----------------------------------------------------------------------------

    def plan_import(self, incoming: Bank) -> ImportPlan:
        """What importing `incoming` would add, what is already here and what conflicts."""
        return plan_import(self.bank(include_hidden=True), incoming)

    def import_file(self, path: str | Path) -> ImportPlan:
        """Read a TOML or CSV bank file and plan its import (BankFormatError if unreadable,
        or if its ids clash with the bank's)."""
        try:
            return self.plan_import(read_bank_file(path))
        except BankFormatError as error:
            if error.source:
                raise
            raise BankFormatError(Path(path).name, error.place, error.problem) from None

    def apply_import(
        self, plan: ImportPlan, choices: Mapping[str, str] | None = None
    ) -> ImportResult:
        """Carry out a plan in one transaction. Every conflict needs a choice, "mine" or
        "theirs", or nothing is written (ValueError); so does a bank changed since planning
        (StaleImportError)."""
        settled = check_choices(plan, choices or {})
        with self._sessions() as session:
            layer = read_layer(session)
            current = merge(self._base, layer, include_hidden=True)
            if plan_import(current, plan.incoming) != plan:
                raise StaleImportError(
                    "Your question bank has changed since this import was checked. "
                    "Check the file again."
                )
            for theme in plan.new_themes:
                session.add(user_theme_row(theme))
            for question in plan.new_questions:
                session.add(user_question_row(replace(question, origin="user", hidden=False)))
            replaced = []
            for conflict in plan.conflicts:
                if settled[conflict.question_id] == "theirs":
                    self._save_words(
                        session,
                        replace(
                            conflict.mine,
                            text=conflict.theirs.text,
                            follow_ups=conflict.theirs.follow_ups,
                            scale=conflict.theirs.scale,
                            note=conflict.theirs.note,
                            alternatives=conflict.theirs.alternatives,
                        ),
                    )
                    replaced.append(conflict.question_id)
            place_imported(session, current, plan)
        return ImportResult(
            added_themes=tuple(theme.id for theme in plan.new_themes),
            added_questions=tuple(question.id for question in plan.new_questions),
            replaced=tuple(replaced),
            kept=tuple(c.question_id for c in plan.conflicts if settled[c.question_id] == "mine"),
        )

    # Internals ----------------------------------------------------------------------------

    def _unused_question_id(self, theme_id: str, current: Bank) -> str:
        # Random rather than numbered, so questions two facilitators add separately never
        # share an id and are never mistaken for two versions of one question when merged.
        while True:
            candidate = f"{theme_id[:60]}-{self._new_token()}"
            if current.find_question(candidate) is None and current.find_theme(candidate) is None:
                return candidate

    def _save_words(self, session: Session, question: Question) -> None:
        shipped = self._base_questions.get(question.id)
        user_row = session.exec(
            select(BankUserQuestion).where(col(BankUserQuestion.question_id) == question.id)
        ).first()
        if user_row is not None or shipped is None:
            row = user_row or user_question_row(question)
            copy_words(question, row)
            session.add(row)
            return
        override = session.get(BankOverride, question.id)
        if shipped.same_words(question):
            if override is not None:
                session.delete(override)
            return
        override = override or BankOverride(question_id=question.id, text=question.text)
        copy_words(question, override)
        session.add(override)

    def _set_hidden(self, item_id: str, *, hidden: bool) -> Theme | Question:
        with self._sessions() as session:
            current = merge(self._base, read_layer(session), include_hidden=True)
            item: Theme | Question | None = current.find_theme(item_id)
            kind: ItemKind = "theme"
            if item is None:
                item = current.find_question(item_id)
                kind = "question"
            if item is None:
                raise UnknownItemError(f'There is no theme or question "{item_id}".')
            item_id = item.id  # the question a moved id now points to
            row = session.get(BankHidden, (kind, item_id))
            if hidden and row is None:
                session.add(BankHidden(kind=kind, item_id=item_id))
            elif not hidden and row is not None:
                session.delete(row)
        return replace(item, hidden=hidden)


def _required_text(value: str, problem: str) -> str:
    text = value.strip()
    if not text:
        raise ValueError(problem)
    return text


def _question_words(
    text: str,
    follow_ups: Sequence[str],
    scale: Scale | None,
    note: str,
    alternatives: Sequence[str] = (),
) -> Question:
    if isinstance(follow_ups, str) or isinstance(alternatives, str):
        raise TypeError("follow_ups and alternatives are sequences of texts, not one text")
    cleaned = tuple(item.strip() for item in follow_ups if item.strip())
    others = tuple(item.strip() for item in alternatives if item.strip())
    if max(len(cleaned), len(others)) > MAX_FOLLOW_UPS:
        raise ValueError(f"A question can have at most {MAX_FOLLOW_UPS} follow-ups.")
    if scale is not None:
        scale = Scale(
            low=_required_text(scale.low, "Give the low end of the scale (0) some words."),
            high=_required_text(scale.high, "Give the high end of the scale (10) some words."),
            # A scale asked by a follow-up that is gone falls back to the question itself.
            follow_up=scale.follow_up if 0 <= scale.follow_up <= len(cleaned) else 0,
        )
    return Question(
        id="",
        theme_id="",
        text=_required_text(text, "Write the question before saving it."),
        follow_ups=cleaned,
        scale=scale,
        note=note.strip(),
        alternatives=others,
    )


def _unused_id(wanted: str, current: Bank) -> str:
    candidate, number = wanted, 1
    while current.find_theme(candidate) is not None or current.find_question(candidate) is not None:
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate


def _moved(full: list[str], shown: list[str], item_id: str, new_index: int) -> list[str]:
    if item_id not in shown:
        raise ValueError("That item is hidden. Show it before moving it.")
    if new_index < 0:
        raise ValueError("The new position cannot be negative.")
    others = [item for item in shown if item != item_id]
    result = [item for item in full if item != item_id]
    if new_index >= len(others):
        result.insert(result.index(others[-1]) + 1 if others else len(result), item_id)
    else:
        result.insert(result.index(others[new_index]), item_id)
    return result
