"""Who may join a review's team, and whether a team is sound: the scheme's rules as pure
functions over plain data (seeds 000, 001, 003). Each finding is a plain sentence.

check_candidate gives every reason one person from the pool is left out of one role on one
review; check_team looks at the team as a whole. Neither stores nor changes anything.
The expertise rule uses the keyword map of expertise.py; a data specialist is chosen for
the data, so the lines of enquiry ask no other expertise of them. A review whose dates are
TBC cannot be checked for notice or for the calendar-year rule until they are fixed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from facilitator.reviews.expertise import areas_needed, has_area
from facilitator.reviews.kinds import ReviewDraft, ReviewKind, authority_key, same_authority

__all__ = [
    "MAX_REVIEWS_PER_YEAR",
    "MIN_NOTICE_DAYS",
    "PCTR_CORE_MEMBERS",
    "PCTR_DATA_SPECIALISTS",
    "PCTR_MIN_OTHER_AUTHORITIES",
    "ROLES_BY_KIND",
    "SAV_COLLEAGUES",
    "SAV_LEAD_ADS",
    "SAV_MIN_AUTHORITIES",
    "TEAM_SIZE_LEEWAY",
    "Candidate",
    "Role",
    "Served",
    "TeamMember",
    "check_candidate",
    "check_team",
]

# Seed 000: "Visits will be planned about two months in advance" — eight weeks.
MIN_NOTICE_DAYS = 56
# Seed 000: individuals are called upon "certainly not more than once per calendar year".
MAX_REVIEWS_PER_YEAR = 1
# Seed 003, 2.2 a): "a mixed-LA team of 4 core members", after "the data specialist".
PCTR_CORE_MEMBERS = 4
PCTR_DATA_SPECIALISTS = 1
# Seed 001: teams "selected from at least two LA areas"; 003, 2.2 b): none from the area.
PCTR_MIN_OTHER_AUTHORITIES = 2
# Seed 001: SAV "Teams are AD-led, with ~3 senior colleagues".
SAV_LEAD_ADS = 1
SAV_COLLEAGUES = 3
# Seed 000: "All peer challenge teams will comprise a mixture of colleagues from across
# local authority areas" — SAVs too.
SAV_MIN_AUTHORITIES = 2
# Seed 001 writes "~5" and "~3": "about" allows one either way.
TEAM_SIZE_LEEWAY = 1


class Role(StrEnum):
    """The roles of the expression-of-interest form (seed 000), which the DCS approves."""

    PCR_MEMBER = "PCR team member"
    SAV_LEAD_AD = "SAV lead AD"
    SAV_MEMBER = "SAV team member"
    DATA_SPECIALIST = "data specialist"


ROLES_BY_KIND = {
    ReviewKind.PCTR: (Role.PCR_MEMBER, Role.DATA_SPECIALIST),
    ReviewKind.SAV: (Role.SAV_LEAD_AD, Role.SAV_MEMBER),
    ReviewKind.SAV_MAX: (Role.SAV_LEAD_AD, Role.SAV_MEMBER),
}


@dataclass(frozen=True)
class Served:
    """A review someone served on (or is down for): its date and how it reads."""

    on: dt.date
    review: str = ""


@dataclass(frozen=True)
class Candidate:
    """Someone in the pool: the roles they applied for and their DCS approved, the areas they
    offer, whether they have been to the regional training, and the reviews they served on."""

    id: int
    name: str
    authority: str
    roles: frozenset[Role] = frozenset()
    expertise: tuple[str, ...] = ()
    trained: bool = False
    served: tuple[Served, ...] = field(default=())
    applied: frozenset[Role] = frozenset()


@dataclass(frozen=True)
class TeamMember:
    candidate: Candidate
    role: Role


def check_candidate(
    review: ReviewDraft,
    candidate: Candidate,
    role: Role,
    today: dt.date,
    team: Sequence[TeamMember] = (),
) -> list[str]:
    """Every reason `candidate` is left out of `role` on `review`, whose team so far is
    `team` (without them); [] when they may join."""
    name = candidate.name
    reasons = []
    if role not in ROLES_BY_KIND[review.kind]:
        roles = " and ".join(f"{r.value}s" for r in ROLES_BY_KIND[review.kind])
        reasons.append(f"A {review.kind} has no {role}; its team has {roles}.")
    if same_authority(candidate.authority, review.host):
        reasons.append(f"{name} is from {review.host}, the authority under review.")
    if role not in candidate.roles:
        if role in candidate.applied:
            reasons.append(f"{name} applied to be a {role}, but their DCS has not approved it.")
        else:
            reasons.append(f"{name} has not applied to be a {role}.")
    if not candidate.trained:
        reasons.append(f"{name} has not been to the regional peer challenge training.")
    reasons += _served_this_year(review, candidate, today)
    reasons += _unmixed(review, candidate, role, team)
    if role is not Role.DATA_SPECIALIST:
        reasons += _lacks_expertise(review, candidate)
    if review.dates.earliest is not None:
        notice = (review.dates.earliest - today).days
        when = f"{review.dates.earliest.day} {review.dates.earliest:%B %Y}"
        if notice < 0:
            reasons.append(f"The review started on {when}: a team is chosen before it starts.")
        elif notice < MIN_NOTICE_DAYS:
            reasons.append(
                f"The review starts {when}, {_days(notice)} from today: a team needs about "
                f"two months’ notice ({MIN_NOTICE_DAYS} days)."
            )
    return reasons


def _days(count: int) -> str:
    return f"{count} day{'s' * (count != 1)}"


def _served_this_year(review: ReviewDraft, candidate: Candidate, today: dt.date) -> list[str]:
    reasons = []
    for year in review.dates.years:
        served = sorted(
            (s for s in candidate.served if s.on.year == year), key=lambda s: (s.on, s.review)
        )
        if len(served) >= MAX_REVIEWS_PER_YEAR:
            # The review's own words for its date: a visit dated "November 2015" is not
            # on the 1st, whatever day its service is kept under.
            listed = "; ".join(s.review or f"{s.on.day} {s.on:%B %Y}" for s in served)
            done = all(s.on < today for s in served)
            what = "already served on" if done else "is already on"
            reasons.append(
                f"{candidate.name} {what} a review in {year} ({listed}), and nobody is called "
                "on more than once a calendar year."
            )
    return reasons


def _unmixed(
    review: ReviewDraft, candidate: Candidate, role: Role, team: Sequence[TeamMember]
) -> list[str]:
    """Why adding `candidate` would leave no room to mix authorities: the places left in a
    team of the usual size could no longer bring in the other authorities it needs."""
    if review.kind is ReviewKind.PCTR:
        if role is not Role.PCR_MEMBER:
            return []  # the rule is of the core; the data specialist comes on top
        usual, wanted, what = PCTR_CORE_MEMBERS, PCTR_MIN_OTHER_AUTHORITIES, "core"
        counted = [m for m in team if m.role is Role.PCR_MEMBER]
    elif review.kind is ReviewKind.SAV:
        usual, wanted, what = SAV_LEAD_ADS + SAV_COLLEAGUES, SAV_MIN_AUTHORITIES, "team"
        counted = list(team)
    else:
        return []  # a SAV MAX has no upper bound: a later place can always mix it
    if same_authority(candidate.authority, review.host) or not candidate.authority.strip():
        return []  # said already, or nothing to say
    joined = [*counted, TeamMember(candidate, role)]
    others = _other_authorities(review, joined)
    if len(others) + max(0, usual - len(joined)) >= wanted:
        return []
    return [
        f"Adding {candidate.name} ({candidate.authority}) would leave the {what} of about "
        f"{usual} unable to come from at least {wanted} authorities other than "
        f"{review.host}: choose someone from another authority."
    ]


def _lacks_expertise(review: ReviewDraft, candidate: Candidate) -> list[str]:
    if not review.kloe_agreed:
        return []
    needed = areas_needed(review.kloe)
    if not needed or any(has_area(candidate.expertise, area) for area in needed):
        return []
    wanted = "; ".join(f"{area} for “{word}”" for area, word in needed.items())
    return [f"{candidate.name} has none of the expertise the lines of enquiry need ({wanted})."]


def check_team(review: ReviewDraft, members: Sequence[TeamMember]) -> list[str]:
    """What is wrong with the team as a whole for `review`; [] when it is sound."""
    findings = []
    seen: set[int] = set()
    for member in members:
        person = member.candidate
        if person.id in seen:
            findings.append(f"{person.name} is on the team twice.")
        seen.add(person.id)
        if member.role not in ROLES_BY_KIND[review.kind]:
            findings.append(f"{person.name} is down as a {member.role}: a {review.kind} has none.")
        if same_authority(person.authority, review.host):
            findings.append(f"{person.name} is from {review.host}, the authority under review.")
    if review.kind is ReviewKind.PCTR:
        findings += _pctr_team(review, members)
    else:
        findings += _sav_team(review, members)
    findings += _uncovered(review, members)
    return findings


def _with_role(members: Sequence[TeamMember], role: Role) -> list[TeamMember]:
    return [m for m in members if m.role is role]


def _other_authorities(review: ReviewDraft, members: Sequence[TeamMember]) -> set[str]:
    return {
        authority_key(m.candidate.authority)
        for m in members
        if m.candidate.authority.strip() and not same_authority(m.candidate.authority, review.host)
    }


def _about(count: int, wanted: int) -> bool:
    return abs(count - wanted) <= TEAM_SIZE_LEEWAY


def _pctr_team(review: ReviewDraft, members: Sequence[TeamMember]) -> list[str]:
    findings = []
    core = _with_role(members, Role.PCR_MEMBER)
    if not _about(len(core), PCTR_CORE_MEMBERS):
        findings.append(
            f"A Peer Challenge Team Review has about {PCTR_CORE_MEMBERS} core members; "
            f"this team has {len(core)}."
        )
    if len(_with_role(members, Role.DATA_SPECIALIST)) < PCTR_DATA_SPECIALISTS:
        findings.append("The team has no data specialist: the lead DCS forms the team with one.")
    others = _other_authorities(review, core)
    if len(others) < PCTR_MIN_OTHER_AUTHORITIES:
        findings.append(
            f"The core members come from {len(others)} other "
            f"{'authority' if len(others) == 1 else 'authorities'}; they must come from at "
            f"least {PCTR_MIN_OTHER_AUTHORITIES}."
        )
    return findings


def _sav_team(review: ReviewDraft, members: Sequence[TeamMember]) -> list[str]:
    findings = []
    leads = len(_with_role(members, Role.SAV_LEAD_AD))
    colleagues = len(_with_role(members, Role.SAV_MEMBER))
    if leads < SAV_LEAD_ADS:
        findings.append(f"A {review.kind} is led by an AD; this team has no lead AD.")
    elif review.kind is ReviewKind.SAV and leads > SAV_LEAD_ADS:
        findings.append(f"A Safeguarding Assurance Visit has one lead AD; this team has {leads}.")
    # A SAV MAX deploys "a larger team" (seed 001): no upper bound, but no fewer than a SAV.
    too_few = colleagues < SAV_COLLEAGUES - TEAM_SIZE_LEEWAY
    too_many = review.kind is ReviewKind.SAV and colleagues > SAV_COLLEAGUES + TEAM_SIZE_LEEWAY
    if too_few or too_many:
        findings.append(
            f"A {review.kind} has a lead AD and about {SAV_COLLEAGUES} senior colleagues; "
            f"this team has {colleagues}."
        )
    others = _other_authorities(review, members)
    if len(others) < SAV_MIN_AUTHORITIES:
        findings.append(
            f"The team comes from {len(others)} other "
            f"{'authority' if len(others) == 1 else 'authorities'}; a team mixes colleagues "
            f"from at least {SAV_MIN_AUTHORITIES}."
        )
    return findings


def _uncovered(review: ReviewDraft, members: Sequence[TeamMember]) -> list[str]:
    if not review.kloe_agreed:
        return []
    return [
        f"Nobody on the team has {area} expertise, which the lines of enquiry need (“{word}”)."
        for area, word in areas_needed(review.kloe).items()
        if not any(has_area(m.candidate.expertise, area) for m in members)
    ]
