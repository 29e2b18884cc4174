"""The round trip: a director's amended Word file back into Balcony.

`read_amended` recognises the file by the identifier Balcony wrote into it, refuses anything
else in plain words, and compares it with the version that was sent (compare.py).
`apply` then either takes the changes into the notes, actions and asks and offers
("accept into the record") or keeps the file as the amended text without touching them
("keep as amended text"). Either way the file is kept as a version and the record becomes
"amended". Taking changes in is all or nothing: every change is checked first, and if a
step still fails part-way the steps already done are undone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from facilitator.amendments.anchors import anchor_headings
from facilitator.amendments.compare import ChangeKind, ParagraphChange, compare, render_diff
from facilitator.amendments.day_facts_edits import IntoDayFacts
from facilitator.amendments.returned_file import (
    AmendedFileError,
    key_of,
    read_returned,
    version_of,
)
from facilitator.amendments.taking_in import ActionsOf, IntoNotes, NotesOf, Placements
from facilitator.capture.actions import Actions
from facilitator.capture.exchanges import Exchanges
from facilitator.capture.notes import Notebook
from facilitator.capture.session_facts import SessionFacts
from facilitator.planning.planner import Planner
from facilitator.records.keys import RecordKey, long_date
from facilitator.records.reading import (
    DocParagraph,
)
from facilitator.records.versions import RecordBook, RecordError, RecordStateView, VersionView
from facilitator.storage.database import Database
from facilitator.storage.models import Authority, Day
from facilitator.storage.record_tables import RecordKind, VersionOrigin
from facilitator.word.packages import PackageError, read_word_file

_FIX = (
    "Check it is the copy Balcony exported; if it is, open it in Word, remove any large "
    "pictures or embedded files, save it as a Word Document (.docx) and import that."
)

__all__ = [
    "ActionsOf",
    "AmendedFile",
    "AmendedFileError",
    "ApplyError",
    "ApplyResult",
    "ChangeKind",
    "Choice",
    "NotesOf",
    "ParagraphChange",
    "Placements",
    "RoundTrip",
    "compare",
    "render_diff",
]


class Choice(StrEnum):
    ACCEPT = "accept into the record"
    KEEP = "keep as amended text"


class ApplyError(RecordError):
    """Changes that cannot be taken in; nothing was changed. `problems` lists each one."""

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems)


@dataclass(frozen=True)
class AmendedFile:
    key: RecordKey
    version: int  # the version the file says it is
    file_name: str
    document: bytes
    paragraphs: tuple[DocParagraph, ...]  # as returned, Balcony's headings anchored
    sent: tuple[DocParagraph, ...]  # as Balcony exported that version
    changes: tuple[ParagraphChange, ...]  # comments among them, by where they are anchored
    notices: tuple[str, ...] = ()  # headings found restyled or missing, in plain words

    @property
    def edits(self) -> tuple[ParagraphChange, ...]:
        """The changes to the text: every change but the comments."""
        return tuple(c for c in self.changes if c.kind is not ChangeKind.COMMENT)

    @property
    def comments(self) -> tuple[ParagraphChange, ...]:
        return tuple(c for c in self.changes if c.kind is ChangeKind.COMMENT)

    def diff_lines(self) -> list[str]:
        return render_diff(self.changes)


@dataclass(frozen=True)
class ApplyResult:
    version: VersionView  # the returned file, as kept
    status: RecordStateView
    done: tuple[str, ...] = field(default=())  # what was changed in the notes, one line each


class RoundTrip:
    """Reads returned files and takes them in; the services do the changing."""

    def __init__(
        self,
        db: Database,
        book: RecordBook,
        notebook: Notebook,
        actions: Actions,
        exchanges: Exchanges,
        planner: Planner | None = None,
        facts: SessionFacts | None = None,
    ) -> None:
        """`planner` and `facts`, when given, let corrections to who took part and to the
        topical invitation be taken in too."""
        self._db = db
        self._book = book
        day_facts = IntoDayFacts(planner, facts)
        self._into_notes = IntoNotes(db, notebook, actions, exchanges, day_facts)

    # reading ----------------------------------------------------------------------------

    def read_amended(self, path: Path, expected: RecordKey | None = None) -> AmendedFile:
        """The returned file at `path`, checked and compared with the version sent.

        `expected`: the record the facilitator is importing for; a file for any other is
        refused. Raises AmendedFileError with a message for the facilitator.
        """
        path = Path(path)
        what = expected.kind.label if expected else "record"
        try:
            # Checked before python-docx sees it: a small file may inflate to gigabytes.
            data = read_word_file(path, _FIX)
        except PackageError as exc:
            raise AmendedFileError(str(exc)) from exc
        contents = read_returned(data, path.name)
        key = key_of(contents, what)
        if expected is not None and key != expected:
            raise AmendedFileError(self._other_record(key, expected))
        noun = _noun(key)
        number = version_of(contents.version, key.kind.label)
        state = self._book.status(key)
        if not state.exported:
            raise AmendedFileError(
                f"Balcony has no record of exporting this {key.kind.label}: it may come from "
                "another data file."
            )
        if state.locked:
            raise AmendedFileError(
                f"This {noun} was agreed on {long_date(state.agreed_on)} and is locked. "
                "Reopen it first to take in further changes."
            )
        lowest = state.sent_version if state.sent_version is not None else state.version
        if number > state.version or number < lowest:
            latest = lowest if number < lowest else state.version
            word = "sent" if latest == state.sent_version else "exported"
            raise AmendedFileError(
                f"This {noun} is version {number}, but version {latest} is the latest {word}. "
                f"Choose the returned copy of version {latest}."
            )
        sent_row = self._book.latest_export(key, number)
        if sent_row is None:
            raise AmendedFileError(
                f"Balcony has no copy of version {number} as it was exported, so it cannot "
                "show what changed."
            )
        for row in self._book.versions(key):
            if row.origin is VersionOrigin.RETURNED and row.version == number and row.taken_in:
                raise AmendedFileError(
                    f"The returned copy of version {number} was already taken into the notes "
                    f"on {long_date(row.created_at.astimezone().date())}. Export a new "
                    "version for any further amendments."
                )
        sent = self._copy_it_came_from(key, number, contents.paragraphs)
        anchored = anchor_headings(sent, contents.paragraphs)
        return AmendedFile(
            key=key,
            version=number,
            file_name=path.name,
            document=data,
            paragraphs=anchored.paragraphs,
            sent=sent,
            changes=compare(sent, anchored.paragraphs, contents.comments),
            notices=anchored.notices,
        )

    def _copy_it_came_from(
        self, key: RecordKey, number: int, returned: Sequence[DocParagraph]
    ) -> tuple[DocParagraph, ...]:
        """The paragraphs of the export of version `number` the returned copy is closest to.

        A version may be exported again after it was sent (a reprint a day later carries a
        new issue date and "sent" in its status line); the director returns the copy they
        were sent, and comparing it with a later reprint would list Balcony's own changed
        lines as the director's.
        """
        exports = [
            row
            for row in self._book.versions(key)
            if row.origin is VersionOrigin.EXPORTED and row.version == number
        ]
        candidates = [self._book.paragraphs(row.id) for row in exports]
        if len(candidates) <= 1:
            return candidates[0] if candidates else ()
        # Fewest differences; the latest export when two are as close.
        return min(reversed(candidates), key=lambda sent: len(compare(sent, returned)))

    # taking in --------------------------------------------------------------------------

    def problems(
        self,
        amended: AmendedFile,
        placements: Placements | None = None,
        changes: Iterable[ParagraphChange] | None = None,
    ) -> list[str]:
        """Why the chosen changes (all, by default) cannot be taken into the notes; [] if
        they can."""
        _, problems = self._into_notes.plan(
            amended, self._chosen(amended, changes), placements or {}
        )
        return problems

    def apply(
        self,
        amended: AmendedFile,
        choice: Choice,
        *,
        placements: Placements | None = None,
        changes: Iterable[ParagraphChange] | None = None,
    ) -> ApplyResult:
        """Takes the changes in (ACCEPT) or keeps the file as the amended text (KEEP).

        `placements` says where bullets added under each heading go; `changes` limits
        ACCEPT to some of the changes (the file is still kept whole). Raises ApplyError,
        having changed nothing, if a change cannot be taken in.
        """
        if Choice(choice) is Choice.KEEP:
            return self._keep(amended, taken_in=False, done=())
        chosen = self._chosen(amended, changes)
        steps, problems = self._into_notes.plan(amended, chosen, placements or {})
        if problems:
            raise ApplyError(
                "Nothing was taken in: "
                + " ".join(problems[:1])
                + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""),
                problems,
            )
        undo: list[Callable[[], object]] = []
        try:
            for step in steps:
                undo.append(step.run())
            return self._keep(amended, taken_in=True, done=tuple(s.describe for s in steps))
        except Exception as exc:
            failed = _undo(undo)
            left = (
                f" Undoing failed for {failed} step(s): check the notes against the file."
                if failed
                else " Nothing was changed."
            )
            raise ApplyError(f"Taking the changes in failed ({exc}).{left}") from exc

    def _keep(self, amended: AmendedFile, *, taken_in: bool, done: tuple[str, ...]) -> ApplyResult:
        version = self._book.record_return(
            amended.key,
            version=amended.version,
            file_name=amended.file_name,
            document=amended.document,
            paragraphs=amended.paragraphs,
            taken_in=taken_in,
        )
        return ApplyResult(version, self._book.status(amended.key), done)

    @staticmethod
    def _chosen(
        amended: AmendedFile, changes: Iterable[ParagraphChange] | None
    ) -> tuple[ParagraphChange, ...]:
        if changes is None:
            return amended.changes
        chosen = tuple(changes)
        if any(change not in amended.changes for change in chosen):
            raise ValueError("a chosen change is not one of this file's changes")
        return chosen

    def _other_record(self, key: RecordKey, expected: RecordKey) -> str:
        if key.kind is not expected.kind:
            return (
                f"This is a Balcony {key.kind.label}, not a {expected.kind.label}. Choose the "
                f"{expected.kind.label} Balcony exported."
            )
        with self._db.session_scope() as s:

            def authority(authority_id: int | None) -> str:
                row = s.get(Authority, authority_id) if authority_id is not None else None
                return row.name if row else "another authority"

            def day(day_id: int | None) -> str:
                row = s.get(Day, day_id) if day_id is not None else None
                return long_date(row.date) if row else "another day"

            if key.kind is RecordKind.SESSION_NOTE:
                if key.authority_id != expected.authority_id:
                    return (
                        f"This note is for {authority(key.authority_id)}, "
                        f"not {authority(expected.authority_id)}."
                    )
                return (
                    f"This note is for {authority(key.authority_id)}’s session on "
                    f"{day(key.day_id)}, not the one on {day(expected.day_id)}."
                )
            if key.kind is RecordKind.DAY_SUMMARY:
                return f"This summary is for {day(key.day_id)}, not {day(expected.day_id)}."
        if key.kind is RecordKind.REVIEW_REPORT:
            return f"This report is for review {key.review_id}, not review {expected.review_id}."
        if key.kind is RecordKind.FORWARD_PLAN:
            return f"This plan is for the {key.cycle_name} cycle, not {expected.cycle_name}."
        return f"This report is for the {key.cycle_name} cycle, not {expected.cycle_name}."


# helpers ---------------------------------------------------------------------------------


def _noun(key: RecordKey) -> str:
    return {
        RecordKind.SESSION_NOTE: "note",
        RecordKind.DAY_SUMMARY: "summary",
        RecordKind.CYCLE_REPORT: "report",
        RecordKind.REVIEW_REPORT: "report",
        RecordKind.FORWARD_PLAN: "plan",
    }[key.kind]


def _undo(undo: list[Callable[[], object]]) -> int:
    """Runs the undo steps newest first; returns how many failed."""
    failed = 0
    for step in reversed(undo):
        try:
            step()
        except Exception:  # keep undoing the rest; the caller reports the count
            failed += 1
    return failed
