from __future__ import annotations

import pytest

from facilitator.capture.introductions import IntroductionInputError, PersonOfDay
from facilitator.demo import create_demo_day
from facilitator.workspace import Workspace

PRESENTING_ORDER = [
    "Priya Ellwood",
    "Marcus Thorne",
    "Jo Whitlock",
    "Tom Hallworth",
    "Aisha Karim",
    "Rhys Penhale",
    "Grace Adeyemi-Lowe",
    "Hannah Oduya",
    "Callum Brierley",
]


@pytest.fixture
def day_id(workspace: Workspace) -> int:
    return create_demo_day(workspace.planner, workspace.notebook)


def person(workspace: Workspace, day_id: int, name: str) -> PersonOfDay:
    return next(p for p in workspace.introductions.people_of_day(day_id) if p.name == name)


def test_people_come_by_authority_in_presenting_order_each_dcs_first(
    workspace: Workspace, day_id: int
) -> None:
    people = workspace.introductions.people_of_day(day_id)

    assert [p.name for p in people] == PRESENTING_ORDER
    assert people[0].is_dcs
    assert people[0].authority_name == "Ashvale"
    assert people[1].role == "Assistant Director, Children’s Social Care"


def test_reordering_the_authorities_reorders_the_people(workspace: Workspace, day_id: int) -> None:
    ids = [p.authority_id for p in workspace.planner.day_plan(day_id).participants]
    workspace.planner.reorder_authorities(day_id, [ids[2], ids[0], ids[1]])

    names = [p.name for p in workspace.introductions.people_of_day(day_id)]

    assert names == PRESENTING_ORDER[6:] + PRESENTING_ORDER[:6]


def test_recording_a_person_takes_their_name_and_authority_and_announces_the_day(
    workspace: Workspace, day_id: int
) -> None:
    touched: list[int] = []
    workspace.introductions.changed.connect(touched.append)
    tom = person(workspace, day_id, "Tom Hallworth")

    intro = workspace.introductions.record(
        day_id, tom.person_id, gives="Our edge-of-care model", receives=" Ideas on SEND "
    )

    assert (intro.name, intro.authority_id, intro.person_id) == (
        "Tom Hallworth",
        tom.authority_id,
        tom.person_id,
    )
    assert (intro.gives, intro.receives, intro.position) == (
        "Our edge-of-care model",
        "Ideas on SEND",
        0,
    )
    assert workspace.introductions.for_day(day_id) == [intro]
    assert touched == [day_id]


def test_recording_someone_again_replaces_what_they_said_in_place(
    workspace: Workspace, day_id: int
) -> None:
    jo = person(workspace, day_id, "Jo Whitlock")
    workspace.introductions.record(day_id, jo.person_id, gives="first", receives="first")
    workspace.introductions.record(day_id, name="Dr Ada Observer", gives="guest")

    again = workspace.introductions.record(day_id, jo.person_id, gives="second")

    listed = workspace.introductions.for_day(day_id)
    assert [(i.name, i.gives, i.receives) for i in listed] == [
        ("Jo Whitlock", "second", ""),
        ("Dr Ada Observer", "guest", ""),
    ]
    assert again.position == 0


def test_a_guest_is_recorded_by_name_once_however_spaced(workspace: Workspace, day_id: int) -> None:
    ashvale = workspace.planner.day_plan(day_id).participants[0].authority_id
    workspace.introductions.record(day_id, name="  Ada   Observer ", gives="a")
    guest = workspace.introductions.record(
        day_id, name="ada observer", gives="b", authority_id=ashvale
    )

    assert guest.person_id is None
    assert [(i.name, i.gives, i.authority_id) for i in workspace.introductions.for_day(day_id)] == [
        ("Ada Observer", "b", ashvale)
    ]


def test_who_is_speaking_must_be_known(workspace: Workspace, day_id: int) -> None:
    with pytest.raises(IntroductionInputError, match="choose or type a name"):
        workspace.introductions.record(day_id, gives="something")
    with pytest.raises(IntroductionInputError, match="not on the day’s list"):
        workspace.introductions.record(day_id, 9999, gives="something")
    with pytest.raises(IntroductionInputError, match="Choose an authority"):
        workspace.introductions.record(day_id, name="Ada", authority_id=9999)
    with pytest.raises(LookupError, match="no day"):
        workspace.introductions.record(day_id + 1, name="Ada")
    assert workspace.introductions.for_day(day_id) == []


def test_edit_delete_and_restore(workspace: Workspace, day_id: int) -> None:
    first, second, third = (
        workspace.introductions.record(day_id, name=n, gives=n) for n in ("Ann", "Bea", "Cat")
    )

    edited = workspace.introductions.edit(second.id, receives="peer support", name="Beatrice")
    assert (edited.name, edited.gives, edited.receives) == ("Beatrice", "Bea", "peer support")
    with pytest.raises(IntroductionInputError):
        workspace.introductions.edit(second.id, name="  ")

    removed = workspace.introductions.delete(first.id)
    assert [i.name for i in workspace.introductions.for_day(day_id)] == ["Beatrice", "Cat"]

    assert workspace.introductions.restore(removed) == first
    assert workspace.introductions.for_day(day_id) == [first, edited, third]
