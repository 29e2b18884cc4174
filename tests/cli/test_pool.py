from __future__ import annotations

import csv
from pathlib import Path

import pytest

from cli.main import main

HEADER = [
    "Name",
    "Local authority",
    "Current position",
    "Expertise",
    "Roles applied",
    "Roles approved",
    "Sponsor DCS",
    "Approved on",
    "Training attended",
    "Email",
    "Telephone",
]
# Invented councils and people: nobody real.
COUNCILS = ["Northshire", "Southshire", "Eastshire", "Westshire", "Midtown"]
FIRST = ["Alex", "Bo", "Cal", "Dee", "Eli", "Fran"]
AREAS = ["Schools", "Safeguarding; Data", "Youth; Early years", "Other (fostering)"]
ROLES = ["PCR team member", "SAV lead AD", "SAV team member", "Data specialist"]


def thirty_people(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(HEADER)
        for n in range(30):
            council = COUNCILS[n % 5]
            name = f"{FIRST[n // 5]} Example{n % 5}"
            applied = f"{ROLES[n % 4]}; {ROLES[(n + 1) % 4]}"
            writer.writerow(
                [
                    name,
                    council,
                    "Head of Service",
                    AREAS[n % 4],
                    applied,
                    ROLES[n % 4],
                    f"Director of {council}",
                    f"{n % 28 + 1:02d}/01/2025",
                    "PCR training" if n % 2 else "",
                    f"{name.replace(' ', '.').lower()}@{council.lower()}.example",
                    f"01234 5600{n:02d}",
                ]
            )
    return path


def test_thirty_people_are_imported_and_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "a.sqlite")
    assert main(["--data", data, "pool", "import", str(thirty_people(tmp_path / "p.csv"))]) == 0
    assert capsys.readouterr().out.strip() == "Imported 30 people into the pool."

    assert main(["--data", data, "pool"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 30
    assert lines[0].split("\t")[1:] == ["Alex Example0", "Northshire", "PCR team member"]
    assert all(len(line.split("\t")) == 4 for line in lines)


def test_a_bad_file_prints_each_problem_and_imports_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "a.sqlite")
    path = thirty_people(tmp_path / "p.csv")
    with path.open("a", newline="", encoding="utf-8") as file:
        csv.writer(file).writerow(["", "Northshire", "", "Finance"])
        csv.writer(file).writerow(["Alex Example0", "Northshire", "", "", "", "SAV lead AD"])

    assert main(["--data", data, "pool", "import", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.splitlines()
    assert err[0] == "p.csv: Row 32, Name: The name is empty: type the person’s name."
    assert err[1].startswith("p.csv: Row 32, Expertise: “Finance” is not one of the form’s")
    assert err[2].startswith("p.csv: Row 33, Roles approved: SAV lead AD is approved but not")
    assert err[-1].startswith("Nothing was imported: 3 problems in p.csv.")
    assert main(["--data", data, "pool"]) == 0
    assert capsys.readouterr().out == ""
    # and the same file again once it is imported: each person is in the pool already
    assert main(["--data", data, "pool", "import", str(thirty_people(path))]) == 0
    capsys.readouterr()
    assert main(["--data", data, "pool", "import", str(path)]) == 1
    assert "Row 2, Name: Alex Example0 of Northshire is already in the pool (id 1)" in (
        capsys.readouterr().err
    )
