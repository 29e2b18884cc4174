"""Search a bank kept on a PostgreSQL server: the counterpart of the SQLite FTS5 index.

The questions go into a TEMPORARY table on one connection that the index holds from start to
`close()`, so no one else sees them and the server drops them if the index never says so.
Each row is a `tsvector`: the question's words weighted A, its alternatives and follow-ups B,
its theme title C. What was typed becomes a `tsquery` of quoted prefixes (`'budg':*`) that
every row must match, ranked by `ts_rank` with A, B and C in the same proportions as the
SQLite index's bm25 weights; a GIN index finds the rows.

PostgreSQL's text search parser reads "parent/carer" as one path-like word and drops some
characters; so both sides are cut into words here first, exactly as the highlighting does
(case and accents folded, in-word apostrophes dropped), and the `simple` configuration only
ever sees plain words separated by spaces.
"""

from __future__ import annotations

import re
from contextlib import suppress
from typing import Any, TypeAlias

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from question_bank.model import Bank
from question_bank.search import (
    FOLLOW_UP_WEIGHT,
    TEXT_WEIGHT,
    THEME_WEIGHT,
    BankIndex,
    IndexRow,
    SearchIndex,
)
from question_bank.text import fold, search_form

SearchEngine: TypeAlias = Engine
"""The database engine a search index may live on, by a name the UI can use without
importing storage itself."""

_WORD = re.compile(r"[^\W_]+")  # what highlight.query_terms calls a word
# ts_rank's weights are listed D, C, B, A and must lie in [0, 1]: D is unused.
_RANK_WEIGHTS = f"{{0, {THEME_WEIGHT / TEXT_WEIGHT}, {FOLLOW_UP_WEIGHT / TEXT_WEIGHT}, 1}}"
_TABLE = "pg_temp.balcony_search_{}"

_CREATE = "CREATE TEMPORARY TABLE {table} (rowid integer PRIMARY KEY, document tsvector NOT NULL)"
_FILL = """
INSERT INTO {table} (rowid, document)
SELECT rowid,
    setweight(to_tsvector('simple', question), 'A')
    || setweight(to_tsvector('simple', follow_ups), 'B')
    || setweight(to_tsvector('simple', theme), 'C')
FROM unnest(
    CAST(:rowids AS integer[]), CAST(:questions AS text[]),
    CAST(:follow_ups AS text[]), CAST(:themes AS text[])
) AS given(rowid, question, follow_ups, theme)
"""
_INDEX = "CREATE INDEX ON {table} USING gin (document)"
# Temporary tables are never analysed by autovacuum; without statistics the planner guesses.
_ANALYZE = "ANALYZE {table}"
_DROP = "DROP TABLE IF EXISTS {table}"

# Settings for this index's own connection, put back as they were when it is handed back.
# psycopg prepares a statement run five times, and PostgreSQL may then plan it once for any
# query, scanning every row even for a rare word; nor does the planner expect the GIN index
# to be as cheap as it is for prefixes. Both cost tens of milliseconds per keystroke.
SESSION_SETTINGS = {"plan_cache_mode": "force_custom_plan", "enable_seqscan": "off"}
_SETTINGS = "SELECT name, current_setting(name) FROM unnest(CAST(:names AS text[])) AS name"
_SET = """
SELECT set_config(name, value, false)
FROM unnest(CAST(:names AS text[]), CAST(:values AS text[])) AS given(name, value)
"""

# One round trip per keystroke. `broad` counts the matches up to one more than can be
# ranked; then either the ranked branch runs, or the two tiers of a broad query (own text
# holds every term, then the rest, each in bank order), as in the SQLite index.
_SEARCH = """
WITH broad AS (
    SELECT count(*) > :ranked AS broad FROM (
        SELECT 1 FROM {table}
        WHERE document @@ to_tsquery('simple', :query) AND rowid BETWEEN :first AND :last
        LIMIT :ranked + 1
    ) AS capped
)
(
    SELECT rowid, -ts_rank('{weights}', document, to_tsquery('simple', :query)) AS score,
        0 AS tier
    FROM {table}
    WHERE NOT (SELECT broad FROM broad)
        AND document @@ to_tsquery('simple', :query) AND rowid BETWEEN :first AND :last
    ORDER BY score, rowid LIMIT :limit
) UNION ALL (
    SELECT rowid, 0, 1 FROM {table}
    WHERE (SELECT broad FROM broad)
        AND document @@ to_tsquery('simple', :in_text) AND rowid BETWEEN :first AND :last
    ORDER BY rowid LIMIT :limit
) UNION ALL (
    SELECT rowid, 0, 2 FROM {table}
    WHERE (SELECT broad FROM broad)
        AND document @@ to_tsquery('simple', :query)
        AND NOT document @@ to_tsquery('simple', :in_text)
        AND rowid BETWEEN :first AND :last
    ORDER BY rowid LIMIT :limit
)
ORDER BY tier, score, rowid LIMIT :limit
"""


