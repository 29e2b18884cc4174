from __future__ import annotations

import datetime as dt

import pytest

from facilitator.common.vocabulary import DayKind, DayMode, StageKind
from facilitator.demo import create_demo_day
from facilitator.planning.lead_reviewers import SharedDcs, suggest_assignment, validate_assignment
from facilitator.planning.planner import AuthorityEntry, DayInputError, NewDay
from facilitator.workspace import Workspace

TRIAD = ["Wokingham", "East Sussex", "Surrey"]
QUARTET = ["Oxfordshire", "Hampshire", "Isle of Wight", "Reading"]
HAMPSHIRE_AND_IOW = SharedDcs("", ("Hampshire", "Isle of Wight"))


def single_cycle(assignment: dict[str, str]) -> bool:
    start = next(iter(assignment))
    seen, who = [], start
    while who not in seen:
        seen.append(who)
        who = assignment[who]
    return who == start and len(seen) == len(assignment)


def test_each_reviews_the_authority_that_presented_before_it() -> None:
    assert suggest_assignment(TRIAD) == {
        "Wokingham": "Surrey",
        "East Sussex": "Wokingham",
        "Surrey": "East Sussex",
    }
    assert suggest_assignment(QUARTET) == {
        "Oxfordshire": "Reading",
        "Hampshire": "Oxfordshire",
        "Isle of Wight": "Hampshire",
        "Reading": "Isle of Wight",
    }
    assert validate_assignment(TRIAD, suggest_assignment(TRIAD)) == []
    assert validate_assignment(QUARTET, suggest_assignment(QUARTET)) == []


def test_a_shared_dcs_is_not_suggested_to_review_their_own_other_authority() -> None:
    plain = suggest_assignment(QUARTET)
    assert validate_assignment(QUARTET, plain, [HAMPSHIRE_AND_IOW]) == [
        "Hampshire and Isle of Wight share one DCS, so Isle of Wight should not review Hampshire."
    ]

    suggestion = suggest_assignment(QUARTET, [{"Hampshire", "Isle of Wight"}])

    assert validate_assignment(QUARTET, suggestion, [HAMPSHIRE_AND_IOW]) == []
    assert single_cycle(suggestion)
    assert suggestion == {
        "Oxfordshire": "Isle of Wight",
        "Hampshire": "Oxfordshire",
        "Reading": "Hampshire",
        "Isle of Wight": "Reading",
    }


def test_the_handbooks_quartet_assignment_is_valid() -> None:
    handbook = {
        "Oxfordshire": "Hampshire",
        "Hampshire": "Reading",
        "Isle of Wight": "Oxfordshire",
        "Reading": "Isle of Wight",
    }
    assert validate_assignment(QUARTET, handbook, [HAMPSHIRE_AND_IOW]) == []


@pytest.mark.parametrize(
    ("reviews", "problems"),
    [
        (
            {"Wokingham": "Wokingham", "East Sussex": "Surrey", "Surrey": "East Sussex"},
            ["Wokingham is down to review itself.", "Nobody is lead reviewer for Wokingham."],
        ),
        (
            {"Wokingham": "Surrey", "East Sussex": "Surrey", "Surrey": "Wokingham"},
            [
                "Nobody is lead reviewer for East Sussex.",
                "Surrey is reviewed by both Wokingham and East Sussex; it needs exactly one "
                "lead reviewer.",
            ],
        ),
        (
            {"Wokingham": "Surrey", "East Sussex": None, "Surrey": "East Sussex"},
            ["East Sussex has no authority to review.", "Nobody is lead reviewer for Wokingham."],
        ),
        (
            {"Wokingham": "Kent", "East Sussex": "Wokingham", "Surrey": "East Sussex"},
            [
                "Wokingham is down to review Kent, which is not taking part.",
                "Nobody is lead reviewer for Surrey.",
            ],
        ),
    ],
)
def test_an_invalid_triad_assignment_is_explained(
    reviews: dict[str, str | None], problems: list[str]
) -> None:
    assert validate_assignment(TRIAD, reviews) == problems


def test_an_invalid_quartet_assignment_is_explained() -> None:
    reviews = {
        "Oxfordshire": "Hampshire",
        "Hampshire": "Isle of Wight",
        "Isle of Wight": "Hampshire",
        "Reading": "Oxfordshire",
    }
    assert validate_assignment(QUARTET, reviews, [HAMPSHIRE_AND_IOW]) == [
        "Hampshire is reviewed by both Oxfordshire and Isle of Wight; it needs exactly one "
        "lead reviewer.",
        "Nobody is lead reviewer for Reading.",
        "Hampshire and Isle of Wight share one DCS, so Hampshire should not review Isle of Wight.",
        "Hampshire and Isle of Wight share one DCS, so Isle of Wight should not review Hampshire.",
    ]


def quartet_with_shared_dcs() -> NewDay:
    return NewDay(
        date=dt.date(2027, 2, 1),
        kind=DayKind.QUARTET,
        mode=DayMode.FACE_TO_FACE,
        authorities=(
            AuthorityEntry("Upton", "U", "Gil Hart"),
            AuthorityEntry("Lowmoor", "L", "Ivy Jones"),
            AuthorityEntry("Isle of Wren", "IoW", "Ivy Jones"),
            AuthorityEntry("Redbank", "R", "Kit Lane"),
        ),
    )


