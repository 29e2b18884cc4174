"""Taking a returned file's changes into the notes, actions and asks and offers.

Each change becomes a step that calls a service and returns how to undo itself, so the round
trip can take every change in or none. Changes that cannot be taken in (a heading, Balcony's
own wording, a bullet edited in Balcony since it was sent, an addition with no place) are
problems, found before any step runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from facilitator.amendments.compare import ChangeKind, ParagraphChange, heading_paths
from facilitator.amendments.day_facts_edits import IntoDayFacts, is_day_fact
from facilitator.amendments.numbers import plain_number
from facilitator.capture.actions import Actions
from facilitator.capture.exchanges import Exchanges
from facilitator.capture.notes import Notebook
from facilitator.common.vocabulary import NoteTag
from facilitator.records.keys import RecordKey
from facilitator.records.reading import DocParagraph
from facilitator.storage.database import Database
from facilitator.storage.models import Action, Exchange, Note
from facilitator.word.record_content import HEADING_BOOKMARK, NONE_RECORDED

_SHORT = 60  # characters of a bullet quoted in a message


@dataclass(frozen=True)
class NotesOf:
    """Bullets added under a heading become notes of this stage, with this tag."""

    stage_id: int
    tag: NoteTag = NoteTag.NOTE


@dataclass(frozen=True)
class ActionsOf:
    """Bullets added under a heading become actions of this session."""

    session_id: int


Placement = NotesOf | ActionsOf
# Section heading → where bullets added under it go (a bare int is a stage id).
Placements = Mapping[str, int | NotesOf | ActionsOf]


@dataclass
class Step:
    describe: str
    run: Callable[[], Callable[[], object]]  # does the step, returns how to undo it


class Returned(Protocol):
    """What the steps need of a returned file (roundtrip.AmendedFile has it)."""

    @property
    def key(self) -> RecordKey: ...

    @property
    def version(self) -> int: ...

    @property
    def paragraphs(self) -> tuple[DocParagraph, ...]: ...


class IntoNotes:
    """Plans and runs the steps that take changes into the record's services."""

    def __init__(
        self,
        db: Database,
        notebook: Notebook,
        actions: Actions,
        exchanges: Exchanges,
        day_facts: IntoDayFacts | None = None,
    ) -> None:
        self._db = db
        self._notebook = notebook
        self._actions = actions
        self._exchanges = exchanges
        self._day_facts = day_facts or IntoDayFacts(None, None)

    def plan(
        self,
        returned: Returned,
        chosen: Sequence[ParagraphChange],
        placements: Placements,
    ) -> tuple[list[Step], list[str]]:
        """The steps that take the chosen changes in (edits and deletions first, then
        additions in reading order), and the problems that stop them."""
        steps: list[Step] = []
        additions: list[Step] = []
        problems: list[str] = []
        for change in chosen:
            quoted = _quote(change.after or change.before)
            if change.kind is ChangeKind.COMMENT:
                continue  # for the facilitator to act on; nothing in the notes changes
            if change.kind is ChangeKind.MOVED:
                problems.append(
                    f"{quoted} was moved. Balcony does not move notes from a returned file: "
                    "move it in Balcony and leave this change out, or keep the amended text."
                )
            elif change.kind is ChangeKind.ADDED:
                step = self._addition(returned, change, placements, problems)
                if step is not None:
                    additions.append(step)
            else:
                step = self._edit_or_delete(returned, change, problems)
                if step is not None:
                    steps.append(step)
        return steps + additions, problems

    def _edit_or_delete(
        self, returned: Returned, change: ParagraphChange, problems: list[str]
    ) -> Step | None:
        quoted = _quote(change.before)
        kind, row_id = _bookmark_parts(change.bookmark)
        if change.kind is ChangeKind.DELETED and change.before.strip() == NONE_RECORDED:
            return None  # Balcony's own "None recorded." line: nothing stored to delete
        if f"{kind}-" == HEADING_BOOKMARK:
            problems.append(
                f"The heading {quoted} was reworded. A note’s headings are Balcony’s own, so "
                "this change is left out; the rest can still be taken in."
            )
            return None
        if is_day_fact(change.bookmark):
            planned = self._day_facts.plan(returned.key, returned.version, change, problems)
            return Step(planned[0], planned[1]) if planned else None
        if kind not in ("note", "action", "exchange") or row_id is None:
            problems.append(
                f"{quoted} is not a note, action, ask or offer (it is a heading, Balcony’s own "
                "wording, or a question as asked), so the change to it cannot be taken in. "
                "Leave this change out, or keep the amended text."
            )
            return None
        current = self._current(kind, row_id, returned.key)
        deleting = change.kind is ChangeKind.DELETED or not change.after_marked.strip()
        if current is None:
            if not deleting:
                problems.append(
                    f"{quoted} was deleted in Balcony after version {returned.version} was "
                    "sent, so the change to it cannot be taken in."
                )
            return None  # a deletion already made
        new = change.after_marked.strip()
        if current not in (change.before_marked, new):
            problems.append(
                f"{quoted} was edited in Balcony after version {returned.version} was sent "
                f"(it now reads {_quote(current)}): taking the returned wording in would "
                "overwrite that. Leave this change out, or keep the amended text."
            )
            return None
        if deleting:
            return Step(f"Deleted {quoted}", lambda: self._delete(kind, row_id))
        if current == new:
            return None  # already says this
        if new == change.before_marked:
            problems.append(
                f"Only the words around {quoted} changed (such as who said it), and those are "
                "not kept with it. Leave this change out, or keep the amended text."
            )
            return None
        return Step(
            f"Changed {quoted} to {_quote(new)}", lambda: self._edit(kind, row_id, new, current)
        )

    def _addition(
        self,
        returned: Returned,
        change: ParagraphChange,
        placements: Placements,
        problems: list[str],
    ) -> Step | None:
        quoted = _quote(change.after)
        if change.style.startswith("Heading") or change.style == "Title":
            problems.append(
                f"The new heading {quoted} cannot be added to the notes. Leave this change out, "
                "or keep the amended text."
            )
            return None
        if change.neighbours_section is not None:
            problems.append(
                f"The added {quoted} sits under “{change.section or 'the start'}”, but the "
                "bullets beside it were sent under "
                f"“{change.neighbours_section or 'the start'}”: a heading was removed or moved, "
                "so Balcony cannot tell which section it belongs to. Add it in Balcony, or "
                "leave this change out."
            )
            return None
        target = _placement(change.headings, placements)
        if target is None:
            under = f"under “{change.section}”" if change.section else "before the first heading"
            problems.append(
                f"The added {quoted} is {under}, which has no place in the notes. Leave this "
                "change out, or keep the amended text."
            )
            return None
        text = change.after
        return Step(f"Added {quoted}", lambda: self._add(returned, change, target, text))

    # the changes, each returning its undo ------------------------------------------------

    def _edit(self, kind: str, row_id: int, text: str, old: str) -> Callable[[], object]:
        if kind == "note":
            self._notebook.edit(row_id, text=text)
            return lambda: self._notebook.edit(row_id, text=old)
        if kind == "action":
            self._actions.edit(row_id, text=text)
            return lambda: self._actions.edit(row_id, text=old)
        with self._db.session_scope() as s:
            row = s.get(Exchange, row_id)
            if row is None:
                raise LookupError(f"There is no ask or offer with id {row_id}.")
            old_topic, old_detail = row.topic, row.detail
        topic, detail = _exchange_words(text, old_topic, old_detail)
        self._exchanges.edit(row_id, topic=topic, detail=detail)
        return lambda: self._exchanges.edit(row_id, topic=old_topic, detail=old_detail)

    def _delete(self, kind: str, row_id: int) -> Callable[[], object]:
        if kind == "note":
            note = self._notebook.delete(row_id)
            return lambda: self._notebook.restore(note)
        if kind == "action":
            action = self._actions.delete(row_id)
            return lambda: self._actions.restore(action)
        exchange = self._exchanges.delete(row_id)
        return lambda: self._exchanges.restore(exchange)

    def _add(
        self,
        returned: Returned,
        change: ParagraphChange,
        target: Placement,
        text: str,
    ) -> Callable[[], object]:
        position = self._position(returned, change, target)
        if isinstance(target, NotesOf):
            note = self._notebook.add(target.stage_id, text, target.tag)
            if note is None:
                return lambda: None
            if position is not None:
                self._notebook.move(note.id, position)
            return lambda: self._notebook.delete(note.id)
        action = self._actions.add(target.session_id, text)
        if position is not None:
            self._actions.move(action.id, position)
        return lambda: self._actions.delete(action.id)

    def _position(
        self,
        returned: Returned,
        change: ParagraphChange,
        target: Placement,
    ) -> int | None:
        """Where an added bullet goes among its stage's notes (or session's actions): just
        after the bullet above it under the same heading, else just before the one below;
        None to leave it last."""
        if isinstance(target, NotesOf):
            rows = [("note", n.id, n.text) for n in self._notebook.for_stage(target.stage_id)]
        else:
            rows = [("action", a.id, a.text) for a in self._actions.for_session(target.session_id)]
        ids = [(kind, row_id) for kind, row_id, _ in rows]
        texts = {text: (kind, row_id) for kind, row_id, text in rows}
        paths = heading_paths(returned.paragraphs)
        neighbours = returned.paragraphs
        above = range(change.index - 1, -1, -1)
        below = range(change.index + 1, len(neighbours))
        for places, offset in ((above, 1), (below, 0)):
            for j in places:
                if paths[j] != change.headings:
                    break
                p = neighbours[j]
                found = _bookmark_parts(p.bookmark)
                if found not in ids:
                    # an earlier addition, by its words, once it has been added
                    found = texts.get(p.text, (None, None)) if p.bookmark is None else found
                if found in ids:
                    return ids.index(found) + offset
        return None

    # reading rows ------------------------------------------------------------------------

    def _current(self, kind: str, row_id: int, key: RecordKey) -> str | None:
        """The row's words as the note prints them now; None if it is gone or not this
        record's."""
        with self._db.session_scope() as s:
            if kind == "note":
                note = s.get(Note, row_id)
                if note is None or not _ours(key, note.session_id, note.day_id):
                    return None
                return note.text
            if kind == "action":
                action = s.get(Action, row_id)
                if action is None or not _ours(key, action.session_id, None):
                    return None
                return action.text
            exchange = s.get(Exchange, row_id)
            if exchange is None or not _ours(key, exchange.session_id, None):
                return None
            if exchange.detail:
                return f"{exchange.topic}: {exchange.detail}"
            return exchange.topic


