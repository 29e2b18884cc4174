from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from facilitator.common.vocabulary import DayKind, DayMode, NoteTag, StageKind
from facilitator.demo import create_demo_day
from facilitator.live.turns import TurnView, turn_order
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.planning.planner import AuthorityEntry, NewDay
from facilitator.workspace import Workspace


def sessions_by_presenter(workspace: Workspace, day_id: int) -> dict[str, int]:
    return {i.authority_name: i.session_id for i in presenting_sessions(workspace.db, day_id)}


def names(view: TurnView) -> list[str]:
    return [name for _, name in view.order]


@pytest.fixture
def triad(workspace: Workspace) -> dict[str, int]:
    return sessions_by_presenter(workspace, create_demo_day(workspace.planner, workspace.notebook))


def quartet_day(workspace: Workspace) -> int:
    """Avon, Brent, Cleve, Dorset, with lead reviewers not simply the next to present."""
    reviews = {"Avon": "Cleve", "Brent": "Dorset", "Cleve": "Brent", "Dorset": "Avon"}
    return workspace.planner.create_day(
        NewDay(
            date=dt.date(2027, 2, 1),
            kind=DayKind.QUARTET,
            mode=DayMode.FACE_TO_FACE,
            authorities=tuple(
                AuthorityEntry(name, dcs_name=f"DCS of {name}", reviews=reviewed)
                for name, reviewed in reviews.items()
            ),
        )
    )


@pytest.mark.parametrize(
    ("presenter", "expected"),
    [
        ("Ashvale", ["Brackenmoor", "Corriford"]),
        ("Brackenmoor", ["Corriford", "Ashvale"]),
        ("Corriford", ["Ashvale", "Brackenmoor"]),
    ],
)
def test_in_a_triad_the_lead_reviewer_asks_first(
    workspace: Workspace, triad: dict[str, int], presenter: str, expected: list[str]
) -> None:
    view = workspace.turns.current(triad[presenter])

    assert names(view) == expected
    assert (view.authority_name, view.index) == (expected[0], 0)


@pytest.mark.parametrize(
    ("presenter", "expected"),
    [
        ("Avon", ["Dorset", "Brent", "Cleve"]),
        ("Brent", ["Cleve", "Dorset", "Avon"]),
        ("Cleve", ["Avon", "Brent", "Dorset"]),
        ("Dorset", ["Brent", "Cleve", "Avon"]),
    ],
)
def test_in_a_quartet_turns_run_on_from_the_lead_reviewer_in_presenting_order(
    workspace: Workspace, presenter: str, expected: list[str]
) -> None:
    sessions = sessions_by_presenter(workspace, quartet_day(workspace))

    assert names(workspace.turns.current(sessions[presenter])) == expected


def test_without_a_lead_reviewer_the_next_presenter_starts(workspace: Workspace) -> None:
    day_id = quartet_day(workspace)
    ids = {p.name: p.authority_id for p in workspace.planner.day_plan(day_id).participants}
    workspace.planner.set_lead_reviewers(day_id, {ids["Dorset"]: None})  # nobody leads Avon's

    avon = sessions_by_presenter(workspace, day_id)["Avon"]

    assert names(workspace.turns.current(avon)) == ["Brent", "Cleve", "Dorset"]


def test_next_and_previous_wrap_and_announce(workspace: Workspace) -> None:
    avon = sessions_by_presenter(workspace, quartet_day(workspace))["Avon"]
    touched: list[int] = []
    workspace.turns.changed.connect(touched.append)

    seen = [workspace.turns.next(avon).authority_name for _ in range(4)]
    assert seen == ["Brent", "Cleve", "Dorset", "Brent"]
    back = [workspace.turns.previous(avon).authority_name for _ in range(3)]
    assert back == ["Dorset", "Cleve", "Brent"]
    assert workspace.turns.current(avon).index == 1
    assert touched == [avon] * 7


def test_each_session_keeps_its_own_turn(workspace: Workspace, triad: dict[str, int]) -> None:
    workspace.turns.next(triad["Ashvale"])

    assert workspace.turns.current(triad["Ashvale"]).authority_name == "Corriford"
    assert workspace.turns.current(triad["Brackenmoor"]).authority_name == "Corriford"
    assert workspace.turns.current(triad["Corriford"]).authority_name == "Ashvale"


