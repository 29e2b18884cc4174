"""The facilitator's layer over the shipped bank, as database tables (all named `bank_…`).

Declared on SQLModel's default metadata, so importing this module before
`SQLModel.metadata.create_all(engine)` creates them. Only `store` reads or writes these rows;
everything outside gets frozen model values instead.
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class BankUserTheme(SQLModel, table=True):
    """A theme the facilitator added or imported. `seq` keeps the order they were added in."""

    __tablename__ = "bank_user_theme"

    seq: int | None = Field(default=None, primary_key=True)
    theme_id: str = Field(unique=True)
    title: str
    section: str
    description: str = ""


class BankUserQuestion(SQLModel, table=True):
    """A question the facilitator added or imported. Follow-ups are a JSON list of text."""

    __tablename__ = "bank_user_question"

    seq: int | None = Field(default=None, primary_key=True)
    question_id: str = Field(unique=True)
    theme_id: str = Field(index=True)
    text: str
    follow_ups: str = "[]"
    scale_low: str | None = None
    scale_high: str | None = None
    note: str = ""


class BankOverride(SQLModel, table=True):
    """The facilitator's wording of a shipped question, used instead of the handbook's."""

    __tablename__ = "bank_override"

    question_id: str = Field(primary_key=True)
    text: str
    follow_ups: str = "[]"
    scale_low: str | None = None
    scale_high: str | None = None
    note: str = ""


class BankHidden(SQLModel, table=True):
    """A theme or question the facilitator has put out of sight; `kind` says which."""

    __tablename__ = "bank_hidden"

    kind: str = Field(primary_key=True)
    item_id: str = Field(primary_key=True)


class BankOrder(SQLModel, table=True):
    """The facilitator's order of themes (scope "") or of one theme's questions (scope = id).

    Items missing from a stored order, such as questions added since, follow it in their
    natural order, so adding never needs to rewrite an order.
    """

    __tablename__ = "bank_order"

    scope: str = Field(primary_key=True)
    item_id: str = Field(primary_key=True)
    position: int
