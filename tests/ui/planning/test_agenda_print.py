"""The agenda printed or saved as PDF through Qt, from the same words as the Word file."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from facilitator.common.vocabulary import DayKind, DayMode
from facilitator.demo import create_demo_day
from facilitator.planning.planner import AuthorityEntry, DayPlan, NewDay
from facilitator.storage.files import WriteError
from facilitator.workspace import Workspace
from ui.planning.agenda_print import agenda_document, agenda_html, export_agenda_pdf, print_agenda

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def plan(workspace: Workspace) -> DayPlan:
    return workspace.planner.day_plan(create_demo_day(workspace.planner, workspace.notebook))


def test_the_html_holds_the_details_and_every_stage(plan: DayPlan) -> None:
    html = agenda_html(plan)

    assert "Peer challenge day: agenda" in html
    assert "Monday 18 January 2027" in html
    for stage in plan.stages:
        assert stage.title in html
        assert stage.starts.strftime("%H.%M") in html
    assert "<td>17.35</td><td>Finish</td>" in html
    assert 'rowspan="6"' in html  # each session's presenter spans its six stages


def test_the_html_escapes_what_people_typed(workspace: Workspace) -> None:
    day_id = workspace.planner.create_day(
        NewDay(
            date=dt.date(2027, 2, 1),
            kind=DayKind.TRIAD,
            mode=DayMode.FACE_TO_FACE,
            authorities=tuple(AuthorityEntry(name) for name in ("Upton", "Lowmoor", "Redbank")),
            venue="Hall <A> & B",
        )
    )

    html = agenda_html(workspace.planner.day_plan(day_id))

    assert "Hall &lt;A&gt; &amp; B" in html


def test_the_document_lays_out_the_tables(qtbot: QtBot, plan: DayPlan) -> None:
    text = agenda_document(plan).toPlainText()

    assert "Introductions" in text
    assert "Questioning led by" in text


def test_the_pdf_is_written(qtbot: QtBot, plan: DayPlan, tmp_path: Path) -> None:
    target = tmp_path / "agenda.pdf"

    export_agenda_pdf(plan, target)

    assert target.read_bytes().startswith(b"%PDF")
    assert not [p for p in tmp_path.iterdir() if p.name != "agenda.pdf"]


def test_an_existing_pdf_is_kept_unless_replacing_is_confirmed(
    qtbot: QtBot, plan: DayPlan, tmp_path: Path
) -> None:
    target = tmp_path / "agenda.pdf"
    target.write_bytes(b"earlier")

    with pytest.raises(WriteError, match="already exists"):
        export_agenda_pdf(plan, target)
    assert target.read_bytes() == b"earlier"

    export_agenda_pdf(plan, target, overwrite=True)
    assert target.read_bytes().startswith(b"%PDF")


def test_a_pdf_that_cannot_be_written_names_the_file(
    qtbot: QtBot, plan: DayPlan, tmp_path: Path
) -> None:
    target = tmp_path / "no such folder" / "agenda.pdf"

    with pytest.raises(WriteError, match="no such folder") as caught:
        export_agenda_pdf(plan, target)
    assert "folder does not exist" in str(caught.value)


def test_cancelling_the_print_dialog_prints_nothing(
    qtbot: QtBot, plan: DayPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)

    assert print_agenda(plan, None) is False


@pytest.mark.slow
def test_printing_and_starting_up_do_not_load_python_docx() -> None:
    code = (
        "import sys, facilitator, facilitator.workspace, ui.planning.agenda_print; "
        "sys.exit('docx' in sys.modules)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=False)
    assert result.returncode == 0
