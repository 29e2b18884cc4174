from __future__ import annotations

import pytest

from facilitator.common.vocabulary import NoteTag, StageKind
from facilitator.live.guidance import GUIDANCE, default_tag, split_prefix


def test_every_stage_has_guidance() -> None:
    assert set(GUIDANCE) == set(StageKind)
    assert "focus risk (r:)" in " ".join(GUIDANCE[StageKind.PRESENTATION])
    assert "lead reviewer asks first" in " ".join(GUIDANCE[StageKind.QUESTIONING])


@pytest.mark.parametrize(
    ("typed", "tag", "text"),
    [
        ("s: strong front door", NoteTag.STRENGTH, "strong front door"),
        ("ASK: help with recruitment", NoteTag.ASK, "help with recruitment"),
        ("bp:practice weeks", NoteTag.BEST_PRACTICE, "practice weeks"),
        ("Time: 10.15 start", None, "Time: 10.15 start"),
        ("s:", None, "s:"),
        ("plain bullet", None, "plain bullet"),
    ],
)
def test_prefixes_set_the_tag(typed: str, tag: NoteTag | None, text: str) -> None:
    assert split_prefix(typed) == (tag, text)


def test_a_plain_line_is_a_note_unless_the_stage_is_its_heading() -> None:
    assert default_tag(StageKind.AFFIRMATION) is NoteTag.STRENGTH
    assert default_tag(StageKind.INSIGHTS) is NoteTag.INSIGHT
    for kind in (
        StageKind.PRESENTATION,
        StageKind.QUESTIONING,
        StageKind.REACTION,
        StageKind.REFLECTION,
        StageKind.LUNCH,
    ):
        assert default_tag(kind) is NoteTag.NOTE
