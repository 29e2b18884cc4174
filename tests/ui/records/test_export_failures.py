"""Records ▸ Export all, when one record cannot be exported: the others are still written and
the failure is reported in a message naming the record, the cause and the fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from facilitator.demo import create_demo_day
from facilitator.word import session_note
from facilitator.workspace import Workspace
from ui.records.services import RecordsServices
from ui.records.window import RecordsDialog


@pytest.fixture
def dialog(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> RecordsDialog:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    window = RecordsDialog(RecordsServices.of(workspace, settings), day_id, settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def warn(*args: object, **_: object) -> QMessageBox.StandardButton:
        said.append(str(args[2]))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, warn)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return said


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (
            ValueError("All strings must be XML compatible"),
            "Word could not be given its text (All strings must be XML compatible). Look in "
            "its notes for unusual characters and retype them, then export it again.",
        ),
        (
            RuntimeError("the layout fell over"),
            "something went wrong in Balcony (RuntimeError: the layout fell over)",
        ),
    ],
)
def test_export_all_reports_a_record_that_fails_and_exports_the_others(
    dialog: RecordsDialog,
    warnings: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: Exception,
    expected: str,
) -> None:
    real = session_note.build_session_note

    def build(content: Any, *args: Any, **kwargs: Any) -> Any:
        if content.authority == "Brackenmoor":
            raise failure
        return real(content, *args, **kwargs)

    monkeypatch.setattr(session_note, "build_session_note", build)
    folder = tmp_path / "day"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))

    dialog.export_all_button.click()

    assert sorted(p.name for p in folder.iterdir()) == [
        "2027-01-18 Ashvale session note.docx",
        "2027-01-18 Corriford session note.docx",
        "2027-01-18 day summary.docx",
    ]
    assert len(warnings) == 1
    assert warnings[0].startswith("1 of 4 records were not exported:")
    assert "Brackenmoor’s session note was not exported: " in warnings[0]
    assert expected in warnings[0]
    assert "3 of 4 records exported" in dialog.feedback.text()
