from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from facilitator.common.vocabulary import DayKind, DayMode
from facilitator.schedule.cells import CellError
from facilitator.schedule.importing import (
    ImportPlan,
    RowError,
    import_schedule_file,
    parse_schedule,
)
from facilitator.schedule.short_names import resolve_short_name
from facilitator.workspace import Workspace

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "docs" / "sample-schedule-2022-2023.csv"
VERBATIM = ROOT / "tests" / "data" / "handbook-schedule-verbatim.csv"
HEADER = "Triad,Date,LA1,LA2,LA3,F to F/ Virtual"
GOOD_ROW = (
    "1,16/01/2023,Wokingham (LR for S),East Sussex (LR for W),Surrey (LR for ES),F to F London"
)

# Who reviews whom, exactly as the handbook's "(LR for X)" says.
HANDBOOK_LEAD_REVIEWERS = [
    {"Wokingham": "Surrey", "East Sussex": "Wokingham", "Surrey": "East Sussex"},
    {"West Sussex": "Kent", "Kent": "Portsmouth", "Portsmouth": "West Sussex"},
    {
        "Oxfordshire": "Hampshire",
        "Hampshire": "Reading",
        "Isle of Wight": "Oxfordshire",
        "Reading": "Isle of Wight",
    },
    {"Medway": "Bracknell Forest", "Milton Keynes": "Medway", "Bracknell Forest": "Milton Keynes"},
    {
        "West Berkshire": "Brighton and Hove",
        "Windsor and Maidenhead": "West Berkshire",
        "Brighton and Hove": "Windsor and Maidenhead",
    },
    {"Slough": "Buckinghamshire", "Buckinghamshire": "Southampton", "Southampton": "Slough"},
]


def parse(*rows: str, header: str = HEADER, cycle: str | None = "2022-2023") -> object:
    text = "\n".join((header, *rows)) + "\n"
    return parse_schedule(text.encode("utf-8"), "test.csv", cycle)


def test_the_handbooks_table_imports_six_days_with_its_lead_reviewers(
    workspace: Workspace,
) -> None:
    result = import_schedule_file(workspace.planner, SAMPLE)

    assert result.errors == ()
    assert result.cycle_name == "2022-2023"
    # The sample's fix for the handbook's 31/01/2022 puts days 4 and 5 on one date.
    assert result.summary == "Imported 6 days into the 2022-2023 cycle, with 1 notice to check."
    assert result.notices == (
        "Row 6: row 5 is on the same date (31/01/2023): two days on one date need two "
        "facilitators (and, face to face, two rooms).",
    )
    plans = [workspace.planner.day_plan(day.id) for day in result.created]
    assert [p.summary.number for p in plans] == [1, 2, 3, 4, 5, 6]
    assert [{x.name: x.reviews for x in p.participants} for p in plans] == (HANDBOOK_LEAD_REVIEWERS)
    assert [p.summary.kind for p in plans] == [DayKind.TRIAD] * 2 + [DayKind.QUARTET] + [
        DayKind.TRIAD
    ] * 3
    assert [(p.summary.mode, p.summary.place) for p in plans] == [
        (DayMode.FACE_TO_FACE, "London"),
        (DayMode.FACE_TO_FACE, "Brighton"),
        (DayMode.FACE_TO_FACE, ""),
        (DayMode.VIRTUAL, "Online"),
        (DayMode.VIRTUAL, "Online"),
        (DayMode.VIRTUAL, "Online"),
    ]
    assert [p.summary.date for p in plans][:3] == [
        dt.date(2023, 1, 16),
        dt.date(2023, 2, 24),
        dt.date(2023, 2, 16),
    ]
    quartet = plans[2]
    assert [x.shares_dcs_with for x in quartet.participants] == [
        (),
        ("Isle of Wight",),
        ("Hampshire",),
        (),
    ]
    assert all(p.lead_reviewer_problems == () for p in plans)
    shorts = workspace.planner.authority_short_names()
    assert shorts["Isle of Wight"] == "IoW"
    assert shorts["Brighton and Hove"] == "B & H"
    assert shorts["Southampton"] == "Sou"
    assert result.lines()[0] == (
        f"16/01/2023 Triad: Wokingham, East Sussex, Surrey (Face to face, London), "
        f"day id {result.created[0].id}"
    )


