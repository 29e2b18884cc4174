"""`balcony bank export|import`: sharing question banks from scripts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitator.storage.files import WriteError, write_atomically
from facilitator.workspace import Workspace
from question_bank import BankFormatError, for_cycle


def run_bank_command(workspace: Workspace, args: argparse.Namespace) -> int:
    if args.bank_command == "export":
        try:
            write_atomically(
                Path(args.file), workspace.bank.export_text().encode("utf-8"), overwrite=args.force
            )
        except WriteError as exc:
            hint = " (add --force to replace it)" if "already exists" in str(exc) else ""
            print(f"balcony: {exc}{hint}", file=sys.stderr)
            return 1
        count = len(workspace.bank.bank().all_questions())
        print(f"Exported {count} questions to {args.file}")
        return 0

    try:
        plan = workspace.bank.import_file(args.file)
    except BankFormatError as exc:
        print(f"balcony: {exc}", file=sys.stderr)
        print("balcony: nothing was imported.", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"balcony: {args.file}: {exc.strerror}. Nothing was imported.", file=sys.stderr)
        return 1
    if plan.conflicts and args.conflicts is None:
        print(
            f"balcony: {len(plan.conflicts)} question(s) exist with other words; "
            "nothing was imported. Choose with --conflicts mine or --conflicts theirs:",
            file=sys.stderr,
        )
        for conflict in plan.conflicts:
            print(f"  {conflict.question_id}", file=sys.stderr)
            for label, question in (("mine", conflict.mine), ("theirs", conflict.theirs)):
                alternatives = (f"Or: {a}" for a in question.alternatives)
                words = " / ".join(
                    (for_cycle(question.text, None), *alternatives, *question.follow_ups)
                )
                print(f"    {label + ':':8}{words}", file=sys.stderr)
        return 1
    choices = {c.question_id: args.conflicts for c in plan.conflicts}
    result = workspace.bank.apply_import(plan, choices)
    print(
        f"Imported {len(result.added_themes)} new theme(s) and "
        f"{len(result.added_questions)} new question(s); "
        f"{len(plan.identical)} already here; {len(result.replaced)} replaced with theirs; "
        f"{len(result.kept)} kept as mine."
    )
    return 0
