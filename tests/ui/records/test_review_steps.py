"""The scheme's records asked for from a window: a cycle's forward plan (the cycle chosen,
the file chosen, the Word file read back) and a review's report, and what is said when they
cannot be written."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from facilitator.demo import DEMO_CYCLE, create_demo_day
from facilitator.records.keys import RecordKey
from facilitator.reviews.kinds import ReviewDraft, ReviewKind
from facilitator.reviews.vague_dates import parse_vague_date
from facilitator.storage.record_tables import RecordStatus
from facilitator.workspace import Workspace
from ui.records.review_steps import (
    export_forward_plan_interactively,
    export_review_report_interactively,
    record_summary,
)
from ui.records.settings import MARKING_KEY, record_exports


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    chosen = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    chosen.setValue(MARKING_KEY, "OFFICIAL-SENSITIVE")
    return chosen


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def tell(*args: object, **_: object) -> QMessageBox.StandardButton:
        said.append(str(args[2]))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, tell)
    return said


def saves_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def chooses(monkeypatch: pytest.MonkeyPatch, answer: str | None) -> list[list[str]]:
    offered: list[list[str]] = []

    def get_item(*args: object, **_: object) -> tuple[str, bool]:
        offered.append(list(args[3]))  # type: ignore[call-overload]
        return (answer or "", answer is not None)

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    return offered


def text_of(path: Path) -> str:
    document = docx.Document(str(path))
    header = [p.text for p in document.sections[0].header.paragraphs]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(header + [p.text for p in document.paragraphs] + cells)


def test_the_forward_plan_of_the_chosen_cycle_is_exported_marked_as_the_settings_say(
    qtbot: QtBot,
    workspace: Workspace,
    settings: QSettings,
    told: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route)
    offered = chooses(monkeypatch, DEMO_CYCLE)
    saves_to(monkeypatch, tmp_path / "plan")

    path = export_forward_plan_interactively(workspace, None, None, settings)

    assert offered == [[DEMO_CYCLE]]
    assert path == tmp_path / "plan.docx"
    text = text_of(path)
    assert "Forward plan" in text or "forward plan" in text
    assert "OFFICIAL-SENSITIVE" in text
    state = workspace.records.status(RecordKey.forward_plan(DEMO_CYCLE))
    assert (state.version, state.status) == (1, RecordStatus.DRAFT)
    assert told == []


def test_no_cycle_yet_is_said_and_a_cancelled_choice_writes_nothing(
    qtbot: QtBot,
    workspace: Workspace,
    settings: QSettings,
    told: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    assert export_forward_plan_interactively(workspace, None, None, settings) is None
    assert len(told) == 1
    assert "cycle name" in told[0]

    create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route)
    chooses(monkeypatch, None)
    saves_to(monkeypatch, tmp_path / "plan.docx")
    assert export_forward_plan_interactively(workspace, None, None, settings) is None
    assert not (tmp_path / "plan.docx").exists()


def test_a_report_that_cannot_be_written_is_told_with_the_fix(
    qtbot: QtBot,
    workspace: Workspace,
    settings: QSettings,
    told: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    (review,) = workspace.reviews.add_all(
        [
            ReviewDraft(
                kind=ReviewKind.SAV,
                host="Northshire",
                dates=parse_vague_date("May 2027"),
            )
        ]
    )
    exports = record_exports(workspace, settings)
    saves_to(monkeypatch, tmp_path / "no such folder" / "report.docx")
    assert export_review_report_interactively(exports, review, settings, None) is None
    assert len(told) == 1
    assert "report of review" in told[0]
    key = RecordKey.review_report(review.id)
    assert record_summary(workspace.records, key) == "Not exported yet."

    saves_to(monkeypatch, tmp_path / "report.docx")
    path = export_review_report_interactively(exports, review, settings, None)
    assert path == tmp_path / "report.docx"
    assert path.exists()
    today = workspace.clock.wall_now().astimezone().date()
    assert record_summary(workspace.records, key) == (
        f"Draft 1, exported {today.day} {today:%B} {today.year}."
    )
