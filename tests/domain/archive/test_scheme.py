"""The regional scheme moved whole: an archive of everything carries the pool, the reviews
with their teams and report lines, and their follow-ups; a person already here is matched,
a review already here is a conflict settled as a day's is. Every name is invented."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from facilitator.archive import (
    ArchiveConflictError,
    Keep,
    export_archive,
    import_archive,
    placing,
)
from facilitator.archive.format import MEMBER
from facilitator.archive.scope import SCHEME_TABLES
from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import FindingSection, FollowUpKind, FollowUpStatus
from facilitator.pool.importing import import_pool_file
from facilitator.pool.people import ChallengerDetails
from facilitator.reviews.kinds import Person, ReviewDraft, ReviewKind, fixed_days
from facilitator.reviews.team_rules import Role
from facilitator.reviews.vague_dates import parse_vague_date
from facilitator.storage.models import FollowUp, Review
from facilitator.workspace import Workspace
from tests.domain.archive.building import counts, plain_day, projection

ROOT = Path(__file__).resolve().parents[3]
SAMPLE_POOL = ROOT / "docs" / "sample-pool.csv"
NOW = dt.datetime(2026, 1, 16, 9, 0, tzinfo=dt.UTC)
PCTR = "PCTR of Northshire, 3–5 November 2025"
SAV = "SAV of Eastvale, June 2026"
TRIAD = ("Northshire", "Westvale", "Eastborough")


@dataclasses.dataclass(frozen=True)
class Scheme:
    pctr: int
    sav: int
    people: dict[str, int]  # by name


def pctr_draft(words: str = "3-5 Nov 2025", kloe: str = "Thresholds") -> ReviewDraft:
    dates = parse_vague_date(words)
    days = tuple(dt.date(2025, 11, 3) + dt.timedelta(days=n) for n in range(3))
    leads = (Person("Amira Lockwood", "Derby"),)
    return ReviewDraft(ReviewKind.PCTR, "Northshire", dates, leads=leads, kloe=kloe, days=days)


def build_scheme(ws: Workspace) -> Scheme:
    """The sample pool (30 people), a PCTR with a team of two, report lines and every kind of
    follow-up (one reflection done), a SAV still to be staffed, and a service entry recorded
    by hand."""
    assert import_pool_file(ws.pool, SAMPLE_POOL).ok
    people = {view.name: view.id for view in ws.pool.people()}
    sav_draft = ReviewDraft(ReviewKind.SAV, "Eastvale", parse_vague_date("June 2026"))
    pctr, sav = ws.reviews.add_all([pctr_draft(), sav_draft])
    ws.reviews.add_member(pctr.id, people["Amira Lockwood"], Role.PCR_MEMBER)
    ws.reviews.add_member(pctr.id, people["Ben Hadley"], Role.DATA_SPECIALIST)
    ws.pool.record_service(people["Ben Hadley"], "SAV of Southmere (2015)", dt.date(2015, 6, 2))
    ws.findings.add(pctr.id, FindingSection.STRENGTH, "A candid self-assessment.")
    advice = ws.findings.add(pctr.id, FindingSection.RECOMMENDATION, "Publish a strategy.")
    ws.findings.set_hypotheses(pctr.id, "Thresholds are applied consistently")
    plan = ws.follow_ups.plan_review_follow_up(pctr.id)
    ws.follow_ups.track_recommendation(advice.id, "Host DCS", dt.date(2026, 3, 1))
    reflection = next(v for v in plan.added if v.challenger_id == people["Ben Hadley"])
    ws.follow_ups.set_status(reflection.id, FollowUpStatus.DONE, on=dt.date(2025, 12, 1))
    return Scheme(pctr.id, sav.id, people)


def scheme_counts(ws: Workspace) -> dict[str, int]:
    found = counts(ws.db)
    return {name: found[name] for name in (*SCHEME_TABLES, "followup")}


def written_tables(path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as package:
        body: dict[str, Any] = json.loads(package.read(MEMBER))
    return body


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.in_memory(FakeClock())
    build_scheme(ws)
    plain_day(ws, dt.date(2025, 10, 7), TRIAD)
    yield ws
    ws.close()


@pytest.fixture
def everything(laptop: Workspace, tmp_path: Path) -> Path:
    path = tmp_path / "everything.balcony"
    export_archive(laptop.db, path, now=NOW)
    return path


def test_everything_carries_the_pool_and_reviews_into_an_empty_database(
    laptop: Workspace, workspace: Workspace, tmp_path: Path
) -> None:
    target = tmp_path / "everything.balcony"
    summary = export_archive(laptop.db, target, now=NOW)
    assert summary.described.endswith(
        "With them, the pool (30 people) and 2 reviews, with their teams, reports and follow-ups."
    )
    assert [review.described for review in summary.reviews] == [PCTR, SAV]
    assert written_tables(target)["format_version"] == 2

    # Rows here already, gone again after, so that the archive's rows all get other ids.
    dates = parse_vague_date("10-12 Aug 2025")
    old = ReviewDraft(ReviewKind.PCTR, "Farshire", dates, days=fixed_days(ReviewKind.PCTR, dates))
    (earlier,) = workspace.reviews.add_all([old])
    workspace.findings.add(earlier.id, FindingSection.FINDING, "Earlier.")
    stranger = workspace.pool.add(ChallengerDetails("Zed Stranger", "Farshire"))
    workspace.reviews.add_member(earlier.id, stranger.id, Role.PCR_MEMBER)
    workspace.follow_ups.plan_review_follow_up(earlier.id)
    imported = import_archive(workspace.db, target)
    workspace.pool.remove(stranger.id)
    with workspace.db.session_scope() as s:
        s.delete(s.get(Review, earlier.id))

    assert imported.described == (
        "1 day imported (7 October 2025: Northshire, Westvale and Eastborough); "
        f"2 reviews imported ({PCTR}; {SAV}); the pool: 30 people added, 0 matched with "
        "entries here (kept as they are), 3 reviews served added to their history."
    )
    mine, theirs = projection(laptop.db), projection(workspace.db)
    for name in (*SCHEME_TABLES, "followup"):
        assert sum(theirs[name].values()) > 0, name
    assert theirs == mine
    assert scheme_counts(workspace) == scheme_counts(laptop)
    with workspace.db.session_scope() as s:  # a reflection still names its team member
        rows = s.exec(select(FollowUp).where(FollowUp.kind == FollowUpKind.REFLECTION)).all()
        assert sum(row.challenger_id is not None for row in rows) == 2


def test_a_person_already_here_is_matched_and_their_service_not_doubled(
    workspace: Workspace, everything: Path
) -> None:
    ben = workspace.pool.add(ChallengerDetails("BEN HADLEY", "derbyshire", email="ours@x.org"))
    workspace.pool.record_service(ben.id, "SAV of  southmere (2015)", dt.date(2015, 6, 2))
    workspace.pool.record_service(ben.id, "Our own review", dt.date(2016, 1, 5))

    summary = import_archive(workspace.db, everything)

    assert "the pool: 29 people added, 1 matched with an entry here (kept as it is)" in (
        summary.described
    )
    assert counts(workspace.db)["challenger"] == 30
    assert workspace.pool.get(ben.id).details.email == "ours@x.org"
    served = [(s.review, s.served_on) for s in workspace.pool.service(ben.id)]
    assert served == [
        ("SAV of southmere (2015)", dt.date(2015, 6, 2)),
        ("Our own review", dt.date(2016, 1, 5)),
        ("Peer Challenge Team Review of Northshire (3-5 Nov 2025)", dt.date(2025, 11, 3)),
    ]
    (pctr,) = [r for r in workspace.reviews.list() if r.kind is ReviewKind.PCTR]
    team = workspace.reviews.members(pctr.id)
    assert ben.id in {member.person_id for member in team}
    services = {s.id for s in workspace.pool.service(ben.id)}
    assert {m.service_id for m in team if m.person_id == ben.id} <= services

    import_archive(workspace.db, everything, Keep.MINE)  # again: nothing new for anyone
    assert counts(workspace.db)["challenger"] == 30
    assert len(workspace.pool.service(ben.id)) == 3


@pytest.fixture
def here(workspace: Workspace) -> Workspace:
    """`workspace` with the laptop's PCTR (written otherwise) and someone on its team."""
    (pctr,) = workspace.reviews.add_all([pctr_draft("3–5 November 2025", kloe="Our own")])
    zoe = workspace.pool.add(ChallengerDetails("Zoe Keeper", "Farshire"))
    workspace.reviews.add_member(pctr.id, zoe.id, Role.PCR_MEMBER)
    workspace.findings.add(pctr.id, FindingSection.FINDING, "Our own finding.")
    workspace.follow_ups.plan_review_follow_up(pctr.id)
    return workspace


