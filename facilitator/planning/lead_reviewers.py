"""Who is lead reviewer for whom: a suggestion, and the problems of a hand-made assignment.

Each authority's DCS is lead reviewer for exactly one other authority of the day, so over
the day the assignment is a derangement. Two authorities may share one DCS; that DCS should
not lead the review of their own other authority.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import permutations
from typing import TypeVar

from facilitator.common.wording import join_names

T = TypeVar("T", bound=Hashable)

# Trying every cycle is instant for a triad or a quartet; beyond this we only offer the default.
MAX_AUTHORITIES_TO_SEARCH = 8


@dataclass(frozen=True)
class SharedDcs:
    """Authorities led by one DCS. `dcs_name` is "" when nobody has been named yet."""

    dcs_name: str
    authorities: tuple[str, ...]


def suggest_assignment(order: Sequence[T], shared: Iterable[Collection[T]] = ()) -> dict[T, T]:
    """Each authority reviews the one that presented just before it (a single cycle).

    When that would have a shared DCS review their own other authority, the first single
    cycle (in a fixed order) without such a conflict is suggested instead.
    """
    if len(order) < 2:
        return {}
    groups = [set(group) for group in shared if len(group) > 1]
    default = _reviews_previous(order)
    if not groups or len(order) > MAX_AUTHORITIES_TO_SEARCH:
        return default
    for rest in permutations(order[1:]):
        candidate = _reviews_previous((order[0], *rest))
        if not any(candidate[r] in group for group in groups for r in group):
            return candidate
    return default


def _reviews_previous(cycle: Sequence[T]) -> dict[T, T]:
    return {who: cycle[index - 1] for index, who in enumerate(cycle)}


def validate_assignment(
    order: Sequence[str],
    reviews: Mapping[str, str | None],
    shared: Sequence[SharedDcs] = (),
) -> list[str]:
    """Every problem with an assignment, each a plain sentence naming the authorities.

    `order` names the day's authorities; `reviews` maps each to the one it reviews.
    """
    problems: list[str] = []
    for name in order:
        target = reviews.get(name)
        if not target:
            problems.append(f"{name} has no authority to review.")
        elif target == name:
            problems.append(f"{name} is down to review itself.")
        elif target not in order:
            problems.append(f"{name} is down to review {target}, which is not taking part.")
    for name in order:
        reviewers = [r for r in order if r != name and reviews.get(r) == name]
        if len(reviewers) > 1:
            problems.append(
                f"{name} is reviewed by {'both ' if len(reviewers) == 2 else ''}"
                f"{join_names(reviewers)}; it needs exactly one lead reviewer."
            )
        elif not reviewers:
            problems.append(f"Nobody is lead reviewer for {name}.")
    for group in shared:
        for reviewer in group.authorities:
            target = reviews.get(reviewer)
            if target and target != reviewer and target in group.authorities:
                problems.append(shared_dcs_conflict(group, reviewer, target))
    return problems


def shared_dcs_conflict(group: SharedDcs, reviewer: str, target: str) -> str:
    both = "both " if len(group.authorities) == 2 else ""
    if group.dcs_name:
        who = f"{group.dcs_name} is DCS of {both}{join_names(group.authorities)}"
    else:
        who = f"{join_names(group.authorities)} share one DCS"
    return f"{who}, so {reviewer} should not review {target}."
