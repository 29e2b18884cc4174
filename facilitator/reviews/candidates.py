"""Who in the pool may join a stored review's team in a role: each person in the pool as
team_rules sees them (a Candidate), with every reason check_candidate gives for leaving them
out. Their service history comes from the pool, less the entry this review itself made (being
on this team is said as such, not as "already served").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from facilitator.pool import people
from facilitator.pool.people import ChallengerView, ServiceView
from facilitator.pool.service import Pool
from facilitator.reviews.service import Reviews
from facilitator.reviews.team_rules import (
    Candidate,
    Role,
    Served,
    TeamMember,
    check_candidate,
    check_team,
)

__all__ = ["as_candidate", "candidates", "team_findings", "team_role"]


def team_role(role: people.Role) -> Role:
    """The team role that a role the pool's form approves stands for."""
    return next(r for r in Role if r.value.casefold() == role.value.casefold())


def as_candidate(person: ChallengerView, service: Iterable[ServiceView]) -> Candidate:
    """A person in the pool as the team rules see them: trained means their entry names some
    training attended; served, the reviews in `service`."""
    details = person.details
    return Candidate(
        id=person.id,
        name=details.name,
        authority=details.authority,
        roles=frozenset(team_role(role) for role in details.roles_approved),
        expertise=tuple(area.value for area in details.expertise),
        trained=bool(details.training.strip()),
        served=tuple(Served(s.served_on, s.review) for s in sorted(service, key=_on)),
        applied=frozenset(team_role(role) for role in details.roles_applied),
    )


def _on(service: ServiceView) -> dt.date:
    return service.served_on


def candidates(
    reviews: Reviews, pool: Pool, review_id: int, role: Role, today: dt.date
) -> list[tuple[ChallengerView, list[str]]]:
    """Everyone in the pool, by name, each with every reason they are left out of `role` on
    the review ([] for those who may join). LookupError for a review that is not stored."""
    review = reviews.get(review_id)
    team = {m.person_id: m for m in reviews.members(review_id)}
    this_review = {m.service_id for m in team.values()}
    everyone = sorted(pool.people(), key=lambda p: (p.name.casefold(), p.id))
    service = {p.id: [s for s in pool.service(p.id) if s.id not in this_review] for p in everyone}
    members = [
        TeamMember(as_candidate(p, service[p.id]), team[p.id].role)
        for p in everyone
        if p.id in team
    ]
    found = []
    for person in everyone:
        others = [m for m in members if m.candidate.id != person.id]
        candidate = as_candidate(person, service[person.id])
        reasons = check_candidate(review.draft, candidate, role, today, others)
        if (member := team.get(person.id)) is not None:
            reasons.insert(0, f"{person.name} is on this review's team already, as {member.role}.")
        found.append((person, reasons))
    return found


def team_findings(reviews: Reviews, pool: Pool, review_id: int) -> list[str]:
    """What check_team finds wrong with a stored review's team as it stands ([] if sound);
    each member's history less this review's own entry, as candidates() sees them."""
    review = reviews.get(review_id)
    members = reviews.members(review_id)
    this_review = {m.service_id for m in members}
    team = [
        TeamMember(
            as_candidate(
                pool.get(m.person_id),
                [s for s in pool.service(m.person_id) if s.id not in this_review],
            ),
            m.role,
        )
        for m in members
    ]
    return check_team(review.draft, team)
