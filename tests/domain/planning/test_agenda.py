from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import facilitator.planning.agenda_templates  # noqa: F401  (registers its table before create_all)
from facilitator.common.vocabulary import DayKind, DayMode, StageKind
from facilitator.planning.agenda import clock_times, default_agenda, describe_minutes
from facilitator.planning.agenda_fit import FitItem, fit_to_limit, shorten_proportionally
from facilitator.planning.planner import AgendaInputError, AuthorityEntry, NewDay
from facilitator.workspace import Workspace

# The handbook's timetable as printed: each time and what happens from then. Its rows at
# 11.40, 14.25 and 16.40 hold affirmation (5 minutes) then insights (15) together.
HANDBOOK: list[tuple[str, set[StageKind]]] = [
    ("10.00", {StageKind.INTRODUCTIONS}),
    ("10.15", {StageKind.PRESENTATION}),
    ("10.30", {StageKind.QUESTIONING}),
    ("11.40", {StageKind.AFFIRMATION, StageKind.INSIGHTS}),
    ("12.00", {StageKind.REACTION}),
    ("12.10", {StageKind.REFLECTION}),
    ("12.20", {StageKind.LUNCH}),
    ("13.00", {StageKind.PRESENTATION}),
    ("13.15", {StageKind.QUESTIONING}),
    ("14.25", {StageKind.AFFIRMATION, StageKind.INSIGHTS}),
    ("14.45", {StageKind.REACTION}),
    ("14.55", {StageKind.REFLECTION}),
    ("15.05", {StageKind.TEA}),
    ("15.15", {StageKind.PRESENTATION}),
    ("15.30", {StageKind.QUESTIONING}),
    ("16.40", {StageKind.AFFIRMATION, StageKind.INSIGHTS}),
    ("17.00", {StageKind.REACTION}),
    ("17.10", {StageKind.REFLECTION}),
    ("17.20", {StageKind.PLENARY}),
]
SESSION = [StageKind.PRESENTATION, StageKind.QUESTIONING, StageKind.AFFIRMATION]
SESSION += [StageKind.INSIGHTS, StageKind.REACTION, StageKind.REFLECTION]


def minute(text: str) -> int:
    hours, minutes = text.split(".")
    return int(hours) * 60 + int(minutes)


def new_day(kind: DayKind = DayKind.TRIAD, mode: DayMode = DayMode.FACE_TO_FACE) -> NewDay:
    names = ["Upton", "Lowmoor", "Isle of Wren", "Redbank"][: kind.authority_count]
    return NewDay(
        date=dt.date(2027, 2, 1),
        kind=kind,
        mode=mode,
        authorities=tuple(AuthorityEntry(name) for name in names),
    )


def test_the_default_triad_is_the_handbooks_timetable_minute_by_minute() -> None:
    items = default_agenda(3)
    times = clock_times(dt.time(10), [i.minutes for i in items])
    starts = [minute(t.strftime("%H.%M")) for t in times]
    handbook_starts = [minute(t) for t, _ in HANDBOOK]

    for now in range(minute("10.00"), minute("17.35")):
        ours = items[max(i for i in range(len(items)) if starts[i] <= now)].kind
        theirs = HANDBOOK[max(i for i in range(len(HANDBOOK)) if handbook_starts[i] <= now)][1]
        assert ours in theirs, f"at {now // 60}.{now % 60:02d}"
    assert set(handbook_starts) <= set(starts)
    assert starts[-1] == minute("17.35")
    assert sum(i.minutes for i in items if i.session_index == 0) == 125


def test_the_default_quartet_has_three_breaks_and_runs_to_1950() -> None:
    items = default_agenda(4, DayMode.FACE_TO_FACE)
    kinds = [i.kind for i in items]

    assert kinds == [
        StageKind.INTRODUCTIONS,
        *SESSION,
        StageKind.LUNCH,
        *SESSION,
        StageKind.TEA,
        *SESSION,
        StageKind.TEA,
        *SESSION,
        StageKind.PLENARY,
    ]
    assert [i.minutes for i in items if i.kind.is_break] == [40, 10, 10]
    assert clock_times(dt.time(10), [i.minutes for i in items])[-1] == dt.time(19, 50)
    virtual = [i.kind for i in default_agenda(4, DayMode.VIRTUAL) if i.kind.is_break]
    assert virtual == [StageKind.LUNCH, StageKind.TEA, StageKind.SCREEN_BREAK]


