from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from facilitator.pool.people import ChallengerDetails
from facilitator.reviews.kinds import ReviewDraft, ReviewKind
from facilitator.reviews.service import ReviewInputError
from facilitator.reviews.tables import read_review_table
from facilitator.reviews.team_rules import Role
from facilitator.reviews.vague_dates import parse_vague_date
from facilitator.workspace import Workspace

DATA = Path(__file__).resolve().parents[2] / "data"


def seed(name: str) -> tuple[ReviewDraft, ...]:
    table = read_review_table((DATA / name).read_text(encoding="utf-8"))
    assert table.ok, table.errors
    return table.drafts


@pytest.fixture
def workspace() -> Workspace:
    return Workspace.in_memory()


def test_both_seed_tables_are_stored_and_read_back_as_they_were(workspace: Workspace) -> None:
    heard: list[int] = []
    workspace.reviews.changed.connect(heard.append)
    drafts = seed("seed-001-pctr.csv") + seed("seed-001-sav.csv")

    added = workspace.reviews.add_all(drafts)

    assert [view.draft for view in added] == list(drafts)
    assert workspace.reviews.list() == added
    assert heard == [view.id for view in added]
    first, max_visit = added[0], added[9]
    assert workspace.reviews.get(first.id) == first
    assert first.draft.days == (dt.date(2015, 8, 10), dt.date(2015, 8, 11), dt.date(2015, 8, 12))
    assert first.draft.kloe.startswith("Early intervention linking to social care")
    assert max_visit.kind is ReviewKind.SAV_MAX
    assert [str(p) for p in max_visit.draft.leads] == [
        "Stuart (Lincs)",
        "Janice (Lincs)",
        "Mel (Derbyshire)",
    ]
    assert max_visit.draft.lead_words == "Stuart and Janice (Lincs) Mel (Derbyshire)"
    with pytest.raises(LookupError, match="There is no review with id 99"):
        workspace.reviews.get(99)


def test_a_list_with_one_bad_review_stores_none_of_them(workspace: Workspace) -> None:
    pctr = seed("seed-001-pctr.csv")
    workspace.reviews.add_all(pctr[:2])

    with pytest.raises(ReviewInputError, match=r"Leicestershire \(3-5 Nov 2015\) is already"):
        workspace.reviews.add_all(pctr[2:] + pctr[1:2])
    with pytest.raises(ReviewInputError, match="earlier in the list"):
        workspace.reviews.add_all(pctr[2:] + pctr[2:3])
    too_long = replace(pctr[3], host="Northshire" * 20)
    with pytest.raises(ReviewInputError, match="The authority of the Peer Challenge"):
        workspace.reviews.add_all([pctr[2], too_long])

    assert [view.host for view in workspace.reviews.list()] == ["Nottingham", "Leicestershire"]


def test_a_team_member_is_recorded_in_the_pool_s_service_history(workspace: Workspace) -> None:
    (review,) = workspace.reviews.add_all(seed("seed-001-pctr.csv")[:1])
    alex = workspace.pool.add(ChallengerDetails("Alex Tester", "Northshire"))
    heard: list[int] = []
    workspace.pool.changed.connect(heard.append)

    member = workspace.reviews.add_member(review.id, alex.id, Role.PCR_MEMBER)

    assert workspace.reviews.members(review.id) == (member,)
    assert (member.person_id, member.role) == (alex.id, Role.PCR_MEMBER)
    (served,) = workspace.pool.service(alex.id)
    assert served.id == member.service_id
    assert served.review == "Peer Challenge Team Review of Nottingham (10-12 Aug 2015)"
    assert served.served_on == dt.date(2015, 8, 10)
    assert heard == [alex.id]

    assert workspace.reviews.remove_member(member.id) == member
    assert workspace.reviews.members(review.id) == ()
    assert workspace.pool.service(alex.id) == ()
    assert heard == [alex.id, alex.id]


def test_a_team_change_that_cannot_stand_is_refused(workspace: Workspace) -> None:
    pctr, sav = workspace.reviews.add_all(
        [
            seed("seed-001-pctr.csv")[0],
            ReviewDraft(ReviewKind.SAV, "Rutland", parse_vague_date("TBC")),
        ]
    )
    alex = workspace.pool.add(ChallengerDetails("Alex Tester", "Northshire"))

    with pytest.raises(ReviewInputError, match="has no SAV lead AD: choose PCR team member"):
        workspace.reviews.add_member(pctr.id, alex.id, Role.SAV_LEAD_AD)
    with pytest.raises(ReviewInputError, match="has no dates yet"):
        workspace.reviews.add_member(sav.id, alex.id, Role.SAV_MEMBER)
    workspace.reviews.add_member(pctr.id, alex.id, Role.PCR_MEMBER)
    with pytest.raises(ReviewInputError, match="Alex Tester is on this review's team already"):
        workspace.reviews.add_member(pctr.id, alex.id, Role.DATA_SPECIALIST)
    with pytest.raises(LookupError, match="no person in the pool with id 9"):
        workspace.reviews.add_member(pctr.id, 9, Role.PCR_MEMBER)

    assert len(workspace.pool.service(alex.id)) == 1


def test_taking_someone_out_of_the_pool_takes_them_off_the_team(workspace: Workspace) -> None:
    (review,) = workspace.reviews.add_all(seed("seed-001-pctr.csv")[:1])
    alex = workspace.pool.add(ChallengerDetails("Alex Tester", "Northshire"))
    workspace.reviews.add_member(review.id, alex.id, Role.PCR_MEMBER)

    workspace.pool.remove(alex.id)

    assert workspace.reviews.members(review.id) == ()
