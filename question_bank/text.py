"""Text helpers shared by the loaders, the store and the search: slugs, ids and folding."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
"""Ids go into file names, database keys and URLs, so they stay plain ASCII."""

# Apostrophes inside a word are dropped before indexing and matching, so that "childrens",
# "children's" and "children’s" are one word and typing any of them finds the others.
_INWORD_APOSTROPHE = re.compile(r"(?<=[^\W_])['’ʼ](?=[^\W_])")
_SPECIAL_CHAR = re.compile(r"[^\x00-\x7f]|'")
_APOSTROPHES = frozenset("'’ʼ")

TITLE_LIMIT = 200
"""The longest bank or theme title: it becomes a heading and part of exported file names."""

# The same characters as facilitator.common.clean_text strips (this layer sits below the
# facilitator, so it keeps its own copy): what XML 1.0, and so a .docx, cannot hold.
_NOT_IN_WORD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("[\r\n\u2028\u2029\x85]+")


CYCLE_YEARS = "{cycle_years}"
"""Stands in a question's words for the years of the day's cycle, e.g. "2022-2023"."""
CYCLE_FALLBACK = "this year"
_CYCLE_SPAN = re.compile(r"(?<!\d)(?:19|20)\d\d(?:\s*[-–—/]\s*(?:(?:19|20)\d\d|\d\d))?(?!\d)")


def for_cycle(text: str, cycle_name: str | None) -> str:
    """A question's words as asked on a day of the cycle `cycle_name`: "{cycle_years}" becomes
    the years the cycle's name gives ("2022-2023" in "SE 2022-2023"), or "this year" when
    there is no cycle or its name holds no year. Call it wherever bank words are shown or
    kept for a day: the console, the records, exports."""
    if CYCLE_YEARS not in text:
        return text
    found = _CYCLE_SPAN.search(cycle_name or "")
    return text.replace(CYCLE_YEARS, found.group() if found else CYCLE_FALLBACK)


def word_safe(text: str) -> str:
    """`text` without NUL, control characters other than tab and line breaks, lone
    surrogates, U+FFFE and U+FFFF; Windows line ends become \\n. Read from every bank file so
    that nothing imported can make an export fail."""
    return _NOT_IN_WORD.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def single_line(text: str) -> str:
    """Word-safe, on one line, blanks collapsed, trimmed: for titles."""
    cleaned = _LINE_BREAKS.sub(" ", word_safe(unicodedata.normalize("NFC", text)))
    return " ".join(cleaned.replace("\t", " ").split())


def is_valid_id(value: str) -> bool:
    return ID_PATTERN.fullmatch(value) is not None


def slugify(value: str, fallback: str = "item", max_length: int = 60) -> str:
    """A lower-case ASCII id from a title: "Children’s Services" -> "childrens-services"."""
    plain = _INWORD_APOSTROPHE.sub("", value)
    decomposed = unicodedata.normalize("NFKD", plain)
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    slug = slug[:max_length].rstrip("-")
    return slug or fallback


def search_form(value: str) -> str:
    """The text as the full-text index sees it; SQLite folds case and accents itself."""
    return _INWORD_APOSTROPHE.sub("", unicodedata.normalize("NFC", value))


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return kept.casefold()


@dataclass(frozen=True, slots=True)
class Folded:
    """Text folded for matching (case, accents, in-word apostrophes), with a way back.

    Folding can shorten ("’" in "LA’s") or lengthen ("ß" -> "ss") the text, so offsets in
    the folded text are mapped back through sorted breakpoints rather than assumed equal.
    """

    text: str
    breaks: tuple[int, ...] = ()
    shifts: tuple[int, ...] = ()

    def original_index(self, folded_index: int) -> int:
        at = bisect_right(self.breaks, folded_index) - 1
        return folded_index + (self.shifts[at] if at >= 0 else 0)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.original_index(start), self.original_index(end - 1) + 1


def fold(value: str) -> Folded:
    if value.isascii() and "'" not in value:
        return Folded(value.lower())
    pieces: list[str] = []
    breaks: list[int] = []
    shifts: list[int] = []
    shift = 0
    folded_length = 0
    last = 0
    for match in _SPECIAL_CHAR.finditer(value):
        index = match.start()
        char = match.group()
        pieces.append(value[last:index].lower())
        folded_length += index - last
        last = index + 1
        if char in _APOSTROPHES and _INWORD_APOSTROPHE.match(value, index):
            folded = ""
        else:
            folded = _fold_char(char)
        pieces.append(folded)
        if not folded:
            shift += 1
            breaks.append(folded_length)
            shifts.append(shift)
        elif len(folded) > 1:
            for extra in range(1, len(folded)):
                breaks.append(folded_length + extra)
                shifts.append(shift - extra)
            shift -= len(folded) - 1
        folded_length += len(folded)
    pieces.append(value[last:].lower())
    return Folded("".join(pieces), tuple(breaks), tuple(shifts))
