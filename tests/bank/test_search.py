"""Searching as the facilitator types: prefixes, ranking, theme filter, safe input, spans."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank import (
    Bank,
    BankIndex,
    Question,
    SearchHit,
    SearchIndex,
    ServerSearchIndex,
    Theme,
    make_search_index,
    parse_bank,
)
from question_bank.highlight import SpanFinder, fts_expression, query_terms, term_pattern
from question_bank.text import fold
from tests.bank.conftest import TINY_BANK, make_engine

POSTGRES = "BALCONY_TEST_POSTGRES"
KINDS = ["sqlite", "postgresql"]
MakeIndex = Callable[[Bank | None], BankIndex]


def postgres_url() -> str:
    """The test server's address for SQLAlchemy, or skip the test when there is none."""
    address = os.environ.get(POSTGRES)
    if not address:
        pytest.skip(f"{POSTGRES} is not set, so there is no PostgreSQL server to search on")
    return address.replace("postgresql://", "postgresql+psycopg://", 1)


@pytest.fixture(scope="session")
def postgres_engine() -> Iterator[sa.Engine]:
    engine = sa.create_engine(postgres_url())
    yield engine
    engine.dispose()


def index_maker(kind: str, request: pytest.FixtureRequest) -> tuple[MakeIndex, list[BankIndex]]:
    made: list[BankIndex] = []
    engine = request.getfixturevalue("postgres_engine") if kind == "postgresql" else None

    def make(bank: Bank | None = None) -> BankIndex:
        index = ServerSearchIndex(bank, engine=engine) if engine else SearchIndex(bank)
        made.append(index)
        return index

    return make, made


@pytest.fixture(params=KINDS)
def make_index(request: pytest.FixtureRequest) -> Iterator[MakeIndex]:
    """Makes search indexes of one kind, the SQLite one or the server one, closed after."""
    make, made = index_maker(request.param, request)
    yield make
    for index in made:
        index.close()


def question(qid: str, theme: str, text: str, *follow_ups: str) -> Question:
    return Question(id=qid, theme_id=theme, text=text, follow_ups=follow_ups)


SEARCH_BANK = Bank(
    id="s",
    title="Search bank",
    themes=(
        Theme(
            id="budget",
            title="Budget",
            section="signatures",
            questions=(
                question("b1", "budget", "Is the budget for your service under or overspent?"),
                question(
                    "b2",
                    "budget",
                    "How confident are you about improvement?",
                    "What did the budget setting tell you?",
                ),
            ),
        ),
        Theme(
            id="voice",
            title="Children’s voice",
            section="signatures",
            questions=(
                question(
                    "v1",
                    "voice",
                    "What evidence is there of children’s and parent/carer’s voice?",
                    "Where is the café for young people?",
                ),
                question("v2", "voice", "Which ÉCOLE naïve coöperation works? Straße"),
                question("v3", "voice", "Who hears the budget concerns of young people?"),
            ),
        ),
        Theme(
            id="hidden-theme",
            title="Hidden",
            section="balcony",
            hidden=True,
            questions=(question("h1", "hidden-theme", "A budget question nobody sees"),),
        ),
    ),
)


@pytest.fixture
def index(make_index: MakeIndex) -> BankIndex:
    return make_index(SEARCH_BANK)


@pytest.fixture(scope="module", params=KINDS)
def shared_index(request: pytest.FixtureRequest) -> Iterator[BankIndex]:
    """One index of each kind for the property tests, which run many examples."""
    make, made = index_maker(request.param, request)
    yield make(SEARCH_BANK)
    made[0].close()


def ids(hits: list[SearchHit]) -> list[str]:
    return [hit.question.id for hit in hits]


