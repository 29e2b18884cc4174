"""The presenter screen: big, plain and public. It follows the run and never shows a note."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from facilitator.common.clock import FakeClock
from facilitator.common.vocabulary import DayStatus, StageKind
from facilitator.demo import DEMO_NOTES, create_demo_day
from facilitator.live.conductor import Conductor, RunState, StageRun, StageStatus
from facilitator.live.timer import Phase, TimerState
from facilitator.workspace import Workspace
from ui.presenter.feed import FINISHED, NOT_STARTED, PresenterFeed, feed
from ui.presenter.screen import PHASE_COLOURS, PresenterScreen, screen_names

ROOT = Path(__file__).resolve().parents[3]
TITLE = "Triad: Ashvale, Brackenmoor, Corriford"
LISTEN = "Ashvale’s team: sit back and listen"


class Ticker:
    """A monotonic clock for the screen's messages that the test moves by hand."""

    def __init__(self) -> None:
        self.seconds = 500.0

    def __call__(self) -> float:
        return self.seconds


@pytest.fixture
def day_id(workspace: Workspace) -> int:
    day = create_demo_day(workspace.planner, workspace.notebook)
    # Secret words in every stage, the shared ones and the breaks too.
    for stage in workspace.planner.day_plan(day).stages:
        workspace.notebook.add(stage.id, f"SECRET-MARKER-{stage.id}")
    return day


@pytest.fixture
def conductor(workspace: Workspace, clock: FakeClock) -> Conductor:
    return Conductor(workspace.db, clock)


@pytest.fixture
def ticker() -> Ticker:
    return Ticker()


@pytest.fixture
def screen(qtbot: QtBot, conductor: Conductor, day_id: int, ticker: Ticker) -> PresenterScreen:
    widget = PresenterScreen(lambda: feed(conductor.state(day_id), TITLE), monotonic=ticker)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def every_text(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle(), widget.accessibleName(), widget.toolTip()]
    for label in widget.findChildren(QLabel):
        texts += [label.text(), label.accessibleName(), label.accessibleDescription()]
        texts.append(label.toolTip())
    return texts


def go_to(conductor: Conductor, day_id: int, kind: StageKind) -> StageRun:
    """Advances from wherever the day is to the next stage of `kind`."""
    while True:
        current = conductor.state(day_id).current
        assert current is not None, f"the day ended before reaching {kind}"
        if current.kind is kind:
            return current
        conductor.advance(day_id)


# the feed ---------------------------------------------------------------------------------


def test_before_the_day_the_feed_says_it_will_start_soon(conductor: Conductor, day_id: int) -> None:
    shown = feed(conductor.state(day_id), TITLE)

    assert shown.headline == NOT_STARTED
    assert shown.who == TITLE
    assert shown.countdown == ""
    assert shown.next_line == "First: Introductions at 10.00"


def test_the_feed_follows_the_demo_day_stage_by_stage(
    conductor: Conductor, clock: FakeClock, day_id: int
) -> None:
    conductor.start_day(day_id)
    seen = []
    while conductor.state(day_id).status is DayStatus.RUNNING:
        shown = feed(conductor.state(day_id), TITLE)
        seen.append((shown.headline, shown.who, shown.next_line))
        clock.advance(minutes=1)
        conductor.advance(day_id)

    assert seen[:8] == [
        ("Introductions", "", "Next: Ashvale presenting at 10.15"),
        ("Presentation", "Ashvale presenting", "Next: Questioning at 10.30"),
        ("Questioning", "Ashvale’s session", "Next: Affirmation at 11.40"),
        ("Affirmation", LISTEN, "Next: Insights and options at 11.45"),
        ("Insights and options", LISTEN, "Next: Reaction at 12.00"),
        ("Reaction", "Ashvale’s session", "Next: Reflection and actions at 12.10"),
        ("Reflection and actions", "Ashvale’s session", "Next: Lunch at 12.20"),
        ("Lunch", "", "Next: Brackenmoor presenting at 13.00"),
    ]
    assert ("Tea and coffee", "", "Next: Corriford presenting at 15.15") in seen
    assert seen[-1] == ("Plenary", "", "")
    assert feed(conductor.state(day_id), TITLE) == PresenterFeed(title=TITLE, headline=FINISHED)


