"""The PostgreSQL search index's own duties: the factory's choice, failures, its connection."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank import Bank, ServerSearchIndex, make_search_index, parse_bank
from question_bank.highlight import query_terms
from question_bank.server_search import SESSION_SETTINGS, tsqueries
from tests.bank.conftest import TINY_BANK
from tests.bank.test_search import SEARCH_BANK, ids, postgres_url


@pytest.fixture(scope="module")
def engine() -> Iterator[sa.Engine]:
    engine = sa.create_engine(postgres_url())
    yield engine
    engine.dispose()


def test_the_factory_searches_on_the_server_for_postgresql(engine: sa.Engine) -> None:
    index = make_search_index(SEARCH_BANK, engine)
    try:
        assert type(index) is ServerSearchIndex
        assert ids(index.search("overs")) == ["b1"]
    finally:
        index.close()


def temp_tables(connection: sa.Connection) -> int:
    """How many of the index's tables this database session has."""
    return int(
        connection.execute(
            sa.text(
                "SELECT count(*) FROM pg_class WHERE relnamespace = pg_my_temp_schema() "
                "AND relkind = 'r' AND relname LIKE 'balcony_search%'"
            )
        ).scalar_one()
    )


def test_a_failing_server_query_finds_nothing_and_the_index_recovers(
    engine: sa.Engine,
) -> None:
    index = ServerSearchIndex(SEARCH_BANK, engine=engine)
    try:
        table = index._table
        index._table = "pg_temp.no_such_table"
        assert index.search("budget") == []
        index._table = table
        assert ids(index.search("overs")) == ["b1"]
    finally:
        index.close()


def test_closing_a_server_index_drops_its_table_and_restores_the_connection() -> None:
    engine = sa.create_engine(postgres_url(), pool_size=1, max_overflow=0)
    try:
        with engine.connect() as connection:
            settings = sa.text(
                "SELECT current_setting(name) FROM unnest(CAST(:names AS text[])) AS name"
            )
            before = connection.execute(settings, {"names": list(SESSION_SETTINGS)}).scalars().all()
        index = ServerSearchIndex(SEARCH_BANK, engine=engine)
        assert engine.pool.checkedout() == 1  # type: ignore[attr-defined]
        index.rebuild(parse_bank(TINY_BANK))
        index.rebuild(SEARCH_BANK)
        assert temp_tables(index._connection) == 1  # each rebuild drops the table before
        during = index._connection.execute(settings, {"names": list(SESSION_SETTINGS)})
        assert during.scalars().all() == list(SESSION_SETTINGS.values()) != before
        index.close()
        index.close()
        assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]
        with engine.connect() as connection:  # the same session: the pool holds one
            assert temp_tables(connection) == 0
            after = connection.execute(settings, {"names": list(SESSION_SETTINGS)})
            assert after.scalars().all() == before  # as they were: the planner's own
    finally:
        engine.dispose()


def test_two_server_indexes_on_one_engine_see_only_their_own_questions(
    engine: sa.Engine,
) -> None:
    ours = ServerSearchIndex(SEARCH_BANK, engine=engine)
    theirs = ServerSearchIndex(parse_bank(TINY_BANK), engine=engine)
    try:
        assert ids(ours.search("budget")) == ["b1", "v3", "b2"]
        assert ids(theirs.search("budget")) == ["budget-01", "budget-02"]
        theirs.rebuild(Bank(id="empty", title="Empty", themes=()))
        assert ids(ours.search("overs")) == ["b1"]
        assert theirs.search("overs") == []
        assert len(ours) == 5
        assert len(theirs) == 0
    finally:
        ours.close()
        theirs.close()


@settings(max_examples=200, deadline=None)
@given(typed=st.text(max_size=30))
def test_the_tsquery_is_always_valid(engine: sa.Engine, typed: str) -> None:
    terms = query_terms(typed)
    if not terms:
        return
    with engine.connect() as connection:
        for query in tsqueries(terms):
            connection.execute(sa.text("SELECT to_tsquery('simple', :q)"), {"q": query})
