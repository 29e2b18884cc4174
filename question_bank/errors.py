"""The one error a bank file can raise, and the limits that protect the app from absurd files."""

from __future__ import annotations

MAX_FILE_BYTES = 5_000_000
MAX_THEMES = 5_000
MAX_QUESTIONS = 50_000
MAX_FOLLOW_UPS = 100


class BankFormatError(ValueError):
    """A bank file that cannot be read, with where and why in words a facilitator can act on.

    `place` is a line and column ("line 3, column 5"), a key path
    ("themes[3].questions[2].text"), a spreadsheet cell ("row 7, column scale"), or "" when
    the problem concerns the whole file.
    """

    def __init__(self, source: str, place: str, problem: str) -> None:
        self.source = source
        self.place = place
        self.problem = problem
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [part for part in (self.source, self.place, self.problem) if part]
        return ": ".join(parts)

    def __reduce__(self) -> tuple[type[BankFormatError], tuple[str, str, str]]:
        return (type(self), (self.source, self.place, self.problem))
