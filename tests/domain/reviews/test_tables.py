from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from facilitator.reviews.kinds import Person, ReviewDraft, ReviewKind
from facilitator.reviews.tables import ReviewTable, read_review_file, read_review_table
from facilitator.reviews.vague_dates import VagueDate

D = dt.date
DATA = Path(__file__).resolve().parents[2] / "data"
PCTR_HEADER = "LA to receive PCTR,Lead DCS,QA DCS,Date,KLoE"
SAV_HEADER = "LA to receive SAV,Lead AD,Date"


def seed_table(name: str) -> ReviewTable:
    return read_review_file((DATA / f"seed-001-{name}.csv").read_bytes())


def test_every_row_of_the_seed_pctr_table_is_read() -> None:
    table = seed_table("pctr")

    assert table.ok, table.errors
    assert table.kind is ReviewKind.PCTR
    read = [
        (
            d.host,
            [p.name for p in d.leads],
            [p.name for p in d.qa],
            d.dates.earliest,
            d.dates.latest,
        )
        for d in table.drafts
    ]
    assert read == [
        ("Nottingham", ["Lesley"], ["Andy"], D(2015, 8, 10), D(2015, 8, 12)),
        ("Leicestershire", ["Andy"], ["Alison"], D(2015, 11, 3), D(2015, 11, 5)),
        ("Rutland", ["Debbie"], ["Derek", "Colin"], D(2015, 11, 17), D(2015, 11, 19)),
        ("Nottinghamshire", ["Tim"], ["Debbie"], D(2016, 1, 1), D(2016, 3, 31)),
        ("Northamptonshire", ["Frances"], ["Ian"], D(2016, 4, 1), D(2016, 5, 31)),
        ("Derby", ["Alison"], ["Lesley"], D(2016, 6, 1), D(2016, 8, 31)),
        ("Derbyshire", ["Alex"], ["Frances"], D(2016, 9, 1), D(2016, 10, 31)),
        ("Lincolnshire", ["Colin"], ["Tim"], D(2016, 11, 1), D(2016, 12, 31)),
        ("Leicester", ["Ian"], ["Alex"], D(2017, 1, 1), D(2017, 2, 28)),
    ]
    assert all(d.kind is ReviewKind.PCTR for d in table.drafts)
    first = table.drafts[0]
    assert first.kloe == "Early intervention linking to social care, plus CiC, CP"
    assert first.kloe_agreed
    assert first.days == (D(2015, 8, 10), D(2015, 8, 11), D(2015, 8, 12))
    assert first.dates.words == "10-12 Aug 2015"
    assert [d.kloe_agreed for d in table.drafts] == [True, True] + [False] * 7
    assert table.drafts[3].days == ()  # Jan-Mar 2016 is not yet three days


def test_every_row_of_the_seed_sav_table_is_read_past_its_blank_line() -> None:
    table = seed_table("sav")

    assert table.ok, table.errors
    read = [(d.kind, d.host, d.leads, d.dates.words) for d in table.drafts]
    sav, sav_max = ReviewKind.SAV, ReviewKind.SAV_MAX
    assert read == [
        (
            sav_max,
            "Northamptonshire",
            (Person("Stuart", "Lincs"), Person("Janice", "Lincs"), Person("Mel", "Derbyshire")),
            "May 2015",
        ),
        (sav, "Leicestershire", (Person("Helen", "Nottingham"),), "June 2015"),
        (sav, "Derby", (Person("Steve", "Nottinghamshire"),), "July 2015"),
        (sav, "Rutland", (Person("Mel", "Derbyshire"),), "November 2015"),
        (sav, "Nottingham", (Person("Maureen", "Derby"),), "Autumn 2015"),
        (sav, "Lincolnshire", (Person("Walter", "Leicestershire"),), "Autumn 2015"),
        (sav, "Derbyshire", (Person("Clair", "Leicester"),), "Autumn 2015"),
        (sav_max, "Leicester", (Person("Janice", "Lincolnshire"),), "February 2016"),
        (sav, "Nottinghamshire", (Person("Satinder", "Northamptonshire"),), "February 2016"),
    ]
    spans = [(d.dates.earliest, d.dates.latest) for d in table.drafts]
    assert spans[0] == (D(2015, 5, 1), D(2015, 5, 31))
    assert spans[4] == (D(2015, 9, 1), D(2015, 11, 30))  # Autumn: September to November
    assert spans[7] == (D(2016, 2, 1), D(2016, 2, 29))
    assert table.drafts[7].lead_words == "Janice (Lincolnshire) +"


def test_headers_match_whatever_their_case_and_spacing() -> None:
    text = "la to receive sav , LEAD AD,date\nRutland,Mel (Derbyshire),TBC\n"

    table = read_review_table(text)

    assert table.ok
    assert table.drafts[0].dates == VagueDate("TBC")


def errors_of(text: str) -> list[tuple[int | None, str, str]]:
    table = read_review_table(text)
    assert table.drafts == ()
    return [(e.row, e.column, e.message) for e in table.errors]


