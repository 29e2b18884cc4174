"""Spotting a suggestion disguised as a question ("Have you thought of doing X?").

The handbook bans them in questioning: visitors ask open questions and leave the answers
to the presenting team. The facilitator keeps one editable list of tell-tale phrases in
the data file; a question matching one is flagged, never blocked, since the words can be
innocent and the facilitator decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from facilitator.common.events import Event
from facilitator.storage.database import Database
from facilitator.storage.settings import get_json, set_json

DEFAULT_PATTERNS: tuple[str, ...] = (
    "have you thought of",
    "have you considered",
    "why don't you",
    "why not",
    "could you try",
    "you should",
    "you could",
    "you need to",
    "you ought to",
    "I would",
    "if I were you",
    "what about doing",
    "have you tried",
)

PATTERNS_KEY = "questioning.disguised-suggestion-patterns"

# Straight, curly (both ways round, as word processors guess wrongly) and the modifier
# letter apostrophe: a phrase typed with any of them matches text written with another.
APOSTROPHES = "'’‘ʼ"
_APOSTROPHE = "[" + APOSTROPHES + "]"
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass(frozen=True)
class SuggestionMatch:
    pattern: str  # as it is in the list
    phrase: str  # as it is in the text
    start: int
    end: int


def match_suggestion(
    text: str, patterns: Sequence[str] = DEFAULT_PATTERNS
) -> SuggestionMatch | None:
    """The first phrase in `text` that matches a pattern; at one place, the longest wins."""
    found = [
        SuggestionMatch(pattern, m.group(0), m.start(), m.end())
        for pattern, regex in _compiled(tuple(patterns))
        if (m := regex.search(text)) is not None
    ]
    return min(found, key=lambda f: (f.start, f.start - f.end), default=None)


def find_suggestion(text: str, patterns: Sequence[str] = DEFAULT_PATTERNS) -> str | None:
    """The tell-tale phrase as written in `text`, or None when it reads as a question."""
    found = match_suggestion(text, patterns)
    return found.phrase if found else None


def pattern_key(pattern: str) -> str:
    """What a pattern matches, ignoring case, spacing, apostrophe style and edge punctuation."""
    words = _EDGE.sub("", " ".join(pattern.split()))
    for mark in APOSTROPHES[1:]:
        words = words.replace(mark, "'")
    return words.casefold()


@lru_cache(maxsize=16)
def _compiled(patterns: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    compiled = []
    for pattern in patterns:
        words = pattern_key(pattern).split()
        if not words:
            continue
        body = r"\s+".join(
            "".join(_APOSTROPHE if ch == "'" else re.escape(ch) for ch in word) for word in words
        )
        # Whole words only: "why not" must not fire on "why nothing".
        compiled.append((pattern, re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)))
    return tuple(compiled)


class SuggestionPatterns:
    """The facilitator's list of tell-tale phrases; `changed` carries the new list."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.changed: Event[tuple[str, ...]] = Event()

    def patterns(self) -> tuple[str, ...]:
        """The list as last saved, or the defaults when it was never edited (or is unreadable)."""
        stored = get_json(self._db, PATTERNS_KEY)
        if isinstance(stored, list) and all(isinstance(p, str) for p in stored):
            return tuple(stored)
        return DEFAULT_PATTERNS

    def set_patterns(self, patterns: Iterable[str]) -> tuple[str, ...]:
        """Saves the list tidied: trimmed, blanks dropped, repeats (however spelt) once.

        An empty list is kept as empty: the facilitator has turned the check off.
        """
        cleaned: list[str] = []
        seen: set[str] = set()
        for pattern in patterns:
            words = " ".join(pattern.split())
            key = pattern_key(words)
            if key and key not in seen:
                seen.add(key)
                cleaned.append(words)
        set_json(self._db, PATTERNS_KEY, cleaned)
        result = tuple(cleaned)
        self.changed.emit(result)
        return result