def test_the_feed_carries_the_timer(conductor: Conductor, clock: FakeClock, day_id: int) -> None:
    conductor.start_day(day_id)
    clock.advance(minutes=2, seconds=55)
    shown = feed(conductor.state(day_id), TITLE)
    assert (shown.countdown, shown.phase, shown.paused) == ("12:05", Phase.RUNNING, False)

    clock.advance(minutes=15)
    conductor.pause(day_id)
    shown = feed(conductor.state(day_id), TITLE)
    assert (shown.countdown, shown.phase, shown.paused) == ("+2:55", Phase.OVERRUN, True)


def _stage(kind: StageKind, index: int, *, presenter: str = "Ashvale") -> StageRun:
    shared = kind in (StageKind.INTRODUCTIONS, StageKind.PLENARY) or kind.is_break
    return StageRun(
        id=index + 1,
        kind=kind,
        title=kind.label,
        presenter="" if shared else presenter,
        presenter_id=None if shared else 1,
        session_id=None if shared else 1,
        planned_minutes=10,
        min_minutes=5,
        planned_start=dt.time(10 + index, 5),
        started_at=None,
        ended_at=None,
        status=StageStatus.LATER,
    )


@pytest.mark.parametrize(
    ("kind", "headline", "who"),
    [
        (StageKind.INTRODUCTIONS, "Introductions", ""),
        (StageKind.PRESENTATION, "Presentation", "Ashvale presenting"),
        (StageKind.QUESTIONING, "Questioning", "Ashvale’s session"),
        (StageKind.AFFIRMATION, "Affirmation", "Ashvale’s team: sit back and listen"),
        (StageKind.INSIGHTS, "Insights and options", "Ashvale’s team: sit back and listen"),
        (StageKind.REACTION, "Reaction", "Ashvale’s session"),
        (StageKind.REFLECTION, "Reflection and actions", "Ashvale’s session"),
        (StageKind.LUNCH, "Lunch", ""),
        (StageKind.TEA, "Tea and coffee", ""),
        (StageKind.SCREEN_BREAK, "Screen break", ""),
        (StageKind.PLENARY, "Plenary", ""),
    ],
)
def test_every_kind_of_stage_has_plain_words(kind: StageKind, headline: str, who: str) -> None:
    now = dt.datetime(2027, 1, 18, 10, 0, tzinfo=dt.UTC)
    state = RunState(
        day_id=1,
        status=DayStatus.RUNNING,
        stages=(_stage(kind, 0), _stage(StageKind.SCREEN_BREAK, 1)),
        current_index=0,
        timer=TimerState(planned_seconds=600, elapsed_seconds=60),
        planned_finish=now,
        projected_finish=now,
        now=now,
    )

    shown = feed(state, TITLE)

    assert (shown.headline, shown.who, shown.countdown) == (headline, who, "9:00")
    assert shown.listening is (kind in (StageKind.AFFIRMATION, StageKind.INSIGHTS))
    assert shown.next_line == "Next: Screen break at 11.05"


def test_the_feed_and_screen_import_nothing_that_holds_notes() -> None:
    allowed = {
        "facilitator.live.conductor",
        "facilitator.live.timer",
        "facilitator.common.vocabulary",
    }
    for path in sorted((ROOT / "ui" / "presenter").glob("*.py")):
        name = path.name
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        ours = {m for m in modules if m and m.split(".")[0] in {"facilitator", "question_bank"}}
        assert ours <= allowed, f"{name} imports {ours - allowed}"


# the screen -------------------------------------------------------------------------------


def test_the_countdown_changes_colour_with_the_phase(
    screen: PresenterScreen, conductor: Conductor, clock: FakeClock, day_id: int
) -> None:
    conductor.start_day(day_id)  # introductions, 15 minutes
    screen.refresh()
    assert screen.headline.text() == "Introductions"
    assert screen.countdown.text() == "15:00"
    assert screen.countdown.property("colour") == PHASE_COLOURS[Phase.RUNNING] == "#ffffff"

    clock.advance(minutes=12, seconds=1)
    screen.refresh()
    assert screen.countdown.text() == "2:59"
    assert screen.countdown.property("colour") == PHASE_COLOURS[Phase.AMBER]
    assert screen.countdown.property("phase") == "amber"
    assert PHASE_COLOURS[Phase.AMBER] in screen.countdown.styleSheet()

    clock.advance(minutes=5)
    screen.refresh()
    assert screen.countdown.text() == "+2:01"
    assert screen.countdown.property("colour") == PHASE_COLOURS[Phase.OVERRUN] == "#d4351c"
    assert screen.countdown.accessibleName() == "Time over"
    assert screen.next_line.text() == "Next: Ashvale presenting at 10.15"


