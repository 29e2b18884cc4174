from __future__ import annotations

import datetime as dt

import pytest

from facilitator.common.vocabulary import DayKind, DayMode, NoteTag, StageKind
from facilitator.demo import create_demo_day
from facilitator.planning.planner import AuthorityEntry, DayInputError, NewDay, TeamMember
from facilitator.workspace import Workspace

HANDBOOK_TRIAD = [
    ("10.00", "Introductions", 15),
    ("10.15", "Presentation of the self-assessment", 15),
    ("10.30", "Questioning: strengths and signatures of risk", 70),
    ("11.40", "Affirmation", 5),
    ("11.45", "Insights and options (on the balcony)", 15),
    ("12.00", "Reaction", 10),
    ("12.10", "Reflection and actions", 10),
    ("12.20", "Lunch", 40),
    ("13.00", "Presentation of the self-assessment", 15),
    ("13.15", "Questioning: strengths and signatures of risk", 70),
    ("14.25", "Affirmation", 5),
    ("14.30", "Insights and options (on the balcony)", 15),
    ("14.45", "Reaction", 10),
    ("14.55", "Reflection and actions", 10),
    ("15.05", "Tea and coffee", 10),
    ("15.15", "Presentation of the self-assessment", 15),
    ("15.30", "Questioning: strengths and signatures of risk", 70),
    ("16.40", "Affirmation", 5),
    ("16.45", "Insights and options (on the balcony)", 15),
    ("17.00", "Reaction", 10),
    ("17.10", "Reflection and actions", 10),
    ("17.20", "Plenary", 15),
]


def triad(**changes: object) -> NewDay:
    values: dict[str, object] = {
        "date": dt.date(2027, 2, 1),
        "kind": DayKind.TRIAD,
        "mode": DayMode.VIRTUAL,
        "authorities": (
            AuthorityEntry("Northfield", "NF", "Ada Brook", (TeamMember("Ben Cole", "AD"),)),
            AuthorityEntry("Eastwick", "EW", "Cara Dunn"),
            AuthorityEntry("Southam", "SH", "Dev Ellis"),
        ),
        "meeting_link": "Teams meeting",
        "facilitator": "Fay Green",
        "cycle_name": "2026–2027",
    }
    values.update(changes)
    return NewDay(**values)  # type: ignore[arg-type]


def test_a_new_triad_has_three_sessions_and_the_handbook_timetable(workspace: Workspace) -> None:
    day_id = workspace.planner.create_day(triad())
    plan = workspace.planner.day_plan(day_id)

    rows = [(s.starts.strftime("%H.%M"), s.title, s.planned_minutes) for s in plan.stages]
    assert rows == HANDBOOK_TRIAD
    assert plan.finish == dt.time(17, 35)
    presenters = [s.presenter for s in plan.stages if s.kind is StageKind.PRESENTATION]
    assert presenters == ["Northfield", "Eastwick", "Southam"]
    assert plan.summary.cycle_name == "2026–2027"
    assert plan.summary.place == "Teams meeting"
    assert plan.facilitator == "Fay Green"


def test_default_lead_reviewers_form_a_cycle_with_nobody_reviewing_itself(
    workspace: Workspace,
) -> None:
    day_id = workspace.planner.create_day(triad())
    people = workspace.planner.day_plan(day_id).participants

    reviews = {p.name: p.reviews for p in people}
    assert reviews == {"Northfield": "Southam", "Eastwick": "Northfield", "Southam": "Eastwick"}
    assert sorted(reviews.values()) == sorted(reviews)
    assert people[0].dcs == "Ada Brook"
    assert people[0].team == (TeamMember("Ben Cole", "AD"),)


def test_sessions_come_in_presenting_order_with_their_lead_reviewers(
    workspace: Workspace,
) -> None:
    day_id = workspace.planner.create_day(triad())
    plan = workspace.planner.day_plan(day_id)
    ids = {p.name: p.authority_id for p in plan.participants}

    sessions = workspace.planner.presenting_sessions(day_id)

    assert [(s.position, s.authority_name, s.short_name) for s in sessions] == [
        (0, "Northfield", "NF"),
        (1, "Eastwick", "EW"),
        (2, "Southam", "SH"),
    ]
    assert len({s.session_id for s in sessions}) == 3
    assert plan.lead_reviewer_of(ids["Northfield"]) == ids["Eastwick"]
    assert plan.lead_reviewer_of(ids["Southam"]) == ids["Northfield"]
    assert workspace.data_path is None  # in memory


