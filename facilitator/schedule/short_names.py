"""Which of a day's authorities a short name such as "IoW", "B & H" or "Sou" means.

Schedules name lead reviewers' targets by initials and abbreviations. We try, in order:
the full name, a short name already known, the initials of the name's words, then the
start of the name. The first rule that matches decides; if it matches several authorities,
or no rule matches, the short name is reported, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from facilitator.common.wording import join_names
from facilitator.schedule.cells import CellError

# Small words that initials may or may not keep: "Isle of Wight" is both IoW and IW.
MINOR_WORDS = frozenset({"and", "of", "the", "upon", "on", "in"})


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.casefold().replace("&", " and "))


def _squash(text: str) -> str:
    return "".join(_words(text))


def _initials(name: str) -> set[str]:
    words = _words(name)
    major = [w for w in words if w not in MINOR_WORDS]
    return {"".join(w[0] for w in words), "".join(w[0] for w in major)}


def _token_initials(token: str) -> str:
    """ "B & H" → "bh", "IoW" → "iow": the letters someone typed, without "and"."""
    return "".join(w for w in _words(token) if w != "and")


def resolve_short_name(
    token: str, names: Sequence[str], known_short_names: Mapping[str, str] | None = None
) -> str:
    """The one name in `names` that `token` stands for; CellError if none or several."""
    known = {name.casefold(): short for name, short in (known_short_names or {}).items()}
    squashed = _squash(token)
    rules: list[Callable[[str], bool]] = [
        lambda name: _squash(name) == squashed,
        lambda name: (
            bool(known.get(name.casefold())) and _squash(known[name.casefold()]) == squashed
        ),
        lambda name: _token_initials(token) in _initials(name),
        lambda name: _squash(name).startswith(squashed),
    ]
    if squashed:
        for rule in rules:
            matches = [name for name in names if rule(name)]
            if len(matches) == 1:
                return matches[0]
            if matches:
                raise CellError(
                    f"“{token}” could mean {join_names(matches, 'or')}: "
                    "write more of the name so that it fits one authority."
                )
    raise CellError(
        f"“{token}” matches none of this day’s authorities ({join_names(list(names))}): "
        "write the authority’s name or its initials."
    )
