"""`balcony where|days|demo|import-schedule`: the data file, its days, the demo day, a schedule."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.workspace import Workspace


def print_where(path: Path) -> int:
    print(path)
    return 0


def list_days(workspace: Workspace) -> int:
    for day in workspace.planner.list_days():
        print(f"{day.id}\t{day.date.isoformat()}\t{day.kind.value}\t{', '.join(day.authorities)}")
    return 0


def add_demo_day(workspace: Workspace) -> int:
    from facilitator.demo import create_demo_day

    print(create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route))
    return 0


def import_schedule(workspace: Workspace, file: str, cycle: str | None) -> int:
    from facilitator.schedule.importing import import_schedule_file

    result = import_schedule_file(workspace.planner, file, cycle)
    for line in result.lines():
        print(line, file=sys.stdout if result.ok else sys.stderr)
    for notice in result.notices:
        print(notice)
    print(result.summary, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1