def kloes(workspace: Workspace) -> list[tuple[str, str]]:
    return sorted((str(r.kind.name), r.draft.kloe) for r in workspace.reviews.list())


def zoes_service(workspace: Workspace) -> int:
    (zoe,) = [p for p in workspace.pool.people() if p.name == "Zoe Keeper"]
    return len(workspace.pool.service(zoe.id))


def test_a_review_already_here_refuses_the_whole_import_and_names_it(
    here: Workspace, everything: Path
) -> None:
    before, seen = counts(here.db), projection(here.db)
    with pytest.raises(ArchiveConflictError) as refused:
        import_archive(here.db, everything)
    assert refused.value.days == ()
    assert [review.described for review in refused.value.reviews] == [PCTR]
    assert str(refused.value).startswith(f"1 review is here already: {PCTR}. Nothing was")
    assert counts(here.db) == before
    assert projection(here.db) == seen


def test_keep_mine_leaves_my_review_and_imports_the_rest(here: Workspace, everything: Path) -> None:
    summary = import_archive(here.db, everything, Keep.MINE)
    assert f"1 review imported ({SAV}); 1 review kept as it was here" in summary.described
    assert kloes(here) == [("PCTR", "Our own"), ("SAV", "")]
    (pctr,) = [r for r in here.reviews.list() if r.kind is ReviewKind.PCTR]
    assert [line.text for line in here.findings.for_review(pctr.id)] == ["Our own finding."]
    assert len(here.reviews.members(pctr.id)) == 1
    # The archive's team of the PCTR left out, with the service its membership made.
    assert "2 reviews served added" not in summary.described
    assert counts(here.db)["reviewserved"] == 2  # Zoe's, and Ben's own SAV of 2015
    assert counts(here.db)["followup"] == 3  # mine: the host's report, two reflections


