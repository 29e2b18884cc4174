"""Issue #14 through the command line: seed 001's tables and docs/sample-pool.csv imported,
and who in the pool may join the Nottingham PCTR (review 1, 10-12 Aug 2015), with why not.

Then a team built with `balcony reviews join`, `team` and `leave`: the rules refuse someone
they leave out unless told --anyway, and once a person is on one review they are left out of
another that calendar year.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import cli.reviews
from cli.main import main

ROOT = Path(__file__).resolve().parents[2]
PCTR = str(ROOT / "tests" / "data" / "seed-001-pctr.csv")
SAV = str(ROOT / "tests" / "data" / "seed-001-sav.csv")
SAMPLE_POOL = str(ROOT / "docs" / "sample-pool.csv")
TODAY = dt.date(2015, 6, 1)  # 70 days before review 1: notice enough
EXPERTISE = (
    "has none of the expertise the lines of enquiry need (Safeguarding for “CP”; "
    "Family Support for “Early intervention”)"
)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(cli.reviews, "today", lambda: TODAY)
    return str(tmp_path / "balcony.sqlite")


def run(data: str, *args: str) -> int:
    return main(["--data", data, *args])


@pytest.fixture
def imported(data: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert run(data, "reviews", "import", PCTR) == 0
    assert run(data, "reviews", "import", SAV) == 0
    assert capsys.readouterr().out == "Imported 9 reviews.\nImported 9 reviews.\n"
    assert run(data, "pool", "import", SAMPLE_POOL) == 0
    captured = capsys.readouterr()
    assert captured.out == "Imported 30 people into the pool.\n"
    assert captured.err == ""
    return data


def candidates(data: str, capsys: pytest.CaptureFixture[str], role: str) -> dict[str, list[str]]:
    """Each line of `balcony pool candidates 1`, by name: [authority, yes] or [authority, no,
    reasons]."""
    assert run(data, "pool", "candidates", "1", "--role", role) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    lines = [line.split("\t") for line in captured.out.splitlines()]
    assert len(lines) == 30
    return {name: rest for name, *rest in lines}


def test_the_sample_pool_lists_thirty_people(
    imported: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(imported, "pool") == 0
    lines = capsys.readouterr().out.splitlines()

    assert len(lines) == 30
    assert len({line.split("\t")[2] for line in lines}) >= 8  # authorities


def test_candidates_give_yes_or_no_with_reasons(
    imported: str, capsys: pytest.CaptureFixture[str]
) -> None:
    found = candidates(imported, capsys, "PCR team member")

    for name, cells in found.items():
        assert cells[1] in ("yes", "no"), name
        if cells[1] == "yes":
            assert len(cells) == 2, name
        else:
            assert len(cells) == 3, name
            assert cells[2].startswith(f"{name} "), name
            assert cells[2].endswith("."), name
    # 11 in the domain story, and the three it gives a SAV in 2015
    assert sum(cells[1] == "yes" for cells in found.values()) == 14
    assert found["Martin Greaves"] == [
        "Nottingham",
        "no",
        "Martin Greaves is from Nottingham, the authority under review.",
    ]
    assert found["Patricia Dunmore"] == [
        "Derby",
        "no",
        "Patricia Dunmore applied to be a PCR team member, but their DCS has not approved it.",
    ]
    assert found["Tom Belling"] == [
        "Leicestershire",
        "no",
        "Tom Belling has not been to the regional peer challenge training.",
    ]
    assert found["Bethan Crowe"] == ["Rutland", "no", f"Bethan Crowe {EXPERTISE}."]
    assert found["Grace Whitfield"] == [
        "Nottingham",
        "no",
        "Grace Whitfield is from Nottingham, the authority under review. Grace Whitfield "
        "applied to be a PCR team member, but their DCS has not approved it. Grace Whitfield "
        f"has not been to the regional peer challenge training. Grace Whitfield {EXPERTISE}.",
    ]
    assert found["Amira Lockwood"] == ["Derby", "yes"]


def test_data_specialists_are_asked_no_kloe_expertise(
    imported: str, capsys: pytest.CaptureFixture[str]
) -> None:
    found = candidates(imported, capsys, "data specialist")

    yes = {name for name, cells in found.items() if cells[1] == "yes"}
    assert yes == {"Joanna Pryce", "Kwame Asante", "Lorna Fitch", "Sunita Varma"}


def test_too_little_notice_leaves_out_everyone(
    imported: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli.reviews, "today", lambda: dt.date(2015, 7, 1))

    found = candidates(imported, capsys, "PCR team member")

    notice = (
        "The review starts 10 August 2015, 40 days from today: a team needs about two "
        "months’ notice (56 days)."
    )
    assert all(cells[1] == "no" for cells in found.values())
    assert all(cells[2].endswith(notice) for cells in found.values())
    assert found["Amira Lockwood"] == ["Derby", "no", notice]


def person_ids(data: str, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    assert run(data, "pool") == 0
    return {
        line.split("\t")[1]: line.split("\t")[0] for line in capsys.readouterr().out.splitlines()
    }


def test_a_team_is_built_checked_and_changed_from_the_command_line(
    imported: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = person_ids(imported, capsys)
    core = ("Alistair Penrose", "Amira Lockwood", "Ben Hadley", "Dev Mistry")
    for name in core:
        assert run(imported, "reviews", "join", "1", ids[name], "--role", "PCR team member") == 0
    assert (
        run(imported, "reviews", "join", "1", ids["Joanna Pryce"], "--role", "data specialist") == 0
    )
    capsys.readouterr()

    assert run(imported, "reviews", "team", "1") == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [line[1] for line in lines] == [*core, "Joanna Pryce"]
    assert not any(line[0] == "check" for line in lines)  # the team is sound

    # Someone the rules leave out is refused, with each reason, and nothing changes.
    assert (
        run(imported, "reviews", "join", "1", ids["Nadia Rahman"], "--role", "PCR team member") == 1
    )
    err = capsys.readouterr().err
    assert "Nadia Rahman is from Nottingham, the authority under review." in err
    assert "add --anyway" in err
    # Amira is on review 1 (August 2015): the Leicestershire PCTR that November leaves her out.
    assert (
        run(imported, "reviews", "join", "2", ids["Amira Lockwood"], "--role", "PCR team member")
        == 1
    )
    assert "Amira Lockwood is already on a review in 2015" in capsys.readouterr().err

    member = lines[0][0]
    assert run(imported, "reviews", "leave", member) == 0
    assert capsys.readouterr().out == "Took Alistair Penrose off the team of review 1.\n"
    assert run(imported, "reviews", "team", "1") == 0
    left = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [line[1] for line in left] == [*core[1:], "Joanna Pryce"]  # about four: 3 will do
    assert run(imported, "reviews", "leave", "999") == 2


def test_anyway_puts_someone_left_out_on_the_team_knowingly(
    imported: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = person_ids(imported, capsys)
    nadia = ids["Nadia Rahman"]

    code = run(imported, "reviews", "join", "1", nadia, "--role", "PCR team member", "--anyway")

    assert code == 0
    assert "Nadia Rahman" in capsys.readouterr().out
    assert run(imported, "reviews", "team", "1") == 0
    out = capsys.readouterr().out
    assert "check\tNadia Rahman is from Nottingham, the authority under review." in out


def test_notice_is_counted_from_the_day_given(
    data: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data, "reviews", "import", PCTR) == 0
    assert run(data, "pool", "import", SAMPLE_POOL) == 0
    capsys.readouterr()

    assert (
        run(data, "pool", "candidates", "1", "--role", "PCR team member", "--on", "2015-07-20") == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert all("a team needs about two months’ notice" in line for line in lines)


def test_a_review_s_dates_and_lines_of_enquiry_are_fixed_from_the_command_line(
    imported: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(imported, "reviews", "change", "6", "--dates", "14-16 Jun 2016") == 0
    assert capsys.readouterr().out == "6\tPCTR\tDerby\t14-16 Jun 2016\tAlison\n"

    assert run(imported, "reviews", "change", "6", "--dates", "soon") == 1
    assert "“soon” is not a date Balcony can read" in capsys.readouterr().err
    assert run(imported, "reviews", "change", "6") == 2
    assert "say what to change" in capsys.readouterr().err

    # Agreed lines of enquiry: the expertise rule now asks something of the pool.
    assert run(imported, "reviews", "change", "6", "--kloe", "Child protection") == 0
    capsys.readouterr()
    assert (
        run(imported, "pool", "candidates", "6", "--role", "PCR team member", "--on", "2016-03-01")
        == 0
    )
    assert "(Safeguarding for “Child protection”)" in capsys.readouterr().out
