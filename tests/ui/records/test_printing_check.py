"""A session note on paper passes the confidentiality check on the text Qt lays out for the
printer: another session's words that reach the printed page stop print and PDF alike, before
the print dialog opens and before any file is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.demo import create_demo_day
from facilitator.records.exporting import RecordExports
from facilitator.records.keys import RecordKey
from facilitator.records.versions import RecordStateView
from facilitator.word.note_layout import Block, Paragraph, session_note_layout
from facilitator.word.session_note_words import ConfidentialityError
from facilitator.workspace import Workspace
from tests.support.record_day import FilledSession, fill_day
from ui.records import printing


@pytest.fixture
def sessions(qtbot: QtBot, workspace: Workspace, clock: FakeClock) -> list[FilledSession]:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    return fill_day(workspace, day_id, clock)


def state_of(workspace: Workspace, session: FilledSession) -> RecordStateView:
    content = RecordExports(workspace).session_note_content(session.session_id)
    key = RecordKey.session_note(content.day.day_id, session.session_id, content.authority_id)
    return workspace.records.status(key)


def brackenmoors(sessions: list[FilledSession]) -> str:
    """A note Brackenmoor's session stored (see tests.support.record_day)."""
    return f"The budget is treated as fixed {sessions[1].markers[5]}"


def halves(text: str) -> tuple[str, str]:
    words = text.split(" ")
    return " ".join(words[:3]), " ".join(words[3:])


def plant_in_the_qt_document(
    monkeypatch: pytest.MonkeyPatch, *pieces: str
) -> Callable[[str], QTextDocument]:
    """Each piece as its own paragraph at the end of the document Qt prints (not in the HTML
    or the layout it was made from)."""
    real = printing.note_document

    def planted(html: str) -> QTextDocument:
        document = real(html)
        cursor = QTextCursor(document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        for piece in pieces:
            cursor.insertBlock()
            cursor.insertText(piece)
        return document

    monkeypatch.setattr(printing, "note_document", planted)
    return planted


def plant_in_the_layout(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    def planted(*args: Any, **kwargs: Any) -> tuple[Block, ...]:
        blocks = session_note_layout(*args, **kwargs)
        return (*blocks[:-1], Paragraph(text), blocks[-1])

    monkeypatch.setattr(printing, "session_note_layout", planted)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The print dialogs opened (each accepted) and the documents printed."""
    opened: list[str] = []

    def accept(dialog: QPrintDialog) -> QDialog.DialogCode:
        opened.append(dialog.windowTitle())
        return QDialog.DialogCode.Accepted

    def printed(document: QTextDocument, printer: object) -> None:
        opened.append("printed")

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    monkeypatch.setattr(QTextDocument, "print_", printed)
    return opened


Leak = Callable[[pytest.MonkeyPatch, list[FilledSession]], object]
LEAKS: dict[str, Leak] = {
    "in the layout": lambda m, s: plant_in_the_layout(m, brackenmoors(s)),
    "in the qt document": lambda m, s: plant_in_the_qt_document(m, brackenmoors(s)),
    "in capitals": lambda m, s: plant_in_the_qt_document(m, brackenmoors(s).upper()),
    "over two paragraphs": lambda m, s: plant_in_the_qt_document(m, *halves(brackenmoors(s))),
}


@pytest.mark.parametrize("leak", list(LEAKS))
def test_a_leak_on_the_page_stops_the_pdf_and_writes_nothing(
    workspace: Workspace,
    sessions: list[FilledSession],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    leak: str,
) -> None:
    LEAKS[leak](monkeypatch, sessions)
    path = tmp_path / "Ashvale.pdf"

    with pytest.raises(ConfidentialityError) as caught:
        printing.export_session_note_pdf(
            RecordExports(workspace), sessions[0].session_id, state_of(workspace, sessions[0]), path
        )

    assert (caught.value.authority, caught.value.other) == ("Ashvale", "Brackenmoor")
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("leak", list(LEAKS))
def test_a_leak_on_the_page_stops_printing_before_the_dialog(
    workspace: Workspace,
    sessions: list[FilledSession],
    monkeypatch: pytest.MonkeyPatch,
    dialogs: list[str],
    leak: str,
) -> None:
    LEAKS[leak](monkeypatch, sessions)

    with pytest.raises(ConfidentialityError, match="Brackenmoor"):
        printing.print_session_note(
            RecordExports(workspace), sessions[0].session_id, state_of(workspace, sessions[0])
        )

    assert dialogs == []


def test_a_clean_note_prints_and_its_own_words_in_capitals_are_no_leak(
    workspace: Workspace,
    sessions: list[FilledSession],
    monkeypatch: pytest.MonkeyPatch,
    dialogs: list[str],
) -> None:
    own = f"The budget is treated as fixed {sessions[0].markers[5]}"
    plant_in_the_qt_document(monkeypatch, own.upper(), "MARCUS THORNE")
    exports, state = RecordExports(workspace), state_of(workspace, sessions[0])

    assert printing.print_session_note(exports, sessions[0].session_id, state)

    assert dialogs == ["Print the session note for Ashvale", "printed"]


def test_a_clean_note_is_saved_as_pdf(
    workspace: Workspace, sessions: list[FilledSession], tmp_path: Path
) -> None:
    exports, state = RecordExports(workspace), state_of(workspace, sessions[0])

    printing.export_session_note_pdf(exports, sessions[0].session_id, state, tmp_path / "a.pdf")

    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")


def test_the_check_reads_what_qt_lays_out_in_the_layouts_order(
    workspace: Workspace,
    sessions: list[FilledSession],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    exports = RecordExports(workspace)
    checked: list[list[str]] = []
    monkeypatch.setattr(exports, "check_session_note", lambda _, lines: checked.append(lines))
    state = state_of(workspace, sessions[0])

    html = printing.session_note_html(exports, sessions[0].session_id, state)

    (lines,) = checked
    assert lines == printing.rendered_lines(printing.note_document(html))
    page = lines[0]
    order = [
        "OFFICIAL-SENSITIVE",
        "Peer challenge session note: Ashvale",
        "Who took part",
        "Focus risks",
        "Questions explored",
        "Insights from the balcony",
        "Sign-off",
        "Appendix: planned and actual times",
        "Whole session",
    ]
    places = [page.index(text) for text in order]
    assert places == sorted(places)
    assert page.rstrip().endswith("OFFICIAL-SENSITIVE")