def test_keep_theirs_replaces_my_review_with_the_archives(
    here: Workspace, everything: Path
) -> None:
    summary = import_archive(here.db, everything, Keep.THEIRS)
    assert f"1 review replaced by the archive's copy ({PCTR})" in summary.described
    assert kloes(here) == [("PCTR", "Thresholds"), ("SAV", "")]
    (pctr,) = [r for r in here.reviews.list() if r.kind is ReviewKind.PCTR]
    texts = [line.text for line in here.findings.for_review(pctr.id)]
    assert texts == ["A candid self-assessment.", "Publish a strategy."]
    assert {m.role for m in here.reviews.members(pctr.id)} == {
        Role.PCR_MEMBER,
        Role.DATA_SPECIALIST,
    }
    assert zoes_service(here) == 0  # off the team that went, and out of its history
    assert counts(here.db)["followup"] == 5  # the archive's: report, 3 reflections, advice


def test_keep_both_adds_the_archives_review_beside_mine(here: Workspace, everything: Path) -> None:
    summary = import_archive(here.db, everything, Keep.BOTH)
    assert f"1 review added beside the copy already here ({PCTR})" in summary.described
    assert kloes(here) == [("PCTR", "Our own"), ("PCTR", "Thresholds"), ("SAV", "")]
    assert zoes_service(here) == 1
    assert counts(here.db)["followup"] == 3 + 5


