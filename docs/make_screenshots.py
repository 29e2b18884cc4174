"""Screenshots of the console and the presenter screen, for the docs and for review.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python docs/make_screenshots.py [OUT]

Builds the demo triad in memory, runs it with a fake clock to the middle of the first
questioning (a few minutes over, so the timer shows amber), types a bullet, and saves the
console and the presenter screen at 1366×768 and 1920×1080 into OUT (default
docs/screenshots). Every name is invented.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from facilitator.common.clock import FakeClock  # noqa: E402
from facilitator.demo import create_demo_day  # noqa: E402
from facilitator.workspace import Workspace  # noqa: E402
from ui.app import ensure_application  # noqa: E402
from ui.console.window import ConsoleWindow  # noqa: E402
from ui.home.main_window import MainWindow  # noqa: E402
from ui.presenter.feed import feed  # noqa: E402
from ui.presenter.screen import PresenterScreen  # noqa: E402

SIZES = ((1366, 768), (1920, 1080))


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = ensure_application()
    clock = FakeClock(dt.datetime(2027, 1, 18, 10, 0, tzinfo=dt.UTC))
    workspace = Workspace.in_memory(clock)
    day_id = create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route)
    run = workspace.conductor
    run.start_day(day_id)
    for minutes in (16, 15):
        clock.advance(minutes=minutes)
        run.advance(day_id)
    clock.advance(minutes=58)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)

    home = MainWindow(workspace, settings)
    home.resize(*SIZES[0])
    home.show()
    app.processEvents()
    home.grab().save(str(out / "home-1366x768.png"))
    home.close()

    console = ConsoleWindow(workspace, run, day_id, settings)
    console.show()
    # Typed, not set, so the Tag and Who boxes show what Enter would store.
    QTest.keyClicks(console.capture.line, "q: How do you know the front door is consistent?")
    title = console.day_title
    for width, height in SIZES:
        console.resize(width, height)
        app.processEvents()
        console.refresh_timer()
        console.grab().save(str(out / f"console-{width}x{height}.png"))
        screen = PresenterScreen(lambda: feed(run.state(day_id), title))
        screen.resize(width, height)
        screen.show()
        app.processEvents()
        screen.refresh()
        screen.grab().save(str(out / f"presenter-{width}x{height}.png"))
        screen.close()
    console.close()
    print(f"Screenshots written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
