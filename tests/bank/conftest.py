"""Fixtures for the question bank: a small bank and a store on an in-memory database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from itertools import count

import pytest
from sqlalchemy import Engine
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, create_engine

import question_bank.store
from question_bank import Bank, BankService, parse_bank

TINY_BANK = """\
format = "balcony-question-bank"
version = 1
id = "tiny"
title = "Tiny bank"

[[themes]]
id = "budget"
title = "Budget"
section = "signatures"

[[themes.questions]]
id = "budget-01"
text = "Is the budget for your service under or overspent?"
follow_ups = ["What is the narrative from the corporate centre?"]

[[themes.questions]]
id = "budget-02"
text = "How confident are you that improvement is possible within the budget?"
follow_ups = ["What have you done to make your concerns known?"]
scale = { low = "not confident at all", high = "very confident" }

[[themes]]
id = "workforce"
title = "Workforce"
section = "signatures"

[[themes.questions]]
id = "workforce-01"
text = "How would front line staff describe the culture of children’s services?"
follow_ups = ["What are you doing about this?", "How do you know it is having impact?"]

[[themes]]
id = "balcony"
title = "On the balcony"
section = "balcony"

[[themes.questions]]
id = "balcony-01"
text = "What are the basic assumptions behind the story being told here?"
"""

SessionScope = Callable[[], AbstractContextManager[Session]]


@pytest.fixture
def tiny_bank() -> Bank:
    return parse_bank(TINY_BANK, "tiny.toml", origin="handbook")


def make_engine() -> Engine:
    assert question_bank.store  # the tables must be registered before create_all
    engine = create_engine(
        "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
    )
    SQLModel.metadata.create_all(engine)
    return engine


def scope_for(engine: Engine) -> SessionScope:
    @contextmanager
    def session_scope() -> Iterator[Session]:
        with Session(engine) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    return session_scope


def failing_at_commit(engine: Engine) -> SessionScope:
    """A session scope whose writes reach the database and then fail to commit."""

    @contextmanager
    def session_scope() -> Iterator[Session]:
        with Session(engine) as session:
            try:
                yield session
                session.flush()
                raise RuntimeError("the disk is full")
            except BaseException:
                session.rollback()
                raise

    return session_scope


@pytest.fixture
def engine() -> Iterator[Engine]:
    engine = make_engine()
    yield engine
    engine.dispose()


@pytest.fixture
def session_scope(engine: Engine) -> SessionScope:
    return scope_for(engine)


def counting_tokens() -> Callable[[], str]:
    numbers = count(1)
    return lambda: f"u{next(numbers):04d}"


@pytest.fixture
def service(session_scope: SessionScope, tiny_bank: Bank) -> BankService:
    return BankService(session_scope, tiny_bank, new_token=counting_tokens())
