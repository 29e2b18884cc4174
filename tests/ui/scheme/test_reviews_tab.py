"""Choosing a review's team: the seed 001 PCTR table imported, a role chosen, who may join and
why not, adding and removing through the keys and menus, undo and redo, and the team check."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator.reviews.kinds import ReviewDraft, ReviewKind
from facilitator.reviews.team_rules import Role
from facilitator.reviews.vague_dates import parse_vague_date
from facilitator.workspace import Workspace
from tests.ui.scheme.conftest import PCTR, SAV, Coordinator, press
from ui.scheme.team_panel import TEAM_SOUND
from ui.scheme.window import SchemeWindow

CTRL, SHIFT, NONE = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.NoModifier,
)


def import_pctr(qtbot: QtBot, window: SchemeWindow, coordinator: Coordinator) -> None:
    coordinator.opens(PCTR)
    press(qtbot, window, Qt.Key.Key_I, CTRL | SHIFT)
    assert coordinator.warnings == []


def shown_candidates(window: SchemeWindow) -> list[tuple[str, str, str]]:
    """(Can join, name, why not) as the table shows them, top to bottom."""
    view = window.panel.candidates_view
    model = view.model()
    return [
        tuple(str(model.index(row, column).data()) for column in (0, 1, 3))  # type: ignore[misc]
        for row in range(model.rowCount())
    ]


def choose_candidate(window: SchemeWindow, name: str) -> None:
    view = window.panel.candidates_view
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == name)
    view.selectRow(row)
    view.setFocus()


def team(window: SchemeWindow) -> list[tuple[str, str]]:
    model = window.panel.team_model
    return [(model.index(r, 0).data(), model.index(r, 2).data()) for r in range(model.rowCount())]


def open_nottingham(
    qtbot: QtBot, window: SchemeWindow, coordinator: Coordinator, role: Role = Role.PCR_MEMBER
) -> None:
    import_pctr(qtbot, window, coordinator)
    assert window.tabs.currentWidget() is window.reviews_tab
    window.reviews_tab.table.selectRow(0)  # seed 001's first PCTR: Nottingham, 10-12 Aug 2015
    assert window.panel.review is not None
    assert window.panel.review.host == "Nottingham"
    window.panel.choose_role(role)


def test_the_seed_table_imports_with_ctrl_shift_i_and_lists_every_review(
    qtbot: QtBot, window: SchemeWindow, coordinator: Coordinator
) -> None:
    assert window.reviews_tab.model.rowCount() == 0
    window.tabs.setCurrentWidget(window.reviews_tab)
    assert window.reviews_tab.empty_label.isVisibleTo(window)

    import_pctr(qtbot, window, coordinator)
    coordinator.opens(SAV)
    press(qtbot, window, Qt.Key.Key_I, CTRL | SHIFT)

    model = window.reviews_tab.model
    rows = [tuple(model.index(r, c).data() for c in range(4)) for r in range(model.rowCount())]
    assert rows[0] == ("PCTR", "Nottingham", "10-12 Aug 2015", "Lesley")
    assert ("SAV MAX", "Northamptonshire", "May 2015") in [row[:3] for row in rows]
    assert not window.reviews_tab.empty_label.isVisibleTo(window)
    assert "Imported" in window.statusBar().currentMessage()


def test_a_review_shows_its_lines_of_enquiry_and_the_roles_its_kind_has(
    qtbot: QtBot, window: SchemeWindow, coordinator: Coordinator, pool: dict[str, int]
) -> None:
    open_nottingham(qtbot, window, coordinator)

    assert "Early intervention linking to social care" in window.reviews_tab.details.text()
    combo = window.panel.role_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "PCR team member",
        "data specialist",
    ]


def test_everyone_in_the_pool_is_a_candidate_yes_first_and_each_no_says_why(
    qtbot: QtBot, window: SchemeWindow, coordinator: Coordinator, pool: dict[str, int]
) -> None:
    open_nottingham(qtbot, window, coordinator)

    shown = shown_candidates(window)
    assert [verdict for verdict, _, _ in shown] == ["Yes", "Yes", "Yes", "No", "No"]
    assert [name for _, name, _ in shown[:3]] == ["Alex Example", "Bea Sample", "Cal Testperson"]
    why = dict((name, reasons) for _, name, reasons in shown)
    assert (
        "Nina Hostperson is from Nottingham, the authority under review." in why["Nina Hostperson"]
    )
    assert (
        "Dana Placeholder applied to be a PCR team member, but their DCS has not approved it."
        in why["Dana Placeholder"]
    )

    choose_candidate(window, "Nina Hostperson")
    assert "Nottingham, the authority under review" in window.panel.why_not.text()

    window.panel.choose_role(Role.DATA_SPECIALIST)
    verdicts = {name: verdict for verdict, name, _ in shown_candidates(window)}
    assert verdicts["Dana Placeholder"] == "Yes"
    assert verdicts["Alex Example"] == "No"


def test_the_candidates_sort_by_name_when_asked(
    qtbot: QtBot, window: SchemeWindow, coordinator: Coordinator, pool: dict[str, int]
) -> None:
    open_nottingham(qtbot, window, coordinator)

    window.panel.candidates_view.sortByColumn(1, Qt.SortOrder.DescendingOrder)

    names = [name for _, name, _ in shown_candidates(window)]
    assert names == sorted(names, reverse=True)


def test_ctrl_return_adds_a_yes_and_undo_and_redo_take_it_back_and_again(
    qtbot: QtBot,
    window: SchemeWindow,
    coordinator: Coordinator,
    pool: dict[str, int],
    workspace: Workspace,
) -> None:
    open_nottingham(qtbot, window, coordinator)
    assert "this team has 0" in window.panel.findings.text()
    choose_candidate(window, "Alex Example")

    press(qtbot, window, Qt.Key.Key_Return, CTRL)

    assert coordinator.questions == []  # a yes needs no confirming
    assert team(window) == [("Alex Example", "PCR team member")]
    assert "this team has 1" in window.panel.findings.text()
    assert window.reviews_tab.model.index(0, 4).data() == "1"
    verdicts = {name: (verdict, why) for verdict, name, why in shown_candidates(window)}
    assert verdicts["Alex Example"][0] == "No"
    assert "on this review's team already" in verdicts["Alex Example"][1]
    served = window.pool_tab.model.index(0, 6).data()
    assert served == "1 (last 10 Aug 2015)"

    press(qtbot, window, Qt.Key.Key_Z, CTRL)

    assert team(window) == []
    assert workspace.reviews.members(window.panel.review.id) == ()  # type: ignore[union-attr]
    assert workspace.pool.service(pool["Alex Example"]) == ()
    assert "this team has 0" in window.panel.findings.text()

    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)

    assert team(window) == [("Alex Example", "PCR team member")]
    assert len(workspace.pool.service(pool["Alex Example"])) == 1
    assert window.undo_action.isEnabled()
    assert not window.redo_action.isEnabled()


def test_adding_a_no_asks_first_naming_every_reason(
    qtbot: QtBot, window: SchemeWindow, coordinator: Coordinator, pool: dict[str, int]
) -> None:
    open_nottingham(qtbot, window, coordinator)
    choose_candidate(window, "Nina Hostperson")
    coordinator.answer = coordinator.answer.Cancel

    window.add_action.trigger()

    assert len(coordinator.questions) == 1
    assert (
        "Nina Hostperson is from Nottingham, the authority under review."
        in (coordinator.questions[0])
    )
    assert team(window) == []

    coordinator.answer = coordinator.answer.Yes
    window.panel.add_button.click()

    assert team(window) == [("Nina Hostperson", "PCR team member")]
    assert "Nina Hostperson is from Nottingham" in window.panel.findings.text()
    assert "although the scheme’s rules leave them out" in window.statusBar().currentMessage()


def test_delete_takes_a_member_off_after_asking_and_undo_puts_them_back(
    qtbot: QtBot,
    window: SchemeWindow,
    coordinator: Coordinator,
    pool: dict[str, int],
    workspace: Workspace,
) -> None:
    open_nottingham(qtbot, window, coordinator)
    choose_candidate(window, "Bea Sample")
    window.add_action.trigger()
    window.panel.team_view.selectRow(0)
    window.panel.team_view.setFocus()
    coordinator.answer = coordinator.answer.Cancel

    press(qtbot, window, Qt.Key.Key_Delete, NONE)

    assert "Take Bea Sample (PCR team member) off the team" in coordinator.questions[0]
    assert team(window) == [("Bea Sample", "PCR team member")]

    coordinator.answer = coordinator.answer.Yes
    press(qtbot, window, Qt.Key.Key_Delete, NONE)

    assert team(window) == []
    assert workspace.pool.service(pool["Bea Sample"]) == ()

    window.undo_action.trigger()

    assert team(window) == [("Bea Sample", "PCR team member")]
    assert len(workspace.pool.service(pool["Bea Sample"])) == 1


def test_the_team_check_says_when_the_team_meets_the_rules(
    qtbot: QtBot, window: SchemeWindow, coordinator: Coordinator, pool: dict[str, int]
) -> None:
    open_nottingham(qtbot, window, coordinator)
    for name in ("Alex Example", "Bea Sample", "Cal Testperson"):
        choose_candidate(window, name)
        window.add_action.trigger()
    assert "no data specialist" in window.panel.findings.text()

    window.panel.choose_role(Role.DATA_SPECIALIST)
    choose_candidate(window, "Dana Placeholder")
    window.add_action.trigger()

    assert coordinator.questions == []
    assert window.panel.findings.text() == TEAM_SOUND


def test_the_team_keys_do_nothing_on_the_pool_tab(
    qtbot: QtBot, window: SchemeWindow, coordinator: Coordinator, pool: dict[str, int]
) -> None:
    open_nottingham(qtbot, window, coordinator)
    choose_candidate(window, "Alex Example")
    assert window.add_action.isEnabled()

    window.tabs.setCurrentWidget(window.pool_tab)

    assert not window.add_action.isEnabled()
    assert not window.remove_action.isEnabled()


def test_a_refusal_from_the_reviews_service_is_shown_as_it_is_worded(
    qtbot: QtBot,
    window: SchemeWindow,
    coordinator: Coordinator,
    pool: dict[str, int],
    workspace: Workspace,
) -> None:
    (review,) = workspace.reviews.add_all(
        [ReviewDraft(ReviewKind.PCTR, "Northshire", parse_vague_date("TBC"))]
    )
    window.tabs.setCurrentWidget(window.reviews_tab)
    window.reviews_tab.choose(review.id)
    choose_candidate(window, "Bea Sample")

    window.add_action.trigger()

    assert len(coordinator.warnings) == 1
    assert "has no dates yet" in coordinator.warnings[0]
    assert team(window) == []
    assert not window.undo_action.isEnabled()