def index_words(value: str) -> str:
    """The words of `value` as the server index keeps them: folded, one space apart."""
    return " ".join(_WORD.findall(fold(search_form(value)).text))


def _lexeme(word: str) -> str:
    """A tsquery operand that is only ever a word: quoted, its quotes and backslashes escaped."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsqueries(terms: tuple[str, ...]) -> tuple[str, str]:
    """For `to_tsquery`: every term as a prefix anywhere, and the same in the question's own
    words only (weight A)."""
    words = [word for term in terms for word in _WORD.findall(fold(term).text)]
    prefixes = [f"{_lexeme(word)}:*" for word in dict.fromkeys(words)]
    return " & ".join(prefixes), " & ".join(f"{prefix}A" for prefix in prefixes)


class ServerSearchIndex(BankIndex):
    """Full-text search over the visible questions of a bank, on a PostgreSQL server.

    Holds one connection from `engine` until `close()`; its rows live in a temporary table
    on that connection. A query the server cannot run finds nothing rather than raising.
    """

    _query_errors = (SQLAlchemyError,)

    def __init__(self, bank: Bank | None = None, *, engine: Engine) -> None:
        super().__init__()
        # Autocommit: a search is one statement, so one round trip, and a failed one leaves
        # no aborted transaction behind. `rebuild` stays safe by building a new table.
        self._connection = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        self._table: str | None = None
        self._tables_made = 0
        names = list(SESSION_SETTINGS)
        try:
            self._settings_before = {
                name: value for name, value in self._run(_SETTINGS, {"names": names})
            }
            self._set(SESSION_SETTINGS)
            if bank is not None:
                self.rebuild(bank)
        except BaseException:
            self._connection.invalidate()
            self._connection.close()
            raise

    def _form(self, text: str) -> str:
        return index_words(text)

    def _set(self, settings: dict[str, str]) -> None:
        self._run(_SET, {"names": list(settings), "values": list(settings.values())})

    def _run(self, statement: str, parameters: dict[str, Any] | None = None) -> Any:
        try:
            return self._connection.execute(text(statement), parameters or {})
        except SQLAlchemyError:
            # After a lost connection, rolling back lets the next statement reconnect.
            self._connection.rollback()
            raise

    def _replace_rows(self, rows: list[IndexRow]) -> None:
        self._tables_made += 1
        table = _TABLE.format(self._tables_made)
        columns = list(zip(*rows, strict=True)) or [(), (), (), ()]
        try:
            self._run(_CREATE.format(table=table))
            self._run(
                _FILL.format(table=table),
                {
                    "rowids": list(columns[0]),
                    "questions": list(columns[1]),
                    "follow_ups": list(columns[2]),
                    "themes": list(columns[3]),
                },
            )
            self._run(_INDEX.format(table=table))
            self._run(_ANALYZE.format(table=table))
        except SQLAlchemyError:
            self._drop(table)
            raise
        if self._table is not None:
            self._drop(self._table)
        self._table = table

    def _drop(self, table: str) -> None:
        # If this fails, the table goes when the connection does; no search reads it again.
        with suppress(SQLAlchemyError):
            self._run(_DROP.format(table=table))

    def _matching_rows(
        self, terms: tuple[str, ...], first: int, last: int, limit: int
    ) -> list[tuple[int, float]]:
        query, in_text = tsqueries(terms)
        if self._table is None or not query:
            return []
        result = self._run(
            _SEARCH.format(table=self._table, weights=_RANK_WEIGHTS),
            {
                "query": query,
                "in_text": in_text,
                "first": first,
                "last": last,
                "limit": limit,
                "ranked": self.ranked_matches,
            },
        )
        return [(rowid, float(score)) for rowid, score, _tier in result]

    def close(self) -> None:
        """Drops the table, puts the connection's settings back and hands it back to the
        engine's pool; if that fails, the connection is closed instead, so no one else is
        given it."""
        if self._connection.closed:
            return
        try:
            if self._table is not None:
                self._run(_DROP.format(table=self._table))
            self._set(self._settings_before)
        except SQLAlchemyError:
            self._connection.invalidate()
        finally:
            self._table = None
            self._connection.close()


def make_search_index(bank: Bank | None = None, engine: Engine | None = None) -> BankIndex:
    """The search index for a bank kept by `engine`: on the server when it is PostgreSQL,
    otherwise in memory. Close it when done with it."""
    if engine is not None and engine.dialect.name == "postgresql":
        return ServerSearchIndex(bank, engine=engine)
    return SearchIndex(bank)
