"""A day of edits through the real console, announcing each one, until it is killed.

Run by tests/ui/capture/test_torture.py, which kills this process with SIGKILL at random
points, many times over, and checks the data file after each kill. Not a test module.

Each line printed is `<monotonic seconds> <what> <text>`:
- `KEEP text`: a bullet confirmed with Enter, never edited or deleted afterwards;
- `LINE text`: what the capture line held just then, for a bullet that will be kept;
- `EDITS n`: how many edits this process has made so far;
- `READY -`: the console is up.
Bullets starting "Temp" are the ones edited, moved and deleted: they are not checked.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtTest import QTest

from tests.support.capture_driver import open_day_console
from ui.console.window import ConsoleWindow

WORDS = (
    "front",
    "door",
    "demand",
    "rises",
    "each",
    "winter",
    "and",
    "the",
    "team",
    "holds",
    "steady",
    "with",
    "agency",
    "cover",
    "while",
    "recruitment",
    "continues",
    "across",
    "the",
    "county",
)


def say(what: str, text: str) -> None:
    print(f"{time.monotonic():.3f} {what} {text}", flush=True)


class Day:
    def __init__(self, console: ConsoleWindow, seed: int) -> None:
        self.console, self.random = console, random.Random(seed)
        self.run, self.count, self.edits = seed, 0, 0
        self.line = console.capture.line

    def step(self) -> None:
        choice = self.random.random()
        if choice < 0.45:
            self.kept_bullet()
        elif choice < 0.65:
            self.temp_bullet()
        elif choice < 0.75:
            self.edit_temp()
        elif choice < 0.83:
            self.move_one()
        elif choice < 0.93:
            self.delete_temp()
        else:
            self.next_stage()
        say("EDITS", str(self.edits))
        QTimer.singleShot(1, self.step)

    def _words(self, count: int) -> str:
        return " ".join(self.random.choice(WORDS) for _ in range(count))

    def kept_bullet(self) -> None:
        """Typed in chunks: fast, steadily (never a pause long enough to save), or with a
        pause; then Enter."""
        self.count += 1
        self.line.setFocus()
        style = self.random.choice(("fast", "steady", "pause"))
        words = self.random.randint(3, 8) if style == "steady" else self.random.randint(3, 25)
        text = f"Kept {self.run}-{self.count} {self._words(words)}"
        chunks = [text] if style == "fast" else [text[i : i + 6] for i in range(0, len(text), 6)]
        for chunk in chunks:
            QTest.keyClicks(self.line, chunk)
            say("LINE", self.line.text())
            self.edits += 1
            if style == "steady":
                QTest.qWait(90)
        if style == "pause":
            QTest.qWait(700)
        QTest.keyClick(self.line, Qt.Key.Key_Return)
        self.edits += 1
        if self.line.text() == "":
            say("KEEP", text)

    def temp_bullet(self) -> None:
        self.line.setFocus()
        QTest.keyClicks(self.line, f"Temp {self._words(4)}")
        QTest.keyClick(self.line, Qt.Key.Key_Return)
        self.edits += 1

    def _temp_rows(self) -> list[int]:
        model = self.console.notes_model
        return [
            row
            for row in range(model.rowCount())
            if (note := model.note_at(row)) is not None
            and note.text.startswith("Temp")
            and note.id != model.draft_id
        ]

    def edit_temp(self) -> None:
        rows = self._temp_rows()
        if rows:
            model = self.console.notes_model
            index = model.index(self.random.choice(rows))
            model.setData(index, f"Temp edited {self._words(3)}", Qt.ItemDataRole.EditRole)
            self.edits += 1

    def _select_temp(self) -> bool:
        """Selects one of the bullets that may be moved or deleted; False if there is none."""
        rows = self._temp_rows()
        if rows:
            view = self.console.notes_view
            view.setFocus()
            view.setCurrentIndex(self.console.notes_model.index(self.random.choice(rows)))
        return bool(rows)

    def move_one(self) -> None:
        if self._select_temp():
            key = self.random.choice((Qt.Key.Key_Up, Qt.Key.Key_Down))
            QTest.keyClick(self.console.notes_view, key, Qt.KeyboardModifier.AltModifier)
            self.edits += 1

    def delete_temp(self) -> None:
        if self._select_temp():
            QTest.keyClick(self.console.notes_view, Qt.Key.Key_Delete)
            self.edits += 1

    def next_stage(self) -> None:
        if self.console.state.next is not None:  # never past the last: the day goes on
            self.console.start_or_next()
            self.edits += 1
        self.console.notes_view.setCurrentIndex(QModelIndex())


def main(data: Path, settings_path: Path, seed: int) -> None:
    app, console = open_day_console(data, settings_path)
    day = Day(console, seed)
    say("READY", "-")
    QTimer.singleShot(10, day.step)
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
