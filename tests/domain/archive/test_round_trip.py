from __future__ import annotations

import dataclasses
import datetime as dt
import stat
from pathlib import Path

import pytest
from sqlmodel import SQLModel, select

from facilitator.archive import ArchiveConflictError, export_archive, import_archive
from facilitator.archive.scope import CARRIED_TABLES, LOCAL_TABLES
from facilitator.common.clock import FakeClock
from facilitator.records.summaries import collect_cycle_report
from facilitator.storage.models import Cycle
from facilitator.storage.record_tables import RecordState, RecordVersion
from facilitator.workspace import Workspace
from tests.domain.archive.building import counts, plain_day, projection, rewrite, rich_demo_day

NOW = dt.datetime(2027, 2, 1, 9, 0, tzinfo=dt.UTC)


def test_every_table_is_either_carried_or_left_on_the_computer() -> None:
    named = set(CARRIED_TABLES) | set(LOCAL_TABLES)
    assert set(SQLModel.metadata.tables) == named
    assert not set(CARRIED_TABLES) & set(LOCAL_TABLES)


def test_a_whole_day_arrives_in_an_empty_database_as_it_was(
    workspace: Workspace, tmp_path: Path
) -> None:
    day_id = rich_demo_day(workspace, tmp_path / "records")
    before = counts(workspace.db)
    target = tmp_path / "day.balcony"

    summary = export_archive(workspace.db, target, day_id=day_id, now=NOW)

    assert "1 day archived" in summary.described
    assert "18 January 2027: Ashvale, Brackenmoor and Corriford" in summary.described
    assert counts(workspace.db) == before  # exporting changes nothing
    other = Workspace.in_memory(FakeClock())
    try:
        # A day here already, so that every id the archive's rows get differs from theirs.
        earlier = rich_demo_day(other, tmp_path / "earlier")
        other.planner.update_details(
            earlier, dataclasses.replace(other.planner.details(earlier), cycle_name="Another")
        )
        imported = import_archive(other.db, target)
        other.planner.delete_day(earlier)
        with other.db.session_scope() as s:  # its records have no foreign key to the day
            for row in s.exec(select(RecordVersion).where(RecordVersion.day_id == earlier)):
                s.delete(row)
            for state in s.exec(select(RecordState).where(RecordState.day_id == earlier)):
                s.delete(state)
            s.delete(s.exec(select(Cycle).where(Cycle.name == "Another")).one())
        assert imported.described.startswith("1 day imported (18 January 2027: Ashvale")
        mine, theirs = projection(workspace.db), projection(other.db)
        for name in ("note", "action", "exchange", "focusrisk", "askedquestion", "scaleanswer"):
            assert sum(theirs[name].values()) > 0, name
        for name in ("followup", "recordversion", "recordstate", "introduction", "attendee"):
            assert sum(theirs[name].values()) > 0, name
        assert theirs == mine
        assert counts(other.db) == before
    finally:
        other.close()


def test_the_archive_is_its_owners_only_and_replaces_nothing_unasked(
    workspace: Workspace, tmp_path: Path
) -> None:
    day_id = plain_day(workspace, dt.date(2026, 3, 3), ("Northshire", "Westvale", "Eastborough"))
    target = tmp_path / "day.balcony"
    export_archive(workspace.db, target, day_id=day_id, now=NOW)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["day.balcony"]  # no temporary left
    with pytest.raises(OSError, match="already exists"):
        export_archive(workspace.db, target, day_id=day_id, now=NOW)
    target.chmod(0o644)
    export_archive(workspace.db, target, day_id=day_id, now=NOW, overwrite=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_unknown_day_or_cycle_is_named_and_nothing_written(
    workspace: Workspace, tmp_path: Path
) -> None:
    plain_day(workspace, dt.date(2026, 3, 3), ("Northshire", "Westvale", "Eastborough"))
    target = tmp_path / "x.balcony"
    with pytest.raises(LookupError, match="no day 42"):
        export_archive(workspace.db, target, day_id=42)
    with pytest.raises(LookupError, match="no cycle “2030–31”: the cycles are “2026–27”"):
        export_archive(workspace.db, target, cycle="2030–31")
    assert not target.exists()


def test_a_cycle_run_on_two_laptops_comes_together_in_the_regions_database(
    workspace: Workspace, tmp_path: Path
) -> None:
    """The done-when scenario of issue #18: two laptops' data files, one region's database
    (`workspace`: on PostgreSQL, and again on a data file)."""
    days = {
        "a": (dt.date(2026, 3, 3), ("Northshire", "Westvale", "Eastborough")),
        "b": (dt.date(2026, 5, 12), ("Northshire", "Southmere", "Highcombe")),
    }
    archives = []
    for laptop, (date, names) in days.items():
        on_laptop = Workspace.open(tmp_path / f"{laptop}.sqlite", FakeClock())
        try:
            plain_day(on_laptop, dt.date(2026, 1, 6), ("Elsewhere", "Nowhere", "Anywhere"), "")
            plain_day(on_laptop, date, names)
            archive = tmp_path / f"{laptop}.balcony"
            export_archive(on_laptop.db, archive, cycle="2026–27", now=NOW)
            archives.append(archive)
        finally:
            on_laptop.close()
    region = workspace
    for archive in archives:
        import_archive(region.db, archive)
    report = collect_cycle_report(region, "2026–27")
    assert [(d.date, d.authorities) for d in report.days] == [
        (days["a"][0], days["a"][1]),
        (days["b"][0], days["b"][1]),
    ]
    assert counts(region.db)["authority"] == 5  # Northshire once, not twice
    assert counts(region.db)["cycle"] == 1
    assert counts(region.db)["day"] == 2  # the days in no cycle stayed behind
    with pytest.raises(ArchiveConflictError, match="Tuesday 3 March 2026"):
        import_archive(region.db, archives[0])  # again: refused, with a choice
    assert counts(region.db)["day"] == 2


def test_an_archive_from_an_older_balcony_takes_the_defaults_of_newer_columns(
    workspace: Workspace, tmp_path: Path
) -> None:
    day_id = plain_day(workspace, dt.date(2026, 3, 3), ("Northshire", "Westvale", "Eastborough"))
    target = tmp_path / "old.balcony"
    export_archive(workspace.db, target, day_id=day_id, now=NOW)

    def older(body: dict) -> None:  # type: ignore[type-arg]
        body["schema_version"] = 1
        for row in body["tables"]["session"]:
            del row["turn"]  # added in data version 2
        for row in body["tables"]["day"]:
            del row["status"]

    rewrite(target, older)
    other = Workspace.in_memory(FakeClock())
    try:
        import_archive(other.db, target)
        assert projection(other.db) == projection(workspace.db)
    finally:
        other.close()
