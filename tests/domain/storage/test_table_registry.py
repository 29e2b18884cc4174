"""Every table is made in a new data file however little else has been imported: most of the
app's code loads only when first used, so no table may rely on its module being loaded."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from facilitator.workspace import Workspace

ROOT = Path(__file__).resolve().parents[3]


def tables(path: Path) -> set[str]:
    raw = sqlite3.connect(path)
    try:
        rows = raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    finally:
        raw.close()
    return {name for (name,) in rows if not name.startswith("sqlite_")}


def test_the_database_alone_makes_every_table_the_whole_app_uses(tmp_path: Path) -> None:
    alone = tmp_path / "alone.sqlite"
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from facilitator.storage.database import open_database\n"
        "open_database(Path(sys.argv[1])).close()\n"
    )
    subprocess.run([sys.executable, "-c", code, str(alone)], cwd=ROOT, check=True)
    whole = tmp_path / "whole.sqlite"
    Workspace.open(whole).close()

    made = tables(alone)

    assert made == tables(whole)
    assert {"recordstate", "recordversion", "agenda_template", "day", "note"} <= made
