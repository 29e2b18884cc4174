from __future__ import annotations

import datetime as dt

import pytest

from facilitator.reviews.vague_dates import VagueDate, VagueDateError, parse_vague_date

D = dt.date


@pytest.mark.parametrize(
    ("words", "earliest", "latest"),
    [
        ("12/10/2015", D(2015, 10, 12), D(2015, 10, 12)),
        ("2015-10-12", D(2015, 10, 12), D(2015, 10, 12)),
        ("12 October 2015", D(2015, 10, 12), D(2015, 10, 12)),
        ("18th Sept 2015", D(2015, 9, 18), D(2015, 9, 18)),
        ("10-12 Aug 2015", D(2015, 8, 10), D(2015, 8, 12)),
        ("30 Nov - 2 Dec 2015", D(2015, 11, 30), D(2015, 12, 2)),
        ("w/c 12 October 2015", D(2015, 10, 12), D(2015, 10, 16)),
        ("October 2015", D(2015, 10, 1), D(2015, 10, 31)),
        ("February 2016", D(2016, 2, 1), D(2016, 2, 29)),
        ("Jan-Mar 2016", D(2016, 1, 1), D(2016, 3, 31)),
        ("Sept-Oct 2016", D(2016, 9, 1), D(2016, 10, 31)),
        ("Dec-Feb 2016", D(2015, 12, 1), D(2016, 2, 29)),
        ("Nov 2015-Feb 2016", D(2015, 11, 1), D(2016, 2, 29)),
        ("Spring 2016", D(2016, 3, 1), D(2016, 5, 31)),
        ("Summer 2016", D(2016, 6, 1), D(2016, 8, 31)),
        ("Autumn 2015", D(2015, 9, 1), D(2015, 11, 30)),
        ("Winter 2015", D(2015, 12, 1), D(2016, 2, 29)),
        ("2016", D(2016, 1, 1), D(2016, 12, 31)),
    ],
)
def test_a_date_is_read_with_its_earliest_and_latest_day(
    words: str, earliest: dt.date, latest: dt.date
) -> None:
    date = parse_vague_date(words)

    assert (date.earliest, date.latest) == (earliest, latest)
    assert date.words == words
    assert date.is_exact == (earliest == latest)


@pytest.mark.parametrize("words", ["TBC", "tba", " To be confirmed "])
def test_tbc_is_a_date_not_yet_known(words: str) -> None:
    date = parse_vague_date(words)

    assert not date.known
    assert date.earliest is None
    assert date.years == ()


def test_a_span_across_new_year_falls_in_both_years() -> None:
    assert parse_vague_date("Winter 2015").years == (2015, 2016)


@pytest.mark.parametrize(
    ("words", "says"),
    [
        ("", "give a date"),
        ("soon", "write it like"),
        ("31 February 2016", "has no day 31"),
        ("w/c 13 October 2015", "a Tuesday: give the Monday"),
        ("12-10 Aug 2015", "put the earlier date first"),
        ("Mar 2016-Jan 2016", "put the earlier date first"),
        ("12 Octember 2015", "not a month"),
    ],
)
def test_words_that_are_no_date_say_what_to_write(words: str, says: str) -> None:
    with pytest.raises(VagueDateError, match=says):
        parse_vague_date(words)


def test_a_vague_date_needs_both_ends_or_neither() -> None:
    with pytest.raises(ValueError, match="both"):
        VagueDate("x", D(2016, 1, 1), None)
    assert VagueDate.exact(D(2016, 1, 4)).words == "4 January 2016"