def test_questions_are_counted_from_asked_questions_and_question_notes(
    workspace: Workspace, triad: dict[str, int]
) -> None:
    session = triad["Ashvale"]
    day_id = workspace.planner.list_days()[0].id
    plan = workspace.planner.day_plan(day_id)
    ashvale, brackenmoor, corriford = (p.authority_id for p in plan.participants)
    questioning = next(
        s.id for s in plan.stages if s.session_id == session and s.kind is StageKind.QUESTIONING
    )
    # The demo already holds one question note from Brackenmoor in this session.
    bank = workspace.bank.bank()
    workspace.questions.mark_asked(session, bank.question("budget-02"), authority_id=corriford)
    workspace.notebook.add(
        questioning, "How do you know?", NoteTag.QUESTION, authority_id=corriford
    )
    workspace.notebook.add(
        questioning, "And the board?", NoteTag.QUESTION, authority_id=brackenmoor
    )
    workspace.notebook.add(
        questioning, "A noted question", NoteTag.QUESTION, authority_id=corriford
    )
    workspace.notebook.add(questioning, "Not a question", NoteTag.NOTE, authority_id=corriford)
    # The same bank question noted by the authority that asked it is one question, not two.
    workspace.notebook.add(
        questioning, "Budget", NoteTag.QUESTION, authority_id=corriford, question_id="budget-02"
    )
    elsewhere = triad["Brackenmoor"]
    workspace.questions.mark_asked(elsewhere, bank.question("budget-01"), authority_id=corriford)
    workspace.questions.mark_asked(session, bank.question("budget-01"), authority_id=ashvale)

    counts = workspace.turns.current(session).questions_by_authority

    assert counts == {brackenmoor: 2, corriford: 3}


def test_the_turn_survives_closing_the_data_file(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    first = Workspace.open(path)
    day_id = create_demo_day(first.planner, first.notebook)
    session = sessions_by_presenter(first, day_id)["Corriford"]
    first.turns.next(session)
    first.close()

    second = Workspace.open(path)
    try:
        assert second.turns.current(session).authority_name == "Brackenmoor"
    finally:
        second.close()


def test_turn_order_as_a_pure_rule() -> None:
    order = [10, 20, 30, 40]
    assert turn_order(order, {40: 10}, 10) == [40, 20, 30]
    assert turn_order(order, {}, 30) == [40, 10, 20]
    assert turn_order(order, {30: 30}, 30) == [40, 10, 20]  # reviewing oneself does not count
    with pytest.raises(ValueError, match="not one of the day’s authorities"):
        turn_order(order, {}, 50)


def test_an_authority_sharing_the_presenters_dcs_takes_no_turn(workspace: Workspace) -> None:
    """The handbook's quartet: Hampshire and Isle of Wight share one DCS, who must not
    question their own other authority."""
    day_id = workspace.planner.create_day(
        NewDay(
            date=dt.date(2027, 2, 8),
            kind=DayKind.QUARTET,
            mode=DayMode.FACE_TO_FACE,
            authorities=(
                AuthorityEntry("Hampshire", dcs_name="Morgan Vale", reviews="Surrey"),
                AuthorityEntry("Isle of Wight", dcs_name="Morgan Vale", reviews="Kent"),
                AuthorityEntry("Surrey", dcs_name="Ira Bell", reviews="Isle of Wight"),
                AuthorityEntry("Kent", dcs_name="Noor Hale", reviews="Hampshire"),
            ),
        )
    )
    sessions = sessions_by_presenter(workspace, day_id)

    assert names(workspace.turns.current(sessions["Hampshire"])) == ["Kent", "Surrey"]
    assert names(workspace.turns.current(sessions["Isle of Wight"])) == ["Surrey", "Kent"]
    assert "Hampshire" in names(workspace.turns.current(sessions["Surrey"]))


def test_turn_order_leaves_out_the_presenters_own_dcs() -> None:
    assert turn_order([10, 20, 30, 40], {20: 10}, 10, same_dcs=[10, 20]) == [30, 40]
