"""The day editor's details are saved on the day as the tab loaded it: refused if someone else
has changed the day since, while the tab's own other changes to the day (its times) are
followed, so they never refuse the next save."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot

from facilitator.demo import create_demo_day
from facilitator.storage.errors import ChangedElsewhereError
from facilitator.workspace import Workspace
from tests.support.backends import two_people
from ui.planning.details_tab import DetailsTab


def type_into(qtbot: QtBot, tab: DetailsTab, text: str) -> None:
    tab.facilitator_edit.clear()
    qtbot.keyClicks(tab.facilitator_edit, text)


def test_details_changed_since_the_tab_loaded_are_kept_and_mine_refused(
    qtbot: QtBot, workspace: Workspace
) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    tab = DetailsTab(workspace.planner, day_id)
    qtbot.addWidget(tab)
    seen = workspace.planner.details(day_id)
    # Someone else (here through the same planner, as a second window would) moves the day.
    workspace.planner.update_details(day_id, dataclasses.replace(seen, venue="Hall B"))

    type_into(qtbot, tab, "Rae Lindqvist")
    with pytest.raises(ChangedElsewhereError):
        tab.save()
    stored = workspace.planner.details(day_id)
    assert (stored.venue, stored.facilitator) == ("Hall B", seen.facilitator)
    assert tab.facilitator_edit.text() == "Rae Lindqvist"  # what was typed is kept


def test_the_tabs_own_start_time_does_not_refuse_its_next_details(
    qtbot: QtBot, workspace: Workspace
) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    tab = DetailsTab(workspace.planner, day_id)
    qtbot.addWidget(tab)
    version = workspace.planner.details(day_id).row_version
    tab.start_edit.setTime(QTime(9, 30))
    tab.save_times()
    assert workspace.planner.day_plan(day_id).start == dt.time(9, 30)
    assert workspace.planner.details(day_id).row_version == version + 1

    type_into(qtbot, tab, "Rae Lindqvist")
    tab.facilitator_edit.editingFinished.emit()
    saved = workspace.planner.details(day_id)
    assert (saved.facilitator, saved.row_version) == ("Rae Lindqvist", version + 2)
    # Leaving a field unchanged saves nothing, so counts nothing on.
    tab.save()
    assert workspace.planner.details(day_id).row_version == version + 2


def test_on_a_shared_database_anothers_details_are_not_overwritten(
    qtbot: QtBot, two_people: tuple[Workspace, Workspace]
) -> None:
    mine, theirs = two_people
    day_id = create_demo_day(mine.planner, mine.notebook)
    tab = DetailsTab(mine.planner, day_id)
    qtbot.addWidget(tab)
    their_view = theirs.planner.details(day_id)
    theirs.planner.update_details(
        day_id,
        dataclasses.replace(their_view, venue="Hall B"),
        seen_version=their_view.row_version,
    )

    type_into(qtbot, tab, "Rae Lindqvist")
    with pytest.raises(ChangedElsewhereError):
        tab.save()
    assert theirs.planner.details(day_id).venue == "Hall B"
    assert theirs.planner.details(day_id).facilitator == their_view.facilitator

    fresh = DetailsTab(mine.planner, day_id)  # the editor opened again, after a refresh
    qtbot.addWidget(fresh)
    type_into(qtbot, fresh, "Rae Lindqvist")
    fresh.save()
    stored = theirs.planner.details(day_id)
    assert (stored.venue, stored.facilitator) == ("Hall B", "Rae Lindqvist")


__all__ = ["two_people"]  # the fixture, from tests/support/backends.py
