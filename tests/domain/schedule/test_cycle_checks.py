"""The cycle as a whole: who is where on each date, who takes part how often, far dates,
and the DCS columns with a shared DCS named once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from facilitator.schedule.cycle_checks import CycleDay, Level, check_cycle
from facilitator.schedule.importing import import_schedule_file
from facilitator.schedule.outcome import ScheduleImport
from facilitator.schedule.region import (
    Region,
    RegionFileError,
    default_region,
    parse_region,
    read_region,
)
from facilitator.schedule.rows import RowError
from facilitator.schedule.stored_cycles import NoSuchCycleError, check_stored_cycle
from facilitator.word.agenda_content import agenda_content
from facilitator.workspace import Workspace

ROOT = Path(__file__).resolve().parents[3]
VERBATIM = ROOT / "tests" / "data" / "handbook-schedule-verbatim.csv"
HEADER = "Date,LA1,LA2,LA3,Mode"
# An invented region of nine, so that three triads take every authority once.
NINE = Region(
    "Westshire",
    ("Ashvale", "Brook", "Corrie", "Dunmere", "Esk", "Fenwick", "Garth", "Holm", "Ivel"),
)
WHOLE_CYCLE = (
    "16/01/2023,Ashvale,Brook,Corrie,Virtual",
    "24/01/2023,Dunmere,Esk,Fenwick,Virtual",
    "02/02/2023,Garth,Holm,Ivel,Virtual",
)


def schedule(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "schedule.csv"
    path.write_text("\n".join((header, *rows)) + "\n", encoding="utf-8")
    return path


def run(
    workspace: Workspace,
    tmp_path: Path,
    *rows: str,
    header: str = HEADER,
    cycle: str = "Westshire cycle",
    region: Region = NINE,
) -> ScheduleImport:
    path = schedule(tmp_path, *rows, header=header)
    return import_schedule_file(workspace.planner, path, cycle, region=region)


def cycle_notices(result: ScheduleImport) -> list[str]:
    """The notices the cycle checks add (not the rows' lead reviewer suggestions)."""
    return [n for n in result.notices if "no lead reviewers are given" not in n]


def test_a_whole_cycle_with_nothing_wrong_imports_without_a_cycle_notice(
    workspace: Workspace, tmp_path: Path
) -> None:
    result = run(workspace, tmp_path, *WHOLE_CYCLE)
    assert result.ok
    assert cycle_notices(result) == []
    assert len(workspace.planner.list_days()) == 3


def test_an_authority_at_two_days_on_one_date_blocks_and_names_the_row(
    workspace: Workspace, tmp_path: Path
) -> None:
    result = run(
        workspace, tmp_path, *WHOLE_CYCLE, "16/01/2023,Brook,Dunmere,Esk,Virtual"
    )  # Brook is also at row 2's day
    assert result.errors == (
        RowError(
            5,
            "",
            "Brook is also in row 2 on 16/01/2023: an authority cannot be at two days on one date.",
        ),
    )
    assert workspace.planner.list_days() == []


def test_a_dcs_at_two_days_on_one_date_blocks_and_names_the_row(
    workspace: Workspace, tmp_path: Path
) -> None:
    result = run(
        workspace,
        tmp_path,
        "16/01/2023,Ashvale,Brook,Corrie,Ann Ash,Bea Brook,Cy Corrie,Virtual",
        "16/01/2023,Dunmere,Esk,Fenwick,Di Dun,bea  BROOK,Fen Fen,Virtual",
        header="Date,LA1,LA2,LA3,DCS1,DCS2,DCS3,Mode",
    )
    assert result.errors == (
        RowError(
            3,
            "",
            "bea BROOK, DCS of Esk, is also DCS of Brook in row 2 on 16/01/2023: a DCS "
            "cannot be at two days on one date.",
        ),
    )
    assert workspace.planner.list_days() == []


def test_a_clash_with_a_stored_day_of_another_cycle_blocks_too(
    workspace: Workspace, tmp_path: Path
) -> None:
    first = run(workspace, tmp_path, WHOLE_CYCLE[0], cycle="Last year's cycle")
    assert first.ok
    result = run(workspace, tmp_path, "16/01/2023,Holm,Ivel,Ashvale,Virtual")
    assert [str(e) for e in result.errors] == [
        f"Row 2: Ashvale is also in day id {first.created[0].id} (the Last year's cycle cycle) "
        "on 16/01/2023: an authority cannot be at two days on one date."
    ]
    assert len(workspace.planner.list_days()) == 1


def test_an_authority_twice_in_a_cycle_is_a_notice_and_the_import_goes_on(
    workspace: Workspace, tmp_path: Path
) -> None:
    rows = (*WHOLE_CYCLE[:2], "02/02/2023,Garth,Holm,Corrie,Virtual")
    result = run(workspace, tmp_path, *rows)
    assert result.ok
    assert cycle_notices(result) == [
        "Row 4: Corrie takes part twice in the Westshire cycle: also in row 2 "
        "(16/01/2023). Each authority takes part once a cycle.",
        "Ivel is on the Westshire list but in none of the days of the Westshire cycle.",
    ]
    assert len(workspace.planner.list_days()) == 3


def test_authorities_in_no_day_and_not_on_the_list_are_notices(
    workspace: Workspace, tmp_path: Path
) -> None:
    result = run(workspace, tmp_path, WHOLE_CYCLE[0], "24/01/2023,Dunmere,Eskk,Fenwick,Virtual")
    assert result.ok
    assert cycle_notices(result) == [
        "Row 3: Eskk is not on the Westshire list of authorities: check its spelling.",
        "Esk, Garth, Holm and Ivel are on the Westshire list but in none of the days of the "
        "Westshire cycle.",
    ]


def test_the_list_says_nothing_about_another_regions_cycle(
    workspace: Workspace, tmp_path: Path
) -> None:
    result = run(workspace, tmp_path, "16/01/2023,Upton,Lowmoor,Redbank,Virtual")
    assert result.ok
    assert cycle_notices(result) == []


def test_a_date_far_from_the_others_is_a_notice(workspace: Workspace, tmp_path: Path) -> None:
    rows = (*WHOLE_CYCLE[:2], "02/06/2023,Garth,Holm,Ivel,Virtual")
    result = run(workspace, tmp_path, *rows)
    assert result.ok
    assert cycle_notices(result) == [
        "Row 4: 02/06/2023 is about 4 months from the middle of the Westshire cycle "
        "(24/01/2023): check the year and the month."
    ]
    near = run(workspace, tmp_path, "30/04/2023,Ashvale,Brook,Corrie,Virtual", cycle="Other")
    assert not any("months" in n for n in near.notices)  # alone: nothing to be far from


def test_two_days_on_one_date_is_a_notice(workspace: Workspace, tmp_path: Path) -> None:
    rows = (*WHOLE_CYCLE[:2], "24/01/2023,Garth,Holm,Ivel,Virtual")
    result = run(workspace, tmp_path, *rows)
    assert result.ok
    assert cycle_notices(result) == [
        "Row 4: row 3 is on the same date (24/01/2023): two days on one date need two "
        "facilitators (and, face to face, two rooms)."
    ]


def test_the_handbooks_schedule_imports_six_days_with_its_2022_row_flagged(
    workspace: Workspace,
) -> None:
    result = import_schedule_file(workspace.planner, VERBATIM, "SE DCS peer challenge")

    assert result.ok, result.errors
    assert len(result.created) == 6
    assert [d.date for d in result.created][4] == dt.date(2022, 1, 31)
    assert result.notices == (
        "Row 6: 31/01/2022 is about 11 months from the middle of the SE DCS peer "
        "challenge cycle (16/01/2023): check the year and the month.",
    )
    assert result.summary.endswith("with 1 notice to check.")


def test_the_dcs_columns_name_a_shared_dcs_once(workspace: Workspace, tmp_path: Path) -> None:
    result = run(
        workspace,
        tmp_path,
        "16/02/2023,Oxfordshire (LR for H),Hampshire (LR for R) and Isle of Wight (LR for O),"
        "Reading (LR for IoW),,Ann Oak,Stuart Ash,,F to F",
        header="Date,LA1,LA2,LA3,LA4,DCS 1,LA2 DCS,DCS of LA3,Mode",
    )
    assert result.ok, result.errors
    day_id = result.created[0].id
    teams = workspace.planner.teams(day_id)
    assert [(t.name, t.dcs_name) for t in teams] == [
        ("Oxfordshire", "Ann Oak"),
        ("Hampshire", "Stuart Ash"),
        ("Isle of Wight", "Stuart Ash"),
        ("Reading", ""),
    ]
    plan = workspace.planner.day_plan(day_id)
    assert [p.shares_dcs_with for p in plan.participants] == [
        (),
        ("Isle of Wight",),
        ("Hampshire",),
        (),
    ]
    assert [row[2] for row in agenda_content(plan).participants] == [
        "Ann Oak",
        "Hampshire and Isle of Wight (one DCS: Stuart Ash)",
        "Hampshire and Isle of Wight (one DCS: Stuart Ash)",
        "To be confirmed",
    ]


def test_one_name_in_two_dcs_columns_is_one_shared_dcs(
    workspace: Workspace, tmp_path: Path
) -> None:
    result = run(
        workspace,
        tmp_path,
        "16/01/2023,Ashvale (LR for B),Brook (LR for C),Corrie (LR for A),Ann Ash,Bea,ann  ash,"
        "Virtual",
        header="Date,LA1,LA2,LA3,DCS1,DCS2,DCS3,Mode",
    )
    assert result.ok, result.errors
    plan = workspace.planner.day_plan(result.created[0].id)
    assert [(p.dcs, p.shares_dcs_with) for p in plan.participants] == [
        ("Ann Ash", ("Corrie",)),
        ("Bea", ()),
        ("Ann Ash", ("Ashvale",)),
    ]
    assert agenda_content(plan).participants[2][2] == "Ashvale and Corrie (one DCS: Ann Ash)"


def test_an_unnamed_shared_dcs_shows_as_shared_in_the_agenda(
    workspace: Workspace, tmp_path: Path
) -> None:
    result = run(workspace, tmp_path, "16/01/2023,Ashvale,Brook; Corrie,Dunmere,Virtual")
    assert result.ok, result.errors
    plan = workspace.planner.day_plan(result.created[0].id)
    assert agenda_content(plan).participants[1][2] == (
        "Brook and Corrie (one DCS: to be confirmed)"
    )


@pytest.mark.parametrize(
    ("header", "row", "message"),
    [
        (
            "Date,LA1,LA2,LA3,DCS,Mode",
            "16/01/2023,Ashvale,Brook,Corrie,Ann,Virtual",
            "Row 1, DCS: One DCS column cannot say whose DCS each name is",
        ),
        (
            "Date,LA1,LA2,LA3,DCS4,Mode",
            "16/01/2023,Ashvale,Brook,Corrie,Ann,Virtual",
            "Row 2, DCS4: Ann is named as a DCS but LA4 has no authority in this row.",
        ),
    ],
)
def test_a_dcs_column_that_cannot_be_placed_is_refused(
    workspace: Workspace, tmp_path: Path, header: str, row: str, message: str
) -> None:
    result = run(workspace, tmp_path, row, header=header)
    assert str(result.errors[0]).startswith(message)
    assert workspace.planner.list_days() == []


def test_the_shipped_region_is_the_south_easts_nineteen() -> None:
    region = default_region()
    assert region.name == "South East"
    assert len(region.authorities) == 19
    assert region.lists("Brighton & Hove")
    assert region.lists("isle of wight")


def test_a_region_file_is_read_and_a_bad_one_refused(tmp_path: Path) -> None:
    path = tmp_path / "north-west.txt"
    path.write_text("# comment\nBlackpool\n\nblackpool\nRegion: North West\nWigan\n", "utf-8")
    assert read_region(path) == Region("North West", ("Blackpool", "Wigan"))
    assert parse_region("Bolton\n", "bolton list").name == "bolton list"
    (tmp_path / "empty.txt").write_text("# nothing\n", "utf-8")
    with pytest.raises(RegionFileError, match="lists no authorities"):
        read_region(tmp_path / "empty.txt")
    with pytest.raises(RegionFileError, match="cannot be read"):
        read_region(tmp_path / "missing.txt")


def test_a_stored_cycle_is_checked_with_its_exit_code(workspace: Workspace, tmp_path: Path) -> None:
    assert run(workspace, tmp_path, *WHOLE_CYCLE).ok
    assert check_stored_cycle(workspace.planner, "westshire CYCLE", NINE).exit_code == 0
    with pytest.raises(NoSuchCycleError, match="The cycles are: Westshire cycle"):
        check_stored_cycle(workspace.planner, "2022-2023", NINE)


def test_the_checks_on_stored_days_name_them_by_id() -> None:
    days = [
        CycleDay(dt.date(2023, 1, 16), ("Ashvale", "Brook", "Corrie"), day_id=1),
        CycleDay(dt.date(2023, 1, 16), ("Ashvale", "Esk", "Fenwick"), day_id=2),
    ]
    problems = check_cycle("Westshire", days, NINE)
    assert [(p.level, str(p)) for p in problems if p.level is Level.ERROR] == [
        (
            Level.ERROR,
            "Day id 2: Ashvale is also in day id 1 on 16/01/2023: an authority cannot be at two "
            "days on one date.",
        )
    ]


def test_a_dcs_named_in_two_columns_is_kept_from_reviewing_their_other_authority(
    workspace: Workspace, tmp_path: Path
) -> None:
    result = run(
        workspace,
        tmp_path,
        "16/01/2023,Ashvale,Brook,Corrie,Dunmere,Ann Ash,ANN ASH,Cy,Di,Virtual",
        header="Date,LA1,LA2,LA3,LA4,DCS1,DCS2,DCS3,DCS4,Mode",
    )
    assert result.ok, result.errors
    plan = workspace.planner.day_plan(result.created[0].id)
    reviews = {p.name: p.reviews for p in plan.participants}
    assert reviews["Brook"] != "Ashvale"  # the usual cycle would have Brook review Ashvale
    assert reviews["Ashvale"] != "Brook"
    assert plan.lead_reviewer_problems == ()
