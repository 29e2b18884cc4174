"""Text as it may be stored: nothing Word cannot hold, names short enough for a title and a
file name. Every way text comes in (typing, paste, CSV, TOML, returned Word copies, command
line options) passes through here, so nothing stored can make an export fail.
"""

from __future__ import annotations

import re
import unicodedata

NAME_LIMIT = 120  # an authority, a person, a venue: it becomes part of titles and file names
TITLE_LIMIT = 200  # a cycle's name, a protective marking, a job title

# XML 1.0 (the text of a .docx) allows tab, line feed, carriage return and everything from
# U+0020 up, except the surrogates and U+FFFE/U+FFFF.
_NOT_IN_WORD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("[\r\n\u2028\u2029\x85]+")


class TextFieldError(ValueError):
    """A field's text that cannot be stored; the message names the field and the fix."""


def word_safe(text: str) -> str:
    """`text` without the characters Word cannot hold (NUL, control characters other than
    tab and line breaks, lone surrogates, U+FFFE and U+FFFF); Windows line ends become \\n."""
    return _NOT_IN_WORD.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def single_line(text: str) -> str:
    """Word-safe, on one line, blanks collapsed, trimmed: for names, titles and cells."""
    cleaned = _LINE_BREAKS.sub(" ", word_safe(unicodedata.normalize("NFC", text)))
    return " ".join(cleaned.replace("\t", " ").split())


def field_text(text: str, field: str, limit: int = NAME_LIMIT, *, required: bool = False) -> str:
    """A one-line field cleaned (see single_line), or TextFieldError naming `field` when it is
    longer than `limit` or, if `required`, empty."""
    cleaned = single_line(text)
    if required and not cleaned:
        raise TextFieldError(f"{field} is empty. Type it in.")
    if len(cleaned) > limit:
        raise TextFieldError(
            f"{field} is {len(cleaned):,} characters long; it can be at most {limit:,}. Shorten it."
        )
    return cleaned