def test_a_pause_is_shown_in_words(
    screen: PresenterScreen, conductor: Conductor, clock: FakeClock, day_id: int
) -> None:
    conductor.start_day(day_id)
    clock.advance(minutes=5)
    conductor.pause(day_id)
    screen.refresh()
    assert screen.paused.text() == "Paused"
    assert screen.countdown.text() == "10:00"

    clock.advance(minutes=3)
    screen.refresh()
    assert screen.countdown.text() == "10:00"
    conductor.resume(day_id)
    screen.refresh()
    assert screen.paused.text() == ""


def test_the_presenting_team_is_asked_to_listen_on_the_balcony(
    screen: PresenterScreen, conductor: Conductor, day_id: int
) -> None:
    conductor.start_day(day_id)
    go_to(conductor, day_id, StageKind.INSIGHTS)
    screen.refresh()

    assert screen.headline.text() == "Insights and options"
    assert screen.who.text() == "Ashvale’s team: sit back and listen"
    assert screen.who.property("colour") == "#ffdd00"


def test_a_message_shows_until_its_time_is_up(
    screen: PresenterScreen, conductor: Conductor, ticker: Ticker, day_id: int
) -> None:
    screen.show_message("Back in the main room, please", seconds=10)
    screen.refresh()
    assert screen.banner.isVisible()
    assert screen.message == "Back in the main room, please"

    ticker.seconds += 9.5
    screen.refresh()
    assert screen.message == "Back in the main room, please"

    ticker.seconds += 0.5
    screen.refresh()
    assert not screen.banner.isVisible()
    assert screen.message == ""

    screen.show_message("Five minutes")
    screen.clear_message()
    assert screen.message == ""


def test_no_note_ever_reaches_the_screen(
    screen: PresenterScreen, conductor: Conductor, clock: FakeClock, day_id: int
) -> None:
    secrets = ["SECRET-MARKER", *(text for _, _, _, text in DEMO_NOTES)]
    seen: list[str] = every_text(screen)
    conductor.start_day(day_id)
    while conductor.state(day_id).status is DayStatus.RUNNING:
        for minutes in (1, 30, 90):  # running, amber or over, far over
            clock.advance(minutes=minutes)
            screen.refresh()
            seen += every_text(screen)
        conductor.pause(day_id)
        screen.refresh()
        seen += every_text(screen)
        conductor.advance(day_id)
    screen.refresh()
    seen += every_text(screen)

    assert "Thank you — the day is finished" in seen
    assert "Ashvale’s team: sit back and listen" in seen
    everything = "\n".join(seen)
    for secret in secrets:
        assert secret not in everything


def test_the_timer_refreshes_the_screen_from_the_clock(
    qtbot: QtBot, conductor: Conductor, clock: FakeClock, day_id: int
) -> None:
    widget = PresenterScreen(lambda: feed(conductor.state(day_id), TITLE), interval_ms=10)
    qtbot.addWidget(widget)
    widget.show()
    conductor.start_day(day_id)
    clock.advance(minutes=1)

    qtbot.waitUntil(lambda: widget.countdown.text() == "14:00", timeout=2000)


def test_the_refresh_timer_stops_when_the_screen_is_closed(screen: PresenterScreen) -> None:
    timer = screen.findChild(QTimer)
    assert timer is not None
    assert timer.isActive()

    screen.hide()
    assert not timer.isActive()
    screen.show()
    assert timer.isActive()
    screen.close()
    assert not timer.isActive()


def test_the_numerals_grow_with_the_window(
    screen: PresenterScreen, conductor: Conductor, day_id: int
) -> None:
    conductor.start_day(day_id)
    screen.refresh()
    small = screen.countdown.font().pixelSize()
    screen.resize(1920, 1080)
    large = screen.countdown.font().pixelSize()

    assert small >= 0.35 * 768
    assert large > small
    assert screen.countdown.width() == 1920


def test_f11_and_escape_enter_and_leave_full_screen(qtbot: QtBot, screen: PresenterScreen) -> None:
    qtbot.keyClick(screen, Qt.Key.Key_F11)
    assert screen.isFullScreen()
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert not screen.isFullScreen()


def test_the_screen_can_be_shown_on_a_chosen_screen(screen: PresenterScreen) -> None:
    primary = QGuiApplication.primaryScreen()
    assert screen_names()

    screen.show_on(primary, full_screen=True)
    assert screen.isFullScreen()
    assert screen.screen() is primary

    screen.show_on(primary, full_screen=False)
    assert not screen.isFullScreen()
