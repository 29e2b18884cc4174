"""`balcony export DAY_ID --out DIR` and `balcony cycle-report CYCLE --out FILE.docx`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.chart_pictures import record_pictures
from facilitator.records.exporting import ExportError, RecordExports
from facilitator.records.versions import RecordError
from facilitator.storage.files import WriteError
from facilitator.workspace import Workspace


def run_records_command(workspace: Workspace, args: argparse.Namespace) -> int:
    exports = RecordExports(
        workspace,
        marking=args.marking.strip() or None,
        template=Path(args.template) if args.template else None,
        figures=record_pictures,
    )
    try:
        if args.command == "export":
            return _export_day(
                workspace,
                exports,
                args.day_id,
                Path(args.out),
                args.force,
                replace_amended=args.replace_amended,
            )
        path = Path(args.out)
        version = exports.export_cycle_report(args.cycle, path, overwrite=args.force)
        print(f"Wrote the {args.cycle} cycle report to {path} (version {version.version})")
        return 0
    except LookupError as exc:
        print(f"balcony: {exc}", file=sys.stderr)
        return 1
    except (WriteError, RecordError) as exc:
        hint = " (add --force to replace it)" if "already exists" in str(exc) else ""
        print(f"balcony: {exc}{hint}", file=sys.stderr)
        return 1


def _export_day(
    workspace: Workspace,
    exports: RecordExports,
    day_id: int,
    folder: Path,
    force: bool,
    *,
    replace_amended: bool = False,
) -> int:
    try:
        records = exports.day_records(day_id)
    except LookupError:
        print(f"balcony: there is no day {day_id}. `balcony days` lists them.", file=sys.stderr)
        return 1
    if not folder.is_dir():
        print(f"balcony: {folder} is not a folder. Create it first.", file=sys.stderr)
        return 1
    existing = [folder / f"{r.file_stem}.docx" for r in records]
    clashes = [p.name for p in existing if p.exists()]
    if clashes and not force:
        print(
            "balcony: these files exist already: " + ", ".join(clashes) + ". Nothing was "
            "written. Choose another folder, or add --force to replace them.",
            file=sys.stderr,
        )
        return 1
    failed = 0
    for record, path in zip(records, existing, strict=True):
        # One record that cannot be written does not stop the others; each says why.
        try:
            version = exports.export(
                record, path, overwrite=force, set_aside_amended_text=replace_amended
            )
        except ExportError as exc:
            print(f"balcony: {exc}", file=sys.stderr)
            failed += 1
            continue
        except (WriteError, RecordError) as exc:
            kept = workspace.records.status(record.key).kept_amended
            hint = " (add --replace-amended to export it from the notes anyway)" if kept else ""
            print(f"balcony: {record.named} was not exported: {exc}{hint}", file=sys.stderr)
            failed += 1
            continue
        state = workspace.records.status(record.key)
        print(f"{path.name}\t{state.status.label}, version {version.version}")
    if failed:
        print(
            f"balcony: {failed} of {len(records)} records were not exported (see above).",
            file=sys.stderr,
        )
        return 1
    return 0
