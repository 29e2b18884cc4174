"""Reading bank files: a good file gives a Bank, a bad one a BankFormatError that says where."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank import Bank, BankFormatError, Scale, parse_bank
from question_bank.errors import MAX_QUESTIONS
from question_bank.schema import bank_from_document
from tests.bank.conftest import TINY_BANK


def tiny_with(old: str, new: str) -> str:
    assert old in TINY_BANK
    return TINY_BANK.replace(old, new, 1)


def bank_or_error(data: str | bytes) -> Bank | BankFormatError:
    try:
        return parse_bank(data, "fuzz.toml")
    except BankFormatError as error:
        return error


def rejection(text: str | bytes) -> BankFormatError:
    with pytest.raises(BankFormatError) as caught:
        parse_bank(text, "tiny.toml")
    return caught.value


def test_a_good_file_gives_the_whole_bank(tiny_bank: Bank) -> None:
    assert tiny_bank.id == "tiny"
    assert [theme.id for theme in tiny_bank.themes] == ["budget", "workforce", "balcony"]
    assert [theme.section for theme in tiny_bank.themes] == ["signatures", "signatures", "balcony"]
    budget_02 = tiny_bank.question("budget-02")
    assert budget_02.theme_id == "budget"
    assert budget_02.scale == Scale("not confident at all", "very confident")
    assert budget_02.origin == "handbook"
    assert tiny_bank.question("balcony-01").follow_ups == ()
    assert [q.id for q in tiny_bank.all_questions()] == [
        "budget-01",
        "budget-02",
        "workforce-01",
        "balcony-01",
    ]
    assert tiny_bank.find_question("nope") is None
    assert tiny_bank.find_theme("workforce") is tiny_bank.themes[1]


def test_a_byte_order_mark_is_accepted() -> None:
    assert parse_bank(b"\xef\xbb\xbf" + TINY_BANK.encode(), "tiny.toml").id == "tiny"


def test_the_message_names_file_place_and_remedy() -> None:
    error = rejection(tiny_with('text = "How confident', 'text = "  "\nnote = "How confident'))
    assert error.source == "tiny.toml"
    assert error.place == "themes[0].questions[1].text"
    assert str(error) == (
        "tiny.toml: themes[0].questions[1].text: the question is empty. "
        "Give every question some text."
    )
    assert isinstance(error, ValueError)


@pytest.mark.parametrize(
    ("text", "place", "words"),
    [
        pytest.param(
            tiny_with('title = "Tiny bank"', "title = "),
            "line 4, column 9",
            ["not valid TOML"],
            id="not-toml",
        ),
        pytest.param(
            tiny_with('[[themes]]\nid = "workforce"', '[themes]\nid = "workforce"'),
            "line 22, column 8",
            ["not valid TOML"],
            id="table-clash",
        ),
        pytest.param("", "", ["empty"], id="empty"),
        pytest.param(
            tiny_with('format = "balcony-question-bank"', 'format = "anki-deck"'),
            "format",
            ['found "anki-deck"', "not a Balcony question bank"],
            id="wrong-format",
        ),
        pytest.param(
            tiny_with('format = "balcony-question-bank"\n', ""),
            "format",
            ['no "format"'],
            id="no-format",
        ),
        pytest.param(
            tiny_with("version = 1", "version = 2"),
            "version",
            ["version 2", "reads version 1 only", "Update Balcony"],
            id="newer-version",
        ),
        pytest.param(
            tiny_with("version = 1", "version = 0"),
            "version",
            ["0 is not a known version", "version 1"],
            id="unknown-version",
        ),
        pytest.param(
            tiny_with("version = 1", 'version = "1"'),
            "version",
            ["expected a whole number, found text"],
            id="version-as-text",
        ),
        pytest.param(tiny_with("version = 1\n", ""), "version", ['no "version"'], id="no-version"),
        pytest.param(
            tiny_with('title = "Workforce"\n', ""),
            "themes[1].title",
            ['the theme has no "title"'],
            id="no-theme-title",
        ),
        pytest.param(
            tiny_with('id = "budget-01"\n', ""),
            "themes[0].questions[0].id",
            ['the question has no "id"'],
            id="no-question-id",
        ),
        pytest.param(
            tiny_with('text = "Is the budget for your service under or overspent?"', "text = 42"),
            "themes[0].questions[0].text",
            ["expected text, found a whole number (42)"],
            id="number-for-text",
        ),
        pytest.param(
            tiny_with(
                'follow_ups = ["What is the narrative from the corporate centre?"]',
                'follow_ups = "What is the narrative?"',
            ),
            "themes[0].questions[0].follow_ups",
            ["expected a list of text, found text"],
            id="follow-ups-not-a-list",
        ),
        pytest.param(
            tiny_with('["What are you doing about this?", ', '["What are you doing?", " ", '),
            "themes[1].questions[0].follow_ups[1]",
            ["follow-up is empty"],
            id="empty-follow-up",
        ),
        pytest.param(
            tiny_with('id = "balcony"\n', 'id = "budget"\n'),
            "themes[2].id",
            ['theme id "budget" is already used by themes[0]', "its own id"],
            id="duplicate-theme",
        ),
        pytest.param(
            tiny_with('id = "workforce-01"', 'id = "budget-02"'),
            "themes[1].questions[0].id",
            ['question id "budget-02" is already used by themes[0].questions[1]'],
            id="duplicate-question",
        ),
        pytest.param(
            tiny_with('id = "workforce-01"', 'id = "budget"'),
            "themes[1].questions[0].id",
            ['"budget" is already used by the theme themes[0]', "different ids"],
            id="question-id-is-a-theme-id",
        ),
        pytest.param(
            tiny_with('id = "workforce-01"', 'id = "workforce 01"'),
            "themes[1].questions[0].id",
            ['"workforce 01" cannot be used as an id'],
            id="bad-id",
        ),
        pytest.param(
            tiny_with('title = "Workforce"', 'title = ""'),
            "themes[1].title",
            ["title is empty"],
            id="empty-theme-title",
        ),
        pytest.param(
            tiny_with('title = "Tiny bank"', 'title = " "'),
            "title",
            ["title is empty"],
            id="empty-bank-title",
        ),
        pytest.param(
            tiny_with('section = "balcony"', 'section = "sigs"'),
            "themes[2].section",
            ['"sigs" is not a section', '"signatures", "balcony" or "plenary"'],
            id="unknown-section",
        ),
        pytest.param(
            tiny_with(', high = "very confident"', ""),
            "themes[0].questions[1].scale.high",
            ["no high (10) anchor", "both ends"],
            id="scale-without-high",
        ),
        pytest.param(
            tiny_with('low = "not confident at all"', 'low = ""'),
            "themes[0].questions[1].scale.low",
            ["low (0) end of the scale has no words"],
            id="scale-with-empty-low",
        ),
        pytest.param(
            tiny_with(
                'scale = { low = "not confident at all", high = "very confident" }', "scale = 10"
            ),
            "themes[0].questions[1].scale",
            ["expected a table", "found a whole number (10)"],
            id="scale-not-a-table",
        ),
        pytest.param(
            tiny_with("follow_ups = [", "follow_up = ["),
            "themes[0].questions[0].follow_up",
            ['unknown key "follow_up"', 'Did you mean "follow_ups"?'],
            id="misspelt-key",
        ),
        pytest.param(
            tiny_with('id = "tiny"', 'id = "tiny"\nthemes = "none"'),
            "line 7, column 9",
            ["not valid TOML"],
            id="themes-twice",
        ),
        pytest.param(
            'format = "balcony-question-bank"\nversion = 1\nid = "x"\ntitle = "X"\nthemes = [1]\n',
            "themes[0]",
            ["expected a table ([[themes]]), found a whole number (1)"],
            id="theme-not-a-table",
        ),
        pytest.param(
            "x = " + "[" * 3000 + "]" * 3000,
            "",
            ["nests", "too deeply"],
            id="deep-nesting",
        ),
        pytest.param(
            tiny_with('id = "tiny"', 'id = "tiny"\nwhen = 2024-05-01'),
            "when",
            ['unknown key "when"'],
            id="unknown-top-level-key",
        ),
    ],
)
def test_each_kind_of_bad_file_is_rejected_precisely(
    text: str, place: str, words: list[str]
) -> None:
    error = rejection(text)
    assert error.place == place
    for word in words:
        assert word in error.problem


def test_bad_utf8_says_where() -> None:
    data = tiny_with("Workforce", "Caf\xe9").encode("latin-1", errors="replace")
    error = rejection(data.replace(b"?", b"'"))
    assert error.place == "line 24, column 13"
    assert "not UTF-8" in error.problem
    assert "0xE9" in error.problem


def test_text_with_a_lone_surrogate_is_rejected() -> None:
    error = rejection(tiny_with("Workforce", "Work\ud800force"))
    assert error.place == "line 24, column 14"
    assert "not valid Unicode" in error.problem


def test_a_file_over_five_megabytes_is_rejected_before_parsing() -> None:
    error = rejection(TINY_BANK + "#" * 5_000_001)
    assert error.place == ""
    assert "at most 5 MB" in error.problem


def test_more_than_fifty_thousand_questions_are_rejected() -> None:
    questions = [{"id": f"q{n}", "text": "?"} for n in range(MAX_QUESTIONS + 1)]
    document = {
        "format": "balcony-question-bank",
        "version": 1,
        "id": "huge",
        "title": "Huge",
        "themes": [{"id": "t", "title": "T", "section": "signatures", "questions": questions}],
    }
    with pytest.raises(BankFormatError) as caught:
        bank_from_document(document, "huge.toml", "user")
    assert caught.value.place == "themes"
    assert "at most 50,000" in caught.value.problem


def test_optional_keys_may_be_left_out() -> None:
    bank = parse_bank(
        'format = "balcony-question-bank"\nversion = 1\nid = "x"\ntitle = "X"\n'
        '[[themes]]\nid = "t"\ntitle = "T"\nsection = "plenary"\n'
        '[[themes.questions]]\nid = "q"\ntext = "Why?"\n'
    )
    question = bank.question("q")
    assert (question.follow_ups, question.scale, question.note) == ((), None, "")
    assert (bank.source, bank.corrections, bank.themes[0].description) == ("", (), "")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_bytes_give_a_bank_or_a_format_error(data: bytes) -> None:
    outcome = bank_or_error(data)
    if isinstance(outcome, BankFormatError):
        assert outcome.source == "fuzz.toml"
        assert outcome.problem
    else:
        assert isinstance(outcome, Bank)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_damaged_banks_give_a_bank_or_a_format_error(data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(TINY_BANK)))
    end = data.draw(st.integers(start, min(len(TINY_BANK), start + 40)))
    insert = data.draw(st.text(alphabet='"[]={},.\n #xyz0 \\', max_size=6))
    outcome = bank_or_error(TINY_BANK[:start] + insert + TINY_BANK[end:])
    if isinstance(outcome, BankFormatError):
        assert outcome.problem.endswith((".", "?"))
    else:
        assert isinstance(outcome, Bank)
