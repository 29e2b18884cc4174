"""Issue #14 through the command line: seed 001's tables and docs/sample-pool.csv imported,
and who in the pool may join the Nottingham PCTR (review 1, 10-12 Aug 2015), with why not.

The command line cannot yet put anyone on a team, so the once-a-year rule is shown in
tests/domain/reviews/test_team_from_sample_pool.py only.
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
