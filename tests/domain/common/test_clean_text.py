"""Text that enters Balcony is made safe for Word, and names kept short enough for titles."""

from __future__ import annotations

import io

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.common.clean_text import (
    NAME_LIMIT,
    TextFieldError,
    field_text,
    single_line,
    word_safe,
)


def test_control_characters_and_nul_are_dropped_but_tabs_and_lines_kept() -> None:
    assert word_safe("a\x00b\x07c\td\ne\r\nf\x1b") == "abc\td\ne\nf"


def test_a_single_line_field_loses_its_breaks_and_extra_blanks() -> None:
    assert single_line("  Ash\u2028vale\n\tCouncil \x0b ") == "Ash vale Council"


def test_a_field_too_long_names_itself_and_the_limit() -> None:
    with pytest.raises(TextFieldError, match=r"Authority name is 230 characters.*at most 120"):
        field_text("x" * 230, "Authority name")
    assert field_text("x" * NAME_LIMIT, "Authority name") == "x" * NAME_LIMIT


def test_a_required_field_may_not_be_blank() -> None:
    with pytest.raises(TextFieldError, match="Venue is empty"):
        field_text(" \x00 ", "Venue", required=True)


@given(st.text())
def test_whatever_is_typed_word_can_hold_once_cleaned(text: str) -> None:
    document = docx.Document()
    document.add_paragraph(word_safe(text))  # python-docx refuses what XML cannot hold
    document.save(io.BytesIO())
