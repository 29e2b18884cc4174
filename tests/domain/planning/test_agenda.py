from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import facilitator.planning.agenda_templates  # noqa: F401  (registers its table before create_all)
from facilitator.common.vocabulary import DayKind, DayMode, StageKind
from facilitator.planning.agenda import (
    DEFAULT_FINISH_LIMIT,
    clock_times,
    default_agenda,
    describe_minutes,
    handbook_agenda,
)
from facilitator.planning.agenda_fit import (
    EARLIEST_START,
    FitItem,
    FitWay,
    fit_to_limit,
    shorten_proportionally,
)
from facilitator.planning.planner import AgendaInputError, AuthorityEntry, NewDay
from facilitator.storage.models import Day
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


@pytest.mark.parametrize("mode", list(DayMode))
def test_the_quartet_template_fits_a_working_day(mode: DayMode) -> None:
    items = default_agenda(4, mode)
    times = clock_times(dt.time(9), [i.minutes for i in items])
    kinds = [i.kind for i in items]
    pause = StageKind.SCREEN_BREAK if mode is DayMode.VIRTUAL else StageKind.TEA

    assert kinds == [
        StageKind.INTRODUCTIONS,
        *SESSION,
        pause,
        *SESSION,
        StageKind.LUNCH,
        *SESSION,
        StageKind.TEA,
        *SESSION,
        StageKind.PLENARY,
    ]
    assert times[-1] <= DEFAULT_FINISH_LIMIT
    assert times[-1] == dt.time(17, 35)
    assert all(i.minutes >= i.min_minutes for i in items)
    assert all(t.minute % 5 == 0 for t in times)
    assert [sum(i.minutes for i in items if i.session_index == n) for n in range(4)] == [110] * 4
    lunch = times[kinds.index(StageKind.LUNCH)]
    assert dt.time(12) <= lunch <= dt.time(13, 30)


def test_a_new_quartet_starts_at_0900_and_ends_by_its_1735_limit(workspace: Workspace) -> None:
    planner = workspace.planner
    day_id = planner.create_day(new_day(DayKind.QUARTET))
    plan = planner.day_plan(day_id)

    assert (plan.start, plan.finish, plan.finish_limit) == (
        dt.time(9),
        dt.time(17, 35),
        dt.time(17, 35),
    )
    assert plan.finish_warning == ""
    assert planner.fit_options(day_id) is None
    [built_in] = planner.agenda_templates(DayKind.QUARTET)
    assert built_in.description == "Quartet, 09.00 to 17.35"


def test_every_new_day_has_a_1735_limit_and_a_day_stored_without_one_reads_so(
    workspace: Workspace,
) -> None:
    planner = workspace.planner
    day_id = planner.create_day(new_day())
    assert planner.day_plan(day_id).finish_limit == dt.time(17, 35)
    with workspace.db.session_scope() as s:
        assert s.get(Day, day_id).finish_limit == dt.time(17, 35)  # type: ignore[union-attr]

    planner.set_finish_limit(day_id, None)  # as a day saved before limits were on
    planner.set_start_time(day_id, dt.time(10, 30))
    plan = planner.day_plan(day_id)
    assert plan.finish_limit == dt.time(17, 35)
    assert plan.finish_warning == (
        "The day finishes at 18.05, 30 minutes after the limit of 17.35."
    )
    assert planner.fit_options(day_id) is not None


def handbook_quartet() -> list[FitItem]:
    """The quartet as the handbook's triad stretched: 10.00 to 19.50 (issue 13)."""
    return [FitItem(i.minutes, i.min_minutes, i.kind) for i in handbook_agenda(4)]


def test_the_handbook_quartet_is_offered_what_a_facilitator_would_do() -> None:
    items = handbook_quartet()
    options = fit_to_limit(items, dt.time(10), dt.time(17, 35))

    assert options is not None
    assert (
        options.warning == "The day finishes at 19.50, 2 hours 15 minutes after the limit of 17.35."
    )
    ways = [c.way for c in options.choices]
    # 07.45 would be needed: too early, so starting earlier is offered only with trimming.
    assert ways == [FitWay.TRIM, FitWay.EARLIER_AND_TRIM, FitWay.FINISH_LATER]
    trim = options.choice(FitWay.TRIM)
    both = options.choice(FitWay.EARLIER_AND_TRIM)
    assert trim is not None
    assert both is not None
    assert (trim.start, trim.finish) == (dt.time(10), dt.time(17, 35))
    assert (both.start, both.finish) == (EARLIEST_START, dt.time(17, 25))
    questioning = [
        m for i, m in zip(items, trim.minutes, strict=True) if i.kind is StageKind.QUESTIONING
    ]
    assert questioning == [40] * 4
    assert [
        m for i, m in zip(items, both.minutes, strict=True) if i.kind is StageKind.QUESTIONING
    ] == [60] * 4


@pytest.mark.parametrize(
    ("start", "limit"),
    [
        (dt.time(10), dt.time(17)),
        (dt.time(9), dt.time(16)),
        (dt.time(9, 47), dt.time(16, 50)),
        (dt.time(10), dt.time(15, 30)),
        (dt.time(8, 50), dt.time(15, 45)),
        (dt.time(10, 30), dt.time(17, 35)),
    ],
)
@pytest.mark.parametrize("sessions", [3, 4])
def test_every_fit_choice_is_on_five_minute_marks_not_before_0830_breaks_then_questioning_first(
    start: dt.time, limit: dt.time, sessions: int
) -> None:
    items = [FitItem(i.minutes, i.min_minutes, i.kind) for i in handbook_agenda(sessions)]
    options = fit_to_limit(items, start, limit)
    assert options is not None
    assert options.choices[-1].way is FitWay.FINISH_LATER
    for choice in options.choices:
        assert all(t.minute % 5 == 0 for t in choice.times), choice.title
        assert choice.start >= EARLIEST_START or choice.start == start.replace(
            minute=start.minute // 5 * 5
        )
        assert choice.start <= start
        if choice.way is FitWay.FINISH_LATER:
            continue
        assert choice.finish <= limit, choice.title
        assert choice.start >= EARLIEST_START
        after = list(zip(items, choice.minutes, strict=True))
        assert all(m >= i.min_minutes for i, m in after)
        assert all(m == i.minutes for i, m in after if not (i.can_shrink or i.kind.is_break))
        trimmed = [i.kind for i, m in after if i.can_shrink and m < i.minutes]
        if trimmed:
            # Stages shrink only once every break is at its minimum, questioning first.
            assert all(m == max(5, i.min_minutes) for i, m in after if i.kind.is_break)
            assert StageKind.QUESTIONING in trimmed
            if set(trimmed) != {StageKind.QUESTIONING}:
                assert all(m == 30 for i, m in after if i.kind is StageKind.QUESTIONING)


def test_proportional_shortening_rounds_the_quartet_exactly() -> None:
    items = handbook_quartet()
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
    options = fit_to_limit(items, dt.time(8, 30), dt.time(12, 30))

    assert options is not None
    # 15 + 3 × 65 + 30 + 10 + 15 = 265 minutes: each stage and break at its minimum on a
    # five-minute mark (affirmation 5, not 3); introductions and plenary stay.
    assert options.shortest_finish == dt.time(12, 55)
    assert [c.way for c in options.choices] == [FitWay.FINISH_LATER]
    assert options.impossible == (
        "Even with every break and stage at its minimum the day ends at 12.55, "
        "after the limit of 12.30."
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
    assert [t.name for t in planner.agenda_templates(DayKind.QUARTET)] == [
        "Quartet in a working day (built in)"
    ]
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
