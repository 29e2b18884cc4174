from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from facilitator.pool.importing import import_pool_file
from facilitator.pool.people import ChallengerDetails, Expertise, Role
from facilitator.pool.service import Pool
from facilitator.storage.database import open_memory_database

HEADER = (
    "Name,Local authority,Current position,Expertise,Roles applied,Roles approved,"
    "Sponsor DCS,Approved on,Training attended,Email,Telephone\n"
)
# Invented people and councils.
GOOD = (
    "Alex Tester,Northshire,Assistant Director,Youth; Schools; Other (fostering),"
    "PCR team member; SAV team member,PCR team member,Sam Director,01/02/2024,"
    '"PCR training, 23/01/2024",alex@northshire.example,01234 567890\n'
)


@pytest.fixture
def pool() -> Pool:
    return Pool(open_memory_database())


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pool.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_row_becomes_a_person_in_the_pool(pool: Pool, tmp_path: Path) -> None:
    header = HEADER.upper().replace("NAME,", "  name ,")  # any case, stray blanks
    result = import_pool_file(pool, write(tmp_path, header + GOOD))

    assert result.ok, result.errors
    assert result.summary == "Imported 1 person into the pool."
    (alex,) = pool.people()
    assert alex.details == ChallengerDetails(
        name="Alex Tester",
        authority="Northshire",
        position="Assistant Director",
        email="alex@northshire.example",
        telephone="01234 567890",
        expertise=(Expertise.SCHOOLS, Expertise.YOUTH, Expertise.OTHER),
        other_expertise="fostering",
        roles_applied=(Role.PCR_TEAM_MEMBER, Role.SAV_TEAM_MEMBER),
        roles_approved=(Role.PCR_TEAM_MEMBER,),
        sponsor_dcs="Sam Director",
        approved_on=dt.date(2024, 2, 1),
        training="PCR training, 23/01/2024",
        trained_on=dt.date(2024, 1, 23),
    )


BAD_ROWS = [
    (
        "Bo Example,Southshire,,Finance,,,,,,,\n",
        "Row 3, Expertise: “Finance” is not one of the form’s areas of expertise: use Schools,",
    ),
    (
        "Bo Example,Southshire,,,PCR team member,SAV lead AD,,,,,\n",
        "Row 3, Roles approved: SAV lead AD is approved but not applied for: add it to the roles "
        "applied for, or take it out of the roles approved.",
    ),
    (
        "Bo Example,Southshire,,,,,,31/02/2024,,,\n",
        "Row 3, Approved on: 31/02/2024 is not a real date: February 2024 has 29 days.",
    ),
    (
        "Bo Example,Southshire,,,,,,next week,,,\n",
        "Row 3, Approved on: “next week” is not a date Balcony can read: write it as dd/mm/yyyy",
    ),
    (",Southshire,,,,,,,,,\n", "Row 3, Name: The name is empty: type the person’s name."),
    (
        "alex tester,NORTHSHIRE,,,,,,,,,\n",
        "Row 3, Name: alex tester of NORTHSHIRE is also on row 2: keep one of the rows.",
    ),
    (
        "Bo Example,Southshire,,,,,,,,bo.southshire.example,\n",
        "Row 3, Email: “bo.southshire.example” is not an email address: it needs one @",
    ),
    (
        "Bo Example,Southshire,,,Lead reviewer,,,,,,\n",
        "Row 3, Roles applied: “Lead reviewer” is not one of the form’s roles: use PCR team",
    ),
]


@pytest.mark.parametrize(("row", "message"), BAD_ROWS)
def test_a_bad_row_names_its_column_and_the_fix_and_nothing_is_imported(
    pool: Pool, tmp_path: Path, row: str, message: str
) -> None:
    result = import_pool_file(pool, write(tmp_path, HEADER + GOOD + row))

    assert not result.ok
    assert [str(e) for e in result.errors if str(e).startswith(message)], result.errors
    assert len(result.errors) == 1
    assert result.summary.startswith("Nothing was imported: 1 problem in pool.csv.")
    assert pool.people() == ()  # the good row is not imported either


def test_someone_already_in_the_pool_is_not_added_again(pool: Pool, tmp_path: Path) -> None:
    alex = pool.add(ChallengerDetails("Alex Tester", "Northshire"))
    result = import_pool_file(pool, write(tmp_path, HEADER + GOOD))
    assert [str(e) for e in result.errors] == [
        f"Row 2, Name: Alex Tester of Northshire is already in the pool (id {alex.id}): "
        "delete the row, or edit the entry in Balcony."
    ]
    assert pool.people() == (alex,)


def test_every_problem_is_told_by_row(pool: Pool, tmp_path: Path) -> None:
    rows = ",Southshire,,Finance,,,,,,,\nBo Example,,,,,,,32/01/2024,,,\n"
    result = import_pool_file(pool, write(tmp_path, HEADER + rows))
    assert [(e.row, e.column) for e in result.errors] == [
        (2, "Name"),
        (2, "Expertise"),
        (3, "Local authority"),
        (3, "Approved on"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The file is empty"),
        (HEADER, "The file has a header row but no people under it."),
        ("Name,Authority\nA,B\n", "Row 1, Authority: This is not a column Balcony knows"),
        ("Name,Email\nA,a@b\n", "Row 1, Local authority: The header has no such column: add it."),
        (HEADER + "A,B,C,D,E,F,G,H,I,J,K,L\n", "Row 2: The row has 12 cells but the header"),
    ],
)
def test_a_file_that_is_not_a_pool_is_refused_plainly(
    pool: Pool, tmp_path: Path, text: str, message: str
) -> None:
    result = import_pool_file(pool, write(tmp_path, text))
    assert str(result.errors[0]).startswith(message), result.errors


def test_hostile_files_are_refused_plainly(pool: Pool, tmp_path: Path) -> None:
    assert "It is a folder, not a file, so it cannot be a pool list" in str(
        import_pool_file(pool, tmp_path).errors[0]
    )
    big = tmp_path / "big.csv"
    big.write_bytes(b"a" * 2_000_001)
    assert "at most 2 MB" in str(import_pool_file(pool, big).errors[0])
    legacy = tmp_path / "legacy.csv"
    legacy.write_bytes(HEADER.encode() + "Zoë Example,Northshire\n".encode("cp1252"))
    assert "saved in another encoding" in str(import_pool_file(pool, legacy).errors[0])
    workbook = tmp_path / "pool.xlsx"
    workbook.write_bytes(b"PK\x03\x04rest")
    assert "spreadsheet workbook" in str(import_pool_file(pool, workbook).errors[0])
    missing = import_pool_file(pool, tmp_path / "nowhere.csv")
    assert "cannot be read" in str(missing.errors[0])
    assert pool.people() == ()
