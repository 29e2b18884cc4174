"""The console's menus and keys: run steps, capture, tags and views."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow, QPushButton

from ui.capture.capture_bar import TAG_ORDER, CaptureBar
from ui.common.shortcut_sheet import show_shortcuts

if TYPE_CHECKING:
    from ui.console.docks import TimelineDock


class ConsoleCommands(Protocol):
    """What the menus and keys ask the console to do."""

    def start_or_next(self) -> None: ...
    def go_back(self) -> None: ...
    def pause_or_resume(self) -> None: ...
    def skip_break(self) -> None: ...
    def replan(self) -> None: ...
    def end_day(self) -> None: ...
    def open_records(self) -> None: ...
    def review_record(self) -> None: ...
    def next_turn(self) -> None: ...
    def toggle_presenter_screen(self) -> None: ...
    def flash_message(self) -> None: ...
    def edit_phrases(self) -> None: ...
    def change_amber(self) -> None: ...


@dataclass(frozen=True)
class RunActions:
    """The Day menu's steps, which the console enables as the day moves on."""

    next: QAction
    back: QAction
    pause: QAction
    skip: QAction
    replan: QAction
    end: QAction


# Keys of the capture line that are not commands of a menu.
TYPING_KEYS = (
    ("Capture line", "Save the bullet and start the next", "Enter"),
    ("Capture line", "Drop the bullet being typed (Ctrl+Z brings it back)", "Esc"),
    ("Capture line", "Tag a bullet as you type: s: r: i: q: a: ask: offer: bp: sys:", "prefix"),
)


def install_menus(
    window: QMainWindow,
    commands: ConsoleCommands,
    undo: QUndoStack,
    capture: CaptureBar,
    *,
    bank_dock: QDockWidget,
    bank_search: QAction,
    bank_show: QAction,
    outcomes_dock: QDockWidget,
    outcomes_focus: QAction,
    timeline_dock: TimelineDock,
    buttons: Sequence[QPushButton] = (),
) -> RunActions:
    def act(text: str, keys: str | QKeySequence.StandardKey, slot: object) -> QAction:
        action = QAction(text, window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        window.addAction(action)
        return action

    run = window.menuBar().addMenu("&Day")
    steps = RunActions(
        next=act("Start / next stage", "F5", commands.start_or_next),
        back=act("Back a stage", "Shift+F5", commands.go_back),
        pause=act("Pause / resume", "F6", commands.pause_or_resume),
        skip=act("Skip the break", "Ctrl+Shift+K", commands.skip_break),
        replan=act("Re-plan the rest of the day…", "Ctrl+R", commands.replan),
        end=act("End the day…", "Ctrl+Shift+E", commands.end_day),
    )
    run.addActions([steps.next, steps.back, steps.pause, steps.skip])
    # The run's buttons (start or next, back, pause, skip) say their keys when pointed at.
    run_steps = (steps.next, steps.back, steps.pause, steps.skip)
    for button, action in zip(buttons, run_steps, strict=False):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{action.text()} ({keys})")
    run.addSeparator()
    run.addActions([steps.replan, steps.end])
    run.addSeparator()
    run.addAction(act("Review the record…", "Ctrl+Shift+V", commands.review_record))
    run.addAction(act("Records of the day…", "Ctrl+Shift+C", commands.open_records))

    edit = window.menuBar().addMenu("&Edit")
    undo_action = undo.createUndoAction(window, "&Undo")
    undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    redo_action = undo.createRedoAction(window, "&Redo")
    redo_action.setShortcut(QKeySequence.StandardKey.Redo)
    edit.addActions([undo_action, redo_action])

    menu = window.menuBar().addMenu("&Capture")
    menu.addAction(act("Type a bullet", "Ctrl+L", capture.line.setFocus))
    menu.addAction(act("Next questioner", "F7", commands.next_turn))
    menu.addSeparator()
    for number, tag in enumerate(TAG_ORDER, start=1):
        menu.addAction(
            act(
                f"Tag: {tag.label}",
                f"Ctrl+{number % 10}",
                lambda _=False, t=tag: capture.set_tag(t),
            )
        )
    menu.addSeparator()
    menu.addAction(act("Phrases that sound like suggestions…", "", commands.edit_phrases))

    view = window.menuBar().addMenu("&View")
    view.addAction(act("Presenter screen", "F9", commands.toggle_presenter_screen))
    view.addAction(
        act("Flash a message on the presenter screen…", "Ctrl+M", commands.flash_message)
    )
    # Ctrl+B and Ctrl+F bring the bank forward (from behind a tab too) and give it the keys;
    # the dock's own entry only shows or hides it.
    view.addAction(bank_dock.toggleViewAction())
    view.addAction(bank_show)
    view.addAction(bank_search)
    view.addAction(outcomes_dock.toggleViewAction())
    view.addAction(outcomes_focus)
    view.addAction(timeline_dock.toggleViewAction())
    view.addAction(act("Timeline of the day", "Ctrl+Shift+H", timeline_dock.show_readable))
    view.addSeparator()
    view.addAction(act("Timer warning…", "", commands.change_amber))

    help_menu = window.menuBar().addMenu("&Help")
    help_menu.addAction(
        act("&Keyboard shortcuts", "F1", lambda: show_shortcuts(window, TYPING_KEYS))
    )
    return steps
