from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from facilitator.pool.people import ChallengerDetails, Expertise, PoolInputError, Role
from facilitator.pool.rules import once_a_year_problem
from facilitator.pool.service import Pool
from facilitator.storage.database import open_memory_database

# Invented people and councils.
ALEX = ChallengerDetails(
    name="Alex Tester",
    authority="Northshire",
    position="Assistant Director, Early Help",
    email="alex.tester@northshire.example",
    telephone="01234 567890",
    expertise=(Expertise.YOUTH, Expertise.SCHOOLS),
    roles_applied=(Role.SAV_TEAM_MEMBER, Role.PCR_TEAM_MEMBER),
    roles_approved=(Role.PCR_TEAM_MEMBER,),
    sponsor_dcs="Sam Director",
    approved_on=dt.date(2024, 2, 1),
    training="PCR team member training",
    trained_on=dt.date(2024, 1, 23),
    availability="Not in August",
)


@pytest.fixture
def pool() -> Pool:
    return Pool(open_memory_database())


def test_a_person_is_added_listed_edited_and_removed(pool: Pool) -> None:
    heard: list[int] = []
    pool.changed.connect(heard.append)

    alex = pool.add(ALEX)
    bo = pool.add(ChallengerDetails("  Bo   Example ", "Southshire"))

    # kept in the form's order: Schools before Youth, PCR before SAV
    assert alex.details == replace(
        ALEX,
        expertise=(Expertise.SCHOOLS, Expertise.YOUTH),
        roles_applied=(Role.PCR_TEAM_MEMBER, Role.SAV_TEAM_MEMBER),
    )
    assert bo.name == "Bo Example"
    assert [p.name for p in pool.people()] == ["Alex Tester", "Bo Example"]
    edited = pool.edit(alex.id, replace(alex.details, availability="Any time"))
    assert pool.get(alex.id) == edited
    assert edited.details.availability == "Any time"
    assert pool.remove(bo.id) == bo
    assert [p.id for p in pool.people()] == [alex.id]
    assert heard == [alex.id, bo.id, alex.id, bo.id]
    with pytest.raises(LookupError, match="no person in the pool with id"):
        pool.get(bo.id)


def test_the_same_name_in_the_same_authority_is_refused(pool: Pool) -> None:
    alex = pool.add(ALEX)
    with pytest.raises(PoolInputError, match=rf"already in the pool \(id {alex.id}\)"):
        pool.add(ChallengerDetails("ALEX TESTER", "northshire"))
    other = pool.add(ChallengerDetails("Alex Tester", "Southshire"))  # someone else
    with pytest.raises(PoolInputError, match="already"):
        pool.edit(other.id, replace(other.details, authority="Northshire"))


def test_a_role_approved_must_have_been_applied_for(pool: Pool) -> None:
    with pytest.raises(PoolInputError, match="SAV lead AD is approved but not applied for") as e:
        pool.add(replace(ALEX, roles_approved=(Role.SAV_LEAD_AD,)))
    assert e.value.field == "roles_approved"
    assert pool.people() == ()


@pytest.mark.parametrize(
    ("change", "field"),
    [({"name": " "}, "name"), ({"email": "alex.northshire.example"}, "email")],
)
def test_an_unsound_entry_names_its_field(pool: Pool, change: dict[str, str], field: str) -> None:
    with pytest.raises(PoolInputError) as e:
        pool.add(replace(ALEX, **change))  # type: ignore[arg-type]
    assert e.value.field == field


def test_adding_several_is_all_or_nothing(pool: Pool) -> None:
    with pytest.raises(PoolInputError):
        pool.add_all([ALEX, ChallengerDetails("Bo Example", "Southshire"), ALEX])
    assert pool.people() == ()


def test_service_is_kept_by_date_and_counted_by_calendar_year(pool: Pool) -> None:
    alex = pool.add(ALEX)
    later = pool.record_service(alex.id, "Eastshire PCTR", dt.date(2025, 3, 4))
    first = pool.record_service(alex.id, "Westshire SAV", dt.date(2024, 11, 20))

    assert pool.service(alex.id) == (first, later)
    assert pool.served_in_year(alex.id, 2025) == (later,)
    assert pool.served_in_year(alex.id, 2023) == ()
    pool.remove_service(later.id)
    assert pool.served_in_year(alex.id, 2025) == ()
    pool.remove(alex.id)  # the history goes with the person
    with pytest.raises(LookupError):
        pool.service(alex.id)


def test_nobody_is_called_on_more_than_once_a_calendar_year(pool: Pool) -> None:
    alex = pool.add(ALEX)
    served = pool.record_service(alex.id, "Eastshire PCTR", dt.date(2025, 3, 4))
    history = pool.service(alex.id)

    problem = once_a_year_problem(alex, history, dt.date(2025, 12, 31))

    assert problem == (
        "Alex Tester (Northshire) has already served in 2025, on Eastshire PCTR (04/03/2025); "
        "nobody is called on more than once a calendar year, so choose someone else, or call "
        "on them from 1 January 2026."
    )
    assert once_a_year_problem(alex, history, dt.date(2026, 1, 1)) is None
    assert once_a_year_problem(alex, history, dt.date(2024, 12, 31)) is None
    assert once_a_year_problem(alex, (), dt.date(2025, 6, 1)) is None
    someone_else = replace(served, person_id=alex.id + 1)
    assert once_a_year_problem(alex, [someone_else], dt.date(2025, 6, 1)) is None
