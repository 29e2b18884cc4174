"""Exporting a full day's record, beside raw python-docx writing the same text.

Run everything with `.venv/bin/python -m benchmarks`, or this part alone with
`.venv/bin/python benchmarks/bench_export.py`. Not a test: it prints measurements beside the
target and asserts nothing.

The quartet day of data_files (4 sessions of 300 bullets, spread over the stages and tags as
a facilitator types them, with asks, offers, actions and plenary answers), on disk. Timed:
exporting the four session notes (gathering, building, the confidentiality check, the atomic
write) and the day summary. The floor, in the same run: for each of those five files, a
fresh python-docx document given the same paragraphs' text with plain add_paragraph, then
saved. The two are interleaved (ours, raw, ours, raw…) after a warm-up, so a slow spell of
the machine falls on both; the medians are compared. Target: within 1.5 times the floor.
"""

from __future__ import annotations

import cProfile
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import docx
from docx.oxml.ns import qn

from benchmarks.common import Result, hot_spots, median, percentile, profile_text, run_alone
from benchmarks.data_files import QUARTET_BULLETS, cached, quartet_day
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.records.exporting import RecordExports
from facilitator.storage.files import write_atomically
from facilitator.storage.record_tables import RecordStatus
from facilitator.workspace import Workspace

TARGET = 1.5


def export_all(ws: Workspace, day_id: int, folder: Path) -> list[Path]:
    exports = RecordExports(ws)
    paths = []
    for record in exports.day_records(day_id):
        name = f"note-{record.session.session_id}" if record.session else "summary"
        path = folder / f"{name}.docx"
        data = exports.document(record.key, RecordStatus.DRAFT, 1)
        write_atomically(path, data, overwrite=True)
        paths.append(path)
    return paths


def paragraph_texts(path: Path) -> list[str]:
    """Every paragraph of a file's body, those in table cells too."""
    body = docx.Document(str(path)).element.body
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]


def raw_write(texts: list[list[str]], folder: Path) -> None:
    for number, paragraphs in enumerate(texts):
        doc = docx.Document()
        for text in paragraphs:
            doc.add_paragraph(text)
        doc.save(str(folder / f"raw-{number}.docx"))


def one_pair(
    ws: Workspace, day_id: int, texts: list[list[str]], folder: Path
) -> tuple[float, float]:
    start = time.perf_counter()
    export_all(ws, day_id, folder)
    ours = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    raw_write(texts, folder)
    return ours, (time.perf_counter() - start) * 1000


def export_profile(ws: Workspace, day_id: int, folder: Path) -> tuple[str, str]:
    """A cProfile of one export of the five files: its top lines and the domain's
    costliest functions."""
    profiler = cProfile.Profile()
    profiler.enable()
    export_all(ws, day_id, folder)
    profiler.disable()
    return profile_text(profiler, 18), hot_spots(profiler, 1, 4)


def measure(folder: Path, quick: bool) -> list[Result]:
    pairs = 5 if quick else 9
    path = folder / "export.sqlite"
    day_id = int(cached(quartet_day, path))  # type: ignore[call-overload]
    ws = Workspace.open(path)
    try:
        sessions = presenting_sessions(ws.db, day_id)
        paths = export_all(ws, day_id, folder)  # warm-up: imports, caches
        texts = [paragraph_texts(path) for path in paths]
        raw_write(texts, folder)
        ours, raw = [], []
        for _ in range(pairs):
            mine, floor = one_pair(ws, day_id, texts, folder)
            ours.append(mine)
            raw.append(floor)
        ratio = median(ours) / median(raw)
        met = ratio <= TARGET
        paragraphs = ", ".join(str(len(t)) for t in texts)
        why = (
            f"{len(sessions)} sessions × {QUARTET_BULLETS} bullets, 5 files of {paragraphs} "
            f"paragraphs; {pairs} interleaved pairs."
        )
        profile = ""
        if not met:
            profile, spots = export_profile(ws, day_id, folder)
            why = (
                f"The export takes {ratio:.2f}× raw python-docx for the same paragraphs: it "
                f"also gathers the record from the data file and checks each note holds only "
                f"its own session's words. Costliest (under the profiler, which slows them): "
                f"{spots}. " + why
            )
    finally:
        ws.close()
    return [
        Result(
            benchmark="Export: quartet's 4 notes + day summary",
            unit="ms",
            median=median(ours),
            p99=percentile(ours, 0.99),
            floor="raw python-docx, same paragraphs",
            floor_median=median(raw),
            target=f"≤ {TARGET}× floor",
            met=met,
            why=why,
            profile=profile,
        )
    ]


if __name__ == "__main__":
    run_alone(measure)
