"""A day's details saved on the version their user saw: on a shared database, details saved
on a day someone else has changed since are refused and theirs kept; details saved naming
no version (the command line) are saved over whatever is stored."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from facilitator.demo import create_demo_day
from facilitator.storage.errors import ChangedElsewhereError
from facilitator.workspace import Workspace


def test_details_saved_on_the_version_seen_count_it_on_and_an_older_one_is_refused(
    workspace: Workspace,
) -> None:
    planner = workspace.planner
    day_id = create_demo_day(planner, workspace.notebook)
    seen = planner.details(day_id)

    planner.update_details(day_id, replace(seen, venue="Hall B"), seen_version=seen.row_version)
    saved = planner.details(day_id)
    assert (saved.venue, saved.row_version) == ("Hall B", seen.row_version + 1)
    assert saved == replace(seen, venue="Hall B")  # the version is not a detail

    with pytest.raises(ChangedElsewhereError):
        planner.update_details(
            day_id, replace(seen, facilitator="Rae"), seen_version=seen.row_version
        )
    stored = planner.details(day_id)
    assert (stored.venue, stored.facilitator) == ("Hall B", seen.facilitator)
    assert stored.row_version == saved.row_version

    # The command line names no version: the details are saved over what is stored.
    planner.update_details(day_id, replace(stored, facilitator="Rae"))
    assert planner.details(day_id).facilitator == "Rae"
    assert planner.details(day_id).row_version == saved.row_version + 1


def test_a_new_start_time_changes_the_day_so_details_seen_before_it_are_refused(
    workspace: Workspace,
) -> None:
    planner = workspace.planner
    day_id = create_demo_day(planner, workspace.notebook)
    seen = planner.details(day_id)
    planner.set_start_time(day_id, dt.time(9, 30))
    with pytest.raises(ChangedElsewhereError):
        planner.update_details(day_id, replace(seen, venue="Hall B"), seen_version=seen.row_version)
    assert planner.details(day_id) == seen
