from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from facilitator.reviews.expertise import areas_needed
from facilitator.reviews.kinds import ReviewDraft, ReviewKind
from facilitator.reviews.team_rules import (
    MIN_NOTICE_DAYS,
    Candidate,
    Role,
    Served,
    TeamMember,
    check_candidate,
    check_team,
)
from facilitator.reviews.vague_dates import VagueDate, parse_vague_date

D = dt.date
TODAY = D(2016, 3, 1)
PCTR = ReviewDraft(
    ReviewKind.PCTR,
    "Derby",
    parse_vague_date("Jun-Aug 2016"),
    kloe="The front door and thresholds; the early help offer",
)
SAV = ReviewDraft(ReviewKind.SAV, "Rutland", parse_vague_date("w/c 9 May 2016"))
GOOD = Candidate(
    id=1,
    name="Ann",
    authority="Leicester",
    roles=frozenset({Role.PCR_MEMBER}),
    expertise=("Safeguarding",),
    trained=True,
    served=(Served(D(2015, 6, 2)),),
)


def test_a_fit_candidate_has_no_reason_to_be_left_out() -> None:
    assert check_candidate(PCTR, GOOD, Role.PCR_MEMBER, TODAY) == []


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"authority": "Derby City"}, "Ann is from Derby, the authority under review."),
        ({"roles": frozenset({Role.SAV_MEMBER})}, "Ann has not applied to be a PCR team member."),
        ({"trained": False}, "has not been to the regional peer challenge training"),
        (
            {"served": (Served(D(2016, 1, 20)),)},
            "already served on a review in 2016 (20 January 2016)",
        ),
        ({"expertise": ("Schools", "Youth")}, "none of the expertise"),
    ],
)
def test_each_candidate_rule_gives_its_one_reason(change: dict[str, object], says: str) -> None:
    reasons = check_candidate(PCTR, replace(GOOD, **change), Role.PCR_MEMBER, TODAY)  # type: ignore[arg-type]

    assert len(reasons) == 1, reasons
    assert says in reasons[0]


def test_the_expertise_reason_names_what_the_lines_of_enquiry_need() -> None:
    [reason] = check_candidate(PCTR, replace(GOOD, expertise=()), Role.PCR_MEMBER, TODAY)

    assert "Safeguarding for “front door”" in reason
    assert "Family Support for “early help”" in reason
    # One of the areas is enough; case is set aside.
    fine = replace(GOOD, expertise=("family support",))
    assert check_candidate(PCTR, fine, Role.PCR_MEMBER, TODAY) == []


def test_no_expertise_is_needed_while_the_lines_of_enquiry_are_tba() -> None:
    review = replace(PCTR, kloe="tba")

    assert check_candidate(review, replace(GOOD, expertise=()), Role.PCR_MEMBER, TODAY) == []


def test_a_data_specialist_is_chosen_for_the_data_not_the_themes() -> None:
    specialist = replace(GOOD, roles=frozenset({Role.DATA_SPECIALIST}), expertise=("Data",))

    assert check_candidate(PCTR, specialist, Role.DATA_SPECIALIST, TODAY) == []


def test_less_than_two_months_notice_leaves_everyone_out() -> None:
    start = PCTR.dates.earliest
    assert start is not None
    late = start - dt.timedelta(days=MIN_NOTICE_DAYS - 1)
    in_time = start - dt.timedelta(days=MIN_NOTICE_DAYS)

    [reason] = check_candidate(PCTR, GOOD, Role.PCR_MEMBER, late)

    assert "55 days from today" in reason
    assert "about two months’ notice (56 days)" in reason
    assert check_candidate(PCTR, GOOD, Role.PCR_MEMBER, in_time) == []
    assert check_candidate(PCTR, GOOD, Role.PCR_MEMBER, D(2016, 6, 3)) == [
        "The review started on 1 June 2016: a team is chosen before it starts."
    ]


def test_serving_once_a_year_counts_for_each_year_a_winter_review_may_fall_in() -> None:
    winter = replace(SAV, dates=parse_vague_date("Winter 2016"))
    lead = replace(GOOD, roles=frozenset({Role.SAV_LEAD_AD}), served=(Served(D(2017, 1, 5)),))

    [reason] = check_candidate(winter, lead, Role.SAV_LEAD_AD, TODAY)

    assert reason == (
        "Ann is already on a review in 2017 (5 January 2017), and nobody is called on more "
        "than once a calendar year."
    )


def test_a_tbc_review_cannot_yet_be_checked_for_notice_or_the_year() -> None:
    tbc = replace(SAV, dates=VagueDate("TBC"))
    member = replace(GOOD, roles=frozenset({Role.SAV_MEMBER}), served=(Served(TODAY),))

    assert check_candidate(tbc, member, Role.SAV_MEMBER, TODAY) == []


def test_not_approved_says_whether_they_applied_for_the_role_at_all() -> None:
    waiting = replace(GOOD, roles=frozenset(), applied=frozenset({Role.PCR_MEMBER}))
    other = frozenset({Role.DATA_SPECIALIST})
    never = replace(GOOD, roles=other, applied=other)

    assert check_candidate(PCTR, waiting, Role.PCR_MEMBER, TODAY) == [
        "Ann applied to be a PCR team member, but their DCS has not approved it."
    ]
    assert check_candidate(PCTR, never, Role.PCR_MEMBER, TODAY) == [
        "Ann has not applied to be a PCR team member."
    ]


