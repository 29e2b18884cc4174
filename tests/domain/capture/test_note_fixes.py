"""Fixing a saved bullet in place: its tag, who it is credited to, its stage and session."""

from __future__ import annotations

import pytest

from facilitator.capture.notes import NoteInputError
from facilitator.common.vocabulary import NoteTag, StageKind
from facilitator.demo import create_demo_day
from facilitator.workspace import Workspace


def demo(workspace: Workspace) -> int:
    return create_demo_day(workspace.planner, workspace.notebook)


def stage(workspace: Workspace, day_id: int, kind: StageKind, presenter: str) -> int:
    plan = workspace.planner.day_plan(day_id)
    return next(s.id for s in plan.stages if s.kind is kind and s.presenter == presenter)


def heard(workspace: Workspace) -> list[int | None]:
    stages: list[int | None] = []
    workspace.notebook.changed.connect(stages.append)
    return stages


def texts(workspace: Workspace, stage_id: int) -> list[str]:
    return [n.text for n in workspace.notebook.for_stage(stage_id)]


def test_tag_and_person_change_and_change_back(workspace: Workspace) -> None:
    day_id = demo(workspace)
    ashvale, brackenmoor = (
        p.authority_id for p in workspace.planner.day_plan(day_id).participants[:2]
    )
    reaction = stage(workspace, day_id, StageKind.REACTION, "Ashvale")
    note = workspace.notebook.add(reaction, "We will revisit the budget", authority_id=brackenmoor)
    assert note is not None

    tagged = workspace.notebook.edit(note.id, tag=NoteTag.ACTION)
    assert (tagged.tag, tagged.authority_id, tagged.text) == (
        NoteTag.ACTION,
        brackenmoor,
        "We will revisit the budget",
    )
    credited = workspace.notebook.edit(note.id, authority_id=ashvale)
    assert (credited.tag, credited.authority_id) == (NoteTag.ACTION, ashvale)

    nobody = workspace.notebook.edit(note.id, authority_id=None)
    assert nobody.authority_id is None
    assert workspace.notebook.for_stage(reaction)[-1].authority_id is None
    # Leaving the person out keeps it as it is: None there means nobody, not "unchanged".
    assert workspace.notebook.edit(note.id, text="We will revisit it").authority_id is None

    back = workspace.notebook.edit(note.id, tag=NoteTag.NOTE, authority_id=brackenmoor)
    assert (back.tag, back.authority_id) == (NoteTag.NOTE, brackenmoor)


def test_a_person_or_authority_that_does_not_exist_is_refused(workspace: Workspace) -> None:
    day_id = demo(workspace)
    note = workspace.notebook.for_stage(stage(workspace, day_id, StageKind.INSIGHTS, "Ashvale"))[0]
    with pytest.raises(NoteInputError, match="authority"):
        workspace.notebook.edit(note.id, authority_id=9999)
    with pytest.raises(NoteInputError, match="person"):
        workspace.notebook.edit(note.id, person_id=9999)
    assert workspace.notebook.for_stage(note.stage_id or 0)[0] == note


