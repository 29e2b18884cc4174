from __future__ import annotations

import stat
from pathlib import Path

import pytest

from cli.main import main
from facilitator.pool.people import ChallengerDetails
from facilitator.reviews.kinds import ReviewDraft, ReviewKind, fixed_days
from facilitator.reviews.team_rules import Role
from facilitator.reviews.vague_dates import parse_vague_date
from facilitator.workspace import Workspace


def _demo(data: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--data", str(data), "demo"]) == 0
    return capsys.readouterr().out.strip()


def test_a_day_moves_from_a_laptop_to_the_region_and_a_second_import_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, region = tmp_path / "laptop.sqlite", tmp_path / "region.sqlite"
    day_id = _demo(laptop, capsys)
    archive = tmp_path / "day.balcony"

    assert main(["--data", str(laptop), "archive", "export", str(archive), "--day", day_id]) == 0
    out = capsys.readouterr().out
    assert "1 day archived" in out
    assert "18 January 2027: Ashvale, Brackenmoor and Corriford" in out
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600

    assert main(["--data", str(region), "archive", "import", str(archive)]) == 0
    assert capsys.readouterr().out.startswith("1 day imported (18 January 2027: Ashvale")
    assert main(["--data", str(region), "days"]) == 0
    assert "Ashvale" in capsys.readouterr().out

    assert main(["--data", str(region), "archive", "import", str(archive)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(
        "balcony: this day is here already (in the data file): Monday 18"
    )
    assert "Ashvale, Brackenmoor and Corriford (cycle Demo cycle 2026–2027)" in captured.err
    assert "--keep mine" in captured.err
    assert "--keep theirs" in captured.err
    assert "--keep both" in captured.err

    assert main(["--data", str(region), "archive", "import", str(archive), "--keep", "both"]) == 0
    assert "1 day added beside the copy already here" in capsys.readouterr().out


def test_a_cycle_or_everything_and_the_users_mistakes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d.sqlite"
    _demo(data, capsys)
    archive = tmp_path / "cycle.balcony"
    cycle = ["--cycle", "Demo cycle 2026–2027"]
    assert main(["--data", str(data), "archive", "export", str(archive), *cycle]) == 0
    assert "1 day archived" in capsys.readouterr().out

    assert main(["--data", str(data), "archive", "export", str(archive)]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["--data", str(data), "archive", "export", str(archive), "--force"]) == 0
    capsys.readouterr()

    assert main(["--data", str(data), "archive", "export", str(tmp_path / "x"), "--day", "42"]) == 2
    assert capsys.readouterr().err == (
        "balcony: There is no day 42: `balcony days` lists them. Nothing was written.\n"
    )
    wrong = ["--cycle", "2099"]
    assert main(["--data", str(data), "archive", "export", str(tmp_path / "x"), *wrong]) == 2
    assert "no cycle “2099”: the cycles are “Demo cycle 2026–2027”" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()

    junk = tmp_path / "junk.balcony"
    junk.write_bytes(b"not an archive at all")
    assert main(["--data", str(data), "archive", "import", str(junk)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"balcony: {junk}: This is not a Balcony day archive. Choose a file")
    assert err.endswith("Nothing was imported.\n")


def test_keep_is_one_of_three_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as refused:
        main(["--data", str(tmp_path / "d.sqlite"), "archive", "import", "f", "--keep", "all"])
    assert refused.value.code == 2
    assert "invalid choice: 'all'" in capsys.readouterr().err


def test_archive_export_reads_a_file_another_window_is_writing(
    other_balcony: tuple[Path, object], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = other_balcony
    target = tmp_path / "all.balcony"
    assert main(["--data", str(path), "archive", "export", str(target)]) == 0
    assert "1 day archived" in capsys.readouterr().out
    assert main(["--data", str(path), "archive", "import", str(target)]) == 2
    assert "open in another Balcony window" in capsys.readouterr().err


def test_everything_takes_the_pool_and_reviews_and_a_review_here_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, region = tmp_path / "laptop.sqlite", tmp_path / "region.sqlite"
    day_id = _demo(laptop, capsys)
    workspace = Workspace.open(laptop)
    try:
        dates = parse_vague_date("3-5 Mar 2027")
        draft = ReviewDraft(
            ReviewKind.PCTR, "Northshire", dates, days=fixed_days(ReviewKind.PCTR, dates)
        )
        (review,) = workspace.reviews.add_all([draft])
        person = workspace.pool.add(ChallengerDetails("Ada Lone", "Westvale"))
        workspace.reviews.add_member(review.id, person.id, Role.PCR_MEMBER)
    finally:
        workspace.close()
    whole, day = tmp_path / "all.balcony", tmp_path / "day.balcony"

    assert main(["--data", str(laptop), "archive", "export", str(day), "--day", day_id]) == 0
    assert "With them" not in capsys.readouterr().out  # a day carries no pool
    assert main(["--data", str(laptop), "archive", "export", str(whole)]) == 0
    assert "With them, the pool (1 person) and 1 review" in capsys.readouterr().out

    assert main(["--data", str(region), "archive", "import", str(whole)]) == 0
    out = capsys.readouterr().out
    assert "1 review imported (PCTR of Northshire, 3–5 March 2027)" in out
    assert "the pool: 1 person added" in out
    assert main(["--data", str(region), "archive", "import", str(whole)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("balcony: this day and this review are here already (in the data file)")
    assert err.count("\n") == 1
    assert "(cycle Demo cycle 2026–2027); PCTR of Northshire, 3–5 March 2027. Nothing was" in err
    assert main(["--data", str(region), "archive", "import", str(whole), "--keep", "mine"]) == 0
    out = capsys.readouterr().out
    assert "1 review kept as it was here (the archive's left out) (PCTR of Northshire" in out
    assert "0 people added, 1 matched with an entry here" in out
