"""Whose words a typed bullet is, under which tag, and which stage it goes to.

The rules of DOMAIN.md's "Whose words are they?": the presenting authority speaks in the
presentation, the reaction and reflection, and answers during questioning; the visiting
authority whose turn it is asks the questions; each visiting member names a strength in
affirmation; on the balcony the insights are the visiting group's. A plain line is a note
unless the facilitator tags it (a prefix, a shortcut or the tag box), and a person the
facilitator picked on purpose wins until the stage changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from facilitator.common.vocabulary import DayStatus, NoteTag, StageKind
from facilitator.live.guidance import default_tag, split_prefix
from facilitator.live.run_state import RunState, StageRun, StageStatus

if TYPE_CHECKING:
    from facilitator.capture.introductions import PersonOfDay

_PRESENTING_SPEAKS = (StageKind.PRESENTATION, StageKind.REACTION, StageKind.REFLECTION)


class Speaker(StrEnum):
    """Who a bullet is by, as the stage's roles decide it."""

    PRESENTING = "presenting"  # the presenting authority
    QUESTIONER = "questioner"  # the visiting authority whose turn it is to ask
    VISITING_MEMBER = "visiting member"  # one of them: the facilitator says which
    VISITING_GROUP = "visiting group"  # the visiting authorities together, nobody alone
    NOBODY = "nobody"  # no one in particular
    CHOSEN = "chosen"  # picked by the facilitator on purpose

    @property
    def label(self) -> str:
        """What the "Who" box says when nobody in particular is stored."""
        return _NOBODY_LABELS.get(self, "Nobody in particular")


_NOBODY_LABELS = {
    Speaker.VISITING_MEMBER: "Choose the visiting member…",
    Speaker.VISITING_GROUP: "The visiting authorities (as a group)",
}


@dataclass(frozen=True)
class Roles:
    """Who is in the room for the stage a bullet goes to."""

    kind: StageKind | None
    presenting: int | None = None  # the presenting authority
    questioner: int | None = None  # whose turn it is to ask, during questioning


@dataclass(frozen=True)
class Chosen:
    """Who the facilitator picked on purpose in the "Who" box: an authority, or one of its
    people (both None: nobody)."""

    authority_id: int | None
    person_id: int | None = None


@dataclass(frozen=True)
class Attribution:
    tag: NoteTag
    authority_id: int | None
    speaker: Speaker
    text: str  # without the prefix
    person_id: int | None = None  # one person of the day, when the facilitator chose one


def speaker_for(kind: StageKind | None, tag: NoteTag, roles: Roles) -> tuple[Speaker, int | None]:
    """Whose words a bullet with `tag` is, by default, in a stage of `kind`."""
    if kind is StageKind.QUESTIONING:
        if tag is NoteTag.QUESTION:
            return Speaker.QUESTIONER, roles.questioner
        return Speaker.PRESENTING, roles.presenting  # an answer
    if kind is StageKind.AFFIRMATION:
        return Speaker.VISITING_MEMBER, None
    if kind is StageKind.INSIGHTS:
        return Speaker.VISITING_GROUP, None
    if kind in _PRESENTING_SPEAKS and tag is not NoteTag.QUESTION:
        # A question outside questioning is a visitor's: never the presenter's words.
        return Speaker.PRESENTING, roles.presenting
    return Speaker.NOBODY, None


def attribute(
    typed: str,
    roles: Roles,
    picked_tag: NoteTag | None = None,
    chosen: Chosen | None = None,
) -> Attribution:
    """The tag, person and text Enter stores for the line `typed`.

    A prefix wins over `picked_tag` (the tag box or Ctrl+1…0), which wins over the stage's
    default. A person the facilitator `chosen` wins over the stage's roles.
    """
    prefix, text = split_prefix(typed)
    tag = prefix or picked_tag or stage_tag(roles.kind)
    if chosen is not None:
        return Attribution(tag, chosen.authority_id, Speaker.CHOSEN, text, chosen.person_id)
    speaker, authority_id = speaker_for(roles.kind, tag, roles)
    return Attribution(tag, authority_id, speaker, text)


@dataclass(frozen=True)
class WhoChoice:
    """One entry of the "Who" box: an authority, or one person of the day and their
    authority; the first entry is nobody in particular (its label follows the stage)."""

    label: str
    authority_id: int | None = None
    person_id: int | None = None


