"""A bank question that names the cycle's years reads them from the day it is asked on."""

from __future__ import annotations

from facilitator.demo import create_demo_day
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.records.exporting import RecordExports
from facilitator.workspace import Workspace

BUDGET = "budget-02"


def test_asked_and_recorded_with_the_cycles_years(workspace: Workspace) -> None:
    day_id = create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route)
    session = presenting_sessions(workspace.db, day_id)[0].session_id
    bank = workspace.bank.bank()
    question = bank.question(BUDGET)
    assert "{cycle_years}" in question.text

    asked = workspace.questions.mark_asked(session, question, bank.theme(question.theme_id))
    workspace.questions.pin(session, question.theme_id, BUDGET)

    assert "set for 2026–2027 from 0" in asked.text
    content = RecordExports(workspace).session_note_content(session)
    lines = [q.question.text for t in content.themes for q in t.questions]
    lines += [b.text for b in content.focus_risks]
    assert any("2026–2027" in line for line in lines)
    assert not any("{cycle_years}" in line for line in lines)
