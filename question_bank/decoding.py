"""Turn the bytes of an imported file into text, or say plainly why and where that failed.

One decoder for every file Balcony imports (question banks, schedules): it lives in the
lowest layer so that the bank and the domain read the same bytes the same way.
"""

from __future__ import annotations

import codecs

from question_bank.errors import MAX_FILE_BYTES, BankFormatError

# How much of a file is looked at to recognise UTF-16 saved without a byte-order mark.
_SAMPLE_BYTES = 4096


class UndecodableError(ValueError):
    """Bytes that are not text in the encoding they were read as; says where it went wrong.

    `encoding` is "UTF-8" or "UTF-16", `byte` the first byte that could not be read, and
    `line` and `column` where it stands (both from 1).
    """

    def __init__(self, encoding: str, byte: int, line: int, column: int) -> None:
        self.encoding = encoding
        self.byte = byte
        self.line = line
        self.column = column
        super().__init__(
            f"byte 0x{byte:02X} at line {line}, column {column} cannot be read as {encoding}"
        )


def decode_text(data: bytes) -> str:
    """The text of a file as a spreadsheet or an editor saves it.

    UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8" writes one), or UTF-16,
    with its byte-order mark (Excel's "Unicode text") or without one when the zero bytes of
    plain text say which way round it is. Anything else, such as Windows-1252, is refused
    rather than guessed: UndecodableError says where the first unreadable byte is.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16", "UTF-16")
    if (order := _utf16_without_mark(data[:_SAMPLE_BYTES])) is not None:
        return _decode(data, order, "UTF-16")
    return _decode(data.removeprefix(codecs.BOM_UTF8), "utf-8", "UTF-8")


def check_size(source: str, size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise BankFormatError(
            source,
            "",
            f"the file is {size / 1_000_000:.1f} MB; a question bank can be at most "
            f"{MAX_FILE_BYTES // 1_000_000} MB. Split it into smaller files.",
        )


def decode(data: bytes | str, source: str, *, advice: str) -> str:
    """A bank file's text without a byte-order mark; `advice` says how to re-save a file in
    another encoding."""
    if isinstance(data, str):
        try:
            size = len(data.encode("utf-8"))
        except UnicodeEncodeError as error:
            line, column = _line_and_column(data, error.start)
            raise BankFormatError(
                source,
                f"line {line}, column {column}",
                "the text contains a character that is not valid Unicode.",
            ) from None
        check_size(source, size)
        return data.removeprefix("\ufeff")
    check_size(source, len(data))
    try:
        return decode_text(data)
    except UndecodableError as error:
        raise BankFormatError(
            source,
            f"line {error.line}, column {error.column}",
            f"the file is not {error.encoding} text (byte 0x{error.byte:02X} cannot be read). "
            f"{advice}",
        ) from None


def _decode(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        before = data[: error.start].decode(codec, errors="replace")
        line, column = _line_and_column(before, len(before))
        raise UndecodableError(name, data[error.start], line, column) from None


def _utf16_without_mark(sample: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when the sample reads as plain text in UTF-16: a zero
    byte on one side of most pairs of bytes and hardly ever on the other."""
    pairs = len(sample) // 2
    if pairs == 0:
        return None
    high_zeros = sample[1 : 2 * pairs : 2].count(0)  # little-endian: "a" is 61 00
    low_zeros = sample[0 : 2 * pairs : 2].count(0)  # big-endian: "a" is 00 61
    if high_zeros * 2 >= pairs and low_zeros * 10 < high_zeros:
        return "utf-16-le"
    if low_zeros * 2 >= pairs and high_zeros * 10 < low_zeros:
        return "utf-16-be"
    return None


def _line_and_column(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column
