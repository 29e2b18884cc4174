"""Turn the bytes of an imported file into text, or say plainly why and where that failed."""

from __future__ import annotations

import codecs

from question_bank.errors import MAX_FILE_BYTES, BankFormatError


def line_and_column(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"line {line}, column {column}"


def _too_big(source: str, size: int) -> BankFormatError:
    return BankFormatError(
        source,
        "",
        f"the file is {size / 1_000_000:.1f} MB; a question bank can be at most "
        f"{MAX_FILE_BYTES // 1_000_000} MB. Split it into smaller files.",
    )


def check_size(source: str, size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise _too_big(source, size)


def decode(data: bytes | str, source: str, *, advice: str) -> str:
    """UTF-8 text without a byte-order mark; `advice` says how to re-save a wrongly encoded file."""
    if isinstance(data, str):
        try:
            size = len(data.encode("utf-8"))
        except UnicodeEncodeError as error:
            raise BankFormatError(
                source,
                line_and_column(data, error.start),
                "the text contains a character that is not valid Unicode.",
            ) from None
        check_size(source, size)
        return data.removeprefix("\ufeff")
    check_size(source, len(data))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text" export is UTF-16 with a byte-order mark: readable, so read it.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        before = data[: error.start].decode("utf-8", errors="replace")
        bad = data[error.start : error.start + 1].hex().upper()
        raise BankFormatError(
            source,
            line_and_column(before, len(before)),
            f"the file is not UTF-8 text (byte 0x{bad} cannot be read). {advice}",
        ) from None
