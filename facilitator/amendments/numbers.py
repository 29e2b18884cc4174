"""Numbers read back from a returned copy (its version, a bookmark's row id), parsed strictly.

A returned file is edited outside Balcony: its version property may say "¹" (which Python's
str.isdigit accepts and int() refuses) or run to thousands of digits (which int() refuses
too). Only plain ASCII digits, and few of them, are a number here.
"""

from __future__ import annotations

import re

MAX_DIGITS = 6  # a million versions, or notes, is far beyond any record
_PLAIN = re.compile(rf"[0-9]{{1,{MAX_DIGITS}}}")


def plain_number(text: str) -> int | None:
    """`text` as a number if it is 1 to MAX_DIGITS ASCII digits; None otherwise."""
    return int(text) if _PLAIN.fullmatch(text) else None