def test_a_quartet_past_its_limit_is_warned_and_offered_three_ways_to_fit(
    workspace: Workspace,
) -> None:
    planner = workspace.planner
    day_id = planner.create_day(new_day(DayKind.QUARTET))
    assert planner.day_plan(day_id).finish_warning == ""

    planner.set_finish_limit(day_id, dt.time(17, 35))
    plan = planner.day_plan(day_id)
    fit = planner.fit_options(day_id)

    assert plan.finish == dt.time(19, 50)
    assert plan.overrun_minutes == 135
    assert plan.finish_warning == (
        "The day finishes at 19.50, 2 hours 15 minutes after the limit of 17.35."
    )
    assert fit is not None
    assert fit.options.earlier_start == dt.time(7, 45)
    assert fit.options.finish_later == dt.time(19, 50)
    assert fit.options.impossible == ""
    assert fit.shortening is not None

    planner.apply_fit(day_id, fit.shortening)
    plan = planner.day_plan(day_id)

    assert plan.finish == dt.time(17, 35)
    assert plan.finish_warning == ""
    assert planner.fit_options(day_id) is None
    sessions = [
        [s.planned_minutes for s in plan.stages if s.session_id == sid]
        for sid in dict.fromkeys(s.session_id for s in plan.stages if s.session_id)
    ]
    # Each session stage × 365/500; the 13 minutes lost to rounding go back to the largest
    # fractions (presentation and insights .95, affirmation .65, then the first reaction .3).
    assert sessions == [
        [11, 51, 4, 11, 8, 7],
        [11, 51, 4, 11, 7, 7],
        [11, 51, 4, 11, 7, 7],
        [11, 51, 4, 11, 7, 7],
    ]
    assert [s.planned_minutes for s in plan.stages if s.session_id is None] == [15, 40, 10, 10, 15]


def test_proportional_shortening_rounds_the_quartet_exactly() -> None:
    items = [FitItem(i.minutes, i.min_minutes, i.kind) for i in default_agenda(4)]
    shortened = shorten_proportionally(items, 135)

    assert shortened is not None
    assert sum(shortened) == sum(i.minutes for i in items) - 135
    # 500 session minutes to 365: each stage × 0.73, e.g. presentation 10.95 → 11.
    assert shortened[1:7] == (11, 51, 4, 11, 8, 7)


def test_a_stage_at_its_minimum_passes_the_rest_of_the_cut_to_the_others() -> None:
    items = [
        FitItem(15, 10, StageKind.PRESENTATION),
        FitItem(40, 40, StageKind.LUNCH),
        FitItem(70, 30, StageKind.QUESTIONING),
        FitItem(5, 3, StageKind.AFFIRMATION),
    ]
    # 90 session minutes to 50: at 5/9 presentation (8.3) and affirmation (2.8) would
    # fall below their minimums, so they stop there and questioning gives the rest.
    assert shorten_proportionally(items, 40) == (10, 40, 37, 3)
    assert shorten_proportionally(items, 47) == (10, 40, 30, 3)
    assert shorten_proportionally(items, 48) is None


def test_an_impossible_limit_is_reported_with_the_earliest_possible_finish() -> None:
    items = [FitItem(i.minutes, i.min_minutes, i.kind) for i in default_agenda(3)]
    options = fit_to_limit(items, dt.time(10), dt.time(14))

    assert options is not None
    assert options.shortened is None
    # 15 + 3 × 63 + 40 + 10 + 15 = 269 minutes: introductions, breaks and plenary stay.
    assert options.shortest_finish == dt.time(14, 29)
    assert options.impossible == (
        "Even at every stage’s minimum the day ends at 14.29, after the limit of 14.00."
    )
    assert fit_to_limit(items, dt.time(10), dt.time(17, 35)) is None


fit_items = st.lists(
    st.tuples(st.integers(1, 120), st.integers(0, 120), st.sampled_from(list(StageKind))).map(
        lambda t: FitItem(t[0], t[1], t[2])
    ),
    min_size=1,
    max_size=30,
)


@given(items=fit_items, cut=st.integers(1, 600))
def test_shortening_hits_the_target_exactly_and_respects_every_minimum(
    items: list[FitItem], cut: int
) -> None:
    result = shorten_proportionally(items, cut)
    shrinkable = [i for i in items if i.can_shrink]
    if sum(i.minutes for i in shrinkable) - cut < sum(i.floor for i in shrinkable):
        assert result is None
        return
    assert result is not None
    assert sum(result) == sum(i.minutes for i in items) - cut
    for item, minutes in zip(items, result, strict=True):
        if item.can_shrink:
            assert item.floor <= minutes <= item.minutes
        else:
            assert minutes == item.minutes
    assert shorten_proportionally(items, cut) == result