RUTLAND = "Safeguarding Assurance Visit of Rutland (January 2016)"
DERBYSHIRE = "Peer Challenge Team Review of Derbyshire (12-14 Apr 2016)"


@pytest.mark.parametrize(
    ("served", "says"),
    [
        ((Served(D(2016, 1, 20), RUTLAND),), f"already served on a review in 2016 ({RUTLAND})"),
        ((Served(D(2016, 4, 12), DERBYSHIRE),), f"is already on a review in 2016 ({DERBYSHIRE})"),
        ((Served(TODAY, DERBYSHIRE),), f"is already on a review in 2016 ({DERBYSHIRE})"),
        (
            (Served(D(2016, 4, 12), DERBYSHIRE), Served(D(2016, 1, 20), RUTLAND)),
            f"is already on a review in 2016 ({RUTLAND}; {DERBYSHIRE})",
        ),
    ],
    ids=["served before today", "down for later", "down for today", "one of each"],
)
def test_once_a_year_names_the_review_and_whether_it_is_over(
    served: tuple[Served, ...], says: str
) -> None:
    reasons = check_candidate(PCTR, replace(GOOD, served=served), Role.PCR_MEMBER, TODAY)

    assert reasons == [f"Ann {says}, and nobody is called on more than once a calendar year."]


def test_a_role_the_kind_of_review_does_not_have() -> None:
    member = replace(GOOD, roles=frozenset(Role))

    [reason] = check_candidate(PCTR, member, Role.SAV_LEAD_AD, TODAY)

    assert reason == (
        "A Peer Challenge Team Review has no SAV lead AD; "
        "its team has PCR team members and data specialists."
    )


def test_every_reason_is_given_at_once() -> None:
    worst = Candidate(2, "Bo", "derby", served=(Served(D(2016, 7, 1)),))

    reasons = check_candidate(PCTR, worst, Role.PCR_MEMBER, D(2016, 5, 1))

    assert len(reasons) == 6
    assert all(r.endswith(".") and r[0].isupper() for r in reasons)


AUTHORITIES = [
    "Derby",
    "Derbyshire",
    "Leicester",
    "Leicestershire",
    "Lincolnshire",
    "Northamptonshire",
    "Nottingham",
    "Nottinghamshire",
    "Rutland",
]
AREA_SETS = [("Safeguarding",), ("Schools",), ("Family Support", "Data"), ()]


def thirty_candidates() -> list[Candidate]:
    return [
        Candidate(
            id=n,
            name=f"Person {n}",
            authority=AUTHORITIES[n % 9],
            roles=frozenset({Role.PCR_MEMBER} if n % 5 else {Role.SAV_MEMBER}),
            expertise=AREA_SETS[n % 4],
            trained=n % 7 != 3,
            served=(Served(D(2016 if n % 6 == 1 else 2015, 4, 1 + n % 28)),),
        )
        for n in range(30)
    ]


def expected_reasons(c: Candidate) -> set[str]:
    """What the rules should find, worked out here without them."""
    found = set()
    if c.authority == "Derby":
        found.add("host")
    if Role.PCR_MEMBER not in c.roles:
        found.add("approved")
    if not c.trained:
        found.add("training")
    if any(s.on.year == 2016 for s in c.served):
        found.add("served")
    if not {"Safeguarding", "Family Support"} & set(c.expertise):
        found.add("expertise")
    return found


KEYS = {
    "host": "authority under review",
    "approved": "has not applied to be a PCR team member",
    "training": "training",
    "served": "already on a review in 2016",
    "expertise": "none of the expertise",
}


def test_thirty_candidates_each_left_out_for_every_reason_that_applies() -> None:
    outcomes = {c.id: check_candidate(PCTR, c, Role.PCR_MEMBER, TODAY) for c in thirty_candidates()}

    for candidate in thirty_candidates():
        reasons = outcomes[candidate.id]
        expected = expected_reasons(candidate)
        told = {key for key, words in KEYS.items() if any(words in r for r in reasons)}
        assert told == expected, (candidate, reasons)
        assert len(reasons) == len(expected)
        assert all(candidate.name in r for r in reasons)
    excluded = [n for n, reasons in outcomes.items() if reasons]
    assert 0 < len(excluded) < 30
    assert all(outcomes[n] for n in excluded)


def member(n: int, authority: str, role: Role, *expertise: str) -> TeamMember:
    return TeamMember(Candidate(n, f"M{n}", authority, frozenset({role}), expertise, True), role)


SOUND_PCTR = [
    member(1, "Leicester", Role.PCR_MEMBER, "Safeguarding"),
    member(2, "Leicester", Role.PCR_MEMBER),
    member(3, "Lincolnshire", Role.PCR_MEMBER, "Family Support"),
    member(4, "Rutland", Role.PCR_MEMBER),
    member(5, "Rutland", Role.DATA_SPECIALIST, "Data"),
]
SOUND_SAV = [
    member(1, "Leicester", Role.SAV_LEAD_AD),
    member(2, "Derby", Role.SAV_MEMBER),
    member(3, "Lincs", Role.SAV_MEMBER),
    member(4, "Derby", Role.SAV_MEMBER),
]