# helpers ---------------------------------------------------------------------------------


def _bookmark_parts(bookmark: str | None) -> tuple[str | None, int | None]:
    """ "note-12" → ("note", 12); anything else → (its prefix or None, None)."""
    if not bookmark:
        return None, None
    kind, _, number = bookmark.rpartition("-")
    row_id = plain_number(number)
    if not kind or row_id is None:
        return bookmark, None
    return kind, row_id


def _placement(headings: tuple[str, ...], placements: Placements) -> Placement | None:
    for heading in reversed(headings):
        target = placements.get(heading)
        if target is not None:
            return NotesOf(target) if isinstance(target, int) else target
    return None


def _ours(key: RecordKey, session_id: int | None, day_id: int | None) -> bool:
    if key.session_id is not None:
        return session_id == key.session_id
    if key.day_id is not None and day_id is not None:
        return day_id == key.day_id
    return True


def _exchange_words(text: str, topic: str, detail: str) -> tuple[str, str]:
    """An ask or offer prints as "topic: detail" (or the topic alone): split the new words."""
    if not detail:
        return text, ""
    if text.startswith(f"{topic}:"):
        return topic, text.removeprefix(f"{topic}:").strip()
    new_topic, colon, new_detail = text.partition(": ")
    if colon and new_topic.strip() and new_detail.strip():
        return new_topic.strip(), new_detail.strip()
    return topic, text


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text[: _SHORT - 1]}…”" if len(text) > _SHORT else f"“{text}”"
