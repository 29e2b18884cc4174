from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from facilitator.archive import (
    ArchiveConflictError,
    ArchiveFileError,
    Keep,
    export_archive,
    import_archive,
    placing,
)
from facilitator.common.clock import FakeClock
from facilitator.workspace import Workspace
from tests.domain.archive.building import counts, plain_day, projection, rewrite

NOW = dt.datetime(2027, 2, 1, 9, 0, tzinfo=dt.UTC)
TUESDAY = dt.date(2026, 3, 3)
TRIAD = ("Northshire", "Westvale", "Eastborough")
DESCRIBED = "Tuesday 3 March 2026 — Northshire, Westvale and Eastborough (cycle 2026–27)"


@pytest.fixture
def laptop(tmp_path: Path) -> Path:
    """An archive of two days of the cycle 2026–27, the first of which is also `workspace`'s."""
    other = Workspace.in_memory(FakeClock())
    try:
        plain_day(other, TUESDAY, TRIAD)
        plain_day(other, dt.date(2026, 5, 12), ("Southmere", "Highcombe", "Westvale"))
        path = tmp_path / "laptop.balcony"
        export_archive(other.db, path, now=NOW)
    finally:
        other.close()
    return path


@pytest.fixture
def here(workspace: Workspace) -> Workspace:
    day_id = plain_day(workspace, TUESDAY, TRIAD)
    details = workspace.planner.details(day_id)
    workspace.planner.update_details(day_id, dataclasses.replace(details, venue="Our own venue"))
    return workspace


def venues(workspace: Workspace) -> list[tuple[dt.date, str]]:
    return sorted(
        (d.date, workspace.planner.details(d.id).venue) for d in workspace.planner.list_days()
    )


def test_a_day_already_here_refuses_the_whole_import_and_names_the_day(
    here: Workspace, laptop: Path
) -> None:
    before, seen = counts(here.db), projection(here.db)
    with pytest.raises(ArchiveConflictError) as refused:
        import_archive(here.db, laptop)
    assert [day.described for day in refused.value.days] == [DESCRIBED]
    assert DESCRIBED in str(refused.value)
    assert counts(here.db) == before
    assert projection(here.db) == seen


def test_keep_mine_leaves_my_day_and_imports_the_rest(here: Workspace, laptop: Path) -> None:
    summary = import_archive(here.db, laptop, Keep.MINE)
    assert venues(here) == [(TUESDAY, "Our own venue"), (dt.date(2026, 5, 12), "Civic Hall")]
    assert summary.described == (
        "1 day imported (12 May 2026: Southmere, Highcombe and Westvale); 1 day kept as it was "
        "here (the archive's left out) (3 March 2026: Northshire, Westvale and Eastborough)."
    )


def test_keep_theirs_replaces_my_day_with_the_archives(here: Workspace, laptop: Path) -> None:
    summary = import_archive(here.db, laptop, Keep.THEIRS)
    assert venues(here) == [(TUESDAY, "Civic Hall"), (dt.date(2026, 5, 12), "Civic Hall")]
    assert "1 day replaced by the archive's copy (3 March 2026" in summary.described
    assert counts(here.db)["dayauthority"] == 6  # my day's rows went with it


def test_keep_both_adds_the_archives_copy_beside_mine(here: Workspace, laptop: Path) -> None:
    summary = import_archive(here.db, laptop, Keep.BOTH)
    assert venues(here) == [
        (TUESDAY, "Civic Hall"),
        (TUESDAY, "Our own venue"),
        (dt.date(2026, 5, 12), "Civic Hall"),
    ]
    assert "1 day added beside the copy already here (3 March 2026" in summary.described
    assert counts(here.db)["authority"] == 5  # shared rows matched, never duplicated


def test_a_failure_part_way_leaves_the_database_as_it_was(
    workspace: Workspace, laptop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_day(workspace, dt.date(2026, 9, 1), ("Elsewhere", "Nowhere", "Anywhere"))
    before, seen = counts(workspace.db), projection(workspace.db)
    real = placing.insert
    calls = []

    def failing(conn, each, values):  # type: ignore[no-untyped-def]
        calls.append(each.name)
        if calls.count("stage") == 20:  # both days, their authorities and sessions are in
            raise RuntimeError("the disk went away")
        return real(conn, each, values)

    monkeypatch.setattr(placing, "insert", failing)
    with pytest.raises(RuntimeError):
        import_archive(workspace.db, laptop)
    assert calls.count("day") == 2
    assert calls.count("session") == 6
    assert counts(workspace.db) == before
    assert projection(workspace.db) == seen


def test_a_malformed_record_in_the_second_day_leaves_the_database_as_it_was(
    workspace: Workspace, tmp_path: Path
) -> None:
    from tests.domain.archive.building import export_records

    source = Workspace.in_memory(FakeClock())
    try:
        plain_day(source, TUESDAY, TRIAD)
        second = plain_day(source, dt.date(2026, 5, 12), ("Southmere", "Highcombe", "Westvale"))
        export_records(source, second, tmp_path / "records")
        path = tmp_path / "two.balcony"
        export_archive(source.db, path, now=NOW)
    finally:
        source.close()

    def spoil(body: dict) -> None:  # type: ignore[type-arg]
        body["tables"]["recordversion"][-1]["record_key"] = "balcony:day-summary:not-a-number"

    rewrite(path, spoil)
    before = counts(workspace.db)
    with pytest.raises(ArchiveFileError, match="its record “balcony:day-summary:not-a-number”"):
        import_archive(workspace.db, path)
    assert counts(workspace.db) == before
    assert json.dumps(before)  # every table counted, none missing


def test_the_same_date_with_other_authorities_or_another_cycle_is_another_day(
    workspace: Workspace, laptop: Path
) -> None:
    plain_day(workspace, TUESDAY, ("Southmere", "Highcombe", "Westvale"))
    plain_day(workspace, TUESDAY, TRIAD, cycle="2027–28")
    summary = import_archive(workspace.db, laptop)
    assert summary.described.startswith("2 days imported")
    assert counts(workspace.db)["day"] == 4
