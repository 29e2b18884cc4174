from __future__ import annotations

import pytest

from facilitator.capture.notes import MAX_NOTE_LENGTH, NoteInputError
from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import NoteTag, StageKind
from facilitator.demo import create_demo_day
from facilitator.workspace import Workspace


def stage_of(workspace: Workspace, kind: StageKind, presenter: str = "Ashvale") -> int:
    days = workspace.planner.list_days()
    day_id = days[0].id if days else create_demo_day(workspace.planner, workspace.notebook)
    plan = workspace.planner.day_plan(day_id)
    return next(s.id for s in plan.stages if s.kind is kind and s.presenter == presenter)


def test_a_note_keeps_its_text_tag_attribution_and_times(
    workspace: Workspace, clock: FakeClock
) -> None:
    stage = stage_of(workspace, StageKind.PRESENTATION, "Brackenmoor")
    authority = workspace.planner.day_plan(1).participants[2].authority_id

    note = workspace.notebook.add(
        stage, "  Focus on workforce  ", NoteTag.RISK, authority_id=authority
    )
    clock.advance(minutes=3)
    edited = workspace.notebook.edit(note.id, text="Focus on workforce stability")  # type: ignore[union-attr]

    assert edited.text == "Focus on workforce stability"
    assert edited.tag is NoteTag.RISK
    assert edited.authority_id == authority
    assert (edited.edited_at - edited.created_at).total_seconds() == 180
    assert workspace.notebook.for_stage(stage) == [edited]


def test_blank_notes_are_ignored_and_cannot_be_edited_to_blank(workspace: Workspace) -> None:
    stage = stage_of(workspace, StageKind.INSIGHTS, "Corriford")
    assert workspace.notebook.add(stage, "   \n\t ") is None
    assert workspace.notebook.for_stage(stage) == []

    note = workspace.notebook.add(stage, "kept")
    assert note is not None
    with pytest.raises(NoteInputError, match="cannot be empty"):
        workspace.notebook.edit(note.id, text="  ")
    assert workspace.notebook.for_stage(stage)[0].text == "kept"


@pytest.mark.parametrize(
    "text",
    [
        "x" * 10_000,
        "Strong offer 👍🏽 from the 🏫 team",
        "اختبار النص العربي",
        "日本語のメモ",
        "Line one\nLine two",
        "Quotes ‘single’ “double” – dash … ellipsis",
    ],
)
def test_any_text_is_stored_exactly(workspace: Workspace, text: str) -> None:
    stage = stage_of(workspace, StageKind.QUESTIONING, "Corriford")
    note = workspace.notebook.add(stage, text)
    assert note is not None
    assert workspace.notebook.for_stage(stage)[-1].text == text


def test_text_longer_than_the_limit_is_refused_with_the_numbers(workspace: Workspace) -> None:
    stage = stage_of(workspace, StageKind.QUESTIONING, "Corriford")
    with pytest.raises(NoteInputError, match="100,000 characters"):
        workspace.notebook.add(stage, "y" * (MAX_NOTE_LENGTH + 1))


def test_delete_then_restore_puts_a_note_back_where_it_was(workspace: Workspace) -> None:
    stage = stage_of(workspace, StageKind.REACTION, "Corriford")
    first, second, third = (workspace.notebook.add(stage, t) for t in ("one", "two", "three"))
    assert first is not None
    assert second is not None
    assert third is not None

    removed = workspace.notebook.delete(second.id)
    assert [n.text for n in workspace.notebook.for_stage(stage)] == ["one", "three"]

    workspace.notebook.restore(removed)
    notes = workspace.notebook.for_stage(stage)
    assert [n.text for n in notes] == ["one", "two", "three"]
    assert notes[1].id == second.id
    assert notes[1].created_at == second.created_at


def test_moving_a_note_reorders_its_stage(workspace: Workspace) -> None:
    stage = stage_of(workspace, StageKind.REFLECTION, "Corriford")
    notes = [workspace.notebook.add(stage, t) for t in ("a", "b", "c")]
    workspace.notebook.move(notes[2].id, 0)  # type: ignore[union-attr]
    assert [n.text for n in workspace.notebook.for_stage(stage)] == ["c", "a", "b"]
    assert [n.position for n in workspace.notebook.for_stage(stage)] == [0, 1, 2]


def test_a_sessions_notes_come_in_stage_order_and_announce_changes(workspace: Workspace) -> None:
    reflection = stage_of(workspace, StageKind.REFLECTION, "Brackenmoor")
    presentation = stage_of(workspace, StageKind.PRESENTATION, "Brackenmoor")
    touched: list[int | None] = []
    workspace.notebook.changed.connect(touched.append)

    workspace.notebook.add(reflection, "later stage")
    workspace.notebook.add(presentation, "earlier stage")

    session_id = workspace.notebook.for_stage(reflection)[0].session_id
    assert session_id is not None
    texts = [n.text for n in workspace.notebook.for_session(session_id)]
    assert texts == ["earlier stage", "later stage"]
    assert touched == [reflection, presentation]
