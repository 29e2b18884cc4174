from __future__ import annotations

import datetime as dt

from facilitator.common.vocabulary import DayMode
from facilitator.demo import create_demo_day
from facilitator.planning.planner import DayDetails, TeamMember
from facilitator.workspace import Workspace


def test_details_change_and_are_announced(workspace: Workspace) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    announced: list[int] = []
    workspace.planner.day_changed.connect(announced.append)

    workspace.planner.update_details(
        day_id,
        DayDetails(
            date=dt.date(2027, 2, 3),
            mode=DayMode.VIRTUAL,
            meeting_link="Teams: peer challenge",
            facilitator="Lee Moss",
            cycle_name="2026–2027",
            number=4,
        ),
    )

    details = workspace.planner.details(day_id)
    assert details.date == dt.date(2027, 2, 3)
    assert details.mode is DayMode.VIRTUAL
    assert details.cycle_name == "2026–2027"
    summary = workspace.planner.list_days()[0]
    assert summary.place == "Teams: peer challenge"
    assert summary.number == 4
    assert announced == [day_id]


def test_a_team_is_replaced_and_its_dcs_renamed(workspace: Workspace) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    ashvale = workspace.planner.teams(day_id)[0]

    workspace.planner.set_team(
        day_id,
        ashvale.authority_id,
        short_name="Ash",
        dcs_name="Nadia Rowe",
        members=(TeamMember("Owen Pike", "Head of Service"), TeamMember("  ", "ignored")),
    )

    team = workspace.planner.teams(day_id)[0]
    assert team.short_name == "Ash"
    assert team.dcs_name == "Nadia Rowe"
    assert team.members == (TeamMember("Owen Pike", "Head of Service"),)
    plan = workspace.planner.day_plan(day_id)
    assert plan.participants[0].dcs == "Nadia Rowe"
    assert "Priya Ellwood" not in {p.dcs for p in plan.participants}


def test_naming_another_authoritys_dcs_makes_a_shared_dcs(workspace: Workspace) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    teams = workspace.planner.teams(day_id)

    workspace.planner.set_team(
        day_id,
        teams[2].authority_id,
        short_name=teams[2].short_name,
        dcs_name="tom hallworth",
        members=teams[2].members,
    )

    plan = workspace.planner.day_plan(day_id)
    assert [p.dcs for p in plan.participants][1:] == ["Tom Hallworth", "Tom Hallworth"]
    assert plan.participants[2].shares_dcs_with == ("Brackenmoor",)
    assert any("Tom Hallworth" in problem for problem in plan.lead_reviewer_problems)