def test_sound_teams_have_nothing_wrong() -> None:
    assert check_team(PCTR, SOUND_PCTR) == []
    assert check_team(SAV, SOUND_SAV) == []
    assert check_team(replace(SAV, kind=ReviewKind.SAV_MAX), SOUND_SAV) == []


@pytest.mark.parametrize(
    ("team", "says"),
    [
        (
            SOUND_PCTR[:1] + SOUND_PCTR[2:3] + SOUND_PCTR[4:],
            "about 4 core members; this team has 2",
        ),
        (SOUND_PCTR[:4], "no data specialist"),
        (
            [
                *SOUND_PCTR[:2],
                replace(
                    SOUND_PCTR[2], candidate=replace(SOUND_PCTR[2].candidate, authority="Leicester")
                ),
                SOUND_PCTR[1],
                SOUND_PCTR[4],
            ],
            "on the team twice",
        ),
        (
            [
                member(n, "Leicester", Role.PCR_MEMBER, "Safeguarding", "Family Support")
                for n in (1, 2, 3, 4)
            ]
            + SOUND_PCTR[4:],
            "from 1 other authority; they must come from at least 2",
        ),
        (
            [*SOUND_PCTR, member(9, "Derby", Role.PCR_MEMBER)],
            "M9 is from Derby, the authority under",
        ),
        (SOUND_PCTR[1:], "Nobody on the team has Safeguarding expertise"),
        ([*SOUND_PCTR, member(9, "Leicester", Role.SAV_MEMBER)], "down as a SAV team member"),
    ],
)
def test_each_pctr_team_check(team: list[TeamMember], says: str) -> None:
    findings = check_team(PCTR, team)

    assert any(says in f for f in findings), findings


@pytest.mark.parametrize(
    ("kind", "team", "says"),
    [
        (ReviewKind.SAV, SOUND_SAV[1:], "this team has no lead AD"),
        (
            ReviewKind.SAV,
            [*SOUND_SAV, member(8, "Derby", Role.SAV_LEAD_AD)],
            "one lead AD; this team has 2",
        ),
        (ReviewKind.SAV, SOUND_SAV[:2], "about 3 senior colleagues; this team has 1"),
        (
            ReviewKind.SAV,
            SOUND_SAV + [member(n, "Derby", Role.SAV_MEMBER) for n in (5, 6)],
            "this team has 5",
        ),
        (
            ReviewKind.SAV,
            [
                member(n, "Derby", role)
                for n, role in enumerate([Role.SAV_LEAD_AD] + [Role.SAV_MEMBER] * 3)
            ],
            "from 1 other authority; a team mixes colleagues from at least 2",
        ),
        (ReviewKind.SAV_MAX, SOUND_SAV[:2], "SAV MAX has a lead AD and about 3"),
    ],
)
def test_each_sav_team_check(kind: ReviewKind, team: list[TeamMember], says: str) -> None:
    findings = check_team(replace(SAV, kind=kind), team)

    assert any(says in f for f in findings), findings


def test_members_from_the_host_do_not_make_a_team_mixed() -> None:
    core = [
        member(n, "Leicester", Role.PCR_MEMBER, "Safeguarding", "Family Support") for n in (1, 2, 3)
    ]
    team = [*core, member(4, "Derby City", Role.PCR_MEMBER), SOUND_PCTR[4]]

    findings = check_team(PCTR, team)

    assert "M4 is from Derby, the authority under review." in findings
    assert any("from 1 other authority" in f for f in findings), findings


def test_a_sav_max_may_be_larger_and_have_several_lead_ads() -> None:
    big = [
        member(1, "Lincs", Role.SAV_LEAD_AD),
        member(2, "Lincolnshire", Role.SAV_LEAD_AD),
        member(3, "Derbyshire", Role.SAV_LEAD_AD),
        *[member(n, "Leicester", Role.SAV_MEMBER) for n in range(4, 10)],
    ]

    assert check_team(replace(SAV, kind=ReviewKind.SAV_MAX), big) == []
    assert any("one lead AD" in f for f in check_team(SAV, big))


@pytest.mark.parametrize(
    ("kloe", "areas"),
    [
        ("Front door, thresholds and the MASH", {"Safeguarding"}),
        ("Early help", {"Family Support"}),
        ("Data and performance", {"Performance management"}),
        ("Workforce: recruitment", {"Workforce development"}),
        ("SEND reforms and schools", {"Schools"}),
        (
            "Early intervention linking to social care, plus CiC, CP",
            {"Family Support", "Safeguarding"},
        ),
        ("Effectiveness of improvement activity", set()),
        ("send the report to schools", {"Schools"}),
        ("send the report", set()),
    ],
)
def test_the_keyword_map(kloe: str, areas: set[str]) -> None:
    assert set(areas_needed(kloe)) == areas
