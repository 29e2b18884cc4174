"""30 invented people in the pool, five of each kind: the host's own, not approved, not
trained, served this year, without the expertise the KLoE need, and fit to serve."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.pool.people import ChallengerDetails, ChallengerView, Expertise, ServiceView
from facilitator.pool.people import Role as FormRole
from facilitator.reviews.candidates import as_candidate, candidates, team_role
from facilitator.reviews.kinds import ReviewDraft, ReviewKind
from facilitator.reviews.team_rules import Role, Served
from facilitator.reviews.vague_dates import parse_vague_date
from facilitator.workspace import Workspace

TODAY = dt.date(2026, 3, 2)
HOST = "Northshire"
OTHERS = ("Southshire", "Eastshire", "Westshire", "Midtown")
KINDS = ("host", "unapproved", "untrained", "served", "no expertise", "fit")
FIT = ChallengerDetails(
    name="",
    authority="",
    expertise=(Expertise.SAFEGUARDING, Expertise.SCHOOLS),
    roles_applied=(FormRole.PCR_TEAM_MEMBER, FormRole.DATA_SPECIALIST),
    roles_approved=(FormRole.PCR_TEAM_MEMBER,),
    training="PCR team member training",
)


def person(n: int) -> ChallengerDetails:
    kind = KINDS[n % 6]
    approved = (FormRole.DATA_SPECIALIST,) if kind == "unapproved" else FIT.roles_approved
    return ChallengerDetails(
        name=f"Person {n:02d} Example",
        authority=HOST if kind == "host" else OTHERS[n % 4],
        expertise=(Expertise.YOUTH,) if kind == "no expertise" else FIT.expertise,
        roles_applied=FIT.roles_applied,
        roles_approved=approved,
        training="" if kind == "untrained" else FIT.training,
    )


@pytest.fixture
def workspace() -> Workspace:
    workspace = Workspace.in_memory()
    people = workspace.pool.add_all([person(n) for n in range(30)])
    for view in people[3::6]:
        workspace.pool.record_service(view.id, "SAV of Eastshire", dt.date(2026, 1, 20))
        workspace.pool.record_service(view.id, "SAV of Westshire", dt.date(2025, 2, 3))
    return workspace


def add(workspace: Workspace, dates: str, kloe: str = "The front door and thresholds") -> int:
    draft = ReviewDraft(ReviewKind.PCTR, HOST, parse_vague_date(dates), kloe=kloe)
    (view,) = workspace.reviews.add_all([draft])
    return view.id


def found(workspace: Workspace, review: int, role: Role = Role.PCR_MEMBER) -> dict[int, list[str]]:
    """Each person's number (from their name), with their reasons."""
    listed = candidates(workspace.reviews, workspace.pool, review, role, TODAY)
    return {int(view.name.split()[1]): reasons for view, reasons in listed}


EXPECTED = {
    "host": "Person {n:02d} Example is from Northshire, the authority under review.",
    "unapproved": (
        "Person {n:02d} Example applied to be a PCR team member, but their DCS has not approved it."
    ),
    "untrained": "Person {n:02d} Example has not been to the regional peer challenge training.",
    "served": (
        "Person {n:02d} Example already served on a review in 2026 (SAV of Eastshire), and "
        "nobody is called on more than once a calendar year."
    ),
    "no expertise": (
        "Person {n:02d} Example has none of the expertise the lines of enquiry need "
        "(Safeguarding for “front door”)."
    ),
}


def test_everyone_in_the_pool_is_listed_by_name_with_the_reason_they_are_left_out(
    workspace: Workspace,
) -> None:
    review = add(workspace, "Jun-Aug 2026")

    listed = candidates(workspace.reviews, workspace.pool, review, Role.PCR_MEMBER, TODAY)

    names = [view.name for view, _ in listed]
    assert names == sorted(names)
    assert len(names) == 30
    for n, reasons in found(workspace, review).items():
        kind = KINDS[n % 6]
        if kind == "fit":
            assert reasons == [], n
        else:
            assert reasons == [EXPECTED[kind].format(n=n)], n


def test_short_notice_leaves_out_even_the_fit(workspace: Workspace) -> None:
    review = add(workspace, "16-18 Mar 2026", kloe="tba")

    for n, reasons in found(workspace, review).items():
        notice = (
            "The review starts 16 March 2026, 14 days from today: a team needs about two "
            "months’ notice (56 days)."
        )
        assert reasons[-1] == notice, n
        if KINDS[n % 6] in ("fit", "no expertise"):  # tba: no expertise asked for yet
            assert reasons == [notice], n


def test_a_data_specialist_needs_that_approval_and_no_kloe_expertise(
    workspace: Workspace,
) -> None:
    review = add(workspace, "Jun-Aug 2026")

    yes = [
        n for n, reasons in found(workspace, review, Role.DATA_SPECIALIST).items() if not reasons
    ]

    assert yes == [1, 7, 13, 19, 25]  # the "unapproved" five are approved as data specialists


def test_someone_on_the_team_is_said_to_be_so_not_to_have_served_already(
    workspace: Workspace,
) -> None:
    review = add(workspace, "Jun-Aug 2026")
    fit = workspace.pool.people()[5]
    workspace.reviews.add_member(review, fit.id, Role.PCR_MEMBER)

    assert found(workspace, review)[5] == [
        "Person 05 Example is on this review's team already, as PCR team member."
    ]
    other = add(workspace, "Sept-Oct 2026")
    assert found(workspace, other)[5] == [
        "Person 05 Example is already on a review in 2026 (Peer Challenge Team Review of "
        "Northshire (Jun-Aug 2026)), and nobody is called on more than once a calendar year."
    ]


def test_a_pool_entry_becomes_the_candidate_the_team_rules_see() -> None:
    view = ChallengerView(7, person(3))
    served = workspace_service(view)

    candidate = as_candidate(view, served)

    assert candidate.roles == frozenset({Role.PCR_MEMBER})
    assert candidate.expertise == ("Safeguarding", "Schools")
    assert candidate.trained is True
    assert candidate.served == (
        Served(dt.date(2025, 2, 3), "SAV of Westshire"),
        Served(dt.date(2026, 1, 20), "SAV of Eastshire"),
    )
    assert candidate.applied == frozenset({Role.PCR_MEMBER, Role.DATA_SPECIALIST})
    assert not as_candidate(ChallengerView(8, person(2)), ()).trained
    assert {team_role(role) for role in FormRole} == set(Role)


def workspace_service(view: ChallengerView) -> tuple[ServiceView, ...]:
    workspace = Workspace.in_memory()
    stored = workspace.pool.add(view.details)
    workspace.pool.record_service(stored.id, "SAV of Eastshire", dt.date(2026, 1, 20))
    workspace.pool.record_service(stored.id, "SAV of Westshire", dt.date(2025, 2, 3))
    return workspace.pool.service(stored.id)


def test_an_unknown_review_is_a_lookup_error(workspace: Workspace) -> None:
    with pytest.raises(LookupError, match="There is no review with id 4"):
        candidates(workspace.reviews, workspace.pool, 4, Role.PCR_MEMBER, TODAY)
