from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import cli.reviews
from cli.main import main

DATA = Path(__file__).resolve().parents[1] / "data"
PCTR = str(DATA / "seed-001-pctr.csv")
SAV = str(DATA / "seed-001-sav.csv")
# Invented people and councils; Nottingham hosts review 1, so Nell is left out of it.
POOL = """Name,Local authority,Expertise,Roles applied,Roles approved,Training attended
Ann Example,Northshire,Safeguarding,PCR team member,PCR team member,PCR training
Bo Example,Southshire,Youth,PCR team member; Data specialist,Data specialist,
Nell Example,Nottingham,Family Support,PCR team member,PCR team member,PCR training
"""


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(cli.reviews, "today", lambda: dt.date(2015, 5, 1))
    return str(tmp_path / "balcony.sqlite")


def run(data: str, *args: str) -> int:
    return main(["--data", data, *args])


def test_both_seed_tables_are_imported_and_listed(
    data: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data, "reviews", "import", PCTR) == 0
    assert capsys.readouterr().out == "Imported 9 reviews.\n"
    assert run(data, "reviews", "import", SAV) == 0
    assert capsys.readouterr().out == "Imported 9 reviews.\n"

    assert run(data, "reviews") == 0
    lines = capsys.readouterr().out.splitlines()

    assert len(lines) == 18
    assert lines[0] == "1\tPCTR\tNottingham\t10-12 Aug 2015\tLesley"
    assert lines[8] == "9\tPCTR\tLeicester\tJan-Feb 2017\tIan"
    assert lines[9] == (
        "10\tSAV MAX\tNorthamptonshire\tMay 2015\tStuart and Janice (Lincs) Mel (Derbyshire)"
    )
    assert lines[17] == "18\tSAV\tNottinghamshire\tFebruary 2016\tSatinder (Northamptonshire)"


def test_a_bad_table_imports_nothing_and_says_why(
    data: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "pctr.csv"
    rows = Path(PCTR).read_text(encoding="utf-8").splitlines()
    rows[3] = "Rutland,Debbie,Derek/Colin,31-33 Nov 2015,tba"
    bad.write_text("\n".join(rows) + "\n", encoding="utf-8")

    assert run(data, "reviews", "import", str(bad)) == 1
    captured = capsys.readouterr()

    assert captured.out == ""
    err = captured.err.splitlines()
    assert err[0] == "pctr.csv: Row 4, Date: November 2015 has no day 31: check the day."
    assert err[-1] == (
        "Nothing was imported: 1 problem in pctr.csv. Correct the file and import it again."
    )
    assert run(data, "reviews") == 0
    assert capsys.readouterr().out == ""


def test_a_table_imported_twice_is_refused_the_second_time(
    data: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data, "reviews", "import", PCTR) == 0
    assert run(data, "reviews", "import", PCTR) == 1

    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(
        "seed-001-pctr.csv: Row 2: The Peer Challenge Team Review of Nottingham (10-12 Aug 2015) "
        "is already stored (id 1)"
    )
    assert err[-1].startswith("Nothing was imported: 1 problem in seed-001-pctr.csv.")


def with_pool(data: str, tmp_path: Path) -> None:
    pool = tmp_path / "pool.csv"
    pool.write_text(POOL, encoding="utf-8")
    assert run(data, "pool", "import", str(pool)) == 0
    assert run(data, "reviews", "import", PCTR) == 0
    assert run(data, "reviews", "import", SAV) == 0


def test_candidates_lists_everyone_with_yes_or_no_and_why(
    data: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_pool(data, tmp_path)
    capsys.readouterr()

    assert run(data, "pool", "candidates", "1", "--role", "PCR team member") == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]

    assert lines[0] == ["Ann Example", "Northshire", "yes"]
    assert lines[1] == [
        "Bo Example",
        "Southshire",
        "no",
        "Bo Example applied to be a PCR team member, but their DCS has not approved it. "
        "Bo Example has not been to the regional peer challenge training. Bo Example has "
        "none of the expertise the lines of enquiry need (Safeguarding for “CP”; Family "
        "Support for “Early intervention”).",
    ]
    assert lines[2] == [
        "Nell Example",
        "Nottingham",
        "no",
        "Nell Example is from Nottingham, the authority under review.",
    ]
    assert len(lines) == 3


def test_candidates_takes_a_role_in_any_case_and_punctuation(
    data: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_pool(data, tmp_path)
    capsys.readouterr()

    assert run(data, "pool", "candidates", "1", "--role", "data-specialist") == 0

    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("Bo Example\tSouthshire\tno\tBo Example has not been to the")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ["99", "--role", "PCR team member"],
            "balcony: there is no review with id 99: choose one of 1, 2, 3, 4, 5, 6, 7, 8, 9, "
            "10, 11, 12, 13, 14, 15, 16, 17, 18 (balcony reviews lists them).",
        ),
        (
            ["1", "--role", "chair"],
            "balcony: “chair” is not a role on a Peer Challenge Team Review: choose "
            "“PCR team member” or “data specialist”.",
        ),
        (
            ["10", "--role", "PCR team member"],
            "balcony: “PCR team member” is not a role on a SAV MAX: choose “SAV lead AD” or "
            "“SAV team member”.",
        ),
    ],
)
def test_an_unknown_review_or_role_names_the_choices_and_exits_2(
    data: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    says: str,
) -> None:
    with_pool(data, tmp_path)
    capsys.readouterr()

    assert run(data, "pool", "candidates", *args) == 2

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [says]


def test_with_no_reviews_the_choice_is_to_import_them(
    data: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data, "pool", "candidates", "1", "--role", "PCR team member") == 2
    assert capsys.readouterr().err == (
        "balcony: there is no review with id 1: there are none yet: import them with "
        "balcony reviews import FILE.csv.\n"
    )


def test_a_reader_that_stops_early_is_no_failure(tmp_path: Path) -> None:
    """`balcony reviews | head -1`: the rest has nowhere to go, and that is not an error."""
    import subprocess
    import sys

    data = str(tmp_path / "b.sqlite")
    for table in ("seed-001-pctr.csv", "seed-001-sav.csv"):
        assert main(["--data", data, "reviews", "import", str(DATA / table)]) == 0
    reader = subprocess.Popen(
        [sys.executable, "-m", "cli", "--data", data, "reviews"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert reader.stdout is not None
    assert reader.stderr is not None
    reader.stdout.close()  # before a line is read
    errors = reader.stderr.read()
    reader.wait(timeout=60)

    assert errors == ""
    assert reader.returncode in (0, 141)


def test_a_review_twice_in_one_file_is_refused_at_its_second_row(
    data: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    twice = tmp_path / "twice.csv"
    lines = Path(PCTR).read_text(encoding="utf-8").splitlines()
    twice.write_text("\n".join([*lines[:3], lines[1]]) + "\n", encoding="utf-8")

    assert run(data, "reviews", "import", str(twice)) == 1

    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("twice.csv: Row 4: The Peer Challenge Team Review of Nottingham")
    assert "earlier in the list" in err[0]
