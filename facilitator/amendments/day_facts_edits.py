"""Taking in a director's corrections to who took part and to the topical invitation.

The attendance table's names and roles and the invitation's topic sit in bookmarks
(record_content.attendance_bookmark, topical_bookmark); a change to one becomes a step that
edits the day's team or the session's facts and returns how to undo itself, as taking_in's
steps for notes do. Balcony's own wording around them (the DCS's role, the invitation's
sentence) is not taken in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from facilitator.amendments.compare import ChangeKind, ParagraphChange
from facilitator.amendments.numbers import plain_number
from facilitator.capture.session_facts import SessionFacts
from facilitator.planning.day_details import Team
from facilitator.planning.planner import Planner
from facilitator.records.keys import RecordKey

Undo = Callable[[], object]


def is_day_fact(bookmark: str | None) -> bool:
    return bool(bookmark) and str(bookmark).startswith(("team-", "topical-"))


class IntoDayFacts:
    """Plans the steps for changes to attendance bookmarks and the topical topic."""

    def __init__(self, planner: Planner | None, facts: SessionFacts | None) -> None:
        self._planner = planner
        self._facts = facts

    def plan(
        self, key: RecordKey, version: int, change: ParagraphChange, problems: list[str]
    ) -> tuple[str, Callable[[], Undo]] | None:
        """(what the step does, the step) or None, with any problem added to `problems`."""
        bookmark = change.bookmark or ""
        new = change.after_marked.strip()
        deleting = change.kind is ChangeKind.DELETED or not new
        if bookmark.startswith("topical-"):
            return self._topic(bookmark, change, new, deleting, version, problems)
        return self._attendance(key, bookmark, change, new, deleting, version, problems)

    def _topic(
        self,
        bookmark: str,
        change: ParagraphChange,
        new: str,
        deleting: bool,
        version: int,
        problems: list[str],
    ) -> tuple[str, Callable[[], Undo]] | None:
        session_id = plain_number(bookmark.removeprefix("topical-"))
        if self._facts is None or session_id is None:
            problems.append(_cannot(change))
            return None
        facts = self._facts.get(session_id)
        if facts.topical_topic not in (change.before_marked, new):
            problems.append(_edited_since(change, facts.topical_topic, version))
            return None
        topic = "" if deleting else new
        if topic == facts.topical_topic:
            return None
        service, invited, old = self._facts, facts.topical_invitation, facts.topical_topic

        def run() -> Undo:
            service.set_topical_invitation(session_id, True, topic)
            return lambda: service.set_topical_invitation(session_id, invited, old)

        said = f"“{topic}”" if topic else "to come"
        return f"Topical invitation’s topic now {said}", run

    def _attendance(
        self,
        key: RecordKey,
        bookmark: str,
        change: ParagraphChange,
        new: str,
        deleting: bool,
        version: int,
        problems: list[str],
    ) -> tuple[str, Callable[[], Undo]] | None:
        parts = bookmark.split("-")  # team, authority id, dcs | name | role, [index]
        authority_id = plain_number(parts[1]) if len(parts) > 2 else None
        index = plain_number(parts[3]) if len(parts) == 4 else None
        field = parts[2] if len(parts) > 2 else ""
        team = self._team(key, authority_id)
        if team is None or (field != "dcs" and (index is None or index >= len(team.members))):
            problems.append(_cannot(change))
            return None
        if field == "dcs":
            current = team.dcs_name
        elif index is not None and field in ("name", "role"):
            current = getattr(team.members[index], field)
        else:
            problems.append(_cannot(change))
            return None
        if current not in (change.before_marked, new):
            problems.append(_edited_since(change, current, version))
            return None
        if deleting and field != "role":
            problems.append(
                f"“{current}” was taken out of who took part. A person is removed in the "
                "day’s set-up, not from a returned copy, so this change is left out."
            )
            return None
        value = "" if deleting else new
        if value == current:
            return None
        changed = _with(team, field, index, value)
        planner, day_id = self._planner, key.day_id
        assert planner is not None  # _team found the team with both
        assert day_id is not None

        def run() -> Undo:
            _set(planner, day_id, changed)
            return lambda: _set(planner, day_id, team)

        what = "role" if field == "role" else "name"
        return f"Who took part: {what} “{current}” now “{value}”", run

    def _team(self, key: RecordKey, authority_id: int | None) -> Team | None:
        if self._planner is None or key.day_id is None or authority_id is None:
            return None
        teams = self._planner.teams(key.day_id)
        return next((t for t in teams if t.authority_id == authority_id), None)


def _with(team: Team, field: str, index: int | None, value: str) -> Team:
    if field == "dcs":
        return replace(team, dcs_name=value)
    assert index is not None
    members = list(team.members)
    members[index] = replace(members[index], **{field: value})
    return replace(team, members=tuple(members))


def _set(planner: Planner, day_id: int, team: Team) -> None:
    planner.set_team(
        day_id,
        team.authority_id,
        short_name=team.short_name,
        dcs_name=team.dcs_name,
        members=team.members,
    )


def _cannot(change: ParagraphChange) -> str:
    return (
        f"“{change.before_marked or change.before}” is no longer on the day’s list, so the "
        "change to it cannot be taken in. Leave this change out."
    )


def _edited_since(change: ParagraphChange, current: str, version: int) -> str:
    return (
        f"“{change.before_marked}” was changed in Balcony after version {version} was sent "
        f"(it now reads “{current}”): taking the returned wording in would overwrite that. "
        "Leave this change out."
    )
