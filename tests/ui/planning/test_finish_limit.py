"""The finish limit is on for every day, and a plan past it is warned of wherever it shows:
the agenda tab, the details tab and the console's projected finish."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from facilitator.common.vocabulary import DayKind, DayMode
from facilitator.demo import create_demo_day
from facilitator.planning.planner import AuthorityEntry, NewDay
from facilitator.workspace import Workspace
from ui.console.parts import StageHeader
from ui.planning.agenda_tab import AgendaTab
from ui.planning.details_tab import DetailsTab


def test_the_agenda_tab_warns_when_the_plan_runs_past_the_default_limit(
    qtbot: QtBot, workspace: Workspace
) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    tab = AgendaTab(workspace.planner, day_id, QUndoStack())
    qtbot.addWidget(tab)
    tab.show()
    assert tab.finish_label.text() == "10.00 to 17.35   (finish by 17.35)"
    assert not tab.warning_label.isVisibleTo(tab)

    workspace.planner.set_start_time(day_id, dt.time(10, 30))

    assert tab.warning_label.isVisibleTo(tab)
    assert tab.warning_label.text() == (
        "The day finishes at 18.05, 30 minutes after the limit of 17.35."
    )
    assert tab.fit_button.isVisibleTo(tab)


def test_a_new_quartet_fits_and_the_details_tab_shows_its_limit(
    qtbot: QtBot, workspace: Workspace
) -> None:
    names = ("Upton", "Lowmoor", "Isle of Wren", "Redbank")
    day_id = workspace.planner.create_day(
        NewDay(
            date=dt.date(2027, 3, 9),
            kind=DayKind.QUARTET,
            mode=DayMode.FACE_TO_FACE,
            authorities=tuple(AuthorityEntry(name) for name in names),
        )
    )
    agenda = AgendaTab(workspace.planner, day_id, QUndoStack())
    details = DetailsTab(workspace.planner, day_id)
    qtbot.addWidget(agenda)
    qtbot.addWidget(details)
    agenda.show()

    assert agenda.finish_label.text() == "09.00 to 17.35   (finish by 17.35)"
    assert not agenda.warning_label.isVisibleTo(agenda)
    assert details.limit_edit.time().toString("HH.mm") == "17.35"


def test_the_consoles_projected_finish_warns_of_a_plan_past_its_limit(
    qtbot: QtBot, workspace: Workspace
) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    header = StageHeader()
    qtbot.addWidget(header)
    header.show_timer(workspace.conductor.state(day_id))
    assert "finish limit" not in header.drift.text()

    workspace.planner.set_start_time(day_id, dt.time(10, 30))
    header.show_timer(workspace.conductor.state(day_id))

    assert "The plan ends at 18.05, 30 minutes after the 17.35 finish limit." in (
        header.drift.text()
    )
    assert "#d4351c" in header.drift.styleSheet()
