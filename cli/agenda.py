"""`balcony agenda DAY_ID --out FILE.docx`: the participants’ agenda as a Word document."""

from __future__ import annotations

import sys
from pathlib import Path

from facilitator.storage.files import WriteError
from facilitator.workspace import Workspace


def write_agenda(workspace: Workspace, day_id: int, out: str, *, force: bool = False) -> int:
    from facilitator.word.agenda import export_agenda

    try:
        plan = workspace.planner.day_plan(day_id)
    except LookupError:
        print(f"balcony: there is no day {day_id}. `balcony days` lists them.", file=sys.stderr)
        return 1
    try:
        export_agenda(plan, Path(out), overwrite=force)
    except WriteError as exc:
        hint = " (add --force to replace it)" if "already exists" in str(exc) else ""
        print(f"balcony: {exc}{hint}", file=sys.stderr)
        return 1
    print(f"Wrote the agenda of day {day_id} to {out}")
    return 0
