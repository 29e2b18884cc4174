"""The pool tab: everyone in the pool with their approvals and service, the chosen person's
entry and history, the empty state, and importing the expression-of-interest CSV all or
nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.workspace import Workspace
from tests.ui.scheme.conftest import Coordinator, person, press
from ui.scheme.pool_tab import EMPTY_TEXT
from ui.scheme.window import TITLE, SchemeWindow

HEADER = "Name,Local authority,Current position,Roles applied,Roles approved,Training attended\n"
GOOD = (
    "Olly Invented,Northshire,Assistant Director,PCR team member,PCR team member,"
    '"PCR training, 12/01/2015"\n'
    "Pat Madeup,Southshire,Head of Service,SAV team member,,\n"
)
# Row 2 approves a role not applied for; row 3 has no authority.
BAD = (
    "Olly Invented,Northshire,Assistant Director,PCR team member,PCR team member,\n"
    "Quin Notreal,Eastshire,Head of Service,SAV team member,PCR team member,\n"
    "Rae Pretend,,Head of Service,,,\n"
)


def rows(window: SchemeWindow) -> list[list[str]]:
    model = window.pool_tab.model
    return [[model.index(r, c).data() for c in range(7)] for r in range(model.rowCount())]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pool.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_window_opens_on_an_empty_pool_saying_what_to_do(window: SchemeWindow) -> None:
    assert window.windowTitle() == TITLE == "Regional scheme — Balcony"
    assert [window.tabs.tabText(i) for i in range(2)] == ["&Pool", "&Reviews"]
    assert window.pool_tab.empty_label.isVisible()
    assert window.pool_tab.empty_label.text() == EMPTY_TEXT
    assert EMPTY_TEXT.startswith("No one is in the pool yet. Import the expression-of-interest")


def test_everyone_in_the_pool_is_listed_and_the_chosen_one_shows_their_history(
    window: SchemeWindow, workspace: Workspace, pool: dict[str, int]
) -> None:
    workspace.pool.record_service(pool["Bea Sample"], "SAV of Westshire", dt.date(2015, 2, 3))

    listed = rows(window)
    assert listed[0] == [
        "Alex Example",
        "Northshire",
        "Head of Service",
        "PCR team member",
        "Family Support; Safeguarding",
        "Yes",
        "None",
    ]
    assert listed[1][6] == "1 (last 3 Feb 2015)"
    assert not window.pool_tab.empty_label.isVisible()

    window.pool_tab.table.selectRow(1)

    details = window.pool_tab.details.toPlainText()
    assert "Bea Sample" in details
    assert "3 Feb 2015: SAV of Westshire" in details
    window.pool_tab.table.selectRow(0)
    assert "No reviews served yet." in window.pool_tab.details.toPlainText()


def test_someone_added_elsewhere_appears_at_once(
    window: SchemeWindow, workspace: Workspace, pool: dict[str, int]
) -> None:
    workspace.pool.add(person("Aaron Elsewhere", "Midtown"))

    assert rows(window)[0][0] == "Aaron Elsewhere"
    assert window.pool_tab.count_label.text() == "6 people in the pool"


def test_ctrl_i_imports_a_good_file_and_lists_the_people(
    qtbot: QtBot, window: SchemeWindow, coordinator: Coordinator, tmp_path: Path
) -> None:
    coordinator.opens(write(tmp_path, HEADER + GOOD))

    press(qtbot, window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)

    assert coordinator.warnings == []
    assert [row[0] for row in rows(window)] == ["Olly Invented", "Pat Madeup"]
    assert rows(window)[1][3] == "Not approved yet"
    assert window.statusBar().currentMessage() == "Imported 2 people into the pool."


def test_a_file_with_bad_rows_imports_nobody_and_lists_each_problem(
    window: SchemeWindow, coordinator: Coordinator, workspace: Workspace, tmp_path: Path
) -> None:
    coordinator.opens(write(tmp_path, HEADER + BAD))

    window.pool_tab.import_button.click()

    assert workspace.pool.people() == ()
    assert rows(window) == []
    assert window.pool_tab.empty_label.isVisible()
    (message,) = coordinator.warnings
    assert message.startswith("Nothing was imported: 2 problems in pool.csv.")
    assert "• Row 3, Roles approved: PCR team member is approved but not applied for" in message
    assert "• Row 4, Local authority: The local authority is empty" in message


def test_closing_the_window_lets_go_of_the_pool_and_the_reviews(
    qtbot: QtBot, workspace: Workspace
) -> None:
    before = (len(workspace.pool.changed._listeners), len(workspace.reviews.changed._listeners))
    window = SchemeWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert len(workspace.pool.changed._listeners) > before[0]

    window.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)

    after = (len(workspace.pool.changed._listeners), len(workspace.reviews.changed._listeners))
    assert after == before
    workspace.pool.add(person("Late Arrival", "Midtown"))  # nobody listening: no error