def test_the_verbatim_table_is_refused_for_its_date_typo_and_imports_once_fixed(
    workspace: Workspace, tmp_path: Path
) -> None:
    result = import_schedule_file(workspace.planner, VERBATIM)

    assert result.errors == (
        RowError(
            6,
            "Date",
            "31/01/2022 is outside the 2022-2023 cycle (1 September 2022 to 31 August 2023). "
            "Did you mean 31/01/2023?",
        ),
    )
    assert workspace.planner.list_days() == []
    assert result.lines() == [f"handbook-schedule-verbatim.csv: {result.errors[0]}"]
    assert result.summary.startswith("Nothing was imported: 1 problem in")

    fixed = tmp_path / "fixed.csv"
    fixed.write_bytes(VERBATIM.read_bytes().replace(b"31/01/2022", b"31/01/2023"))
    again = import_schedule_file(workspace.planner, fixed)

    assert again.ok
    assert len(workspace.planner.list_days()) == 6
    repeat = import_schedule_file(workspace.planner, fixed)
    assert len(repeat.errors) == 6
    assert repeat.errors[0].row == 2
    assert "This day is already in Balcony" in repeat.errors[0].message
    assert len(workspace.planner.list_days()) == 6


def test_one_bad_row_imports_nothing(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "schedule.csv"
    path.write_text(f"{HEADER}\n{GOOD_ROW}\n2,24/02/2023,Kent,Medway,Kent,Virtual\n")

    result = import_schedule_file(workspace.planner, path, "2022-2023")

    assert [(e.row, e.column) for e in result.errors] == [(3, "LA3")]
    assert workspace.planner.list_days() == []


BAD_ROWS = [
    (
        "7,01/02/2023,Kent,Medway,kent,Virtual",
        RowError(
            3,
            "LA3",
            "kent is already in this day (LA1); each authority takes part once a day.",
        ),
    ),
    (
        "7,01/02/2023,Kent,Medway,,Virtual",
        RowError(
            3,
            "LA3",
            "The day has only 2 authorities (Kent and Medway): a triad needs 3 and a quartet 4.",
        ),
    ),
    (
        "7,01/02/2023,Kent (LR for M),Medway (LR for S),Surrey (LR for M),Virtual",
        RowError(
            3,
            "LA3",
            "Kent and Surrey are both lead reviewer for Medway: each authority has exactly "
            "one lead reviewer.",
        ),
    ),
    (
        "7,01/02/2023,Kent (LR for K),Medway (LR for S),Surrey (LR for M),Virtual",
        RowError(
            3,
            "LA1",
            "Kent is lead reviewer for itself (“LR for K”): a DCS reviews another authority.",
        ),
    ),
    (
        "7,01/02/2023,Kent (LR for M),Medway (LR for S),Surrey,Virtual",
        RowError(
            3,
            "LA3",
            "Surrey has no “(LR for …)” although others in this row do: give every "
            "authority its lead reviewer role, or none to use the suggested cycle.",
        ),
    ),
    (
        "7,01/02/2023,Kent (LR for X),Medway (LR for S),Surrey (LR for K),Virtual",
        RowError(
            3,
            "LA1",
            "Kent: “X” matches none of this day’s authorities (Kent, Medway and Surrey): "
            "write the authority’s name or its initials.",
        ),
    ),
    (
        "7,01/02/2023,Slough (LR for B),Buckinghamshire (LR for S),Southampton (LR for Sl),Virtual",
        RowError(
            3,
            "LA2",
            "Buckinghamshire: “S” could mean Slough or Southampton: write more of the name "
            "so that it fits one authority.",
        ),
    ),
    (
        "7,01/02/2023,Kent (LR for M) (LR for S),Medway (LR for S),Surrey (LR for K),Virtual",
        RowError(
            3,
            "LA1",
            "Kent has two “(LR for …)”; a DCS is lead reviewer for exactly one authority.",
        ),
    ),
    (
        "7,01/02/2023,Kent (host),Medway,Surrey,Virtual",
        RowError(
            3,
            "LA1",
            "“(host)” after Kent is not understood: only “(LR for …)” can follow an "
            "authority’s name.",
        ),
    ),
    (
        "7,01/02/2023,Kent,Medway,Surrey,Hybrid",
        RowError(
            3,
            "F to F/ Virtual",
            "“Hybrid” is not a way of meeting Balcony knows: write “F to F” (with the venue"
            " after it, if you like) or “Virtual”.",
        ),
    ),
    (
        "7,01/02/2023,Kent,Medway,Surrey,",
        RowError(
            3,
            "F to F/ Virtual",
            "The mode is empty: write “F to F” (with the venue after it, if you like) or "
            "“Virtual”.",
        ),
    ),
    (
        "7,31/02/2023,Kent,Medway,Surrey,Virtual",
        RowError(
            3,
            "Date",
            "31/02/2023 is not a real date: February 2023 has 28 days.",
        ),
    ),
    (
        "7,02/13/2023,Kent,Medway,Surrey,Virtual",
        RowError(
            3,
            "Date",
            "02/13/2023 has no month 13: dates are read day first (dd/mm/yyyy).",
        ),
    ),
    (
        "7,1st February,Kent,Medway,Surrey,Virtual",
        RowError(
            3,
            "Date",
            "“1st February” is not a date Balcony can read: write it as dd/mm/yyyy, for "
            "example 16/01/2023.",
        ),
    ),
    (
        "7,01/02/2024,Kent,Medway,Surrey,Virtual",
        RowError(
            3,
            "Date",
            "01/02/2024 is outside the 2022-2023 cycle (1 September 2022 to 31 August "
            "2023). Did you mean 01/02/2023?",
        ),
    ),
    (
        "Quartet 7,01/02/2023,Kent,Medway,Surrey,Virtual",
        RowError(
            3,
            "Triad",
            "It says quartet, but the row has 3 authorities (Kent, Medway and Surrey).",
        ),
    ),
    (
        "1,01/02/2023,Kent,Medway,Surrey,Virtual",
        RowError(
            3,
            "Triad",
            "Day 1 is also row 2: each day of a cycle needs its own number.",
        ),
    ),
    (
        "7,01/02/2023,Kent,Medway,Surrey,Virtual,Kent",
        RowError(
            3,
            "",
            "The row has 7 cells but the header has 6 columns: a comma inside a cell needs "
            "the cell in double quotes.",
        ),
    ),
]


@pytest.mark.parametrize(("row", "error"), BAD_ROWS, ids=[e.message[:40] for _, e in BAD_ROWS])
def test_each_bad_row_gets_one_precise_message(row: str, error: RowError) -> None:
    assert parse(GOOD_ROW, row) == [error]


def test_every_bad_row_of_a_file_is_reported_in_row_order() -> None:
    rows = [row for row, _ in BAD_ROWS if not row.startswith("1,")]
    errors = parse(GOOD_ROW, *rows)

    assert isinstance(errors, list)
    assert [e.row for e in errors] == sorted(e.row or 0 for e in errors)
    assert len(errors) == len(rows)


def test_missing_columns_are_named() -> None:
    errors = parse(GOOD_ROW, header="Triad,Dat,LA1,LA2,LA3")

    expected = (
        "(it has: Triad, Dat, LA1, LA2, LA3). The columns are Number, Date, LA1, LA2, LA3, "
        "LA4 and Mode; Number and LA4 may be left out."
    )
    assert errors == [
        RowError(1, "Date", f"The header row has no Date column {expected}"),
        RowError(1, "Mode", f"The header row has no Mode column {expected}"),
    ]


@pytest.mark.parametrize(
    ("data", "row", "words"),
    [
        (f"{HEADER}\n{GOOD_ROW} – Euston\n".encode("cp1252"), 2, "byte 0x96"),
        (b"PK\x03\x04rest of a workbook", None, "a spreadsheet workbook, not a CSV file"),
    ],
)
def test_a_file_not_saved_as_utf8_is_refused_with_how_to_save_it(
    data: bytes, row: int | None, words: str
) -> None:
    [error] = parse_schedule(data, "test.csv", "2022-2023")  # type: ignore[misc]

    assert error.row == row
    assert words in error.message
    assert "Save it as “CSV UTF-8 (Comma delimited)”" in error.message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_excels_unicode_text_and_utf8_with_a_byte_order_mark_are_read(encoding: str) -> None:
    text = f"{HEADER}\n{GOOD_ROW}\n".replace(",", "\t")

    plan = parse_schedule(text.encode(encoding), "test.txt", "2022-2023")

    assert isinstance(plan, ImportPlan)
    assert [imported.day.date for imported in plan.days] == [dt.date(2023, 1, 16)]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty: it needs a header row and a row per day."),
        (b"\n \n", "The file is empty: it needs a header row and a row per day."),
        (f"{HEADER}\n".encode(), "The file has a header row but no days under it."),
    ],
)
def test_an_empty_file_says_so(data: bytes, message: str) -> None:
    assert parse_schedule(data, "test.csv") == [RowError(None, "", message)]


