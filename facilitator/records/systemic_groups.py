"""Common systemic issues across a cycle: the same issue raised on several days, in much the
same words, listed once with every day it came up.

Pure functions. Two wordings are alike when, in lower case with punctuation and extra spaces
taken out, they are the same, one holds the other whole (at least two words of it), or
difflib finds them at least 80% the same.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from facilitator.word.report_content import IssueMention, SystemicIssueGroup

ALIKE_RATIO = 0.8
_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """ "Shortage of  residential places." → "shortage of residential places"."""
    cleaned = text.casefold().replace("’", "").replace("'", "")
    return " ".join(_NOT_WORD.sub(" ", cleaned).split())


def alike(first: str, second: str, ratio: float = ALIKE_RATIO) -> bool:
    """Whether two normalised wordings say the same thing."""
    if first == second:
        return True
    if not first or not second:
        return False
    shorter, longer = sorted((first, second), key=len)
    if len(shorter.split()) >= 2 and f" {shorter} " in f" {longer} ":
        return True
    return SequenceMatcher(None, first, second, autojunk=False).ratio() >= ratio


def group_issues(
    mentions: Sequence[IssueMention], day_order: Sequence[str]
) -> tuple[SystemicIssueGroup, ...]:
    """The mentions in groups of alike wordings: those raised on most days first, then in
    the order first raised. A mention joins the first group holding a wording like its own."""
    order = {day: index for index, day in enumerate(day_order)}
    ordered = sorted(mentions, key=lambda m: order.get(m.day, len(order)))  # stable
    words = [normalise(m.text) for m in ordered]
    groups: list[list[int]] = []
    for index, mine in enumerate(words):
        for group in groups:
            if any(alike(mine, words[other]) for other in group):
                group.append(index)
                break
        else:
            groups.append([index])
    found = [
        SystemicIssueGroup(ordered[group[0]].text, tuple(ordered[i] for i in group))
        for group in groups
    ]
    return tuple(sorted(found, key=lambda g: -len(g.days)))  # stable: first raised first
