"""Which of the pool's expertise areas a review's key lines of enquiry (KLoE) call for.

The areas are those of the expression-of-interest form (seed 000): Schools, Family Support,
Participation, Safeguarding, Commissioning, Partnerships, Early years, Performance
management, Workforce development, Youth, Data, Other. A small keyword map reads the KLoE:

- Safeguarding: front door, threshold(s), MASH, child protection, CP, CSE, safeguarding,
  social care (the SAV themes of seed 001);
- Family Support: early help, early intervention, family support;
- Performance management: data, performance, indicators;
- Workforce development: workforce, recruitment, retention;
- Schools: SEND, school(s), education;
- Early years: early years;
- Participation: participation, voice of the child;
- Commissioning: commissioning, placements, sufficiency;
- Partnerships: partnership(s), LSCB;
- Youth: youth, NEET.

Words and phrases match whole, case aside, with an optional plural "s"; acronyms (MASH,
SEND, CP, CSE, LSCB, NEET) match only in capitals, so "send the report" needs nothing.
Words the map does not know ("Effectiveness of improvement activity") need no area.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["AREAS", "KEYWORDS", "areas_needed", "has_area"]

AREAS = (
    "Schools",
    "Family Support",
    "Participation",
    "Safeguarding",
    "Commissioning",
    "Partnerships",
    "Early years",
    "Performance management",
    "Workforce development",
    "Youth",
    "Data",
    "Other",
)

KEYWORDS: dict[str, tuple[str, ...]] = {
    "Safeguarding": (
        "front door",
        "threshold",
        "MASH",
        "child protection",
        "CP",
        "CSE",
        "safeguarding",
        "social care",
    ),
    "Family Support": ("early help", "early intervention", "family support"),
    "Performance management": ("data", "performance", "indicator"),
    "Workforce development": ("workforce", "recruitment", "retention"),
    "Schools": ("SEND", "school", "education"),
    "Early years": ("early years",),
    "Participation": ("participation", "voice of the child"),
    "Commissioning": ("commissioning", "placement", "sufficiency"),
    "Partnerships": ("partnership", "LSCB"),
    "Youth": ("youth", "NEET"),
}


def _pattern(word: str) -> re.Pattern[str]:
    if word.isupper():
        return re.compile(rf"\b{re.escape(word)}s?\b")
    phrase = r"\s+".join(re.escape(part) for part in word.split())
    return re.compile(rf"\b{phrase}s?\b", re.IGNORECASE)


_PATTERNS = {area: tuple(_pattern(word) for word in words) for area, words in KEYWORDS.items()}


def areas_needed(kloe: str) -> dict[str, str]:
    """The areas the KLoE call for, each with the first word that called for it."""
    needed: dict[str, str] = {}
    for area, patterns in _PATTERNS.items():
        for pattern in patterns:
            if match := pattern.search(kloe):
                needed[area] = match.group(0)
                break
    return needed


def has_area(expertise: Iterable[str], area: str) -> bool:
    return area.casefold() in {e.strip().casefold() for e in expertise}
