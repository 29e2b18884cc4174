"""Issue #14 end to end: seed 001's PCTR and SAV tables and docs/sample-pool.csv (30 invented
people from the nine authorities the tables name) are imported, and a team for the
Peer Challenge Team Review of Nottingham (10-12 Aug 2015, KLoE "Early intervention linking to
social care, plus CiC, CP") is built from the pool, each rule leaving someone out with a
reason in plain words.

The pool file cannot carry anyone's service history, so the story gives three people a
Safeguarding Assurance Visit in 2015 (through the reviews service, as the coordinator
would) and one a review in 2014 (which does not count against 2015).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from facilitator.pool.importing import import_pool_file
from facilitator.pool.people import ChallengerView
from facilitator.reviews.candidates import as_candidate, candidates
from facilitator.reviews.importing import import_review_file
from facilitator.reviews.kinds import ReviewKind, authority_key
from facilitator.reviews.service import ReviewView
from facilitator.reviews.team_rules import Role, TeamMember, check_team
from facilitator.workspace import Workspace

ROOT = Path(__file__).resolve().parents[3]
PCTR = ROOT / "tests" / "data" / "seed-001-pctr.csv"
SAV = ROOT / "tests" / "data" / "seed-001-sav.csv"
SAMPLE_POOL = ROOT / "docs" / "sample-pool.csv"

# 70 days before the Nottingham PCTR: notice enough. Six weeks later there is not.
TODAY = dt.date(2015, 6, 1)
TOO_LATE = dt.date(2015, 7, 1)

# Who each rule leaves out of the Nottingham PCTR as a PCR team member, by name, and the
# plain words of the rule in their reason (team_rules.check_candidate's wording).
RULES = {
    "host authority": (
        "the authority under review",
        {"Grace Whitfield", "Martin Greaves", "Nadia Rahman", "Owen Talbot"},
    ),
    "approved for the role": (
        "applied to be a PCR team member, but their DCS has not approved it",
        {"Grace Whitfield", "Patricia Dunmore", "Rhys Caldwell", "Sunita Varma"},
    ),
    "applied for the role": (
        "has not applied to be a PCR team member",
        {"Edwin Marlow", "Joanna Pryce", "Lorna Fitch", "Owen Talbot", "Victor Adeyemi"},
    ),
    "trained": (
        "has not been to the regional peer challenge training",
        {"Grace Whitfield", "Tom Belling", "Ursula Kemp", "Victor Adeyemi"},
    ),
    "once a calendar year": (
        "nobody is called on more than once a calendar year",
        {"Wendy Stroud", "Yusuf Karim", "Zoe Hartley"},
    ),
    "expertise": (
        "has none of the expertise the lines of enquiry need (Safeguarding for “CP”; "
        "Family Support for “Early intervention”)",
        {
            "Bethan Crowe",
            "Callum Reid",
            "Dorothy Sefton",
            "Grace Whitfield",
            "Joanna Pryce",
            "Lorna Fitch",
            "Owen Talbot",
            "Victor Adeyemi",
        },
    ),
}
YES = {
    "Alistair Penrose",  # served in 2014, which does not count against 2015
    "Amira Lockwood",
    "Ben Hadley",
    "Catriona Pell",
    "Dev Mistry",
    "Elaine Fordham",
    "Fiona Lacey",
    "Gareth Nolan",
    "Hannah Okafor",
    "Imran Shah",
    "Kwame Asante",
}
DATA_SPECIALISTS = {"Joanna Pryce", "Kwame Asante", "Lorna Fitch", "Sunita Varma"}


def find(workspace: Workspace, kind: ReviewKind, host: str) -> ReviewView:
    (review,) = (
        r
        for r in workspace.reviews.list()
        if r.kind is kind and authority_key(r.host) == authority_key(host)
    )
    return review


def person(workspace: Workspace, name: str) -> ChallengerView:
    (found,) = (p for p in workspace.pool.people() if p.name == name)
    return found


def listed(
    workspace: Workspace,
    review: ReviewView,
    role: Role = Role.PCR_MEMBER,
    today: dt.date = TODAY,
) -> dict[str, list[str]]:
    """Everyone in the pool by name, with every reason they are left out ([] for yes)."""
    found = candidates(workspace.reviews, workspace.pool, review.id, role, today)
    return {view.name: reasons for view, reasons in found}


@pytest.fixture
def story(workspace: Workspace) -> Workspace:
    """Both seed tables and the sample pool imported, and some service history."""
    for table in (PCTR, SAV):
        tabled = import_review_file(workspace.reviews, table)
        assert tabled.ok, tabled.errors
    pooled = import_pool_file(workspace.pool, SAMPLE_POOL)
    assert pooled.ok, pooled.errors
    assert len(pooled.added) == 30
    june = find(workspace, ReviewKind.SAV, "Leicestershire")  # June 2015
    november = find(workspace, ReviewKind.SAV, "Rutland")  # November 2015
    for name in ("Wendy Stroud", "Yusuf Karim"):
        workspace.reviews.add_member(june.id, person(workspace, name).id, Role.SAV_MEMBER)
    workspace.reviews.add_member(november.id, person(workspace, "Zoe Hartley").id, Role.SAV_MEMBER)
    workspace.pool.record_service(
        person(workspace, "Alistair Penrose").id,
        "Safeguarding Assurance Visit of Rutland (November 2014)",
        dt.date(2014, 11, 12),
    )
    return workspace


def nottingham(workspace: Workspace) -> ReviewView:
    return find(workspace, ReviewKind.PCTR, "Nottingham")


def test_the_seed_tables_and_the_sample_pool_import_whole(story: Workspace) -> None:
    kinds = [review.kind for review in story.reviews.list()]
    assert kinds.count(ReviewKind.PCTR) == 9
    assert len(kinds) == 18
    people = story.pool.people()
    assert len(people) == 30
    authorities = {authority_key(p.authority) for p in people}
    hosts = {authority_key(r.host) for r in story.reviews.list()}
    assert len(authorities) >= 8
    assert authorities <= hosts  # every person's authority is one the tables name


@pytest.mark.parametrize("rule", list(RULES))
def test_each_rule_leaves_someone_out_and_says_so(story: Workspace, rule: str) -> None:
    words, expected = RULES[rule]

    found = listed(story, nottingham(story))

    left_out = {name for name, reasons in found.items() if any(words in r for r in reasons)}
    assert left_out == expected
    for name in expected:  # each reason names the person it is about
        assert any(r.startswith(f"{name} ") and words in r for r in found[name]), name


def test_the_host_is_known_by_its_short_form_too(story: Workspace) -> None:
    reasons = listed(story, nottingham(story))["Nadia Rahman"]  # of "Nottingham City"

    assert reasons == ["Nadia Rahman is from Nottingham, the authority under review."]


def test_too_little_notice_leaves_out_everyone(story: Workspace) -> None:
    notice = (
        "The review starts 10 August 2015, 40 days from today: a team needs about two "
        "months’ notice (56 days)."
    )

    found = listed(story, nottingham(story), today=TOO_LATE)

    assert all(notice in reasons for reasons in found.values())
    assert {name for name, reasons in found.items() if reasons == [notice]} == YES


def test_everyone_left_out_has_a_reason_and_the_rest_may_join(story: Workspace) -> None:
    found = listed(story, nottingham(story))

    assert len(found) == 30
    assert {name for name, reasons in found.items() if not reasons} == YES
    left_out = {name for name, reasons in found.items() if reasons}
    assert left_out == set().union(*(names for _, names in RULES.values()))
    assert all(reason.strip() for reasons in found.values() for reason in reasons)


def test_each_reason_is_given_once(story: Workspace) -> None:
    for name, reasons in listed(story, nottingham(story)).items():
        assert len(reasons) == len(set(reasons)), name


def test_the_data_specialists_are_asked_no_kloe_expertise(story: Workspace) -> None:
    found = listed(story, nottingham(story), Role.DATA_SPECIALIST)

    assert {name for name, reasons in found.items() if not reasons} == DATA_SPECIALISTS
    assert found["Owen Talbot"] == ["Owen Talbot is from Nottingham, the authority under review."]
    assert found["Victor Adeyemi"] == [
        "Victor Adeyemi has not been to the regional peer challenge training."
    ]


def team_of(story: Workspace, names: dict[str, Role]) -> list[TeamMember]:
    members = []
    for name, role in names.items():
        view = person(story, name)
        members.append(TeamMember(as_candidate(view, story.pool.service(view.id)), role))
    return members


def test_a_sound_team_can_be_built_from_the_yes_candidates(story: Workspace) -> None:
    review = nottingham(story)
    core = ["Amira Lockwood", "Ben Hadley", "Catriona Pell", "Dev Mistry"]
    assert set(core) <= YES
    assert listed(story, review, Role.DATA_SPECIALIST)["Joanna Pryce"] == []

    team = team_of(
        story, {**dict.fromkeys(core, Role.PCR_MEMBER), "Joanna Pryce": Role.DATA_SPECIALIST}
    )

    assert len({authority_key(m.candidate.authority) for m in team[:4]}) >= 2
    assert check_team(review.draft, team) == []


def test_a_core_from_one_other_authority_is_found_wanting(story: Workspace) -> None:
    leicester = ["Alistair Penrose", "Catriona Pell", "Fiona Lacey", "Kwame Asante"]
    team = team_of(
        story, {**dict.fromkeys(leicester, Role.PCR_MEMBER), "Joanna Pryce": Role.DATA_SPECIALIST}
    )

    assert check_team(nottingham(story).draft, team) == [
        "The core members come from 1 other authority; they must come from at least 2."
    ]


def test_mixed_authorities_leaves_out_a_fourth_core_member_from_the_same_authority(
    story: Workspace,
) -> None:
    review = nottingham(story)
    for name in ("Alistair Penrose", "Catriona Pell", "Fiona Lacey"):
        story.reviews.add_member(review.id, person(story, name).id, Role.PCR_MEMBER)

    reasons = listed(story, review)["Kwame Asante"]

    assert any("authorit" in reason for reason in reasons), reasons


def test_joining_one_review_leaves_them_out_of_another_that_year(story: Workspace) -> None:
    first = nottingham(story)
    second = find(story, ReviewKind.PCTR, "Leicestershire")  # 3-5 Nov 2015
    amira = person(story, "Amira Lockwood")
    assert listed(story, second)["Amira Lockwood"] == []

    story.reviews.add_member(first.id, amira.id, Role.PCR_MEMBER)

    assert listed(story, second)["Amira Lockwood"] == [
        "Amira Lockwood is already on a review in 2015 (Peer Challenge Team Review of "
        "Nottingham (10-12 Aug 2015)), and nobody is called on more than once a calendar year."
    ]
    # once the Nottingham review is over, she has served on it
    september = dt.date(2015, 9, 1)  # still two months before Leicestershire's
    assert listed(story, second, today=september)["Amira Lockwood"] == [
        "Amira Lockwood already served on a review in 2015 (Peer Challenge Team Review of "
        "Nottingham (10-12 Aug 2015)), and nobody is called on more than once a calendar year."
    ]
    assert listed(story, first)["Amira Lockwood"] == [
        "Amira Lockwood is on this review's team already, as PCR team member."
    ]
    # and a review in 2016 may still have her
    next_year = find(story, ReviewKind.PCTR, "Northamptonshire")  # Apr-May 2016
    assert listed(story, next_year)["Amira Lockwood"] == []
