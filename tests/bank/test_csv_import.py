"""Spreadsheets of questions: what Excel and other tools really save, read into a Bank."""

from __future__ import annotations

import codecs
import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank import Bank, BankFormatError, Scale, parse_csv

SHEET = (
    "Theme,Question,Follow-ups,Scale,Owner\r\n"
    'Budget,Is the budget overspent?,"Was it known?\nWhat did you say?",,Sam\r\n'
    "Budget,How confident are you in the budget?,Why? | What would help?,"
    "not confident at all | very confident,Sam\r\n"
    "Children’s voice,How do children shape services?,,yes,\r\n"
)


def bank_or_error(data: str | bytes) -> Bank | BankFormatError:
    try:
        return parse_csv(data, "fuzz.csv")
    except BankFormatError as error:
        return error


def rejection(data: str | bytes, name: str = "sheet.csv") -> BankFormatError:
    with pytest.raises(BankFormatError) as caught:
        parse_csv(data, name)
    return caught.value


def test_a_sheet_becomes_themes_and_questions_in_first_seen_order() -> None:
    bank = parse_csv(SHEET, "My questions.csv")
    assert (bank.id, bank.title) == ("my-questions", "Questions from My questions.csv")
    assert [(t.id, t.title, t.section) for t in bank.themes] == [
        ("budget", "Budget", "signatures"),
        ("childrens-voice", "Children’s voice", "signatures"),
    ]
    first, second = bank.themes[0].questions
    assert first.id == "budget-csv-01"
    assert first.follow_ups == ("Was it known?", "What did you say?")
    assert first.scale is None
    assert second.id == "budget-csv-02"
    assert second.follow_ups == ("Why?", "What would help?")
    assert second.scale == Scale("not confident at all", "very confident")
    voice = bank.themes[1].questions[0]
    assert (voice.id, voice.scale, voice.origin) == (
        "childrens-voice-csv-01",
        Scale("0", "10"),
        "user",
    )


def test_the_same_sheet_gives_the_same_ids() -> None:
    assert parse_csv(SHEET) == parse_csv(SHEET)


def test_columns_are_found_in_any_order_and_case_and_extras_are_ignored() -> None:
    bank = parse_csv("NOTES,scale,QUESTION,Comments,THEME\nkeep this,,Why?,x,Budget\n")
    question = bank.question("budget-csv-01")
    assert (question.text, question.note, question.follow_ups) == ("Why?", "keep this", ())


def test_an_id_column_gives_the_ids_and_a_section_column_the_sections() -> None:
    bank = parse_csv(
        "id,theme,question,section\n"
        "b1,Budget,Is it overspent?,\n"
        ",Budget,Who knew?,\n"
        "p1,Plenary,What will you take back?,plenary\n"
    )
    assert [q.id for q in bank.all_questions()] == ["b1", "budget-csv-02", "p1"]
    assert bank.theme("plenary").section == "plenary"


def test_excel_byte_order_mark_is_ignored() -> None:
    bank = parse_csv(codecs.BOM_UTF8 + SHEET.encode("utf-8"))
    assert bank.themes[0].title == "Budget"


def test_excel_unicode_text_utf16_with_tabs_is_read() -> None:
    text = "theme\tquestion\nBudget\tIs the café budget overspent?\n"
    bank = parse_csv(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert bank.question("budget-csv-01").text == "Is the café budget overspent?"


def test_semicolons_from_european_excel_are_understood() -> None:
    bank = parse_csv("theme;question;scale\nBudget;Why, and how?;yes\n")
    assert bank.question("budget-csv-01").text == "Why, and how?"


def test_blank_rows_are_skipped_but_still_counted() -> None:
    error = rejection("\ntheme,question\n\n,,\nBudget,\n")
    assert error.place == "row 5, column B (question)"


def test_a_missing_column_is_named() -> None:
    error = rejection("Theme,Text,Follow-ups\nBudget,Why?,\n")
    assert error.place == "row 1"
    assert 'there is no "question" column' in error.problem


def test_a_file_that_is_not_utf8_says_how_to_save_it() -> None:
    error = rejection("theme,question\nBudget,Is the caf\xe9 budget overspent?\n".encode("cp1252"))
    assert error.place == "line 2, column 18"
    assert "not UTF-8" in error.problem
    assert "CSV UTF-8" in error.problem


@pytest.mark.parametrize(
    ("sheet", "place", "words"),
    [
        (
            "theme,question,scale\nBudget,Why?,1 | 2 | 3\n",
            "row 2, column C (scale)",
            ['"1 | 2 | 3" is not a scale'],
        ),
        ("theme,question,scale\nBudget,Why?,| high\n", "row 2, column C (scale)", ["low | high"]),
        ("theme,question\n  ,Why?\n", "row 2, column A (theme)", ["theme is empty"]),
        (
            "id,theme,question\nbad id,Budget,Why?\n",
            "row 2, column A (id)",
            ["cannot be used as an id"],
        ),
        (
            "id,theme,question\nbudget,Budget,Why?\n",
            "",
            ['"budget" names both a theme and a question'],
        ),
        (
            "theme,question,section\nBudget,Why?,balcony\nBudget,How?,plenary\n",
            "row 3, column C (section)",
            ['"Budget" is in section "balcony" on row 2'],
        ),
        (
            "theme,question,section\nBudget,Why?,lunch\n",
            "row 2, column C (section)",
            ['"lunch" is not a section'],
        ),
    ],
)
def test_bad_cells_are_named_by_row_and_column(sheet: str, place: str, words: list[str]) -> None:
    error = rejection(sheet)
    assert error.place == place
    for word in words:
        assert word in error.problem


def test_an_unclosed_quote_runs_to_the_end_of_the_file() -> None:
    bank = parse_csv('theme,question\nBudget,"Why?\nBudget,How?\n')
    assert bank.question("budget-csv-01").text == "Why?\nBudget,How?"


def test_scale_words_yes_and_no() -> None:
    bank = parse_csv("theme,question,scale\nT,A?,Yes\nT,B?,no\nT,C?,\n")
    assert [q.scale for q in bank.all_questions()] == [Scale("0", "10"), None, None]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200))
def test_anything_gives_a_bank_or_a_format_error(data: bytes | str) -> None:
    outcome = bank_or_error(data)
    if isinstance(outcome, BankFormatError):
        assert outcome.source == "fuzz.csv"
    else:
        assert isinstance(outcome, Bank)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), max_size=6), max_size=6))
def test_any_table_under_a_good_header_gives_a_bank_or_a_format_error(
    rows: list[list[str]],
) -> None:
    out = io.StringIO()
    csv.writer(out).writerows([["id", "theme", "question", "follow-ups", "scale"], *rows])
    outcome = bank_or_error(out.getvalue())
    if isinstance(outcome, BankFormatError):
        assert outcome.place.startswith(("row", "line")) or outcome.place == ""
    else:
        ids = [q.id for q in outcome.all_questions()]
        assert len(ids) == len(set(ids))
