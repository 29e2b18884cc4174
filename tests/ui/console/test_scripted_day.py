"""A scripted day: the real console driven through the whole demo triad with the keyboard
(F5, F7, prefixes, plain lines, the bank, the Who box, a fix in place, the Outcomes panel,
`a:`/`ask:`/`offer:` bullets), then the review of the record clearing every check with its
keys, then the three session notes exported and read back from Word. Every bullet the script
typed must sit in its own authority's note only, under the heading the script meant, said by
the right person, and printed once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.document import Document
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import DayStatus, NoteTag, StageKind
from facilitator.records.exporting import RecordExports
from facilitator.records.review import Check
from facilitator.workspace import Workspace
from tests.support.console import CTRL, CTRL_SHIFT, key, open_console, pick_when_asked
from ui.console.window import ConsoleWindow
from ui.records.review import ReviewDialog

NO_MOD = Qt.KeyboardModifier.NoModifier

PRESENTATION = "The presentation"
FOCUS_RISKS = "Focus risks"
NEW_QUESTIONS = "New questions"
DISCUSSION = "Other points from the questioning"
STRENGTHS = "Strengths affirmed"
ACTIONS = "Actions"
ASKS = "Asks: support wanted"
OFFERS = "Offers: practice to share"
EVERYONE = "multilateral: open to every authority"
INSIGHTS = "Insights from the balcony"
REACTION = "The presenting team’s reaction"
REFLECTION = "Reflection"

# Per session: the bank search typed, and the question it finds.
BANK_SEARCHES = {
    "Ashvale": ("signature strengths", "strengths-01"),
    "Brackenmoor": ("strongest and weakest partners", "leading-with-others-02"),
    "Corriford": ("windows on practice", "practice-leadership-04"),
}
SCALE_SESSION = "Brackenmoor"
SCALE_WORDS = "confident continued improvement"  # budget-02, a 0–10 scale question
SCALE_VALUE = 7
GREY = "505A5F"  # the secondary text colour of the attribution after a bullet


@dataclass(frozen=True)
class Expected:
    """A bullet the script put into the room, and where the note must print it."""

    text: str
    note: str  # the presenting authority whose note it belongs to
    heading: str
    attribution: str | None  # the grey words after the bullet, "" for none, None: unread
    tag: NoteTag | None = None  # the stored tag and authority, where a note row holds it
    authority: str | None = None
    stored_authority_none: bool = False


@pytest.fixture
def console(qtbot: QtBot, workspace: Workspace, clock: FakeClock, tmp_path: Path) -> ConsoleWindow:
    return open_console(qtbot, workspace, clock, tmp_path, size=(1366, 768))


def type_line(qtbot: QtBot, console: ConsoleWindow, text: str) -> None:
    key(qtbot, console, Qt.Key.Key_L, CTRL)
    assert console.capture.line.hasFocus()
    qtbot.keyClicks(console.capture.line, text)


def enter(qtbot: QtBot, console: ConsoleWindow) -> None:
    qtbot.keyClick(console.capture.line, Qt.Key.Key_Return)
    assert console.capture.line.text() == ""


def shown(console: ConsoleWindow) -> tuple[str, str]:
    """The tag and person on the capture line, as the facilitator sees them."""
    tag = console.capture.tag_combo.currentText().split("  (")[0]
    return tag, console.capture.who_combo.currentText()


def run_to(
    qtbot: QtBot, console: ConsoleWindow, clock: FakeClock, kind: StageKind, presenter: str
) -> int:
    """F5 (five minutes apart) until `presenter`'s `kind` stage runs; its id."""
    for _ in range(40):
        current = console.conductor.state(console.day_id).current
        if current is not None and current.kind is kind and current.presenter == presenter:
            return current.id
        clock.advance(minutes=5)
        key(qtbot, console, Qt.Key.Key_F5)
    raise AssertionError(f"never reached {presenter}'s {kind}")


def theme_title(workspace: Workspace, question_id: str) -> tuple[str, str]:
    """The bank question's text and its theme's title."""
    bank = workspace.bank.bank(include_hidden=True)
    question = bank.find_question(question_id)
    assert question is not None
    theme = bank.find_theme(question.theme_id)
    assert theme is not None
    return question.text, theme.title