def test_the_planner_stores_an_invalid_assignment_and_names_its_problems(
    workspace: Workspace,
) -> None:
    planner = workspace.planner
    day_id = planner.create_day(quartet_with_shared_dcs())
    ids = {p.name: p.authority_id for p in planner.day_plan(day_id).participants}
    assert planner.lead_reviewer_problems(day_id) == []

    change = planner.set_lead_reviewers(day_id, {ids["Lowmoor"]: ids["Isle of Wren"]})
    plan = planner.day_plan(day_id)

    expected = [
        "Nobody is lead reviewer for Upton.",
        "Isle of Wren is reviewed by both Upton and Lowmoor; it needs exactly one lead reviewer.",
        "Ivy Jones is DCS of both Lowmoor and Isle of Wren, so Lowmoor should not review "
        "Isle of Wren.",
    ]
    assert list(change.notices) == expected
    assert planner.lead_reviewer_problems(day_id) == expected
    assert list(plan.lead_reviewer_problems) == expected
    assert {p.name: p.reviews for p in plan.participants}["Lowmoor"] == "Isle of Wren"
    assert [p.shares_dcs_with for p in plan.participants] == [
        (),
        ("Isle of Wren",),
        ("Lowmoor",),
        (),
    ]

    planner.set_lead_reviewers(day_id, planner.suggest_lead_reviewers(day_id))
    assert planner.lead_reviewer_problems(day_id) == []
    with pytest.raises(DayInputError, match="not taking part"):
        planner.set_lead_reviewers(day_id, {ids["Upton"]: 9999})


def test_a_new_quartet_with_a_shared_dcs_gets_a_conflict_free_suggestion(
    workspace: Workspace,
) -> None:
    day_id = workspace.planner.create_day(quartet_with_shared_dcs())
    plan = workspace.planner.day_plan(day_id)

    reviews = {p.name: p.reviews for p in plan.participants}
    assert reviews == {
        "Upton": "Isle of Wren",
        "Lowmoor": "Upton",
        "Isle of Wren": "Redbank",
        "Redbank": "Lowmoor",
    }
    assert plan.lead_reviewer_problems == ()


def test_reordering_moves_sessions_with_their_notes_and_keeps_breaks_in_place(
    workspace: Workspace,
) -> None:
    planner = workspace.planner
    day_id = create_demo_day(planner, workspace.notebook)
    before = planner.day_plan(day_id)
    ids = {p.name: p.authority_id for p in before.participants}
    ashvale_notes = {
        s.id: [n.text for n in workspace.notebook.for_stage(s.id)]
        for s in before.stages
        if s.presenter == "Ashvale"
    }
    reviews_before = {p.name: p.reviews for p in before.participants}

    planner.reorder_authorities(day_id, [ids["Corriford"], ids["Ashvale"], ids["Brackenmoor"]])
    after = planner.day_plan(day_id)

    assert [p.name for p in after.participants] == ["Corriford", "Ashvale", "Brackenmoor"]
    presenters = [s.presenter for s in after.stages if s.kind is StageKind.PRESENTATION]
    assert presenters == ["Corriford", "Ashvale", "Brackenmoor"]
    kinds = [s.kind for s in after.stages]
    assert kinds[7] is StageKind.LUNCH
    assert kinds[14] is StageKind.TEA
    assert [s.presenter for s in after.stages[8:14]] == ["Ashvale"] * 6
    assert after.stages[8].starts == dt.time(13, 0)
    for stage_id, texts in ashvale_notes.items():
        assert [n.text for n in workspace.notebook.for_stage(stage_id)] == texts
    assert {p.name: p.reviews for p in after.participants} == reviews_before
    assert planner.suggest_lead_reviewers(day_id) == {
        ids["Corriford"]: ids["Brackenmoor"],
        ids["Ashvale"]: ids["Corriford"],
        ids["Brackenmoor"]: ids["Ashvale"],
    }


def test_a_screen_break_inside_a_session_moves_with_it(workspace: Workspace) -> None:
    planner = workspace.planner
    day_id = create_demo_day(planner, workspace.notebook)
    plan = planner.day_plan(day_id)
    ids = [p.authority_id for p in plan.participants]
    first_questioning = next(s for s in plan.stages if s.kind is StageKind.QUESTIONING)
    planner.add_screen_break(day_id, first_questioning.id)

    planner.reorder_authorities(day_id, [ids[1], ids[2], ids[0]])
    stages = planner.day_plan(day_id).stages

    ashvale = [i for i, s in enumerate(stages) if s.presenter == "Ashvale"]
    assert stages[ashvale[1] + 1].kind is StageKind.SCREEN_BREAK
    assert [s.kind for s in stages].index(StageKind.LUNCH) == 7
    with pytest.raises(DayInputError, match="each of the day’s authorities once"):
        planner.reorder_authorities(day_id, [ids[0], ids[0], ids[1]])
