"""`balcony where|days|demo|import-schedule|check`: the data file, its days, the demo day, a
schedule, and the checks of a cycle."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from facilitator.storage.location import DataLocation

if TYPE_CHECKING:
    from facilitator.planning.day_list import DaySummary
    from facilitator.schedule.region import Region
    from facilitator.workspace import Workspace

# The exit status of a command whose region file cannot be used, as for a usage error.
EX_USAGE = 2


def print_where(path: DataLocation) -> int:
    print(path)
    return 0


def list_days(workspace: Workspace) -> int:
    _print_days(workspace.planner.list_days())
    return 0


def glance_and_list_days(path: DataLocation) -> int | None:
    """Lists the days from a glance at the file, or None when it must be opened in full."""
    from facilitator.planning.day_list import glance_at_days

    days = glance_at_days(path)
    if days is None:
        return None
    _print_days(days)
    return 0


def _print_days(days: Sequence[DaySummary]) -> None:
    for day in days:
        print(f"{day.id}\t{day.date.isoformat()}\t{day.kind.value}\t{', '.join(day.authorities)}")


def add_demo_day(workspace: Workspace) -> int:
    from facilitator.demo import create_demo_day

    print(create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route))
    return 0


def import_schedule(
    workspace: Workspace, file: str, cycle: str | None, region_file: str | None = None
) -> int:
    """Imports all of the file or nothing; errors on stderr and status 1, notices on stdout."""
    from facilitator.schedule.importing import import_schedule_file

    region = _region(region_file)
    if region is None:
        return EX_USAGE
    result = import_schedule_file(workspace.planner, file, cycle, region=region)
    for line in result.lines():
        print(line, file=sys.stdout if result.ok else sys.stderr)
    for notice in result.notices:
        print(f"Notice: {notice}")
    print(result.summary, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


def check_cycle(workspace: Workspace, cycle: str, region_file: str | None = None) -> int:
    """Lists the stored cycle's problems: status 0 for none, 1 for notices only, 2 for errors."""
    from facilitator.schedule.stored_cycles import NoSuchCycleError, check_stored_cycle

    region = _region(region_file)
    if region is None:
        return EX_USAGE
    try:
        checked = check_stored_cycle(workspace.planner, cycle, region)
    except NoSuchCycleError as exc:
        print(f"balcony: {exc}", file=sys.stderr)
        return EX_USAGE
    for problem in checked.problems:
        print(f"{problem.level.value}: {problem}")
    print(checked.summary)
    return checked.exit_code


def _region(file: str | None) -> Region | None:
    """The --region list, the shipped South East without one; None (said on stderr) when
    the file cannot be used."""
    from facilitator.schedule.region import RegionFileError, default_region, read_region

    if file is None:
        return default_region()
    try:
        return read_region(file)
    except RegionFileError as exc:
        print(f"balcony: --region: {exc}", file=sys.stderr)
        return None