def play_session(
    qtbot: QtBot,
    console: ConsoleWindow,
    workspace: Workspace,
    clock: FakeClock,
    presenter: str,
    names: dict[str, int],
    expected: list[Expected],
) -> None:
    """One presenting authority's session, from the presentation to the reflection."""
    lead = next(
        p.name
        for p in workspace.planner.day_plan(console.day_id).participants
        if p.reviews_authority_id == names[presenter]
    )
    code = presenter[:2].upper()

    def bullet(text: str, shows: tuple[str, str] | None = None) -> str:
        type_line(qtbot, console, text)
        if shows is not None:
            assert shown(console) == shows, text
        enter(qtbot, console)
        return text.split(": ", 1)[1] if text[:3] in ("r: ", "q: ", "s: ") else text

    # The presentation: what the DCS said, and a focus risk they named.
    run_to(qtbot, console, clock, StageKind.PRESENTATION, presenter)
    said = bullet(f"{code} says the front door was rebuilt in spring", ("Note", presenter))
    expected.append(Expected(said, presenter, PRESENTATION, "", NoteTag.NOTE, presenter))
    risk = bullet(f"r: {code} focus risk is placement sufficiency", ("Focus risk", presenter))
    expected.append(Expected(risk, presenter, FOCUS_RISKS, ""))  # a focus risk, not a bullet
    if presenter == "Ashvale":  # a fix in place: typed plain, it was a focus risk the DCS named
        wrong = bullet(f"{code} recruitment of social workers in the south")
        row = console.notes_model.rowCount() - 1
        console.notes_view.setFocus()
        console.notes_view.setCurrentIndex(console.notes_model.index(row))
        note = console.notes_model.note_at(row)
        assert note is not None
        assert (note.text, note.tag) == (wrong, NoteTag.NOTE)
        seen = pick_when_asked("Risk")  # the chooser names tags plainly
        key(qtbot, console, Qt.Key.Key_T, CTRL)
        qtbot.waitUntil(lambda: bool(seen) and QApplication.activeWindow() is console)
        assert seen == ["Change tag"]
        expected.append(Expected(wrong, presenter, FOCUS_RISKS, ""))

    # The questioning: the lead reviewer asks, the presenting authority answers, F7.
    run_to(qtbot, console, clock, StageKind.QUESTIONING, presenter)
    assert lead in console.turns.label.text()
    asked = bullet(f"q: {code} how do you know your data is accurate?", ("Question", lead))
    expected.append(Expected(asked, presenter, NEW_QUESTIONS, f"asked by {lead}"))
    answer = bullet(f"{code} answer: the data team checks it weekly", ("Note", presenter))
    expected.append(Expected(answer, presenter, DISCUSSION, "", NoteTag.NOTE, presenter))
    key(qtbot, console, Qt.Key.Key_F7)
    other = next(n for n in names if n not in (presenter, lead))
    assert other in console.turns.label.text()
    asked = bullet(f"q: {code} what would front line staff say?", ("Question", other))
    expected.append(Expected(asked, presenter, NEW_QUESTIONS, f"asked by {other}"))

    bank = console.bank_panel
    words, question_id = BANK_SEARCHES[presenter]
    key(qtbot, console, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is bank.search
    bank.search.selectAll()
    qtbot.keyClicks(bank.search, words)
    key(qtbot, console, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is bank.results
    assert bank.current_question() is not None
    assert bank.current_question().id == question_id  # type: ignore[union-attr]
    key(qtbot, console, Qt.Key.Key_Return)  # marked asked, by whoever's turn it is
    text, theme = theme_title(workspace, question_id)
    expected.append(Expected(text, presenter, theme, f"asked by {other}"))

    if presenter == SCALE_SESSION:  # the presenting authority's own rating, 0 to 10
        key(qtbot, console, Qt.Key.Key_F, CTRL)
        bank.search.selectAll()
        qtbot.keyClicks(bank.search, SCALE_WORDS)
        key(qtbot, console, Qt.Key.Key_Down)
        assert bank.current_question().id == "budget-02"  # type: ignore[union-attr]
        bank.scale_spin.setFocus()
        bank.scale_spin.selectAll()
        qtbot.keyClicks(bank.scale_spin, str(SCALE_VALUE))
        _, budget = theme_title(workspace, "budget-02")
        expected.append(
            Expected(
                f"Scores out of 10: {presenter} {SCALE_VALUE} (asked by {other})",
                presenter,
                budget,
                None,  # the scale's ends follow
            )
        )

    # The affirmation: a strength named by a visiting member chosen in the Who box.
    run_to(qtbot, console, clock, StageKind.AFFIRMATION, presenter)
    who = console.capture.who_combo
    type_line(qtbot, console, f"s: {code} leaders who know their front line")
    visitor = other  # the visiting authority the room heard name it
    who.setFocus()
    key(qtbot, console, Qt.Key.Key_Home)
    for _ in range(who.count()):
        if who.currentText() == visitor:
            break
        key(qtbot, console, Qt.Key.Key_Down)
    assert who.currentText() == visitor
    console.capture.line.setFocus()
    assert shown(console) == ("Strength", visitor)
    enter(qtbot, console)
    expected.append(
        Expected(
            f"{code} leaders who know their front line",
            presenter,
            STRENGTHS,
            f"named by {visitor}",
            NoteTag.STRENGTH,
            visitor,
        )
    )

    # The balcony: an insight of the visiting authorities as a group.
    run_to(qtbot, console, clock, StageKind.INSIGHTS, presenter)
    insight = bullet(f"{code} they take the budget for granted")
    assert shown(console)[0] == "Insight"
    expected.append(Expected(insight, presenter, INSIGHTS, "", NoteTag.INSIGHT))

    # The reaction and the reflection: the presenting team's own words.
    run_to(qtbot, console, clock, StageKind.REACTION, presenter)
    said = bullet(f"{code} we recognise the drift in supervision", ("Note", presenter))
    expected.append(Expected(said, presenter, REACTION, "", NoteTag.NOTE, presenter))
    run_to(qtbot, console, clock, StageKind.REFLECTION, presenter)
    said = bullet(f"{code} we will look again at our data", ("Note", presenter))
    expected.append(Expected(said, presenter, REFLECTION, "", NoteTag.NOTE, presenter))

    # Actions, asks and offers: typed as bullets, or in the Outcomes panel; one item each.
    action = bullet(f"a: {code} audit the front door by June", ("Action", presenter))
    expected.append(Expected(action.split(": ", 1)[1], presenter, ACTIONS, ""))
    ask = bullet(f"ask: {code} help with our sufficiency data", ("Ask", presenter))
    expected.append(Expected(ask.split(": ", 1)[1], presenter, ASKS, EVERYONE))  # see the review
    offer = bullet(f"offer: {code} our practice weeks", ("Offer", presenter))
    expected.append(Expected(offer.split(": ", 1)[1], presenter, OFFERS, EVERYONE))
    key(qtbot, console, Qt.Key.Key_J, CTRL)  # the Outcomes panel, at its actions
    line = console.outcomes_panel.reflection.action_part.items.line
    assert line.hasFocus()
    qtbot.keyClicks(line, f"{code} share the audit tool with the region")
    key(qtbot, console, Qt.Key.Key_Return)
    expected.append(
        Expected(f"{code} share the audit tool with the region", presenter, ACTIONS, "")
    )


def make_multilateral(qtbot: QtBot, console: ConsoleWindow, review: ReviewDialog) -> None:
    """F8 to the next check, which must be an ask or offer with no scope; Ctrl+Shift+O."""
    left = len(review.review.flagged) if review.review else 0
    key(qtbot, console, Qt.Key.Key_F8)
    line = review.model.line_at(review.view.currentIndex().row())
    assert line is not None
    assert [f.check for f in line.flags] == [Check.NO_SCOPE], line
    seen = pick_when_asked("Multilateral")
    key(qtbot, console, Qt.Key.Key_O, CTRL_SHIFT)
    qtbot.waitUntil(lambda: bool(seen) and QApplication.activeWindow() is review)
    qtbot.waitUntil(lambda: review.review is not None and len(review.review.flagged) < left)


def review_the_record(qtbot: QtBot, console: ConsoleWindow, clock: FakeClock) -> dict[str, int]:
    """Ends the day with F5, takes the review it offers, and clears every check of every
    session with the review's keys: an ask or offer with no scope becomes multilateral.
    Returns how many checks each session had."""

    def take_the_review() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            QTest.keyClick(box, Qt.Key.Key_Return)  # its default: review the record
        else:
            QTimer.singleShot(20, take_the_review)

    for _ in range(40):
        if console.state.status is DayStatus.FINISHED:
            break
        if console.state.next is None and console.state.current is not None:
            QTimer.singleShot(0, take_the_review)
        clock.advance(minutes=5)
        key(qtbot, console, Qt.Key.Key_F5)
    review = console.review_dialog
    assert isinstance(review, ReviewDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is review)
    checks: dict[str, int] = {}
    for number in range(review.session_box.count()):
        review.session_box.setCurrentIndex(number)
        review.view.setFocus()
        name = review.session_box.currentText().split(": ", 1)[1]
        checks[name] = len(review.review.flagged) if review.review else -1
        for _ in range(10):
            if review.review is None or not review.review.flagged:
                break
            make_multilateral(qtbot, console, review)
        assert review.summary.text().endswith("Nothing to check: the note is ready to export.")
    review.close()
    return checks


def placed(doc: Document, text: str) -> list[tuple[str, str]]:
    """Each paragraph starting with `text`: the nearest heading above it, and the grey
    attribution after it (without its brackets)."""
    found = []
    heading = ""
    for p in doc.paragraphs:
        if p.style is not None and p.style.name.startswith("Heading"):
            heading = p.text
        elif p.text.startswith(text):
            rest = p.text[len(text) :].strip()
            if rest.startswith("(") and rest.endswith(")"):
                last = p.runs[-1]
                assert last.text == f" {rest}"
                assert str(last.font.color.rgb) == GREY, f"attribution of {text!r} not grey"
                rest = rest[1:-1]
            found.append((heading, rest))
    return found


def every_text(doc: Document) -> str:
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return "\n".join(texts)


def test_a_scripted_day_puts_every_bullet_under_its_heading_with_its_person(
    qtbot: QtBot, console: ConsoleWindow, workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    plan = workspace.planner.day_plan(console.day_id)
    names = {p.name: p.authority_id for p in plan.participants}
    assert list(names) == ["Ashvale", "Brackenmoor", "Corriford"]
    expected: list[Expected] = []
    for presenter in names:
        play_session(qtbot, console, workspace, clock, presenter, names, expected)
    assert len(expected) == 3 * 14 + 2  # fourteen lines a session, the fix and the rating
    # Each session's ask and offer had no scope; Ashvale's also the demo's own ask and offer.
    assert review_the_record(qtbot, console, clock) == {
        "Ashvale": 4,
        "Brackenmoor": 2,
        "Corriford": 2,
    }

    # What was stored: the tag and the person, where a note row holds them.
    stored = {
        n.text: n
        for s in console.state.stages
        for n in workspace.notebook.for_stage(s.id)
        if s.session_id is not None
    }
    for item in expected:
        if item.tag is None:
            continue
        note = stored[item.text]
        assert note.tag is item.tag, item.text
        if item.authority is not None:
            assert note.authority_id == names[item.authority], item.text
        if item.tag is NoteTag.INSIGHT:
            assert note.authority_id is None or note.authority_id != names[item.note], item.text

    # The three notes, read back from Word.
    exports = RecordExports(workspace)
    docs: dict[str, Document] = {}
    for record in exports.day_records(console.day_id):
        if record.session is None:
            continue
        name = record.session.authority_name
        path = tmp_path / f"{name}.docx"
        exports.export(record, path)
        docs[name] = docx.Document(str(path))
    assert sorted(docs) == sorted(names)

    for item in expected:
        found = placed(docs[item.note], item.text)
        if item.attribution is None:
            found = [(heading, None) for heading, _ in found]  # type: ignore[misc]
        assert found == [(item.heading, item.attribution)], f"{item.text!r} in {item.note}'s note"
        for other, doc in docs.items():
            if other != item.note:
                assert item.text not in every_text(doc), f"{item.text!r} in {other}'s note"
