"""What the day summary and the cycle report say beyond record_content's values, as frozen
values: the introductions of a day, and the cycle's plenary answers, topical invitations and
systemic issues grouped across its days.

No python-docx here, as in record_content. The two records are record_content's contents with
these sections added, so whatever reads a DaySummaryContent or a CycleReportContent still can.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.word.record_content import (
    CycleReportContent,
    DaySummaryContent,
    PlenaryAnswers,
)

NOT_RECORDED = "Not recorded"


@dataclass(frozen=True)
class IntroductionRow:
    """What one person said at the introductions: who they are, what they want to give to
    and to receive from the day."""

    authority: str
    name: str
    role: str
    gives: str
    receives: str

    @property
    def who(self) -> str:
        """ "Priya Ellwood" over "Director of Children’s Services", on two lines."""
        return "\n".join(part for part in (self.name, self.role) if part)


@dataclass(frozen=True)
class DaySummaryRecord(DaySummaryContent):
    introductions: tuple[IntroductionRow, ...] = ()


@dataclass(frozen=True)
class DayPlenary:
    """One day's plenary answers, question by question."""

    day: str
    answers: tuple[PlenaryAnswers, ...]

    @property
    def empty(self) -> bool:
        return not any(answers.bullets for answers in self.answers)


@dataclass(frozen=True)
class TopicalInvitation:
    """Whether a presenting authority invites a topical peer challenge next year, and on what."""

    day: str
    authority: str
    invited: bool | None  # None: not discussed
    topic: str

    @property
    def answer(self) -> str:
        if self.invited is None:
            return "Not discussed"
        return "Yes" if self.invited else "No"

    @property
    def topic_text(self) -> str:
        if not self.invited:
            return ""
        return self.topic or "To be confirmed"


@dataclass(frozen=True)
class IssueMention:
    """A systemic issue as one day recorded it, in the session of `authority` ("": across
    the day)."""

    day: str
    authority: str
    text: str


@dataclass(frozen=True)
class SystemicIssueGroup:
    """Systemic issues of the cycle worded alike, in the words first used."""

    text: str
    mentions: tuple[IssueMention, ...]

    @property
    def days(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.day for m in self.mentions))

    @property
    def other_wordings(self) -> tuple[str, ...]:
        """The other ways the issue was put, each once."""
        wordings = dict.fromkeys(m.text for m in self.mentions)
        wordings.pop(self.text, None)
        return tuple(wordings)

    def authorities_on(self, day: str) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys(m.authority for m in self.mentions if m.day == day and m.authority)
        )


@dataclass(frozen=True)
class CycleReportRecord(CycleReportContent):
    plenary: tuple[DayPlenary, ...] = ()
    topical_invitations: tuple[TopicalInvitation, ...] = ()
    issue_groups: tuple[SystemicIssueGroup, ...] = ()
