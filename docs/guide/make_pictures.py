"""The user guide's pictures, drawn from the app itself on the demo day, so they stay current.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python docs/guide/make_pictures.py [OUT]

Builds the demo triad in a data file of its own (every name in it is invented), with the sample
pool of peer challengers, runs it with a fake clock to the middle of the first questioning,
types a question, and saves each window the guide shows at 1366×768 (dialogs at their own size)
into OUT (default docs/guide/pictures).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from facilitator.common.clock import FakeClock  # noqa: E402
from facilitator.demo import create_demo_day  # noqa: E402
from facilitator.pool.importing import import_pool_file  # noqa: E402
from facilitator.workspace import Workspace  # noqa: E402
from ui.app import ensure_application  # noqa: E402
from ui.bank.editor import BankEditor  # noqa: E402
from ui.common.shortcut_sheet import ShortcutSheet  # noqa: E402
from ui.console.menus import TYPING_KEYS  # noqa: E402
from ui.console.window import ConsoleWindow  # noqa: E402
from ui.home.backups_dialog import BackupsDialog  # noqa: E402
from ui.home.main_window import MainWindow  # noqa: E402
from ui.home.new_day_dialog import NewDayDialog  # noqa: E402
from ui.planning.day_editor import DayEditor  # noqa: E402
from ui.presenter.feed import feed  # noqa: E402
from ui.presenter.screen import PresenterScreen  # noqa: E402
from ui.records.services import RecordsServices  # noqa: E402
from ui.records.window import RecordsDialog  # noqa: E402
from ui.scheme.window import SchemeWindow  # noqa: E402

SCREEN = (1366, 768)


def save(widget: QWidget, out: Path, name: str, size: tuple[int, int] | None = SCREEN) -> None:
    if size is not None:
        widget.resize(*size)
    widget.show()
    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(out / f"{name}.png"))
    print(f"  {name}.png")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = ensure_application()
    folder = Path(tempfile.mkdtemp())
    clock = FakeClock(dt.datetime(2027, 1, 18, 10, 0, tzinfo=dt.UTC))
    workspace = Workspace.open(folder / "balcony.sqlite", clock)
    day_id = create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route)
    import_pool_file(workspace.pool, ROOT / "docs" / "sample-pool.csv")
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)

    home = MainWindow(workspace, settings)
    home.select_day(day_id)
    save(home, out, "home")
    save(NewDayDialog(workspace.planner, home), out, "new-day", None)
    editor = DayEditor(workspace.planner, day_id, home)
    editor.tabs.setCurrentIndex(2)  # the agenda
    save(editor, out, "plan-day", (1100, 720))
    editor.close()
    save(BankEditor(workspace.bank, home), out, "bank-editor", (1200, 720))

    run = workspace.conductor
    run.start_day(day_id)  # takes the "day started" backup too
    for minutes in (16, 15):
        clock.advance(minutes=minutes)
        run.advance(day_id)
    clock.advance(minutes=21)
    console = ConsoleWindow(workspace, run, day_id, settings)
    console.show()
    # Typed, not set, so the Tag and Who boxes show what Enter would store.
    QTest.keyClicks(console.capture.line, "q: How do you know the front door is consistent?")
    console.refresh_timer()
    save(console, out, "console")
    save(ShortcutSheet(console, TYPING_KEYS), out, "shortcuts", (640, 560))
    presenter = PresenterScreen(lambda: feed(run.state(day_id), console.day_title))
    presenter.refresh()
    save(presenter, out, "presenter")
    presenter.close()
    console.review_record()
    save(console.review_dialog, out, "review", (1200, 720))
    console.review_dialog.close()
    services = RecordsServices.of(workspace, settings)
    save(RecordsDialog(services, day_id, home, settings=settings), out, "records", (1200, 700))
    if workspace.backups is not None:
        save(BackupsDialog(workspace.backups, home), out, "backups", (760, 420))
    save(SchemeWindow(workspace, settings=settings), out, "scheme")
    console.close()
    home.close()
    workspace.close()
    del app
    print(f"Pictures written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "guide" / "pictures")