def test_stage_lengths_start_time_and_breaks_are_editable(workspace: Workspace) -> None:
    planner = workspace.planner
    announced: list[int] = []
    planner.day_changed.connect(announced.append)
    day_id = planner.create_day(new_day())
    stages = planner.day_plan(day_id).stages
    questioning = next(s for s in stages if s.kind is StageKind.QUESTIONING)

    change = planner.set_stage_minutes(questioning.id, 20)
    assert change.notices == (
        "Questioning: strengths and signatures of risk is now 20 minutes, below its usual "
        "minimum of 30.",
    )
    planner.set_start_time(day_id, dt.time(9, 30))
    planner.add_screen_break(day_id, questioning.id, 10)
    plan = planner.day_plan(day_id)

    kinds = [s.kind for s in plan.stages]
    assert kinds[kinds.index(StageKind.QUESTIONING) + 1] is StageKind.SCREEN_BREAK
    assert plan.start == dt.time(9, 30)
    assert plan.finish == dt.time(16, 25)  # 455 minutes - 50 + 10, from 9.30
    assert announced == [day_id] * 4

    lunch = next(s for s in plan.stages if s.kind is StageKind.LUNCH)
    planner.remove_break(lunch.id)
    assert StageKind.LUNCH not in [s.kind for s in planner.day_plan(day_id).stages]
    with pytest.raises(AgendaInputError, match="Only breaks can be removed"):
        planner.remove_break(questioning.id)
    with pytest.raises(AgendaInputError, match="between 1 and"):
        planner.set_stage_minutes(questioning.id, 0)


def test_a_virtual_day_offers_a_screen_break_in_each_long_session(workspace: Workspace) -> None:
    planner = workspace.planner
    face_to_face = planner.create_day(new_day())
    virtual = planner.create_day(new_day(mode=DayMode.VIRTUAL))
    assert planner.day_plan(face_to_face).screen_break_offers == ()

    offers = planner.day_plan(virtual).screen_break_offers
    assert len(offers) == 3
    assert offers[0].text == (
        "A screen break after Upton’s questioning: without one, people are on screen for "
        "2 hours 20 minutes without a pause."
    )

    planner.add_screen_break(virtual, offers[0].after_stage_id)
    after = planner.day_plan(virtual).screen_break_offers
    assert [o.after_stage_id for o in after] == [o.after_stage_id for o in offers[1:]]


def test_an_agenda_template_is_saved_listed_and_applied_to_a_day_of_the_same_kind(
    workspace: Workspace,
) -> None:
    planner = workspace.planner
    source = planner.create_day(new_day())
    target = planner.create_day(new_day())
    quartet = planner.create_day(new_day(DayKind.QUARTET))
    questioning = next(
        s for s in planner.day_plan(source).stages if s.kind is StageKind.QUESTIONING
    )
    planner.set_stage_minutes(questioning.id, 60)
    planner.add_screen_break(source, questioning.id, 5)
    planner.set_start_time(source, dt.time(9, 45))
    first_of_target = planner.day_plan(target).stages[1]
    workspace.notebook.add(first_of_target.id, "Kept through the change")

    template_id = planner.save_agenda_template(source, "Short first questioning")
    [saved] = planner.agenda_templates(DayKind.TRIAD)
    planner.apply_agenda_template(target, template_id)

    assert saved.description == "Triad, 09.45 to 17.15"
    assert planner.agenda_templates(DayKind.QUARTET) == []
    shape = [(s.kind, s.planned_minutes, s.starts) for s in planner.day_plan(source).stages]
    applied = planner.day_plan(target)
    assert [(s.kind, s.planned_minutes, s.starts) for s in applied.stages] == shape
    assert workspace.notebook.for_stage(first_of_target.id)[0].text == "Kept through the change"
    with pytest.raises(AgendaInputError, match="is a triad agenda; this day is a quartet"):
        planner.apply_agenda_template(quartet, template_id)
    with pytest.raises(AgendaInputError, match="already exists"):
        planner.save_agenda_template(target, "Short first questioning")


@pytest.mark.parametrize(
    ("minutes", "words"),
    [(1, "1 minute"), (45, "45 minutes"), (60, "1 hour"), (135, "2 hours 15 minutes")],
)
def test_durations_are_described_as_people_say_them(minutes: int, words: str) -> None:
    assert describe_minutes(minutes) == words
