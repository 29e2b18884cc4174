"""A fictional triad to explore the app with. Every name here is invented."""

from __future__ import annotations

import datetime as dt

from facilitator.capture.notes import Notebook
from facilitator.capture.outcome_route import OutcomeRoute
from facilitator.common.vocabulary import DayKind, DayMode, NoteTag, StageKind
from facilitator.planning.planner import AuthorityEntry, NewDay, Planner, TeamMember

DEMO_CYCLE = "Demo cycle 2026–2027"

DEMO_AUTHORITIES = (
    AuthorityEntry(
        "Ashvale",
        "AV",
        "Priya Ellwood",
        (
            TeamMember("Marcus Thorne", "Assistant Director, Children’s Social Care"),
            TeamMember("Jo Whitlock", "Head of Quality Assurance"),
        ),
    ),
    AuthorityEntry(
        "Brackenmoor",
        "BM",
        "Tom Hallworth",
        (
            TeamMember("Aisha Karim", "Assistant Director, Education and SEND"),
            TeamMember("Rhys Penhale", "Principal Social Worker"),
        ),
    ),
    AuthorityEntry(
        "Corriford",
        "CF",
        "Grace Adeyemi-Lowe",
        (
            TeamMember("Hannah Oduya", "Assistant Director, Early Help"),
            TeamMember("Callum Brierley", "Head of Performance and Insight"),
        ),
    ),
)

# (stage kind, tag, authority index or None, text) for the first presenter, Ashvale.
DEMO_NOTES: tuple[tuple[StageKind, NoteTag, int | None, str], ...] = (
    (StageKind.PRESENTATION, NoteTag.RISK, 0, "Turnover in senior leadership"),
    (StageKind.PRESENTATION, NoteTag.RISK, 0, "Budget pressure in placements"),
    (
        StageKind.PRESENTATION,
        NoteTag.NOTE,
        0,
        "Two new assistant directors since the summer; the front door was redesigned in May.",
    ),
    (
        StageKind.QUESTIONING,
        NoteTag.QUESTION,
        1,
        "How stable is the leadership at top, middle and front line levels?",
    ),
    (
        StageKind.QUESTIONING,
        NoteTag.NOTE,
        0,
        "Two interim heads of service this year; permanent recruitment closes in March.",
    ),
    (
        StageKind.AFFIRMATION,
        NoteTag.STRENGTH,
        1,
        "A candid self-assessment that names its own weak spots.",
    ),
    (
        StageKind.AFFIRMATION,
        NoteTag.STRENGTH,
        2,
        "Strong voice of children in the corporate parenting board.",
    ),
    (
        StageKind.INSIGHTS,
        NoteTag.INSIGHT,
        None,
        "The story assumes the budget is fixed; the corporate centre may see it otherwise.",
    ),
    (
        StageKind.INSIGHTS,
        NoteTag.BEST_PRACTICE,
        None,
        "Practice weeks where senior leaders shadow front-line teams.",
    ),
    (
        StageKind.REFLECTION,
        NoteTag.ACTION,
        0,
        "Test the placement sufficiency plan with the lead member before Easter.",
    ),
    (
        StageKind.REFLECTION,
        NoteTag.ASK,
        0,
        "Support to set up a regional fostering recruitment hub.",
    ),
    (
        StageKind.REFLECTION,
        NoteTag.OFFER,
        0,
        "Our practice-week model, with its audit tool.",
    ),
)


def create_demo_day(planner: Planner, notebook: Notebook, route: OutcomeRoute | None = None) -> int:
    """Creates the demo triad with notes in its first session and returns the day's id.

    With `route`, the focus risks, action, ask and offer become those items, as typed in the
    console they would; without it they stay tagged bullets, as files before version 4 kept
    them."""
    day_id = planner.create_day(
        NewDay(
            date=dt.date(2027, 1, 18),
            kind=DayKind.TRIAD,
            mode=DayMode.FACE_TO_FACE,
            authorities=DEMO_AUTHORITIES,
            venue="Riverside Conference Centre, Room 2",
            facilitator="Sam Okafor",
            cycle_name=DEMO_CYCLE,
            number=1,
        )
    )
    plan = planner.day_plan(day_id)
    authority_ids = [p.authority_id for p in plan.participants]
    first_presenter = plan.participants[0].name
    stage_ids = {
        stage.kind: stage.id for stage in plan.stages if stage.presenter == first_presenter
    }
    for kind, tag, who, text in DEMO_NOTES:
        note = notebook.add(
            stage_ids[kind],
            text,
            tag,
            authority_id=authority_ids[who] if who is not None else None,
        )
        if route is not None and note is not None:
            route.route(note)
    return day_id
