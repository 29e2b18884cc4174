"""Names are cleaned where they enter the domain, so no form or import can store one that
breaks every export: control characters and NUL are dropped, and too long a name is refused."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from facilitator.common.clean_text import NAME_LIMIT, TITLE_LIMIT, TextFieldError
from facilitator.common.vocabulary import DayKind, DayMode
from facilitator.planning.planner import (
    AuthorityEntry,
    DayInputError,
    DayTextError,
    NewDay,
    TeamMember,
)
from facilitator.workspace import Workspace


def triad(first: AuthorityEntry | None = None, **changes: object) -> NewDay:
    new = NewDay(
        date=dt.date(2027, 2, 1),
        kind=DayKind.TRIAD,
        mode=DayMode.FACE_TO_FACE,
        authorities=(
            first or AuthorityEntry("Northfield", "NF", "Ada Brook"),
            AuthorityEntry("Eastwick"),
            AuthorityEntry("Southam"),
        ),
        venue="Town Hall",
        facilitator="Fay Green",
    )
    return dataclasses.replace(new, **changes)  # type: ignore[arg-type]


def test_control_characters_and_nul_are_dropped_from_every_name(workspace: Workspace) -> None:
    planner = workspace.planner
    entry = AuthorityEntry(
        "North\x07field", "N\x00F", "Ada\x1b Brook", (TeamMember("Ben\x00 Cole", "A\x0bD"),)
    )
    day_id = planner.create_day(
        triad(entry, venue="Town\x00 Hall", facilitator="Fay\tGreen\n", cycle_name="2026\x07–27")
    )

    details = planner.details(day_id)
    assert (details.venue, details.facilitator, details.cycle_name) == (
        "Town Hall",
        "Fay Green",
        "2026–27",
    )
    team = planner.teams(day_id)[0]
    assert (team.name, team.short_name, team.dcs_name) == ("Northfield", "NF", "Ada Brook")
    assert team.members == (TeamMember("Ben Cole", "AD"),)
    assert "Northfield" in planner.authority_short_names()


def test_an_authority_name_of_230_characters_is_refused_naming_the_field(
    workspace: Workspace,
) -> None:
    with pytest.raises(DayTextError, match=r"name of authority 1 is 230 .* at most 120") as refused:
        workspace.planner.create_day(triad(AuthorityEntry("N" * 230)))
    # Whoever reports either kind of error (the New day form, a schedule import) reports it.
    assert isinstance(refused.value, DayInputError)
    assert isinstance(refused.value, TextFieldError)
    assert workspace.planner.list_days() == []


def test_the_limits_are_the_names_and_the_titles(workspace: Workspace) -> None:
    planner = workspace.planner
    day_id = planner.create_day(
        triad(AuthorityEntry("N" * NAME_LIMIT), cycle_name="C" * TITLE_LIMIT)
    )
    with pytest.raises(DayTextError, match="cycle"):
        planner.create_day(triad(cycle_name="C" * (TITLE_LIMIT + 1)))
    with pytest.raises(DayTextError, match="venue"):
        planner.create_day(triad(venue="V" * (NAME_LIMIT + 1)))
    assert [day.id for day in planner.list_days()] == [day_id]


def test_renaming_in_the_day_editor_is_cleaned_too(workspace: Workspace) -> None:
    planner = workspace.planner
    day_id = planner.create_day(triad())
    details = planner.details(day_id)

    planner.update_details(
        day_id, dataclasses.replace(details, venue="Civic\x00 Centre", cycle_name="2027\x07")
    )
    assert (planner.details(day_id).venue, planner.details(day_id).cycle_name) == (
        "Civic Centre",
        "2027",
    )
    with pytest.raises(DayTextError, match="facilitator"):
        planner.update_details(day_id, dataclasses.replace(details, facilitator="F" * 121))

    authority_id = planner.teams(day_id)[0].authority_id
    planner.set_team(
        day_id,
        authority_id,
        short_name="N\x07F",
        dcs_name="Ada\x00 Brook",
        members=(TeamMember("Gil\x1b Hart", "Head\x07 of service"),),
    )
    team = planner.teams(day_id)[0]
    assert (team.short_name, team.dcs_name) == ("NF", "Ada Brook")
    assert team.members == (TeamMember("Gil Hart", "Head of service"),)
    with pytest.raises(DayTextError, match="job title"):
        planner.set_team(
            day_id,
            authority_id,
            short_name="NF",
            dcs_name="Ada Brook",
            members=(TeamMember("Gil Hart", "T" * 201),),
        )
