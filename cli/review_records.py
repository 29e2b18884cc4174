"""`balcony forward-plan CYCLE --out FILE.docx`, `balcony reviews report REVIEW_ID --out
FILE.docx` and `balcony reviews finding REVIEW_ID --section SECTION TEXT`: a cycle's forward
plan and a review's report written as Word, and a review's report filled line by line.

Exit status: 0 done; 1 the record could not be written (the file exists, the record is
agreed, there is nothing to report); 2 refused as typed (no such review, text too long).
One line on stderr says why; nothing was changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.workspace import Workspace

EX_USAGE = 2


def run_review_records_command(workspace: Workspace, args: argparse.Namespace) -> int:
    if args.command == "forward-plan":
        return _write(workspace, args, cycle=args.cycle)
    if args.reviews_command == "report":
        return _write(workspace, args, review_id=args.review_id)
    return add_finding(workspace, args.review_id, args.section, args.text)


def _write(
    workspace: Workspace,
    args: argparse.Namespace,
    *,
    cycle: str | None = None,
    review_id: int | None = None,
) -> int:
    from facilitator.records.exporting import RecordExports
    from facilitator.records.versions import RecordError
    from facilitator.storage.files import WriteError

    exports = RecordExports(
        workspace,
        marking=args.marking.strip() or None,
        template=Path(args.template) if args.template else None,
    )
    path = Path(args.out)
    try:
        if cycle is not None:
            version = exports.export_forward_plan(cycle, path, overwrite=args.force)
            what = f"the {cycle} forward plan"
        else:
            assert review_id is not None
            review = _review_label(workspace, review_id)
            if review is None:
                return EX_USAGE
            version = exports.export_review_report(review_id, path, overwrite=args.force)
            what = f"the report of the {review}"
    except LookupError as exc:
        print(f"balcony: {exc}", file=sys.stderr)
        return 1
    except (WriteError, RecordError) as exc:
        hint = " (add --force to replace it)" if "already exists" in str(exc) else ""
        print(f"balcony: {_one_line(str(exc))}{hint}", file=sys.stderr)
        return 1
    print(f"Wrote {what} to {path} ({version.status.label.lower()}, version {version.version})")
    return 0


def add_finding(workspace: Workspace, review_id: int, section_words: str, text: str) -> int:
    """Adds a line at the end of its section; prints its id, section and text."""
    from facilitator.reviews.findings import FindingError, section_named

    review = _review_label(workspace, review_id)
    if review is None:
        return EX_USAGE
    try:
        section = section_named(section_words)
        line = workspace.findings.add(review_id, section, text)
    except FindingError as exc:
        print(f"balcony: {_one_line(str(exc))}", file=sys.stderr)
        return EX_USAGE
    print(f"{line.id}\t{line.section.value}\t{line.text}")
    return 0


def _review_label(workspace: Workspace, review_id: int) -> str | None:
    """ "Peer Challenge Team Review of Northshire (10-12 Aug 2027)"; None (having said so on
    stderr, with the ids there are) when there is no such review."""
    reviews = workspace.reviews.list()
    review = next((r for r in reviews if r.id == review_id), None)
    if review is not None:
        return review.label
    ids = ", ".join(str(r.id) for r in reviews)
    choices = (
        f"choose one of {ids} (balcony reviews lists them)"
        if ids
        else "there are none yet: import them with balcony reviews import FILE.csv"
    )
    print(f"balcony: there is no review with id {review_id}: {choices}.", file=sys.stderr)
    return None


def _one_line(text: str) -> str:
    return " ".join(text.split())
