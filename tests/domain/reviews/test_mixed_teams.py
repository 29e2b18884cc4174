"""The mixed-authorities rule as a candidate rule: someone is left out when, with them, the
places left in a team of the usual size could no longer bring in the authorities it needs
(a PCTR core of 4 from at least 2 other authorities; a SAV of a lead AD and 3 from at least
2). The host's own people are no "other" authority; the data specialist is not of the core."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.reviews.kinds import ReviewDraft, ReviewKind
from facilitator.reviews.team_rules import Candidate, Role, TeamMember, check_candidate
from facilitator.reviews.vague_dates import parse_vague_date

TODAY = dt.date(2016, 3, 1)
PCTR = ReviewDraft(ReviewKind.PCTR, "Derby", parse_vague_date("Jun-Aug 2016"), kloe="tba")
SAV = ReviewDraft(ReviewKind.SAV, "Rutland", parse_vague_date("w/c 9 May 2016"))
SAV_MAX = ReviewDraft(ReviewKind.SAV_MAX, "Rutland", parse_vague_date("w/c 9 May 2016"))


def person(n: int, authority: str) -> Candidate:
    return Candidate(n, f"P{n}", authority, frozenset(Role), trained=True)


def team(role: Role, *authorities: str) -> list[TeamMember]:
    return [TeamMember(person(n, a), role) for n, a in enumerate(authorities, start=1)]


def sav_team(lead: str, *colleagues: str) -> list[TeamMember]:
    """A lead AD from `lead` and colleagues from `colleagues`."""
    members = team(Role.SAV_MEMBER, lead, *colleagues)
    return [TeamMember(members[0].candidate, Role.SAV_LEAD_AD), *members[1:]]


def reasons(
    review: ReviewDraft, authority: str, role: Role, members: list[TeamMember]
) -> list[str]:
    return check_candidate(review, person(9, authority), role, TODAY, members)


CORE = Role.PCR_MEMBER


def test_a_fourth_core_member_from_the_same_authority_is_left_out() -> None:
    leicester = team(CORE, "Leicester", "Leicester", "Leicester")

    assert reasons(PCTR, "Leicester", CORE, leicester) == [
        "Adding P9 (Leicester) would leave the core of about 4 unable to come from at least "
        "2 authorities other than Derby: choose someone from another authority."
    ]
    assert reasons(PCTR, "Lincolnshire", CORE, leicester) == []


def test_a_third_core_member_from_the_same_authority_still_leaves_room() -> None:
    assert reasons(PCTR, "Leicester", CORE, team(CORE, "Leicester", "Leicester")) == []
    assert reasons(PCTR, "Leicester", CORE, team(CORE, "Leicester")) == []
    assert reasons(PCTR, "Leicester", CORE, []) == []


def test_a_mixed_core_takes_anyone() -> None:
    mixed = team(CORE, "Leicester", "Leicester", "Rutland")

    assert reasons(PCTR, "Leicester", CORE, mixed) == []
    assert reasons(PCTR, "Rutland", CORE, mixed) == []


def test_short_forms_and_case_are_the_same_authority() -> None:
    lincolnshire = team(CORE, "Lincolnshire", "lincolnshire", "Lincolnshire")

    [reason] = reasons(PCTR, "Lincs", CORE, lincolnshire)

    assert reason.startswith("Adding P9 (Lincs) would leave the core of about 4")


def test_the_data_specialist_is_never_left_out_by_it() -> None:
    leicester = team(CORE, "Leicester", "Leicester", "Leicester")

    assert reasons(PCTR, "Leicester", Role.DATA_SPECIALIST, leicester) == []


def test_the_data_specialist_does_not_count_in_the_core() -> None:
    specialist = TeamMember(person(5, "Lincolnshire"), Role.DATA_SPECIALIST)
    # one from elsewhere as the data specialist does not mix the core
    leicester = [*team(CORE, "Leicester", "Leicester", "Leicester"), specialist]
    assert len(reasons(PCTR, "Leicester", CORE, leicester)) == 1
    # nor does a data specialist from Leicester fill a place in it
    leicester_specialist = TeamMember(person(5, "Leicester"), Role.DATA_SPECIALIST)
    two = [*team(CORE, "Leicester", "Leicester"), leicester_specialist]
    assert reasons(PCTR, "Leicester", CORE, two) == []


def test_the_hosts_own_people_are_no_other_authority() -> None:
    with_host = team(CORE, "Leicester", "Leicester", "Derby City")

    [reason] = reasons(PCTR, "Leicester", CORE, with_host)

    assert reason.startswith("Adding P9 (Leicester) would leave the core of about 4")
    assert "at least 2 authorities other than Derby" in reason


def test_someone_from_the_host_is_told_only_that() -> None:
    leicester = team(CORE, "Leicester", "Leicester", "Leicester")

    assert reasons(PCTR, "Derby", CORE, leicester) == [
        "P9 is from Derby, the authority under review."
    ]


@pytest.mark.parametrize("role", [Role.SAV_MEMBER, Role.SAV_LEAD_AD])
def test_a_sav_of_one_authority_leaves_out_a_fourth_from_it(role: Role) -> None:
    leicester = sav_team("Leicester", "Leicester", "Leicester")

    assert reasons(SAV, "Leicester", role, leicester) == [
        "Adding P9 (Leicester) would leave the team of about 4 unable to come from at least "
        "2 authorities other than Rutland: choose someone from another authority."
    ]
    assert reasons(SAV, "Derby", role, leicester) == []


def test_a_sav_counts_the_lead_ad_and_leaves_room_after_two() -> None:
    assert reasons(SAV, "Leicester", Role.SAV_MEMBER, sav_team("Leicester", "Leicester")) == []
    assert reasons(SAV, "Leicester", Role.SAV_MEMBER, sav_team("Leicester")) == []
    mixed = sav_team("Derby", "Leicester", "Leicester")
    assert reasons(SAV, "Leicester", Role.SAV_MEMBER, mixed) == []
    # the host's own (Rutland) are no other authority on a SAV either
    with_host = sav_team("Leicester", "Leicester", "Rutland")
    [reason] = reasons(SAV, "Leicester", Role.SAV_MEMBER, with_host)
    assert reason.startswith("Adding P9 (Leicester) would leave the team of about 4")


def test_a_sav_max_has_room_for_another_authority_whatever_its_size() -> None:
    leicester = sav_team("Leicester", "Leicester", "Leicester", "Leicester")

    assert reasons(SAV_MAX, "Leicester", Role.SAV_MEMBER, leicester) == []