def highlighted(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_a_word_prefix_finds_the_questions_with_that_word(index: BankIndex) -> None:
    assert set(ids(index.search("budg"))) == {"b1", "b2", "v3"}
    assert ids(index.search("overs")) == ["b1"]
    assert ids(index.search("BUDGET overspent")) == ["b1"]


def test_a_word_in_the_question_beats_the_same_word_in_a_follow_up(index: BankIndex) -> None:
    hits = ids(index.search("budget"))
    assert hits.index("b1") < hits.index("b2")
    assert hits.index("v3") < hits.index("b2")


def test_the_theme_filter_keeps_one_theme(index: BankIndex) -> None:
    assert ids(index.search("budget", theme_id="voice")) == ["v3"]
    assert ids(index.search("", theme_id="budget")) == ["b1", "b2"]
    assert index.search("budget", theme_id="no-such-theme") == []


def test_an_empty_query_lists_every_visible_question_in_bank_order(index: BankIndex) -> None:
    assert ids(index.search("")) == ["b1", "b2", "v1", "v2", "v3"]
    assert ids(index.search("  ?! ")) == ids(index.search(""))
    assert len(index) == 5


def test_hidden_themes_and_questions_are_not_found(make_index: MakeIndex) -> None:
    bank = Bank(
        id="x",
        title="X",
        themes=(
            Theme(
                id="t",
                title="T",
                section="signatures",
                questions=(
                    question("shown", "t", "budget shown"),
                    Question(id="gone", theme_id="t", text="budget gone", hidden=True),
                ),
            ),
        ),
    )
    index = make_index(bank)
    assert ids(index.search("budget")) == ["shown"]
    assert ids(make_index(SEARCH_BANK).search("nobody")) == []


def test_the_theme_title_matches_too(index: BankIndex) -> None:
    assert set(ids(index.search("childrens voice"))) == {"v1", "v2", "v3"}


def test_the_limit_caps_text_searches(index: BankIndex) -> None:
    assert len(index.search("budget", limit=1)) == 1
    assert index.search("budget", limit=0) == []


def test_accents_case_and_apostrophes_do_not_matter(index: BankIndex) -> None:
    assert ids(index.search("ecole")) == ["v2"]
    assert ids(index.search("Naive cooperation")) == ["v2"]
    assert ids(index.search("café")) == ["v1"]
    for typed in ("childrens", "children's", "children’s", "CHILDREN"):
        assert "v1" in ids(index.search(typed, theme_id="voice")), typed


def test_spans_mark_exactly_the_matching_prefixes(index: BankIndex) -> None:
    (hit,) = index.search("budg overs")
    assert highlighted(hit.question.text, hit.text_spans) == ["budg", "overs"]
    assert hit.text_spans == ((7, 11), (40, 45))
    assert hit.question.text.index("overspent") == 40

    (b2,) = [h for h in index.search("budget") if h.question.id == "b2"]
    assert b2.text_spans == ()
    assert highlighted(b2.question.follow_ups[0], b2.follow_up_spans[0]) == ["budget"]


def test_spans_survive_accents_and_curly_apostrophes(index: BankIndex) -> None:
    (hit,) = index.search("childrens carers cafe", theme_id="voice")
    text = hit.question.text
    assert highlighted(text, hit.text_spans) == ["children’s", "carer’s"]
    assert highlighted(hit.question.follow_ups[0], hit.follow_up_spans[0]) == ["café"]

    hit = index.search("children", theme_id="voice")[0]
    assert hit.question.id == "v1"
    assert highlighted(hit.question.text, hit.text_spans) == ["children"]

    (hit,) = index.search("ÉCO coop NAÏ")
    assert highlighted(hit.question.text, hit.text_spans) == ["ÉCO", "naï", "coöp"]


def test_spans_map_back_through_expanding_and_decomposed_characters(
    make_index: MakeIndex,
) -> None:
    bank = Bank(
        id="x",
        title="X",
        themes=(
            Theme(
                id="t",
                title="T",
                section="signatures",
                questions=(question("q", "t", "Straße, cafe\u0301 and LA’s offer"),),
            ),
        ),
    )
    (hit,) = make_index(bank).search("cafe las")
    text = hit.question.text
    assert highlighted(text, hit.text_spans) == ["cafe\u0301", "LA’s"]


@pytest.mark.parametrize(
    "typed",
    [
        '"',
        '"budget',
        "budget*",
        "*",
        "-budget",
        "budget -",
        "AND",
        "budget AND",
        "OR NOT",
        "NEAR(budget service)",
        "(((",
        "budget)",
        "text:budget",
        "{text}: budget",
        "^budget",
        "budget + service",
        "🙂",
        "budget 🙂 service",
        "\x00",
        "'; DROP TABLE fts; --",
        "b" * 5000,
        " ".join(["budget"] * 500),
        "budget':* | !'",
        "'budget' & !'service'",
        "budget\\",
        "\\'budget",
        "budget:*A <-> service",
        "&|!:*()<>",
        "!@#$%^&*()_+-=[]{};:'\",./<>?`~\\|",
        "'; DROP TABLE pg_temp.balcony_search_1; --",
        " ".join(f"w{n}" for n in range(2000)),
    ],
)
def test_hostile_queries_never_raise(index: BankIndex, typed: str) -> None:
    hits = index.search(typed)
    # Whatever was typed counts only by its words.
    assert ids(hits) == ids(index.search(" ".join(query_terms(typed))))
    assert len(index) == 5


@settings(max_examples=200, deadline=None)
@given(typed=st.text(max_size=40))
def test_any_typed_text_gives_a_list(shared_index: BankIndex, typed: str) -> None:
    hits = shared_index.search(typed)
    for hit in hits:
        for start, end in hit.text_spans:
            assert 0 <= start < end <= len(hit.question.text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_the_match_expression_is_always_valid_fts(typed: str) -> None:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE f USING fts5(a)")
    terms = query_terms(typed)
    if terms:
        connection.execute("SELECT * FROM f WHERE f MATCH ?", (fts_expression(terms),))


def test_rebuild_replaces_the_indexed_bank(index: BankIndex) -> None:
    index.rebuild(parse_bank(TINY_BANK))
    assert ids(index.search("budget")) == ["budget-01", "budget-02"]
    assert ids(index.search("overspent")) == ["budget-01"]
    assert index.search("café") == []


_TRICKY = st.text(alphabet="abcsSÉéeß’'- \u0301ﬁİ", min_size=1, max_size=30)


@settings(max_examples=150, deadline=None)
@given(_TRICKY.filter(lambda text: text.strip() != ""), st.text(alphabet="abcseé’ß", max_size=4))
def test_every_span_covers_a_matching_word_start(text: str, typed: str) -> None:
    terms = query_terms(typed)
    if not terms:
        return
    folded_terms = [fold(term).text for term in terms]
    (spans, _) = SpanFinder().question_spans(1, question("q", "t", text), term_pattern(terms))
    for start, end in spans:
        covered = fold(text[start:end]).text
        assert any(covered.startswith(term) for term in folded_terms), (text, typed, start, end)
        assert start == 0 or not fold(text[start - 1]).text.isalnum() or text[start - 1] in "’'"


def test_broad_queries_list_own_text_matches_first_each_in_bank_order(
    make_index: MakeIndex,
) -> None:
    bank = Bank(
        id="x",
        title="X",
        themes=(
            Theme(
                id="t",
                title="T",
                section="signatures",
                questions=(
                    question("weak", "t", "Alpha beta gamma delta epsilon budget zeta eta"),
                    question("follow", "t", "Nothing here", "What of the budget?"),
                    question("strong", "t", "Budget, budget, budget"),
                ),
            ),
        ),
    )
    index = make_index(bank)
    assert ids(index.search("budget")) == ["strong", "weak", "follow"]  # ranked
    index.ranked_matches = 2  # three matches are now too many to rank
    hits = index.search("budget")
    assert ids(hits) == ["weak", "strong", "follow"]
    assert {hit.score for hit in hits} == {0.0}
    assert ids(index.search("budget", limit=2)) == ["weak", "strong"]
    assert ids(index.search("budget", theme_id="t", limit=1)) == ["weak"]


def test_the_factory_searches_in_memory_without_postgresql() -> None:
    assert type(make_search_index(SEARCH_BANK, None)) is SearchIndex
    sqlite_engine = make_engine()
    try:
        index = make_search_index(SEARCH_BANK, sqlite_engine)
        assert type(index) is SearchIndex
        assert ids(index.search("overs")) == ["b1"]
    finally:
        sqlite_engine.dispose()
