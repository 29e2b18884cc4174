"""A review's dates and lines of enquiry firmed up as the plan goes on: its team's service
moves with its dates, and nothing is changed when the change cannot stand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from facilitator.pool.people import ChallengerDetails
from facilitator.reviews.candidates import candidates
from facilitator.reviews.service import ReviewInputError, ReviewView
from facilitator.reviews.tables import read_review_table
from facilitator.reviews.team_rules import Role
from facilitator.workspace import Workspace

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def reviews(workspace: Workspace) -> tuple[ReviewView, ...]:
    table = read_review_table((DATA / "seed-001-pctr.csv").read_text(encoding="utf-8"))
    return workspace.reviews.add_all(table.drafts)


def by_host(reviews: tuple[ReviewView, ...], host: str) -> ReviewView:
    return next(r for r in reviews if r.host == host)


def test_dates_are_fixed_and_a_pctr_gets_its_days(
    workspace: Workspace, reviews: tuple[ReviewView, ...]
) -> None:
    derby = by_host(reviews, "Derby")  # "Jun-Aug 2016"
    assert derby.draft.days == ()

    changed = workspace.reviews.change(derby.id, dates="14-16 Jun 2016")

    assert changed.draft.dates.words == "14-16 Jun 2016"
    assert changed.draft.days == (dt.date(2016, 6, 14), dt.date(2016, 6, 15), dt.date(2016, 6, 16))
    assert workspace.reviews.get(derby.id) == changed


def test_agreed_lines_of_enquiry_bring_in_the_expertise_rule(
    workspace: Workspace, reviews: tuple[ReviewView, ...]
) -> None:
    tba = by_host(reviews, "Leicester")  # "tba", Jan-Feb 2017
    workspace.pool.add(ChallengerDetails("Ann Example", "Rutland"))  # no expertise given

    def expertise_reasons() -> list[str]:
        ((_, reasons),) = candidates(
            workspace.reviews, workspace.pool, tba.id, Role.PCR_MEMBER, dt.date(2016, 10, 1)
        )
        return [r for r in reasons if "expertise" in r]

    assert expertise_reasons() == []  # nothing is asked of anyone while they are to come

    changed = workspace.reviews.change(tba.id, kloe="Early help and the front door")

    assert changed.draft.kloe_agreed
    assert expertise_reasons() == [
        "Ann Example has none of the expertise the lines of enquiry need "
        "(Safeguarding for “front door”; Family Support for “Early help”)."
    ]


def test_a_member_s_service_moves_with_the_dates(
    workspace: Workspace, reviews: tuple[ReviewView, ...]
) -> None:
    nottingham = by_host(reviews, "Nottingham")  # 10-12 Aug 2015
    person = workspace.pool.add(ChallengerDetails("Ann Example", "Rutland"))
    workspace.reviews.add_member(nottingham.id, person.id, Role.PCR_MEMBER)

    workspace.reviews.change(nottingham.id, dates="7-9 Sep 2015")

    (served,) = workspace.pool.service(person.id)
    assert served.served_on == dt.date(2015, 9, 7)
    assert "7-9 Sep 2015" in served.review


def test_words_that_are_no_date_change_nothing(
    workspace: Workspace, reviews: tuple[ReviewView, ...]
) -> None:
    derby = by_host(reviews, "Derby")

    with pytest.raises(ReviewInputError, match="not a date Balcony can read"):
        workspace.reviews.change(derby.id, dates="next summer", kloe="Something else")

    assert workspace.reviews.get(derby.id) == derby


def test_a_team_keeps_its_review_dated(
    workspace: Workspace, reviews: tuple[ReviewView, ...]
) -> None:
    nottingham = by_host(reviews, "Nottingham")
    person = workspace.pool.add(ChallengerDetails("Ann Example", "Rutland"))
    workspace.reviews.add_member(nottingham.id, person.id, Role.PCR_MEMBER)

    with pytest.raises(ReviewInputError, match="has a team"):
        workspace.reviews.change(nottingham.id, dates="TBC")


def test_dates_another_review_of_the_host_has_are_refused(
    workspace: Workspace, reviews: tuple[ReviewView, ...]
) -> None:
    derby = by_host(reviews, "Derby")
    workspace.reviews.change(derby.id, dates="14-16 Jun 2016")
    copy = workspace.reviews.add_all([derby.draft])[0]  # another Derby PCTR, Jun-Aug 2016

    with pytest.raises(ReviewInputError, match="stored already"):
        workspace.reviews.change(copy.id, dates="14-16 Jun 2016")


def test_candidates_can_be_judged_once_tbc_dates_are_fixed(
    workspace: Workspace, reviews: tuple[ReviewView, ...]
) -> None:
    person = workspace.pool.add(ChallengerDetails("Ann Example", "Rutland"))
    review = reviews[-1]
    workspace.reviews.change(review.id, dates="TBC")
    with pytest.raises(ReviewInputError, match="no dates yet"):
        workspace.reviews.add_member(review.id, person.id, Role.PCR_MEMBER)

    workspace.reviews.change(review.id, dates="2-4 Mar 2017")

    workspace.reviews.add_member(review.id, person.id, Role.PCR_MEMBER)
    listed = dict(
        (p.name, reasons)
        for p, reasons in candidates(
            workspace.reviews, workspace.pool, review.id, Role.PCR_MEMBER, dt.date(2016, 12, 1)
        )
    )
    assert listed["Ann Example"][0].startswith("Ann Example is on this review's team already")
