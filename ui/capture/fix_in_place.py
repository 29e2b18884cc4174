"""Fixing a saved bullet in place: its tag, who it is credited to, and its stage (and with
it its session), from the keyboard or the bullet's context menu, each change one undo step.

The keys work on the bullet selected in the list: Ctrl+T changes its tag, Ctrl+Shift+P who
said it, Ctrl+Shift+M the stage it is filed under, Ctrl+Shift+S its session (keeping the
stage); Shift+F10 or the Menu key opens the context menu, which also offers the list's other
actions (edit, move up and down, delete).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QComboBox, QDialog, QInputDialog, QListView, QMenu, QWidget

from facilitator.capture.introductions import PersonOfDay
from facilitator.capture.notes import Notebook, NotePlace, NoteView
from facilitator.capture.outcome_route import OutcomeRoute
from facilitator.common.vocabulary import NoteTag
from ui.capture.note_commands import ChangeNote, MoveNoteToStage, RoutedNote, quoted

T = TypeVar("T")
NOBODY = "Nobody in particular"


def choose(
    parent: QWidget, title: str, label: str, choices: Sequence[tuple[str, T]], current: int
) -> tuple[bool, T | None]:
    """Asks for one of `choices` (label, value) in a small list: arrows or typing the first
    letters move, Enter picks, Escape cancels. Returns (picked, value)."""
    labels = _unique([text for text, _ in choices])
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.setLabelText(label)
    dialog.setOption(QInputDialog.InputDialogOption.UseListViewForComboBoxItems)
    dialog.setComboBoxItems(labels)
    dialog.setComboBoxEditable(False)
    dialog.setTextValue(labels[max(0, min(current, len(labels) - 1))])
    for child in dialog.findChildren(QListView) + dialog.findChildren(QComboBox):
        child.setAccessibleName(label)
        child.setMinimumWidth(600)  # a whole stage and its session on one line
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False, None
        picked = dialog.textValue()
    finally:
        dialog.deleteLater()
        parent.window().activateWindow()  # back to the bullet, ready for the next key
        parent.setFocus()
    if picked not in labels:
        return False, None
    return True, choices[labels.index(picked)][1]


def _unique(labels: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    unique = []
    for text in labels:
        seen[text] = seen.get(text, 0) + 1
        unique.append(text if seen[text] == 1 else f"{text} ({seen[text]})")
    return unique


class FixableList(Protocol):
    """A list model of bullets the fixes work on: the console's stage, or the review's note."""

    notebook: Notebook
    names: dict[int, str]
    people: tuple[PersonOfDay, ...]

    @property
    def draft_id(self) -> int | None: ...
    def note_at(self, row: int) -> NoteView | None: ...
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ..., /) -> int: ...
    def index(
        self, row: int, column: int = ..., parent: QModelIndex | QPersistentModelIndex = ..., /
    ) -> QModelIndex: ...


class NoteFixer(QObject):
    """Adds the fix-in-place actions and the context menu to a list of bullets. `told` carries
    a message for the status bar (where a moved bullet went, or why a change was refused)."""

    told = Signal(str)

    def __init__(
        self,
        view: QListView,
        model: FixableList,
        undo: QUndoStack,
        parent: QObject | None = None,
        route: OutcomeRoute | None = None,
    ) -> None:
        super().__init__(parent or view)
        self.view, self.model, self.undo = view, model, undo
        self._route = route  # a bullet retagged as an action, ask or offer becomes that item
        self.notebook: Notebook = model.notebook
        self.change_tag_action = self._action("Change tag…", "Ctrl+T", self.change_tag)
        self.change_person_action = self._action(
            "Change person…", "Ctrl+Shift+P", self.change_person
        )
        self.move_action = self._action("Move to stage…", "Ctrl+Shift+M", self.move_to_stage)
        self.move_session_action = self._action(
            "Move to session…", "Ctrl+Shift+S", self.move_to_session
        )
        self.menu_action = self._action("Bullet menu", "Shift+F10", self.show_menu)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The context menu: from the mouse, for the bullet under it; from the Menu key, for
        the selected bullet (wherever the list thinks the keyboard's menu belongs)."""
        if event.type() != QEvent.Type.ContextMenu or not isinstance(event, QContextMenuEvent):
            return False
        mouse = event.reason() == QContextMenuEvent.Reason.Mouse
        self.show_menu(event.pos() if mouse and watched is self.view.viewport() else None)
        return True

    def _action(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.view)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda *_: slot())
        self.view.addAction(action)
        return action

    def selected(self) -> NoteView | None:
        """The bullet to fix: not one still being typed on the capture line, which Enter
        would otherwise retag as it is saved."""
        note = self.model.note_at(self.view.currentIndex().row())
        if note is not None and note.id == self.model.draft_id:
            self.told.emit("This bullet is still being typed: press Enter to keep it first.")
            return None
        return note

    def show_menu(self, pos: QPoint | None = None) -> QMenu | None:
        """The selected bullet's menu: at the bullet under the mouse, or (from the keyboard)
        at the selected bullet."""
        if pos is not None and self.view.indexAt(pos).isValid():
            self.view.setCurrentIndex(self.view.indexAt(pos))
        index = self.view.currentIndex()
        if self.selected() is None:
            return None
        menu = QMenu(self.view)
        menu.setAccessibleName("Bullet actions")
        edit = menu.addAction("Edit text")
        edit.setShortcut(QKeySequence("F2"))
        edit.triggered.connect(lambda *_: self.view.edit(index))
        menu.addActions([a for a in self.view.actions() if a is not self.menu_action])
        rect = self.view.visualRect(index)
        where = pos if pos is not None and rect.contains(pos) else rect.bottomLeft()
        menu.popup(self.view.viewport().mapToGlobal(where))
        return menu

    def change_tag(self) -> None:
        note = self.selected()
        if note is None:
            return
        tags = list(NoteTag)
        ok, tag = choose(
            self.view,
            "Change tag",
            f"Tag of {quoted(note.text, 50)}:",
            [(t.label, t) for t in tags],
            tags.index(note.tag),
        )
        if ok and tag is not None and tag is not note.tag:
            self._retag(note, tag)

    def _retag(self, note: NoteView, tag: NoteTag) -> None:
        """One undo step: the new tag, and if it makes the bullet an Outcomes item, the item."""
        retagged = ChangeNote(self.notebook, note, tag=tag)
        if self._route is None or not self._route.routes(replace(note, tag=tag)):
            self.undo.push(retagged)
            return
        self.undo.beginMacro(retagged.text())
        self.undo.push(retagged)
        routed = self._route.route(self.notebook.get(note.id))
        if routed is not None:
            self.undo.push(RoutedNote(self._route, routed))
            self.told.emit(routed.said)
        self.undo.endMacro()

    def change_person(self) -> None:
        """Credits the selected bullet to nobody, an authority, or one person of the day (and
        with them their authority): (authority id, person id)."""
        note = self.selected()
        if note is None:
            return
        people: list[tuple[str, tuple[int | None, int | None]]] = [(NOBODY, (None, None))]
        authorities = [
            *((p.presenter, p.presenter_id) for p in self.notebook.places(note.day_id)),
            *((name, a) for a, name in self.model.names.items()),  # anyone else the day names
        ]
        for name, authority_id in authorities:
            if authority_id is not None and all((authority_id, None) != w for _, w in people):
                people.append((name, (authority_id, None)))
        for p in self.model.people:  # each person of the day, as the "Who" box names them
            label = f"{p.name} ({p.authority_name})" if p.authority_name else p.name
            people.append((label, (p.authority_id, p.person_id)))
        whos = [w for _, w in people]
        was = (note.authority_id, note.person_id)
        current = next((whos.index(w) for w in (was, (was[0], None)) if w in whos), 0)
        ok, who = choose(
            self.view, "Change person", f"Who said {quoted(note.text, 50)}:", people, current
        )
        if ok and who is not None and who != was:
            authority_id, person_id = who
            self.undo.push(
                ChangeNote(self.notebook, note, authority_id=authority_id, person_id=person_id)
            )

    def move_to_stage(self) -> None:
        note = self.selected()
        if note is None:
            return
        row = self.view.currentIndex().row()
        places = self.notebook.places(note.day_id)
        current = next((i for i, p in enumerate(places) if p.stage_id == note.stage_id), 0)
        ok, place = choose(
            self.view,
            "Move to stage",
            f"Stage and session for {quoted(note.text, 50)}:",
            [(p.label, p) for p in places],
            current,
        )
        if ok and place is not None and place.stage_id != note.stage_id:
            self._move(note, row, place)

    def move_to_session(self) -> None:
        """Files the selected bullet under the same stage of another session: for a bullet
        typed into the wrong session."""
        note = self.selected()
        if note is None:
            return
        places = self.notebook.places(note.day_id)
        here = next((p for p in places if p.stage_id == note.stage_id), None)
        others = [
            p
            for p in places
            if here is not None
            and p.kind is here.kind
            and p.session_number not in (None, here.session_number)
        ]
        if here is None or here.session_number is None or not others:
            self.told.emit("This stage is the whole day's: use Move to stage… (Ctrl+Shift+M).")
            return
        row = self.view.currentIndex().row()
        ok, place = choose(
            self.view,
            "Move to session",
            f"Session for {quoted(note.text, 50)} (stays under {here.kind.label}):",
            [(f"Session {p.session_number} ({p.presenter})", p) for p in others],
            0,
        )
        if ok and place is not None:
            self._move(note, row, place)

    def _move(self, note: NoteView, row: int, place: NotePlace) -> None:
        self.undo.push(MoveNoteToStage(self.notebook, note, place.stage_id, place.label))
        self.told.emit(f"Moved to {place.label}. Ctrl+Z puts it back.")
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1)))
