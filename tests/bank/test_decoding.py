"""One decoder for every imported file: what Excel and editors save is read, the rest refused."""

from __future__ import annotations

import codecs

import pytest

from question_bank.decoding import UndecodableError, decode_text

TEXT = "theme,question\nBudget,Is the café budget overspent?\n"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(TEXT.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), id="utf-8 with a byte-order mark"),
        pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), id="utf-16-le with a mark"),
        pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), id="utf-16-be with a mark"),
        pytest.param(TEXT.encode("utf-16-le"), id="utf-16-le without a mark"),
        pytest.param(TEXT.encode("utf-16-be"), id="utf-16-be without a mark"),
    ],
)
def test_utf8_and_utf16_read_the_same_text_without_a_byte_order_mark(data: bytes) -> None:
    assert decode_text(data) == TEXT


def test_windows_1252_is_refused_at_its_first_unreadable_byte() -> None:
    with pytest.raises(UndecodableError) as caught:
        decode_text(TEXT.encode("cp1252"))

    error = caught.value
    assert (error.encoding, error.byte, error.line, error.column) == ("UTF-8", 0xE9, 2, 18)


def test_a_damaged_utf16_file_is_refused_where_it_breaks() -> None:
    data = codecs.BOM_UTF16_LE + "ab\ncd".encode("utf-16-le") + b"\x00\xdc"  # a lone surrogate

    with pytest.raises(UndecodableError) as caught:
        decode_text(data)

    assert (caught.value.encoding, caught.value.line, caught.value.column) == ("UTF-16", 2, 3)


def test_a_stray_zero_byte_does_not_make_a_file_utf16() -> None:
    assert decode_text(b"\x00" + TEXT.encode("utf-8")) == "\x00" + TEXT