def who_choices(
    authorities: Mapping[int, str], people: Sequence[PersonOfDay], roles: Roles
) -> list[WhoChoice]:
    """Nobody, the day's authorities, then its people as "Full Name (Authority)". In the
    affirmation the visiting members come straight after nobody, one key away, and the
    presenting authority's own people are left out: they do not name their own strengths."""

    def person(p: PersonOfDay) -> WhoChoice:
        label = f"{p.name} ({p.authority_name})" if p.authority_name else p.name
        return WhoChoice(label, p.authority_id, p.person_id)

    teams = [WhoChoice(name, authority_id) for authority_id, name in authorities.items()]
    if roles.kind is not StageKind.AFFIRMATION:
        return [WhoChoice(""), *teams, *map(person, people)]
    visiting = [p for p in people if p.authority_id not in (None, roles.presenting)]
    guests = [p for p in people if p.authority_id is None]
    return [WhoChoice(""), *map(person, visiting), *teams, *map(person, guests)]


def stage_tag(kind: StageKind | None) -> NoteTag:
    """A plain line's tag: a note, but where the stage itself is the heading."""
    return default_tag(kind) if kind is not None else NoteTag.NOTE


# where a bullet goes -------------------------------------------------------------------


def viewed_stage(state: RunState, viewed_stage_id: int | None) -> StageRun | None:
    """The stage on screen: the one chosen in the agenda, else the running one; once the day
    has ended, the last stage run (the plenary, not back to the introductions); else the
    first."""
    chosen = next((s for s in state.stages if s.id == viewed_stage_id), None)
    if chosen or state.current:
        return chosen or state.current
    if state.status is DayStatus.FINISHED:
        run = [s for s in state.stages if s.started_at is not None]
        if run:
            return run[-1]
    return state.stages[0] if state.stages else None


def capture_stage(
    state: RunState, viewed_stage_id: int | None, draft_stage_id: int | None = None
) -> StageRun | None:
    """Where a typed bullet goes: a bullet already begun stays where it began; otherwise the
    running stage, whichever is on screen; with none running (before the start, after the
    end), the stage on screen."""
    begun = next((s for s in state.stages if s.id == draft_stage_id), None)
    return begun or state.current or viewed_stage(state, viewed_stage_id)


def goes_to(state: RunState, target: StageRun | None, viewed: StageRun | None) -> str:
    """What the capture line says when the bullet will not go to the stage on screen."""
    if target is None or viewed is None or target.id == viewed.id:
        return ""
    who = f" · {target.presenter}" if target.presenter else ""
    running = " (running)" if target.status is StageStatus.NOW else ""
    return f"Goes to: {target.kind.short_label}{who}{running}"


def roles_for(stage: StageRun | None, questioner: int | None = None) -> Roles:
    if stage is None:
        return Roles(None)
    return Roles(stage.kind, stage.presenter_id, questioner)


@dataclass(frozen=True)
class CaptureLine:
    """What the capture line shows about the next bullet: the stage it goes to, who is in
    the room there, and where it goes when that is not the stage on screen."""

    stage: StageRun | None
    roles: Roles
    goes_to: str

    @property
    def stage_id(self) -> int | None:
        return self.stage.id if self.stage else None


def capture_line(
    state: RunState,
    viewed_stage_id: int | None,
    draft_stage_id: int | None,
    questioner: Callable[[int], int | None],
) -> CaptureLine:
    """`questioner(session_id)` says whose turn it is to ask in a session's questioning."""
    target = capture_stage(state, viewed_stage_id, draft_stage_id)
    asking = None
    if target is not None and target.kind is StageKind.QUESTIONING and target.session_id:
        asking = questioner(target.session_id)
    where = goes_to(state, target, viewed_stage(state, viewed_stage_id))
    return CaptureLine(target, roles_for(target, asking), where)


def finished_session(state: RunState, target: StageRun | None) -> str:
    """A key for the finished session (or stage outside sessions) `target` is part of, which
    the facilitator confirms before typing into it; "" when it is not finished."""
    if target is None or target.status is not StageStatus.DONE:
        return ""
    if state.status is DayStatus.FINISHED:
        return f"session {target.session_id}" if target.session_id else f"stage {target.id}"
    if target.session_id is None:
        return f"stage {target.id}"
    same = [s for s in state.stages if s.session_id == target.session_id]
    return f"session {target.session_id}" if all(s.ended_at for s in same) else ""
