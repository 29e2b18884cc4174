"""Turn what was typed into search terms, and find where those terms match in a text.

Both the full-text query and the highlighting start from the same terms, so the spans a UI
paints are the words that made the question match. Matching ignores case and accents and
treats in-word apostrophes as absent, as the index does.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from question_bank.model import Question
from question_bank.text import Folded, fold, search_form

Span = tuple[int, int]
"""Character offsets [start, end) into the original, unfolded text."""

MAX_TERMS = 12
MAX_TERM_LENGTH = 64
_WORD = re.compile(r"[^\W_]+")


def query_terms(query: str) -> tuple[str, ...]:
    """The distinct words of a query, in order; everything else typed is a separator.

    Capped in number and length so that pasting a paragraph costs no more than a sentence.
    """
    terms: list[str] = []
    for word in _WORD.findall(search_form(query)):
        term = word[:MAX_TERM_LENGTH]
        if term not in terms:
            terms.append(term)
        if len(terms) == MAX_TERMS:
            break
    return tuple(terms)


def fts_expression(terms: tuple[str, ...]) -> str:
    """An FTS5 MATCH expression: every term, quoted so it is never syntax, as a prefix."""
    return " ".join(f'"{term}"*' for term in terms)


@lru_cache(maxsize=256)
def term_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Any term at the start of a word; longer terms first so the longest prefix wins."""
    folded = sorted({fold(term).text for term in terms}, key=len, reverse=True)
    alternatives = "|".join(re.escape(term) for term in folded if term)
    return re.compile(rf"(?<![^\W_])(?:{alternatives})")


class SpanFinder:
    """Finds spans in a question's text and follow-ups with one pass over both.

    Each question's folded text is kept until `clear()`: typing revisits the same hits on
    every keystroke, and folding is the slow part.
    """

    def __init__(self) -> None:
        self._folded: dict[int, tuple[Folded, tuple[int, ...], str]] = {}

    def clear(self) -> None:
        self._folded.clear()

    def _prepare(self, key: int, question: Question) -> tuple[Folded, tuple[int, ...], str]:
        texts = (question.text, *question.follow_ups)
        # A line break separates the texts, so no match can run from one into the next.
        joined = "\n".join(texts)
        starts = tuple(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
        prepared = (fold(joined), starts, joined)
        self._folded[key] = prepared
        return prepared

    def question_spans(
        self, key: int, question: Question, pattern: re.Pattern[str]
    ) -> tuple[tuple[Span, ...], tuple[tuple[Span, ...], ...]]:
        """Spans in the question's text, and in each follow-up; `key` identifies it."""
        folded, starts, joined = self._folded.get(key) or self._prepare(key, question)
        if len(starts) == 1 and not folded.breaks:
            return tuple([match.span() for match in pattern.finditer(folded.text)]), ()
        spans: list[list[Span]] = [[] for _ in starts]
        for match in pattern.finditer(folded.text):
            if folded.breaks:
                start, end = folded.original_span(match.start(), match.end())
                # An accent typed as a separate combining mark belongs to the letter before.
                while end < len(joined) and unicodedata.category(joined[end]) == "Mn":
                    end += 1
            else:
                start, end = match.span()
            field = bisect_right(starts, start) - 1
            offset = starts[field]
            spans[field].append((start - offset, end - offset))
        return tuple(spans[0]), tuple([tuple(field_spans) for field_spans in spans[1:]])
