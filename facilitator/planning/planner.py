"""Setting up days: who takes part, in what order, who reviews whom, and the agenda.

The Planner is the one door for these changes: each method is one unit of work, returns
what changed, and announces the day's id on `day_changed`. The work itself lives in
day_setup, day_edits, agenda_edits and agenda_templates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlmodel import Session as DbSession
from sqlmodel import select

from facilitator.common.events import Event
from facilitator.common.vocabulary import DayKind, StageKind
from facilitator.planning import agenda_edits, agenda_templates, day_details, day_edits
from facilitator.planning.agenda_edits import (
    AgendaInputError,
    DayChange,
    day_stages,
    finish_limit_of,
    get_day,
)
from facilitator.planning.agenda_fit import FitChoice, FitItem, FitOptions, FitWay, fit_to_limit
from facilitator.planning.agenda_templates import TemplateSummary
from facilitator.planning.day_details import DayDetails, Team, clean_details, clean_team
from facilitator.planning.day_list import DaySummary
from facilitator.planning.day_plan import (
    DayPlan,
    Participant,
    PlannedStage,
    ScreenBreakOffer,
    every_summary,
    read_plan,
    roster,
    roster_problems,
)
from facilitator.planning.day_sessions import SessionInfo, presenting_sessions
from facilitator.planning.day_setup import (
    DCS_ROLE,
    AuthorityEntry,
    DayInputError,
    DayTextError,
    NewDay,
    TeamMember,
    add_day,
    clean_field,
    clean_new_day,
    validate_new_day,
)
from facilitator.storage.database import Database
from facilitator.storage.models import Authority
from facilitator.storage.rows import stored_id

__all__ = [
    "DCS_ROLE",
    "AgendaInputError",
    "AgendaProposal",
    "AuthorityEntry",
    "DayChange",
    "DayDetails",
    "DayFit",
    "DayInputError",
    "DayPlan",
    "DaySummary",
    "DayTextError",
    "FitChoice",
    "FitWay",
    "NewDay",
    "Participant",
    "PlannedStage",
    "Planner",
    "ScreenBreakOffer",
    "Team",
    "TeamMember",
    "TemplateSummary",
    "clean_team",
]


@dataclass(frozen=True)
class AgendaProposal:
    """New lengths for some of a day's stages, as (stage id, minutes), to apply together,
    with a new start time or finish limit when the proposal moves them."""

    day_id: int
    stage_minutes: tuple[tuple[int, int], ...]
    start: dt.time | None = None
    limit: dt.time | None = None


@dataclass(frozen=True)
class DayFit:
    """How a day that overruns its finish limit could fit it: each of `options.choices`
    with the proposal that makes it, in the same order."""

    options: FitOptions
    proposals: tuple[AgendaProposal, ...]

    def proposal(self, way: FitWay) -> AgendaProposal | None:
        index = next((i for i, c in enumerate(self.options.choices) if c.way is way), None)
        return None if index is None else self.proposals[index]


class Planner:
    """Creates, reads and edits days. Announces the id of every day it changes."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.day_changed: Event[int] = Event()

    # Creating and reading days

    def create_day(self, new: NewDay) -> int:
        return self.create_days([new])[0]

    def create_days(self, days: Sequence[NewDay]) -> list[int]:
        """Creates every day or, if any one fails, none of them.

        Every way a day comes in (the form, a schedule import, the demo) passes here, so the
        names are cleaned here: nothing stored can then break an export.
        """
        days = [clean_new_day(new) for new in days]
        for new in days:
            validate_new_day(new)
        with self._db.session_scope() as s:
            ids = [add_day(s, new) for new in days]
        for day_id in ids:
            self.day_changed.emit(day_id)
        return ids

    def presenting_sessions(self, day_id: int) -> list[SessionInfo]:
        """Each authority's session of the day, in presenting order."""
        return presenting_sessions(self._db, day_id)

    def list_days(self) -> list[DaySummary]:
        with self._db.session_scope() as s:
            return every_summary(s)

    def day_plan(self, day_id: int) -> DayPlan:
        with self._db.session_scope() as s:
            return read_plan(s, day_id)

    def delete_day(self, day_id: int) -> None:
        with self._db.session_scope() as s:
            s.delete(get_day(s, day_id))
        self.day_changed.emit(day_id)

    def authority_short_names(self) -> dict[str, str]:
        """Every known authority's name and its short name ("" when it has none)."""
        with self._db.session_scope() as s:
            return {a.name: a.short_name for a in s.exec(select(Authority)).all()}

    # What the day is, and who comes

    def details(self, day_id: int) -> DayDetails:
        with self._db.session_scope() as s:
            return day_details.read_details(s, day_id)

    def update_details(
        self, day_id: int, details: DayDetails, *, seen_version: int | None = None
    ) -> DayChange:
        """Saves the day's details. `seen_version`: the day's version they were edited from
        (DayDetails.row_version as read); ChangedElsewhereError if the day has been changed
        since. None (the command line) saves over whatever is stored."""
        details = clean_details(details)
        return self._edit(lambda s: day_details.write_details(s, day_id, details, seen_version))

    def teams(self, day_id: int) -> list[Team]:
        with self._db.session_scope() as s:
            return day_details.read_teams(s, day_id)

    def set_team(
        self,
        day_id: int,
        authority_id: int,
        *,
        short_name: str,
        dcs_name: str,
        members: Sequence[TeamMember],
    ) -> DayChange:
        short_name, dcs_name, members = clean_team(short_name, dcs_name, members)
        return self._edit(
            lambda s: day_details.write_team(
                s,
                day_id,
                authority_id,
                short_name=short_name,
                dcs_name=dcs_name,
                members=members,
            )
        )

    # Lead reviewers and the presenting order

    def set_lead_reviewers(self, day_id: int, reviews: Mapping[int, int | None]) -> DayChange:
        """{reviewer authority id: reviewed authority id}; stored even if not yet valid."""
        return self._edit(lambda s: day_edits.set_lead_reviewers(s, day_id, reviews))

    def lead_reviewer_problems(self, day_id: int) -> list[str]:
        with self._db.session_scope() as s:
            get_day(s, day_id)
            return roster_problems(roster(s, day_id))

    def suggest_lead_reviewers(self, day_id: int) -> dict[int, int]:
        """A valid assignment for the current order; nothing is stored until it is set."""
        with self._db.session_scope() as s:
            return day_edits.suggested_lead_reviewers(s, day_id)

    def reorder_authorities(self, day_id: int, order: Sequence[int]) -> DayChange:
        return self._edit(lambda s: day_edits.reorder_authorities(s, day_id, order))

    # The agenda

    def set_stage_minutes(self, stage_id: int, minutes: int) -> DayChange:
        return self._edit(lambda s: agenda_edits.set_minutes(s, stage_id, minutes))

    def set_start_time(self, day_id: int, start: dt.time) -> DayChange:
        return self._edit(lambda s: agenda_edits.set_start(s, day_id, start))

    def set_finish_limit(self, day_id: int, limit: dt.time | None) -> DayChange:
        return self._edit(lambda s: agenda_edits.set_limit(s, day_id, limit))

    def add_break(
        self, day_id: int, after_stage_id: int, kind: StageKind, minutes: int
    ) -> DayChange:
        return self._edit(
            lambda s: agenda_edits.insert_break(s, day_id, after_stage_id, kind, minutes)
        )

    def add_screen_break(self, day_id: int, after_stage_id: int, minutes: int = 10) -> DayChange:
        return self.add_break(day_id, after_stage_id, StageKind.SCREEN_BREAK, minutes)

    def remove_break(self, stage_id: int) -> DayChange:
        return self._edit(lambda s: agenda_edits.delete_break(s, stage_id))

    def fit_options(self, day_id: int) -> DayFit | None:
        """Ways to end by the finish limit, or None when the day already does."""
        with self._db.session_scope() as s:
            day = get_day(s, day_id)
            stages = day_stages(s, day_id)
            limit = finish_limit_of(day)
        items = [FitItem(x.planned_minutes, x.min_minutes, x.kind) for x in stages]
        options = fit_to_limit(items, day.start_time, limit)
        if options is None:
            return None

        def proposal(choice: FitChoice) -> AgendaProposal:
            return AgendaProposal(
                day_id,
                tuple(
                    (stored_id(stage.id), minutes)
                    for stage, minutes in zip(stages, choice.minutes, strict=True)
                    if minutes != stage.planned_minutes
                ),
                start=choice.start if choice.start != day.start_time else None,
                limit=choice.limit if choice.limit != limit else None,
            )

        return DayFit(options, tuple(proposal(c) for c in options.choices))

    def apply_fit(self, day_id: int, proposal: AgendaProposal) -> DayChange:
        """Applies a proposal's lengths, start and limit together, or none of them."""
        if proposal.day_id != day_id:
            raise AgendaInputError("This proposal was made for another day.")

        def work(s: DbSession) -> DayChange:
            change = agenda_edits.set_all_minutes(s, day_id, proposal.stage_minutes)
            if proposal.start is not None:
                agenda_edits.set_start(s, day_id, proposal.start)
            if proposal.limit is not None:
                agenda_edits.set_limit(s, day_id, proposal.limit)
            return change

        return self._edit(work)

    # Agenda templates

    def save_agenda_template(self, day_id: int, name: str, *, replace: bool = False) -> int:
        name = clean_field(name, "The template’s name")
        with self._db.session_scope() as s:
            return agenda_templates.save_template(s, day_id, name, replace=replace)

    def agenda_templates(self, kind: DayKind | None = None) -> list[TemplateSummary]:
        with self._db.session_scope() as s:
            return agenda_templates.list_templates(s, kind)

    def apply_agenda_template(self, day_id: int, template_id: int) -> DayChange:
        return self._edit(lambda s: agenda_templates.apply_template(s, day_id, template_id))

    def _edit(self, work: Callable[[DbSession], DayChange]) -> DayChange:
        with self._db.session_scope() as s:
            change = work(s)
        self.day_changed.emit(change.day_id)
        return change
