"""A session note's life after export, for scripts: `balcony returned FILE [--take-in]`,
`balcony sent DAY_ID AUTHORITY` and `balcony agree DAY_ID AUTHORITY`.

The record book and the round trip decide what each step may do, as they do for the Records
window; this module finds the record, formats their answers and chooses the exit status:
0 done, 1 done in part, 2 refused (one line on stderr says why; nothing was changed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitator.amendments.placements import session_note_placements
from facilitator.amendments.round_trip import (
    AmendedFile,
    AmendedFileError,
    ApplyError,
    ChangeKind,
    Choice,
    ParagraphChange,
    Placements,
)
from facilitator.common.wording import one_line
from facilitator.records.exporting import DayRecord, RecordExports
from facilitator.records.keys import long_date
from facilitator.records.versions import RecordError
from facilitator.workspace import Workspace

REFUSED = 2
IN_PART = 1


class _RefusedError(Exception):
    """Nothing was done; the message says why, on one line."""


def run_lifecycle_command(workspace: Workspace, args: argparse.Namespace) -> int:
    try:
        if args.command == "returned":
            return _returned(workspace, Path(args.file), take_in=args.take_in)
        record = _session_note(workspace, args.day_id, args.authority)
        if args.command == "sent":
            state = workspace.records.mark_sent(record.key)
            print(f"Version {state.version} of the {record.described} marked as sent.")
            return 0
        on = args.on or workspace.clock.wall_now().astimezone().date()
        state = workspace.records.agree(record.key, on)
        print(f"The {record.described} is agreed on {long_date(state.agreed_on)} and locked.")
        return 0
    except (_RefusedError, AmendedFileError, RecordError) as exc:
        print(f"balcony: {one_line(str(exc))}", file=sys.stderr)
        return REFUSED


# finding the record ----------------------------------------------------------------------


def _day_records(workspace: Workspace, day_id: int) -> list[DayRecord]:
    try:
        return RecordExports(workspace).day_records(day_id)
    except LookupError:
        raise _RefusedError(f"there is no day {day_id}. `balcony days` lists them.") from None


def _session_note(workspace: Workspace, day_id: int, authority: str) -> DayRecord:
    """The session note of the authority named (by name or short name, any case)."""
    notes = [r for r in _day_records(workspace, day_id) if r.session is not None]
    wanted = authority.strip().casefold()
    for record in notes:
        assert record.session is not None
        names = (record.session.authority_name, record.session.short_name)
        if wanted and wanted in (n.strip().casefold() for n in names if n):
            return record
    listed = ", ".join(_named(r) for r in notes) or "none"
    raise _RefusedError(f"day {day_id} has no authority “{authority}”. Its authorities: {listed}.")


def _named(record: DayRecord) -> str:
    assert record.session is not None
    name, short = record.session.authority_name, record.session.short_name
    return f"{name} ({short})" if short else name


def _record_of(workspace: Workspace, amended: AmendedFile) -> DayRecord | None:
    """The day's record the file is a copy of; None for a cycle report (no day)."""
    day_id = amended.key.day_id
    if day_id is None:
        return None
    for record in _day_records(workspace, day_id):
        if record.key == amended.key:
            return record
    raise _RefusedError(
        f"{amended.file_name} is a copy of a record day {day_id} no longer has (its session "
        "may have been removed), so it cannot be taken in."
    )


# the returned copy -----------------------------------------------------------------------


def change_line(change: ParagraphChange) -> str:
    """KIND, SECTION and TEXT, tab-separated: the words as returned (as sent, if deleted)."""
    text = change.before if change.kind is ChangeKind.DELETED else change.after
    return "\t".join((change.kind.value, one_line(change.section), one_line(text)))


def _returned(workspace: Workspace, path: Path, *, take_in: bool) -> int:
    amended = workspace.round_trip.read_amended(path)
    for notice in amended.notices:
        print(f"balcony: note: {one_line(notice)}", file=sys.stderr)
    if not take_in:
        for change in amended.changes:
            print(change_line(change))
        return 0
    record = _record_of(workspace, amended)
    placements: Placements = {}
    if record is not None and amended.key.day_id is not None:
        placements = session_note_placements(workspace.planner.day_plan(amended.key.day_id), record)
    return _take_in(workspace, amended, placements, record)


def _take_in(
    workspace: Workspace,
    amended: AmendedFile,
    placements: Placements,
    record: DayRecord | None,
) -> int:
    """Takes in every change that can be placed, as the round trip checks each one; lists
    the others, each with why, as `not placed<TAB>KIND<TAB>SECTION<TAB>TEXT<TAB>WHY`."""
    trip = workspace.round_trip
    edits = amended.edits
    why = {c: trip.problems(amended, placements=placements, changes=(c,)) for c in edits}
    placed = [c for c in edits if not why[c]]
    left = [c for c in edits if why[c]]
    for comment in amended.comments:
        print(change_line(comment))  # a comment is for the facilitator to act on
    what = f"the {record.described}" if record else amended.key.kind.label
    of = f"version {amended.version} of {what}"
    if left and not placed:
        # Nothing to take in: kept as the amended text, so an export from the notes (which
        # would leave these changes out) asks for --replace-amended first.
        trip.apply(amended, Choice.KEEP)
        _list_left(left, why)
        print(f"No change could be placed: the returned copy of {of} is kept as the amended text.")
        return IN_PART
    try:
        result = trip.apply(amended, Choice.ACCEPT, placements=placements, changes=placed)
    except ApplyError as exc:
        for problem in exc.problems:
            print(f"balcony: {one_line(problem)}", file=sys.stderr)
        print(f"balcony: {one_line(str(exc))}", file=sys.stderr)
        return IN_PART
    _list_left(left, why)
    count = len(result.done)
    changes = "1 change" if count == 1 else f"{count} changes"
    print(f"Returned copy of {of}: {changes} taken into the notes.")
    if left:
        print(
            f"balcony: {len(left)} of {len(edits)} changes could not be placed "
            "(listed above): add them to the notes by hand.",
            file=sys.stderr,
        )
        return IN_PART
    return 0


def _list_left(left: list[ParagraphChange], why: dict[ParagraphChange, list[str]]) -> None:
    for change in left:
        reasons = " ".join(one_line(p) for p in why[change])
        print(f"not placed\t{change_line(change)}\t{reasons}")