def test_bom_semicolons_iso_dates_and_an_la4_column_are_understood() -> None:
    text = (
        "\ufeffNo;Date;Authority 1;Authority 2;Authority 3;Authority 4;Mode\n"
        "3;2023-02-16;Oxfordshire;Hampshire;Isle of Wight;Reading;face to face, Winchester\n"
        "4;2023-01-31;Medway;Milton Keynes;Bracknell Forest;;Teams\n"
    )
    plan = parse_schedule(text.encode("utf-8"), "test.csv")

    assert isinstance(plan, ImportPlan)
    assert plan.cycle_name == "2022-2023"
    quartet, triad = (imported.day for imported in plan.days)
    assert quartet.kind is DayKind.QUARTET
    assert quartet.venue == "Winchester"
    assert triad.mode is DayMode.VIRTUAL
    assert [a.reviews for a in triad.authorities] == ["Bracknell Forest", "Medway", "Milton Keynes"]
    assert plan.notices[0] == (
        "Row 2: no lead reviewers are given, so Balcony suggests Oxfordshire reviews Reading, "
        "Hampshire reviews Oxfordshire, Isle of Wight reviews Hampshire, Reading reviews "
        "Isle of Wight."
    )


def test_without_a_cycle_name_an_even_split_of_years_asks_for_one() -> None:
    errors = parse(GOOD_ROW, "2,01/02/2024,Kent,Medway,Surrey,Virtual", cycle=None)

    assert errors == [
        RowError(
            None,
            "Date",
            "The dates fall equally in 2022-2023 and 2023-2024: name the cycle "
            "(for example --cycle 2022-2023).",
        )
    ]


