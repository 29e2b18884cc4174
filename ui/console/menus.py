"""The console's menus and keys: run steps, capture, tags and views."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from ui.capture.capture_bar import TAG_ORDER
from ui.console.settings import PhrasesDialog, ask_amber

if TYPE_CHECKING:
    from ui.console.window import ConsoleWindow


def install_actions(console: ConsoleWindow) -> None:
    def act(text: str, keys: str | QKeySequence.StandardKey, slot: object) -> QAction:
        action = QAction(text, console)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        console.addAction(action)
        return action

    run = console.menuBar().addMenu("&Day")
    console.next_action = act("Start / next stage", "F5", console.start_or_next)
    console.back_action = act("Back a stage", "Shift+F5", console.go_back)
    console.pause_action = act("Pause / resume", "F6", console.pause_or_resume)
    console.skip_action = act("Skip the break", "Ctrl+Shift+K", console.skip_break)
    console.replan_action = act("Re-plan the rest of the day…", "Ctrl+R", console.replan)
    console.end_action = act("End the day…", "Ctrl+Shift+E", console.end_day)
    run.addActions(
        [console.next_action, console.back_action, console.pause_action, console.skip_action]
    )
    run.addSeparator()
    run.addActions([console.replan_action, console.end_action])

    edit = console.menuBar().addMenu("&Edit")
    undo = console.undo.createUndoAction(console, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = console.undo.createRedoAction(console, "&Redo")
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    edit.addActions([undo, redo])

    capture = console.menuBar().addMenu("&Capture")
    capture.addAction(act("Type a bullet", "Ctrl+L", console.capture.line.setFocus))
    capture.addAction(act("Next questioner", "F7", console.next_turn))
    console.delete_action = QAction("Delete bullet", console.notes_view)
    console.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
    console.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    console.delete_action.triggered.connect(console.delete_selected_note)
    console.notes_view.addAction(console.delete_action)
    for label, keys, step in (
        ("Move bullet up", "Alt+Up", -1),
        ("Move bullet down", "Alt+Down", 1),
    ):
        move = QAction(label, console.notes_view)
        move.setShortcut(QKeySequence(keys))
        move.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        move.triggered.connect(lambda _=False, s=step: console.move_selected_note(s))
        console.notes_view.addAction(move)
    capture.addSeparator()
    for number, tag in enumerate(TAG_ORDER, start=1):
        capture.addAction(
            act(
                f"Tag: {tag.label}",
                f"Ctrl+{number % 10}",
                lambda _=False, t=tag: console.capture.set_tag(t),
            )
        )

    capture.addSeparator()
    capture.addAction(
        act(
            "Phrases that sound like suggestions…",
            "",
            lambda: PhrasesDialog(console.workspace.suggestion_patterns, console).exec(),
        )
    )

    view = console.menuBar().addMenu("&View")
    view.addAction(act("Presenter screen", "F9", console.toggle_presenter_screen))
    view.addAction(act("Flash a message on the presenter screen…", "Ctrl+M", console.flash_message))
    bank = console.bank_dock.toggleViewAction()
    bank.setShortcut(QKeySequence("Ctrl+B"))
    view.addAction(bank)
    view.addAction(console.bank_panel.focus_search_action)
    view.addAction(console.record_dock.toggleViewAction())
    view.addAction(console.record_panel.focus_action)
    view.addSeparator()
    view.addAction(act("Timer warning…", "", lambda: ask_amber(console)))