def only_error(text: str) -> tuple[int | None, str, str]:
    errors = errors_of(text)
    assert len(errors) == 1, errors
    return errors[0]


@pytest.mark.parametrize(
    ("row", "column", "says"),
    [
        (",Lesley,Andy,Jan-Mar 2016,tba", "LA to receive PCTR", "name the authority"),
        ("Derby SAV MAX,Lesley,Andy,Jan-Mar 2016,tba", "LA to receive PCTR", "SAV table"),
        ("Derby,,Andy,Jan-Mar 2016,tba", "Lead DCS", "write TBC"),
        ("Derby,Lesley (Leics,Andy,Jan-Mar 2016,tba", "Lead DCS", "bracket is not closed"),
        ("Derby,(Leics),Andy,Jan-Mar 2016,tba", "Lead DCS", "follows no name"),
        ("Derby,+,Andy,Jan-Mar 2016,tba", "Lead DCS", "names nobody"),
        ("Derby,Lesley,lesley,Jan-Mar 2016,tba", "QA DCS", "name another DCS"),
        ("Derby,Lesley,Andy,,tba", "Date", "give a date"),
        ("Derby,Lesley,Andy,next spring,tba", "Date", "write it like"),
        ("Derby,Lesley,Andy,w/c 13 October 2015,tba", "Date", "give the Monday"),
        ("Derby,Lesley,Andy,Jan-Mar 2016,tba,extra", "", "double quotes"),
    ],
)
def test_each_pctr_row_error_names_row_column_and_fix(row: str, column: str, says: str) -> None:
    good = "Leicester,Ian,Alex,Jan-Feb 2017,tba"

    found_row, found_column, message = only_error(f"{PCTR_HEADER}\n{good}\n\n{row}\n")

    assert (found_row, found_column) == (4, column)
    assert says in message


def test_a_lead_ad_from_the_authority_under_review_is_refused() -> None:
    row, column, message = only_error(f"{SAV_HEADER}\nLincolnshire,Janice (Lincs),May 2016\n")

    assert (row, column) == (2, "Lead AD")
    assert "from the authority under review" in message


def test_every_bad_row_is_told_and_no_draft_is_given() -> None:
    text = f"{SAV_HEADER}\n,Helen (Nottingham),June 2015\nDerby,Steve,soon\nRutland,Mel,May 2016\n"

    assert [(r, c) for r, c, _ in errors_of(text)] == [(2, "LA to receive SAV"), (3, "Date")]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "The file is empty"),
        ("\n\n", "The file is empty"),
        ("Authority,Date\nDerby,May 2016\n", "The header row must be"),
        (f"{SAV_HEADER}\n", "no reviews under it"),
    ],
)
def test_a_file_that_is_no_table_says_why(text: str, says: str) -> None:
    _row, _column, message = only_error(text)

    assert says in message


def test_header_columns_missing_unknown_or_twice_are_each_told() -> None:
    text = "LA to receive PCTR,Lead DCS,Date,Date,Venue\nDerby,Ian,May 2016,May 2016,Hall\n"

    errors = errors_of(text)

    assert [(r, c) for r, c, _ in errors] == [
        (1, "Date"),
        (1, "Venue"),
        (1, "QA DCS"),
        (1, "KLoE"),
    ]
    assert "appears twice" in errors[0][2]
    assert "delete it or rename it" in errors[1][2]
    assert "is missing: add it" in errors[2][2]


def test_bytes_in_another_encoding_or_a_workbook_are_refused_with_how_to_save() -> None:
    latin = read_review_file(f"{SAV_HEADER}\nDerby,Zoë,May 2016\n".encode("cp1252"))
    workbook = read_review_file(b"PK\x03\x04 rest of a workbook")

    assert "save the file as CSV UTF-8" in latin.errors[0].message
    assert latin.errors[0].row == 2
    assert "spreadsheet workbook" in workbook.errors[0].message


def test_utf16_from_excel_is_read() -> None:
    data = f"{SAV_HEADER}\nDerby,Zoë (Leicester),May 2016\n".encode("utf-16")

    assert read_review_file(data).drafts[0].leads == (Person("Zoë", "Leicester"),)


def test_a_draft_refuses_what_no_review_can_be() -> None:
    dates = VagueDate("10-13 Aug 2015", D(2015, 8, 10), D(2015, 8, 13))
    four_days = tuple(D(2015, 8, n) for n in range(10, 14))

    with pytest.raises(ValueError, match="at most 3 days"):
        ReviewDraft(ReviewKind.PCTR, "Derby", dates, days=four_days)
    with pytest.raises(ValueError, match="QA DCS"):
        ReviewDraft(ReviewKind.SAV, "Derby", dates, qa=(Person("Andy"),))
    with pytest.raises(ValueError, match="outside its dates"):
        ReviewDraft(ReviewKind.PCTR, "Derby", dates, days=(D(2015, 8, 14),))
    with pytest.raises(ValueError, match="hosts it"):
        ReviewDraft(ReviewKind.PCTR, " ", dates)