@pytest.mark.parametrize(
    ("token", "names", "meaning"),
    [
        ("S", ["Wokingham", "East Sussex", "Surrey"], "Surrey"),
        ("W", ["Wokingham", "East Sussex", "Surrey"], "Wokingham"),
        ("ES", ["Wokingham", "East Sussex", "Surrey"], "East Sussex"),
        ("IoW", ["Oxfordshire", "Hampshire", "Isle of Wight", "Reading"], "Isle of Wight"),
        ("IW", ["Oxfordshire", "Hampshire", "Isle of Wight", "Reading"], "Isle of Wight"),
        ("M", ["Medway", "Milton Keynes", "Bracknell Forest"], "Medway"),
        ("MK", ["Medway", "Milton Keynes", "Bracknell Forest"], "Milton Keynes"),
        ("B & H", ["West Berkshire", "Windsor and Maidenhead", "Brighton and Hove"],
         "Brighton and Hove"),
        ("W & M", ["West Berkshire", "Windsor and Maidenhead", "Brighton and Hove"],
         "Windsor and Maidenhead"),
        ("Sou", ["Slough", "Buckinghamshire", "Southampton"], "Southampton"),
        ("Sl", ["Slough", "Buckinghamshire", "Southampton"], "Slough"),
        ("B", ["Slough", "Buckinghamshire", "Southampton"], "Buckinghamshire"),
        ("reading", ["Oxfordshire", "Hampshire", "Isle of Wight", "Reading"], "Reading"),
    ],
)  # fmt: skip
def test_the_handbooks_short_names_resolve(token: str, names: list[str], meaning: str) -> None:
    assert resolve_short_name(token, names) == meaning


def test_a_known_short_name_wins_and_an_ambiguous_one_is_never_guessed() -> None:
    names = ["Slough", "Buckinghamshire", "Southampton"]
    assert resolve_short_name("S", names, {"Southampton": "S"}) == "Southampton"
    with pytest.raises(CellError, match="could mean Slough or Southampton"):
        resolve_short_name("S", names)
    with pytest.raises(CellError, match="matches none"):
        resolve_short_name("Kt", ["Kent", "Medway", "Surrey"])


def test_a_missing_file_is_reported_and_known_short_names_are_kept(
    workspace: Workspace, tmp_path: Path
) -> None:
    missing = import_schedule_file(workspace.planner, tmp_path / "nowhere.csv")
    assert not missing.ok
    assert missing.lines() == ["nowhere.csv: The file cannot be read (No such file or directory)."]

    path = tmp_path / "schedule.csv"
    path.write_text(f"{HEADER}\n{GOOD_ROW}\n", encoding="utf-8")
    first = parse_schedule(path.read_bytes(), "schedule.csv", None, {"Surrey": "SY"})
    assert isinstance(first, ImportPlan)
    shorts = {a.name: a.short_name for a in first.days[0].day.authorities}
    assert shorts == {"Wokingham": "W", "East Sussex": "ES", "Surrey": ""}
