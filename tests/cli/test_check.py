"""`balcony check CYCLE` lists a stored cycle's problems; its exit status says how bad."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.main import main

ROOT = Path(__file__).resolve().parents[2]
VERBATIM = ROOT / "tests" / "data" / "handbook-schedule-verbatim.csv"
SAMPLE = ROOT / "docs" / "sample-schedule-2022-2023.csv"


def balcony(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_cycle_with_notices_only_exits_1_and_lists_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "a.sqlite")
    code, out, _ = balcony(
        capsys, "--data", data, "import-schedule", str(VERBATIM), "--cycle", "SE DCS peer challenge"
    )
    assert code == 0
    assert out.count("day id") == 6
    assert "Notice: Row 6: 31/01/2022 is about 11 months from the middle of" in out

    code, out, err = balcony(capsys, "--data", data, "check", "SE DCS peer challenge")
    assert code == 1
    assert err == ""
    lines = out.strip().splitlines()
    assert lines[0].startswith("Notice: Day id 5: 31/01/2022 is about 11 months")
    assert lines[-1] == "1 notice in the SE DCS peer challenge cycle (6 days)."


def test_a_sound_cycle_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "a.sqlite")
    schedule = tmp_path / "three.csv"
    schedule.write_text(
        "Date,LA1,LA2,LA3,Mode\n"
        "16/01/2023,Ashvale,Brook,Corrie,Virtual\n"
        "24/01/2023,Dunmere,Esk,Fenwick,Virtual\n"
    )
    region = tmp_path / "westshire.txt"
    region.write_text("region: Westshire\nAshvale\nBrook\nCorrie\nDunmere\nEsk\nFenwick\n")
    code, out, _ = balcony(
        capsys, "--data", data, "import-schedule", str(schedule), "--region", str(region)
    )
    assert code == 0
    notices = [line for line in out.splitlines() if line.startswith("Notice:")]
    assert notices  # each row's suggested lead reviewers, and nothing about the cycle
    assert all("no lead reviewers are given" in line for line in notices)
    code, out, _ = balcony(capsys, "--data", data, "check", "2022-2023", "--region", str(region))
    assert (code, out) == (0, "No problems found in the 2022-2023 cycle (2 days).\n")
    # Against the shipped South East list the same cycle names none of its authorities.
    code, out, _ = balcony(capsys, "--data", data, "check", "2022-2023")
    assert code == 0


def test_a_cycle_with_an_error_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "a.sqlite")
    assert balcony(capsys, "--data", data, "import-schedule", str(SAMPLE))[0] == 0
    # A day typed in later (not imported, so not checked) puts Kent at two days on 24/02/2023.
    from facilitator.workspace import Workspace

    workspace = Workspace.open(Path(data))
    try:
        day = next(d for d in workspace.planner.list_days() if "Kent" in d.authorities)
        from facilitator.planning.planner import AuthorityEntry, NewDay

        workspace.planner.create_day(
            NewDay(
                date=day.date,
                kind=day.kind,
                mode=day.mode,
                authorities=tuple(AuthorityEntry(n) for n in ("Kent", "Upton", "Lowmoor")),
                cycle_name="2022-2023",
            )
        )
    finally:
        workspace.close()

    code, out, _ = balcony(capsys, "--data", data, "check", "2022-2023")
    assert code == 2
    assert "Error: Day id 7: Kent is also in day id 2 on 24/02/2023" in out
    assert "Notice: Day id 7: Kent takes part twice" not in out  # the error says it
    assert "Notice: Day id 7: Upton is not on the South East list" in out
    assert out.strip().splitlines()[-1].startswith("1 error and ")


def test_an_unknown_cycle_or_region_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "a.sqlite")
    code, out, err = balcony(capsys, "--data", data, "check", "2030-2031")
    assert (code, out) == (2, "")
    assert "No days belong to a cycle called “2030-2031”" in err
    code, _, err = balcony(
        capsys, "--data", data, "import-schedule", str(SAMPLE), "--region", str(tmp_path)
    )
    assert code == 2
    assert err.startswith("balcony: --region:")
    assert balcony(capsys, "--data", data, "days")[1] == ""


def test_errors_block_the_import_and_name_the_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "a.sqlite")
    schedule = tmp_path / "clash.csv"
    schedule.write_text(
        "Date,LA1,LA2,LA3,Mode\n"
        "16/01/2023,Kent,Medway,Surrey,Virtual\n"
        "16/01/2023,Slough,Kent,Reading,Virtual\n"
    )
    code, _, err = balcony(capsys, "--data", data, "import-schedule", str(schedule))
    assert code == 1
    assert "clash.csv: Row 3: Kent is also in row 2 on 16/01/2023" in err
    assert "Nothing was imported" in err
    assert balcony(capsys, "--data", data, "days")[1] == ""
