"""Actions, asks and offers typed as bullets become the items themselves, and back on undo."""

from __future__ import annotations

from facilitator.common.vocabulary import ExchangeKind, NoteTag, StageKind
from facilitator.demo import create_demo_day
from facilitator.workspace import Workspace


def reflection_and_plenary(workspace: Workspace) -> tuple[int, int, int]:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    stages = workspace.planner.day_plan(day_id).stages
    reflection = next(s for s in stages if s.kind is StageKind.REFLECTION)
    plenary = next(s for s in stages if s.kind is StageKind.PLENARY)
    assert reflection.session_id is not None
    return reflection.id, reflection.session_id, plenary.id


def test_an_ask_without_a_person_is_the_presenting_teams(workspace: Workspace) -> None:
    stage_id, session_id, _ = reflection_and_plenary(workspace)
    note = workspace.notebook.add(stage_id, "Help with our data", NoteTag.ASK)
    assert note is not None

    routed = workspace.outcome_route.route(note)

    assert routed is not None
    assert routed.exchange is not None
    assert routed.exchange.kind is ExchangeKind.ASK
    assert routed.exchange.authority_id == workspace.session_facts.get(session_id).authority_id
    assert note.id not in {n.id for n in workspace.notebook.for_stage(stage_id)}
    assert "ask" in routed.said


def test_undo_puts_the_bullet_back_as_it_was(workspace: Workspace) -> None:
    stage_id, session_id, _ = reflection_and_plenary(workspace)
    before = workspace.notebook.for_stage(stage_id)
    note = workspace.notebook.add(stage_id, "Audit the front door", NoteTag.ACTION)
    assert note is not None
    routed = workspace.outcome_route.route(note)
    assert routed is not None

    back = workspace.outcome_route.unroute(routed)

    assert back == note
    assert workspace.notebook.for_stage(stage_id) == [*before, note]
    assert "Audit the front door" not in [a.text for a in workspace.actions.for_session(session_id)]


def test_other_bullets_and_bullets_outside_a_session_stay_bullets(workspace: Workspace) -> None:
    stage_id, _, plenary_id = reflection_and_plenary(workspace)
    plain = workspace.notebook.add(stage_id, "A useful morning", NoteTag.NOTE)
    whole_day = workspace.notebook.add(plenary_id, "A regional data group", NoteTag.ACTION)
    assert plain is not None
    assert whole_day is not None

    assert workspace.outcome_route.route(plain) is None
    assert workspace.outcome_route.route(whole_day) is None  # no session to file it in
    assert {plain.id, whole_day.id} <= {
        n.id for s in (stage_id, plenary_id) for n in workspace.notebook.for_stage(s)
    }