def test_moving_to_another_session_files_it_at_the_end_and_undo_puts_it_back(
    workspace: Workspace,
) -> None:
    day_id = demo(workspace)
    source = stage(workspace, day_id, StageKind.QUESTIONING, "Ashvale")
    target = stage(workspace, day_id, StageKind.QUESTIONING, "Brackenmoor")
    for text in ("Brackenmoor one", "Brackenmoor two"):
        workspace.notebook.add(target, text)
    workspace.notebook.add(source, "A third bullet in Ashvale's questioning")
    before = workspace.notebook.for_stage(source)
    assert len(before) >= 3
    middle = before[1]
    events = heard(workspace)

    moved = workspace.notebook.move_to_stage(middle.id, target)

    assert events == [source, target]
    target_notes = workspace.notebook.for_stage(target)
    assert [n.id for n in target_notes][-1] == middle.id
    assert [n.position for n in target_notes] == [0, 1, 2]
    assert moved.stage_id == target
    assert moved.position == 2
    brackenmoor_session = workspace.notebook.for_stage(target)[0].session_id
    assert moved.session_id == brackenmoor_session != middle.session_id
    assert [n.position for n in workspace.notebook.for_stage(source)] == list(
        range(len(before) - 1)
    )
    assert middle.id not in [n.id for n in workspace.notebook.for_session(middle.session_id or 0)]
    assert middle.id in [n.id for n in workspace.notebook.for_session(brackenmoor_session or 0)]

    back = workspace.notebook.move_to_stage(middle.id, source, middle.position)

    assert workspace.notebook.for_stage(source) == [
        back if n.id == middle.id else n for n in before
    ]
    assert (back.stage_id, back.session_id, back.position) == (source, middle.session_id, 1)
    assert texts(workspace, target) == ["Brackenmoor one", "Brackenmoor two"]
    assert [n.position for n in workspace.notebook.for_stage(target)] == [0, 1]


def test_moving_within_a_session_and_to_the_day_s_own_stages(workspace: Workspace) -> None:
    day_id = demo(workspace)
    questioning = stage(workspace, day_id, StageKind.QUESTIONING, "Ashvale")
    insights = stage(workspace, day_id, StageKind.INSIGHTS, "Ashvale")
    note = workspace.notebook.for_stage(questioning)[0]
    moved = workspace.notebook.move_to_stage(note.id, insights)
    assert (moved.stage_id, moved.session_id) == (insights, note.session_id)
    assert texts(workspace, insights)[-1] == note.text

    plenary = next(
        s.id for s in workspace.planner.day_plan(day_id).stages if s.kind is StageKind.PLENARY
    )
    to_day = workspace.notebook.move_to_stage(note.id, plenary)
    assert (to_day.stage_id, to_day.session_id) == (plenary, None)


def test_moving_to_its_own_stage_changes_nothing(workspace: Workspace) -> None:
    day_id = demo(workspace)
    insights = stage(workspace, day_id, StageKind.INSIGHTS, "Ashvale")
    notes = workspace.notebook.for_stage(insights)
    events = heard(workspace)
    assert workspace.notebook.move_to_stage(notes[0].id, insights) == notes[0]
    assert workspace.notebook.for_stage(insights) == notes
    assert events == []


def test_a_bullet_cannot_move_to_another_day_or_a_stage_that_does_not_exist(
    workspace: Workspace,
) -> None:
    first, second = demo(workspace), demo(workspace)
    note = workspace.notebook.for_stage(stage(workspace, first, StageKind.INSIGHTS, "Ashvale"))[0]
    with pytest.raises(NoteInputError, match="its own day"):
        workspace.notebook.move_to_stage(
            note.id, stage(workspace, second, StageKind.INSIGHTS, "Ashvale")
        )
    with pytest.raises(LookupError, match="no stage"):
        workspace.notebook.move_to_stage(note.id, 99_999)
    assert workspace.notebook.for_stage(note.stage_id or 0)[0] == note


def test_places_are_the_day_s_stages_in_agenda_order_without_breaks(workspace: Workspace) -> None:
    day_id = demo(workspace)
    plan = workspace.planner.day_plan(day_id)
    places = workspace.notebook.places(day_id)
    assert [p.stage_id for p in places] == [s.id for s in plan.stages if not s.kind.is_break]
    assert places[0].label == "The whole day · Introductions"
    first_presentation = next(p for p in places if p.kind is StageKind.PRESENTATION)
    assert first_presentation.label == (
        f"Session 1 ({plan.participants[0].name}) · Presentation of the self-assessment"
    )
    sessions = [p.session_number for p in places if p.session_number is not None]
    assert sessions == sorted(sessions)
    assert set(sessions) == {1, 2, 3}
