"""Suggesting, across a whole cycle, which offer could meet which ask: the words of each
ask's topic and detail against those of every other authority's offers, whatever day each
was made on.

Pure functions. The words that count are those left once filler is dropped ("support",
"our", "children": every ask in children's services says them), cut to a simple stem
("recruiting", "recruited" and "recruits" are all "recruit"). An ask and an offer pair when
they share at least two such words (one, when either has only one), making up at least half
of the words of the shorter of the two.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from facilitator.common.vocabulary import ExchangeKind
from facilitator.records.pairing import STOPWORDS
from facilitator.word.record_content import Pairing, Tradeable

MIN_SHARE = 0.5  # of the shorter's words
MIN_SHARED = 2
OFFERS_PER_ASK = 3

_FILLER = (
    "able after already around authority authorities before being both child children "
    "council councils currently during each eg especially etc happy has had ie including "
    "just keen like local looking many much no not offer offered offering only out over "
    "own particularly people region regional service services should still such team "
    "teams time very was well were year years yes young ask asked asking"
)
FILLER = STOPWORDS | frozenset(_FILLER.split())
_WORD = re.compile(r"[^\W_]+")
_KEEP_DOUBLE = "aeioulsfz"  # "staffing" stays "staff", "enrolling" "enroll"


class Detailed(Tradeable, Protocol):
    @property
    def detail(self) -> str: ...


E = TypeVar("E", bound=Detailed)


def stem(word: str) -> str:
    """A word cut to what it shares with its kin: plural, -ing, -ed, -ment and a final e off."""
    word = word.casefold().replace("’", "'").removesuffix("'s").removesuffix("'")
    if len(word) > 5 and word.endswith("ing"):
        word = _undouble(word[:-3])
    elif len(word) > 4 and word.endswith("ied"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        word = _undouble(word[:-2])
    elif len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes", "zes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 7 and word.endswith("ment"):
        word = word[:-4]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def meaning_words(text: str) -> dict[str, str]:
    """{stem: the word as first written} for the words of `text` that carry its meaning."""
    found: dict[str, str] = {}
    for word in _WORD.findall(text.replace("’", "'")):
        lower = word.casefold()
        cut = stem(lower)
        if lower in FILLER or cut in FILLER or len(cut) < 2 or lower.isdigit():
            continue
        found.setdefault(cut, lower)
    return found


def pair_asks_with_offers(
    exchanges: Sequence[E], offers_per_ask: int = OFFERS_PER_ASK
) -> tuple[Pairing[E], ...]:
    """Each ask, in the order given, with the offers of other authorities that could meet
    it, closest first (at most `offers_per_ask`). An authority never pairs with itself."""
    words = {id(x): meaning_words(f"{x.topic}\n{x.detail}") for x in exchanges}
    offers = [x for x in exchanges if x.kind is ExchangeKind.OFFER]
    found: list[Pairing[E]] = []
    for ask in (x for x in exchanges if x.kind is ExchangeKind.ASK):
        mine = words[id(ask)]
        matches: list[Pairing[E]] = []
        for offer in offers:
            if _same(offer.authority, ask.authority):
                continue
            theirs = words[id(offer)]
            shared = [s for s in mine if s in theirs]  # in the ask's order
            shorter = min(len(mine), len(theirs))
            if not shared or len(shared) < min(MIN_SHARED, shorter):
                continue
            score = len(shared) / shorter
            if score >= MIN_SHARE:
                matches.append(Pairing(offer, ask, score, tuple(mine[s] for s in shared)))
        matches.sort(key=lambda p: (-p.score, -len(p.shared)))  # stable: earlier offers first
        found += matches[:offers_per_ask]
    return tuple(found)


def _same(first: str, second: str) -> bool:
    return first.strip().casefold() == second.strip().casefold()


def _undouble(word: str) -> str:
    """ "plann" → "plan", as "planning" and "planned" cut leave it."""
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in _KEEP_DOUBLE:
        return word[:-1]
    return word
