"""A corpus of broken bank files, each rejected with a BankFormatError at the right place.

The files in tests/bank/corpus/ are kept as files (not built in the test) so that encodings,
byte-order and line endings are exactly what a facilitator's editor or Excel would produce.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from question_bank import BankFormatError, read_bank_file

CORPUS = Path(__file__).parent / "corpus"

EXPECTED_PLACES = {
    "bad_scale.csv": "row 2, column C (scale)",
    "binary.toml": "line 2, column 118",
    "date_for_title.toml": "title",
    "deep_nesting.toml": "",
    "duplicate_column.csv": "row 1, column C (Question)",
    "duplicate_id.csv": "row 3, column A (id)",
    "duplicate_question_id.toml": "themes[2].questions[0].id",
    "duplicate_theme_id.toml": "themes[2].id",
    "empty.toml": "",
    "empty_question.csv": "row 3, column B (question)",
    "empty_question.toml": "themes[2].questions[0].text",
    "empty_theme.csv": "row 2, column A (theme)",
    "future_version.toml": "version",
    "latin1.csv": "line 2, column 18",
    "latin1.toml": "line 24, column 29",
    "missing_field.toml": "themes[1].section",
    "missing_question_column.csv": "row 1",
    "no_extension_bank": "version",
    "not_toml.toml": "line 1, column 11",
    "number_for_text.toml": "themes[0].questions[0].text",
    "only_blank_lines.csv": "",
    "scale_with_empty_anchor.toml": "themes[0].questions[1].scale.high",
    "scale_without_high.toml": "themes[0].questions[1].scale.high",
    "themes_not_a_list.toml": "themes",
    "typo_in_key.toml": "themes[1].questions[0].followups",
    "unclosed_string.toml": "line 8, column 16",
    "unknown_section.toml": "themes[2].section",
    "wrong_format.toml": "format",
}


def test_every_corpus_file_has_an_expected_place() -> None:
    assert sorted(path.name for path in CORPUS.iterdir()) == sorted(EXPECTED_PLACES)


@pytest.mark.parametrize("name", sorted(EXPECTED_PLACES))
def test_each_broken_file_is_rejected_where_it_is_broken(name: str) -> None:
    with pytest.raises(BankFormatError) as caught:
        read_bank_file(CORPUS / name)
    error = caught.value
    assert error.source == name
    assert error.place == EXPECTED_PLACES[name]
    assert str(error).startswith(f"{name}: ")
    assert error.problem.endswith((".", "?"))
