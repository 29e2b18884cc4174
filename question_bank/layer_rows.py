"""Reading and writing the rows of the facilitator's layer (the `bank_…` tables).

The only code besides `store` that touches a Session; it turns rows into plain values on the
way out, so nothing outside ever holds a live database object.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import delete
from sqlmodel import Session, col, select

from question_bank.imports import ImportPlan, place_new
from question_bank.model import SECTIONS, Bank, Question, Scale, Section, Theme
from question_bank.overlay import THEME_SCOPE, UserLayer, Words
from question_bank.tables import (
    BankHidden,
    BankOrder,
    BankOverride,
    BankUserQuestion,
    BankUserTheme,
)


def copy_words(question: Question, row: BankUserQuestion | BankOverride) -> None:
    row.text = question.text
    row.follow_ups = _encode_follow_ups(question)
    row.scale_low = question.scale.low if question.scale else None
    row.scale_high = question.scale.high if question.scale else None
    row.note = question.note


def _encode_follow_ups(question: Question) -> str:
    """The `follow_ups` column: a JSON list of text, as ever, unless the question has
    alternatives or its scale sits on a follow-up; then a JSON object with those as well.
    Keeping them in this column spares the tables a migration."""
    scale_on = question.scale.follow_up if question.scale else 0
    if not question.alternatives and not scale_on:
        return json.dumps(list(question.follow_ups), ensure_ascii=False)
    stored: dict[str, object] = {"follow_ups": list(question.follow_ups)}
    if question.alternatives:
        stored["alternatives"] = list(question.alternatives)
    if scale_on:
        stored["scale_follow_up"] = scale_on
    return json.dumps(stored, ensure_ascii=False)


def _decode_follow_ups(value: str) -> tuple[tuple[str, ...], tuple[str, ...], int]:
    """(follow-ups, alternatives, the follow-up asking for the scale) from the column."""
    stored = json.loads(value)
    if isinstance(stored, list):
        return tuple(str(item) for item in stored), (), 0
    follow_ups = tuple(str(item) for item in stored.get("follow_ups", []))
    alternatives = tuple(str(item) for item in stored.get("alternatives", []))
    scale_on = stored.get("scale_follow_up", 0)
    valid = isinstance(scale_on, int) and 0 <= scale_on <= len(follow_ups)
    return follow_ups, alternatives, scale_on if valid else 0


def user_theme_row(theme: Theme) -> BankUserTheme:
    return BankUserTheme(
        theme_id=theme.id,
        title=theme.title,
        section=theme.section,
        description=theme.description,
    )


def user_question_row(question: Question) -> BankUserQuestion:
    row = BankUserQuestion(question_id=question.id, theme_id=question.theme_id, text=question.text)
    copy_words(question, row)
    return row


def words(row: BankUserQuestion | BankOverride) -> Words:
    follow_ups, alternatives, scale_on = _decode_follow_ups(row.follow_ups)
    scale = None
    if row.scale_low is not None and row.scale_high is not None:
        scale = Scale(low=row.scale_low, high=row.scale_high, follow_up=scale_on)
    return Words(
        text=row.text,
        follow_ups=follow_ups,
        scale=scale,
        note=row.note,
        alternatives=alternatives,
    )


def section(value: str) -> Section:
    for section in SECTIONS:
        if value == section:
            return section
    return "signatures"


def read_layer(session: Session) -> UserLayer:
    themes = tuple(
        Theme(
            id=row.theme_id,
            title=row.title,
            section=section(row.section),
            description=row.description,
        )
        for row in session.exec(select(BankUserTheme).order_by(col(BankUserTheme.seq)))
    )
    questions = tuple(
        words(row).apply(Question(id=row.question_id, theme_id=row.theme_id, text=""))
        for row in session.exec(select(BankUserQuestion).order_by(col(BankUserQuestion.seq)))
    )
    overrides = {row.question_id: words(row) for row in session.exec(select(BankOverride))}
    hidden = {(row.kind, row.item_id) for row in session.exec(select(BankHidden))}
    orders: dict[str, list[str]] = {}
    for order_row in session.exec(
        select(BankOrder).order_by(col(BankOrder.scope), col(BankOrder.position))
    ):
        orders.setdefault(order_row.scope, []).append(order_row.item_id)
    return UserLayer(
        themes=themes,
        questions=questions,
        overrides=overrides,
        hidden_themes=frozenset(item for kind, item in hidden if kind == "theme"),
        hidden_questions=frozenset(item for kind, item in hidden if kind == "question"),
        orders={scope: tuple(ids) for scope, ids in orders.items()},
    )


def write_order(session: Session, scope: str, ids: Sequence[str]) -> None:
    session.exec(delete(BankOrder).where(col(BankOrder.scope) == scope))
    for position, item_id in enumerate(ids):
        session.add(BankOrder(scope=scope, item_id=item_id, position=position))


def place_imported(session: Session, current: Bank, plan: ImportPlan) -> None:
    """Put new themes and questions next to their neighbours in the imported file.

    An order is only stored where that differs from simply adding at the end.
    """
    existing = [theme.id for theme in current.themes]
    new_themes = [theme.id for theme in plan.new_themes]
    incoming_themes = [theme.id for theme in plan.incoming.themes]
    order = place_new(existing, incoming_themes, set(new_themes))
    if order != existing + new_themes:
        write_order(session, THEME_SCOPE, order)
    new_by_theme: dict[str, list[str]] = {}
    for question in plan.new_questions:
        new_by_theme.setdefault(question.theme_id, []).append(question.id)
    for theme_id, new_ids in new_by_theme.items():
        mine = current.find_theme(theme_id)
        existing = [q.id for q in mine.questions] if mine else []
        theirs = plan.incoming.find_theme(theme_id)
        incoming = [q.id for q in theirs.questions] if theirs else new_ids
        order = place_new(existing, incoming, set(new_ids))
        if order != existing + new_ids:
            write_order(session, theme_id, order)
