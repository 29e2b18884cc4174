"""The 0–10 scale questions: each authority's rating of itself, one dot per rating, across the
sessions of a day or of a cycle.

A scale answer is stored against the authority that rated itself (the session's presenter;
see QuestionLog.record_scale), so a point names that authority. Across a cycle the same
authority may rate itself on several days, so each point says where it was given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from facilitator.capture.question_use import QuestionLog
from facilitator.charts.alt_text import cycle_days, day_label
from facilitator.charts.figures import ScaleChart, ScalePoint
from facilitator.common.wording import join_names
from facilitator.planning.day_list import DaySummary
from facilitator.planning.planner import Planner
from question_bank import Bank, BankService, for_cycle


class ScaleSources(Protocol):
    """What the scale charts read; any Workspace is one."""

    @property
    def planner(self) -> Planner: ...

    @property
    def bank(self) -> BankService: ...

    @property
    def questions(self) -> QuestionLog: ...


@dataclass(frozen=True)
class _Rating:
    question_id: str
    point: ScalePoint


def scale_charts(
    workspace: ScaleSources, *, day_id: int | None = None, cycle_name: str | None = None
) -> tuple[ScaleChart, ...]:
    """One chart per scale question answered on the day (or in the cycle), in bank order."""
    if (day_id is None) == (cycle_name is None):
        raise ValueError("Give either a day or a cycle for the scale charts.")
    if day_id is not None:
        days = [workspace.planner.day_plan(day_id).summary]
    else:
        assert cycle_name is not None
        days = cycle_days(workspace.planner.list_days(), cycle_name)
    bank = workspace.bank.bank(include_hidden=True)
    ratings = [
        rating
        for day in days
        for rating in _day_ratings(workspace, day, bank, in_cycle=cycle_name is not None)
    ]
    order = {q.id: i for i, q in enumerate(bank.all_questions())}
    question_ids = sorted(
        {r.question_id for r in ratings}, key=lambda q: (order.get(q, len(order)), q)
    )
    # A cycle's days share its name, so "{cycle_years}" reads the same on each.
    cycle = cycle_name if cycle_name is not None else days[0].cycle_name
    return tuple(
        _chart(bank, question_id, [r.point for r in ratings if r.question_id == question_id], cycle)
        for question_id in question_ids
    )


def _day_ratings(
    workspace: ScaleSources, day: DaySummary, bank: Bank, *, in_cycle: bool
) -> list[_Rating]:
    sessions = workspace.planner.presenting_sessions(day.id)
    names = {s.authority_id: s.authority_name for s in sessions}
    ratings = []
    for session in sessions:
        for answer in workspace.questions.scale_answers(session.session_id):
            name = names.get(answer.authority_id, "An authority not on the day")
            label = f"{name}, {day_label(day)}" if in_cycle else name
            ratings.append(
                _Rating(bank.resolve_id(answer.question_id), ScalePoint(name, answer.value, label))
            )
    return ratings


def _chart(
    bank: Bank, question_id: str, points: Sequence[ScalePoint], cycle_name: str
) -> ScaleChart:
    found = bank.find_question(question_id)
    scale = found.scale if found else None
    # The words that ask for the rating (a follow-up, for some questions), as asked that day.
    question = for_cycle(found.scale_words or found.text, cycle_name) if found else question_id
    low, high = (scale.low, scale.high) if scale else ("", "")
    return ScaleChart(
        question=question,
        low=low,
        high=high,
        points=tuple(points),
        alt_text=scale_alt_text(question, low, high, points),
    )


def scale_alt_text(question: str, low: str, high: str, points: Sequence[ScalePoint]) -> str:
    """The question, what its ends mean, then every rating in the order given."""
    sentences = [question]
    if low and high:
        sentences.append(f"0 means {low}; 10 means {high}.")
    ratings = [f"{_where(p)} rated {p.value}" for p in points]
    sentences.append(f"{join_names(ratings)}." if ratings else "No authority gave a rating.")
    return " ".join(sentences)


def _where(point: ScalePoint) -> str:
    """ "Ashvale", or "Ashvale (Day 1)" when the label says where the rating was given."""
    if point.label == point.authority:
        return point.authority
    return f"{point.authority} ({point.label.removeprefix(point.authority + ', ')})"
