"""Suggesting who could help whom: an offer of one authority that meets another's ask.

Pure functions on topics as typed. Two topics match when the words they share are at least
half of all the words either uses (Jaccard similarity), after dropping words that say
nothing about the subject ("support", "the", "our") and plural endings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from facilitator.common.vocabulary import ExchangeKind
from facilitator.word.record_content import Pairing, Tradeable

T = TypeVar("T", bound=Tradeable)

MATCH_THRESHOLD = 0.5

_STOPWORD_TEXT = (
    "a about across all also an and any are as at be been between but by can could do "
    "for from get getting good have help how i if in into is it its more most need needs "
    "new of on or other our ours share sharing so some support supporting than that the "
    "their them then there these they this those through to up us use using via want "
    "wanted we what when where which who will with within work working would you your"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"[^\W_]+")


def topic_words(text: str) -> frozenset[str]:
    """The words that carry a topic's meaning, lower case and singular."""
    words = (_singular(w) for w in _WORD.findall(text.casefold().replace("’", "'")))
    return frozenset(w for w in words if w not in STOPWORDS and len(w) > 1 and not w.isdigit())


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two topics' words: 0 (nothing shared) to 1 (the same words)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def suggest_pairings(
    exchanges: Sequence[T], threshold: float = MATCH_THRESHOLD
) -> tuple[Pairing[T], ...]:
    """Each offer with each ask of another authority on a matching topic, best match first.

    An authority's offer never pairs with its own ask. Ties keep the order given.
    """
    offers = [x for x in exchanges if x.kind is ExchangeKind.OFFER]
    asks = [x for x in exchanges if x.kind is ExchangeKind.ASK]
    words = {id(x): topic_words(x.topic) for x in exchanges}
    found: list[Pairing[T]] = []
    for offer in offers:
        for ask in asks:
            if _same(offer.authority, ask.authority):
                continue
            a, b = words[id(offer)], words[id(ask)]
            score = _similarity(a, b)
            if score and score >= threshold:
                found.append(Pairing(offer, ask, score, tuple(sorted(a & b))))
    return tuple(sorted(found, key=lambda p: -p.score))


def group_similar(texts: Sequence[str], threshold: float = MATCH_THRESHOLD) -> list[list[int]]:
    """Indexes of `texts` in groups saying much the same thing, in order of first appearance.

    Each text joins the first group whose first text is similar enough to it, so a group
    never drifts far from the words that started it.
    """
    groups: list[list[int]] = []
    words = [topic_words(text) for text in texts]
    for index, mine in enumerate(words):
        for group in groups:
            score = _similarity(mine, words[group[0]])
            if score and score >= threshold:
                group.append(index)
                break
        else:
            groups.append([index])
    return groups


def _same(first: str, second: str) -> bool:
    return first.strip().casefold() == second.strip().casefold()


def _singular(word: str) -> str:
    word = word.removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