def test_days_and_reviews_already_here_are_refused_together(
    here: Workspace, everything: Path
) -> None:
    plain_day(here, dt.date(2025, 10, 7), TRIAD)
    with pytest.raises(ArchiveConflictError) as refused:
        import_archive(here.db, everything)
    assert len(refused.value.days) == 1
    assert refused.value.described == (
        "Tuesday 7 October 2025 — Northshire, Westvale and Eastborough (cycle 2026–27)",
        PCTR,
    )
    assert "1 day is here already" in str(refused.value)
    assert f"1 review is here already: {PCTR}." in str(refused.value)
    summary = import_archive(here.db, everything, Keep.MINE)
    assert summary.described.startswith("0 days imported; 1 day kept as it was here")


def test_a_failure_among_the_reviews_leaves_the_database_as_it_was(
    workspace: Workspace, everything: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_day(workspace, dt.date(2026, 9, 1), ("Elsewhere", "Nowhere", "Anywhere"))
    workspace.pool.add(ChallengerDetails("Ben Hadley", "Derbyshire"))
    before, seen = counts(workspace.db), projection(workspace.db)
    real = placing.insert
    calls: list[str] = []

    def failing(conn, each, values):  # type: ignore[no-untyped-def]
        calls.append(each.name)
        if each.name == "reviewfinding":  # the people, their service and the reviews are in
            raise RuntimeError("the disk went away")
        return real(conn, each, values)

    monkeypatch.setattr(placing, "insert", failing)
    with pytest.raises(RuntimeError):
        import_archive(workspace.db, everything)
    assert calls.count("challenger") == 29
    assert calls.count("review") == 2
    assert counts(workspace.db) == before
    assert projection(workspace.db) == seen


def test_a_day_or_a_cycle_carries_no_pool_and_no_review(
    laptop: Workspace, workspace: Workspace, tmp_path: Path
) -> None:
    (day,) = laptop.planner.list_days()
    action = laptop.actions.add(1, "Test the sufficiency plan", "Priya")
    ben = next(p.id for p in laptop.pool.people() if p.name == "Ben Hadley")
    with laptop.db.session_scope() as s:  # an action's follow-up naming someone in the pool
        s.add(FollowUp(kind=FollowUpKind.ACTION, action_id=action.id, challenger_id=ben))
    for scope in ({"day_id": day.id}, {"cycle": "2026–27"}):
        path = tmp_path / f"{sorted(scope)[0]}.balcony"
        summary = export_archive(laptop.db, path, now=NOW, **scope)  # type: ignore[arg-type]
        assert summary.people == 0
        assert summary.reviews == ()
        body = written_tables(path)
        assert body["format_version"] == 1  # as before: an older Balcony still reads it
        assert not set(SCHEME_TABLES) & set(body["tables"])
        (follow_up,) = body["tables"]["followup"]
        assert (follow_up["action_id"], follow_up["challenger_id"]) == (action.id, None)
    summary = import_archive(workspace.db, tmp_path / "day_id.balcony")
    assert summary.described.startswith("1 day imported (7 October 2025")
    assert "pool" not in summary.described
    assert all(scheme_counts(workspace)[name] == 0 for name in SCHEME_TABLES)
    assert scheme_counts(workspace)["followup"] == 1


def test_a_pool_alone_is_archived_and_an_empty_data_file_is_not(
    workspace: Workspace, tmp_path: Path
) -> None:
    with pytest.raises(LookupError, match="nothing to archive in this data file"):
        export_archive(workspace.db, tmp_path / "x.balcony")
    assert not (tmp_path / "x.balcony").exists()
    workspace.pool.add(ChallengerDetails("Ada Lone", "Northshire"))
    summary = export_archive(workspace.db, tmp_path / "x.balcony", now=NOW)
    assert summary.described == (
        f"Archived to {tmp_path / 'x.balcony'}: the pool (1 person) and 0 reviews, with their "
        "teams, reports and follow-ups."
    )
    other = Workspace.in_memory(FakeClock())
    try:
        imported = import_archive(other.db, tmp_path / "x.balcony")
        assert imported.described == (
            "0 reviews imported; the pool: 1 person added, 0 matched with entries here (kept "
            "as they are), 0 reviews served added to their history."
        )
        assert [p.name for p in other.pool.people()] == ["Ada Lone"]
    finally:
        other.close()