def test_a_quartet_may_share_one_dcs_between_two_authorities(workspace: Workspace) -> None:
    day_id = workspace.planner.create_day(
        triad(
            kind=DayKind.QUARTET,
            authorities=(
                AuthorityEntry("Upton", "U", "Gil Hart"),
                AuthorityEntry("Lowmoor", "L", "Ivy Jones"),
                AuthorityEntry("Isle of Wren", "IoW", "Ivy Jones"),
                AuthorityEntry("Redbank", "R", "Kit Lane"),
            ),
        )
    )
    plan = workspace.planner.day_plan(day_id)

    assert [p.dcs for p in plan.participants] == ["Gil Hart", "Ivy Jones", "Ivy Jones", "Kit Lane"]
    assert len([s for s in plan.stages if s.kind is StageKind.PRESENTATION]) == 4
    assert {p.reviews for p in plan.participants} == {p.name for p in plan.participants}


@pytest.mark.parametrize(
    ("authorities", "message"),
    [
        ((AuthorityEntry("A"), AuthorityEntry("B")), "A triad needs 3 authorities; 2 were given"),
        ((AuthorityEntry("A"), AuthorityEntry(" "), AuthorityEntry("C")), "needs a name"),
        ((AuthorityEntry("A"), AuthorityEntry("B"), AuthorityEntry("a")), "A is listed twice"),
    ],
)
def test_a_day_that_makes_no_sense_is_refused_with_a_reason(
    workspace: Workspace, authorities: tuple[AuthorityEntry, ...], message: str
) -> None:
    with pytest.raises(DayInputError, match=message):
        workspace.planner.create_day(triad(authorities=authorities))
    assert workspace.planner.list_days() == []


def test_days_are_listed_by_date_and_announced_when_created(workspace: Workspace) -> None:
    announced: list[int] = []
    workspace.planner.day_changed.connect(announced.append)
    later = workspace.planner.create_day(triad(date=dt.date(2027, 3, 1)))
    earlier = workspace.planner.create_day(triad(date=dt.date(2027, 1, 5), cycle_name=""))

    days = workspace.planner.list_days()
    assert [d.id for d in days] == [earlier, later]
    assert days[1].authorities == ("Northfield", "Eastwick", "Southam")
    assert days[1].title == "Triad: Northfield, Eastwick, Southam"
    assert announced == [later, earlier]


def test_deleting_a_day_deletes_its_stages_and_notes(workspace: Workspace) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    stage_id = workspace.planner.day_plan(day_id).stages[1].id
    assert workspace.notebook.for_stage(stage_id)

    workspace.planner.delete_day(day_id)

    assert workspace.planner.list_days() == []
    assert workspace.notebook.for_stage(stage_id) == []
    with pytest.raises(LookupError):
        workspace.planner.day_plan(day_id)


def test_the_demo_day_is_a_triad_with_notes_in_its_first_session(workspace: Workspace) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    plan = workspace.planner.day_plan(day_id)
    first_session_stages = [s for s in plan.stages if s.presenter == "Ashvale"]
    notes = [n for s in first_session_stages for n in workspace.notebook.for_stage(s.id)]

    assert plan.summary.kind is DayKind.TRIAD
    assert {n.tag for n in notes} >= {NoteTag.STRENGTH, NoteTag.INSIGHT, NoteTag.ASK, NoteTag.OFFER}
    assert all(n.session_id == notes[0].session_id for n in notes)


def test_several_days_are_created_all_or_nothing(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    import facilitator.planning.planner as planning

    written: list[int] = []

    def add_then_fail_on_the_second(s: object, new: NewDay) -> int:
        if written:
            raise RuntimeError("the disk filled up")
        written.append(real_add_day(s, new))  # type: ignore[arg-type]
        return written[-1]

    real_add_day = planning.add_day
    monkeypatch.setattr(planning, "add_day", add_then_fail_on_the_second)

    with pytest.raises(RuntimeError, match="disk"):
        workspace.planner.create_days([triad(), triad(date=dt.date(2027, 2, 2))])

    assert written  # the first day was written, then rolled back with the second
    assert workspace.planner.list_days() == []
    with pytest.raises(DayInputError, match="needs 3 authorities"):
        workspace.planner.create_days([triad(), triad(authorities=(AuthorityEntry("A"),))])
    assert workspace.planner.list_days() == []


def test_a_new_day_can_name_its_lead_reviewers_and_finish_limit(workspace: Workspace) -> None:
    authorities = (
        AuthorityEntry("Northfield", reviews="Eastwick"),
        AuthorityEntry("Eastwick", reviews="Southam"),
        AuthorityEntry("Southam", reviews="Northfield"),
    )
    day_id = workspace.planner.create_day(
        triad(authorities=authorities, finish_limit=dt.time(17, 0))
    )
    plan = workspace.planner.day_plan(day_id)

    assert {p.name: p.reviews for p in plan.participants} == {
        "Northfield": "Eastwick",
        "Eastwick": "Southam",
        "Southam": "Northfield",
    }
    assert plan.finish_limit == dt.time(17, 0)
    assert plan.overrun_minutes == 35
    with pytest.raises(DayInputError, match="Northfield refers to Westby"):
        workspace.planner.create_day(
            triad(authorities=(AuthorityEntry("Northfield", reviews="Westby"), *authorities[1:]))
        )
