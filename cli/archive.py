"""`balcony archive export FILE [--day ID | --cycle NAME]` and
`balcony archive import FILE [--keep mine|theirs|both]`: a day's data moved whole between
data files (a laptop's and the region's) through one archive file; an archive of everything
(neither --day nor --cycle) carries the pool of peer challengers and the reviews too."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitator.archive import (
    ArchiveConflictError,
    ArchiveFileError,
    Keep,
    export_archive,
    import_archive,
)
from facilitator.storage.files import WriteError
from facilitator.workspace import Workspace


def run_archive_command(workspace: Workspace, args: argparse.Namespace) -> int:
    if args.archive_command == "export":
        return _export(workspace, args)
    return _import(workspace, args)


def _export(workspace: Workspace, args: argparse.Namespace) -> int:
    try:
        summary = export_archive(
            workspace.db,
            Path(args.file),
            day_id=args.day,
            cycle=args.cycle,
            now=workspace.clock.wall_now(),
            overwrite=args.force,
        )
    except LookupError as exc:
        print(f"balcony: {exc.args[0]} Nothing was written.", file=sys.stderr)
        return 2
    except WriteError as exc:
        hint = " (add --force to replace it)" if "already exists" in str(exc) else ""
        print(f"balcony: {exc}{hint}", file=sys.stderr)
        return 2
    print(summary.described)
    return 0


def _import(workspace: Workspace, args: argparse.Namespace) -> int:
    keep = Keep(args.keep) if args.keep else None
    try:
        summary = import_archive(workspace.db, Path(args.file), keep)
    except ArchiveFileError as exc:
        print(f"balcony: {exc} Nothing was imported.", file=sys.stderr)
        return 2
    except ArchiveConflictError as exc:
        listed = "; ".join(exc.described)
        nouns = [
            _these(len(found), one, many)
            for found, one, many in ((exc.days, "day", "days"), (exc.reviews, "review", "reviews"))
            if found
        ]
        verb = "is" if len(exc.described) == 1 else "are"
        noun = f"{' and '.join(nouns)} {verb}"
        where = "the shared database" if workspace.db.shared else "the data file"
        print(
            f"balcony: {noun} here already (in {where}): {listed}. Nothing was imported. "
            "Run again with --keep mine (keep yours), --keep theirs (take the archive's) "
            "or --keep both.",
            file=sys.stderr,
        )
        return 2
    print(summary.described)
    return 0


def _these(count: int, one: str, many: str) -> str:
    return f"this {one}" if count == 1 else f"these {count} {many}"
