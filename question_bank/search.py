"""Search a bank as the facilitator types: an in-memory SQLite FTS5 index over its questions.

Matching is word-prefix, case- and accent-insensitive; ranking is bm25 with the question's
own words weighted above its follow-ups, and those above the theme title. The index holds
the visible questions of one Bank and is rebuilt whenever that bank changes.

`BankIndex` is what this index shares with its PostgreSQL counterpart
(`question_bank.server_search`); `make_search_index` there picks one for a database.
"""

from __future__ import annotations

import sqlite3
from abc import ABC, abstractmethod
from dataclasses import dataclass

from question_bank.highlight import (
    Span,
    SpanFinder,
    fts_expression,
    query_terms,
    term_pattern,
)
from question_bank.model import Bank, Question
from question_bank.text import search_form

# bm25 weights for the columns (text, follow_ups, theme): a word in the question itself
# should beat the same word only in a follow-up, which should beat a theme-title match.
TEXT_WEIGHT = 10.0
FOLLOW_UP_WEIGHT = 3.0
THEME_WEIGHT = 1.0
_BM25 = f"bm25(fts, {TEXT_WEIGHT}, {FOLLOW_UP_WEIGHT}, {THEME_WEIGHT})"
RANKED_MATCHES = 1000
"""Queries matching more questions than this are ordered in tiers instead of by bm25."""

IndexRow = tuple[int, str, str, str]
"""(row number, question text, alternatives and follow-ups, theme title), as `_form` gives."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A matching question and where the query's words occur, for highlighting.

    `follow_up_spans[i]` belongs to `question.follow_ups[i]`. A lower `score` is a better
    match (bm25 as SQLite reports it, or minus ts_rank on PostgreSQL); it is 0 when there was
    no query, or when the query matched too many questions to rank (see `BankIndex.search`).
    """

    question: Question
    text_spans: tuple[Span, ...] = ()
    follow_up_spans: tuple[tuple[Span, ...], ...] = ()
    score: float = 0.0


class BankIndex(ABC):
    """What every search index shares: the indexed questions, numbered from 1 in bank order,
    each theme's range of those numbers, highlighting, and `search` itself. A subclass keeps
    the rows somewhere it can match them and answers `_matching_rows`. Use from one thread.
    """

    ranked_matches = RANKED_MATCHES
    """Queries matching more questions than this are ordered in tiers instead of ranked."""
    _query_errors: tuple[type[Exception], ...] = ()
    """What `_matching_rows` may raise for a query that cannot run: the search finds nothing."""

    def __init__(self) -> None:
        self._questions: list[Question] = []
        self._theme_rows: dict[str, tuple[int, int]] = {}
        self._spans = SpanFinder()

    def __len__(self) -> int:
        return len(self._questions)

    @abstractmethod
    def close(self) -> None:
        """Lets go of what the index holds; it cannot be used afterwards."""

    def _form(self, text: str) -> str:
        """The text as the index stores it."""
        return search_form(text)

    @abstractmethod
    def _replace_rows(self, rows: list[IndexRow]) -> None:
        """Make `rows` the whole index, or raise and leave the previous one in place."""

    @abstractmethod
    def _matching_rows(
        self, terms: tuple[str, ...], first: int, last: int, limit: int
    ) -> list[tuple[int, float]]:
        """(row, score) of the best `limit` matches between rows `first` and `last`, best
        first; it may raise any of `_query_errors`."""

    def rebuild(self, bank: Bank) -> None:
        """Index the bank's visible questions, replacing whatever was indexed before."""
        questions: list[Question] = []
        rows: list[IndexRow] = []
        theme_rows: dict[str, tuple[int, int]] = {}
        for theme in bank.themes:
            if theme.hidden:
                continue
            first = len(questions) + 1
            theme_title = self._form(theme.title)
            for question in theme.questions:
                if question.hidden:
                    continue
                questions.append(question)
                rows.append(
                    (
                        len(questions),
                        self._form(question.text),
                        self._form("\n".join((*question.alternatives, *question.follow_ups))),
                        theme_title,
                    )
                )
            theme_rows[theme.id] = (first, len(questions))
        self._replace_rows(rows)
        self._questions = questions
        self._theme_rows = theme_rows
        self._spans.clear()

    def search(self, query: str, theme_id: str | None = None, limit: int = 200) -> list[SearchHit]:
        """The best `limit` matches for what was typed, best first.

        Any text is accepted: it is reduced to words, never passed on as query syntax. With
        no words, every visible question is listed in bank order and `limit` is not applied.
        An unknown `theme_id` finds nothing. A query matching more than `ranked_matches`
        questions (a letter or two) lists those whose own text matches first, then the
        others, each in bank order, because ranking them all would be too slow to type with.
        """
        first, last = 1, len(self._questions)
        if theme_id is not None:
            if theme_id not in self._theme_rows:
                return []
            first, last = self._theme_rows[theme_id]
        terms = query_terms(query)
        if not terms:
            return [SearchHit(question) for question in self._questions[first - 1 : last]]
        if limit <= 0 or first > last:
            return []
        try:
            rows = self._matching_rows(terms, first, last, limit)
        except self._query_errors:
            # Terms are quoted words, so this should not happen; a search box must not crash.
            return []
        pattern = term_pattern(terms)
        hits: list[SearchHit] = []
        for rowid, score in rows:
            question = self._questions[rowid - 1]
            text_spans, follow_up_spans = self._spans.question_spans(rowid, question, pattern)
            hits.append(SearchHit(question, text_spans, follow_up_spans, score))
        return hits


class SearchIndex(BankIndex):
    """Full-text search over the visible questions of a bank, in memory (SQLite FTS5)."""

    _query_errors = (sqlite3.OperationalError,)

    def __init__(self, bank: Bank | None = None) -> None:
        super().__init__()
        self._connection = sqlite3.connect(":memory:")
        self._create_table()
        if bank is not None:
            self.rebuild(bank)

    def _create_table(self) -> None:
        self._connection.execute(
            "CREATE VIRTUAL TABLE fts USING fts5("
            "text, follow_ups, theme, tokenize = 'unicode61 remove_diacritics 2', "
            "prefix = '1 2 3')"
        )

    def close(self) -> None:
        self._connection.close()

    def _replace_rows(self, rows: list[IndexRow]) -> None:
        with self._connection:
            # Dropping the table is much faster than deleting thousands of indexed rows.
            self._connection.execute("DROP TABLE IF EXISTS fts")
            self._create_table()
            self._connection.executemany(
                "INSERT INTO fts(rowid, text, follow_ups, theme) VALUES (?, ?, ?, ?)", rows
            )

    def _matching_rows(
        self, terms: tuple[str, ...], first: int, last: int, limit: int
    ) -> list[tuple[int, float]]:
        # bm25 costs a few microseconds per matching row, so ranking the thousands of rows
        # that the first letter or two of a query match would take tens of milliseconds per
        # keystroke. Such broad queries are ordered in two cheap tiers instead: questions
        # whose own text holds every term, then the rest, each in bank order.
        expression = fts_expression(terms)
        execute = self._connection.execute
        in_range = "rowid BETWEEN ? AND ?"
        matched = execute(
            f"SELECT count(*) FROM (SELECT 1 FROM fts WHERE fts MATCH ? AND {in_range} LIMIT ?)",
            (expression, first, last, self.ranked_matches + 1),
        ).fetchone()[0]
        if matched <= self.ranked_matches:
            return execute(
                f"SELECT rowid, {_BM25} AS score FROM fts WHERE fts MATCH ? AND {in_range} "
                "ORDER BY score LIMIT ?",
                (expression, first, last, limit),
            ).fetchall()
        in_text = [
            rowid
            for (rowid,) in execute(
                f"SELECT rowid FROM fts WHERE fts MATCH ? AND {in_range} ORDER BY rowid LIMIT ?",
                (f"{{text}} : ({expression})", first, last, limit),
            )
        ]
        rows = [(rowid, 0.0) for rowid in in_text]
        if len(rows) < limit:
            seen = set(in_text)
            for (rowid,) in execute(
                f"SELECT rowid FROM fts WHERE fts MATCH ? AND {in_range} ORDER BY rowid LIMIT ?",
                (expression, first, last, limit + len(in_text)),
            ):
                if rowid not in seen:
                    rows.append((rowid, 0.0))
                    if len(rows) == limit:
                        break
        return rows
