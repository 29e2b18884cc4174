"""Exporting a full day's record, beside raw python-docx writing the same text.

Run with `.venv/bin/python benchmarks/bench_export.py`. Not a test: it prints measurements
beside the target and asserts nothing.

A quartet day with 4 sessions of 300 bullets each (spread over the stages and tags as a
facilitator types them, with asks, offers, actions and plenary answers). Timed: exporting
the four session notes (gathering, building, the confidentiality check, the atomic write)
and the day summary. The baseline, in the same run: for each of those five files, a fresh
python-docx document given the same paragraphs' text with plain add_paragraph, then saved.
Target: the export within 1.5 times the baseline.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

from facilitator.common.clock import FakeClock  # noqa: E402
from facilitator.common.vocabulary import (  # noqa: E402
    DayKind,
    DayMode,
    ExchangeKind,
    ExchangeScope,
    NoteTag,
    PlenaryQuestion,
    StageKind,
)
from facilitator.planning.day_sessions import presenting_sessions  # noqa: E402
from facilitator.planning.planner import AuthorityEntry, NewDay, TeamMember  # noqa: E402
from facilitator.records.exporting import RecordExports  # noqa: E402
from facilitator.records.tables import RecordStatus  # noqa: E402
from facilitator.storage.files import write_atomically  # noqa: E402
from facilitator.workspace import Workspace  # noqa: E402

BULLETS_PER_SESSION = 300
ROUNDS = 5
TARGET = 1.5
# How a session's bullets spread over its stages, with the tags typed there.
SPREAD: tuple[tuple[StageKind, tuple[NoteTag, ...]], ...] = (
    (StageKind.PRESENTATION, (NoteTag.RISK, NoteTag.NOTE)),
    (StageKind.QUESTIONING, (NoteTag.NOTE, NoteTag.NOTE, NoteTag.QUESTION, NoteTag.NOTE)),
    (StageKind.QUESTIONING, (NoteTag.NOTE, NoteTag.NOTE, NoteTag.NOTE)),
    (StageKind.AFFIRMATION, (NoteTag.STRENGTH,)),
    (StageKind.INSIGHTS, (NoteTag.INSIGHT, NoteTag.BEST_PRACTICE, NoteTag.SYSTEMIC_ISSUE)),
    (StageKind.REACTION, (NoteTag.NOTE,)),
    (StageKind.REFLECTION, (NoteTag.NOTE, NoteTag.ACTION)),
)
_TEXT = (
    "caseloads placement sufficiency front door early help workforce stability leadership "
    "budget corporate parenting voice of the child audit quality assurance edge of care"
)
WORDS = _TEXT.split()


def sentence(session: int, number: int) -> str:
    words = [WORDS[(number * 7 + i * 3 + session) % len(WORDS)] for i in range(12)]
    return f"{' '.join(words).capitalize()} (session {session + 1}, bullet {number + 1})."


def full_quartet(clock: FakeClock) -> tuple[Workspace, int, list[int]]:
    ws = Workspace.in_memory(clock)
    team = (TeamMember("Lena Corr", "Assistant Director"), TeamMember("Ravi Holm", "PSW"))
    day_id = ws.planner.create_day(
        NewDay(
            date=dt.date(2027, 3, 9),
            kind=DayKind.QUARTET,
            mode=DayMode.FACE_TO_FACE,
            authorities=(
                AuthorityEntry("Upton", "UP", "Nadia Fairbairn", team),
                AuthorityEntry("Lowmoor", "LM", "Owen Castellan"),
                AuthorityEntry("Isle of Wren", "IW", "Owen Castellan"),
                AuthorityEntry("Redbank", "RB", "Beth Marchetti"),
            ),
            venue="Lowmoor Civic Hall",
            facilitator="Idris Penhallow",
            cycle_name="Bench cycle",
            number=1,
        )
    )
    plan = ws.planner.day_plan(day_id)
    ids = [p.authority_id for p in plan.participants]
    bank = ws.bank.bank()
    sessions = [s.session_id for s in presenting_sessions(ws.db, day_id)]
    for index, session_id in enumerate(sessions):
        stages = {s.kind: s.id for s in plan.stages if s.session_id == session_id}
        for number in range(BULLETS_PER_SESSION):
            kind, tags = SPREAD[number % len(SPREAD)]
            ws.notebook.add(stages[kind], sentence(index, number), tags[number % len(tags)])
        for question_id in ("budget-02", "learning-culture-01", "workforce-01"):
            question = bank.question(question_id)
            ws.questions.mark_asked(session_id, question, bank.theme(question.theme_id))
        ws.questions.record_scale(session_id, "budget-02", 6, asked_by=ids[(index + 1) % len(ids)])
        ws.questions.pin(session_id, "budget")
        for number in range(5):
            ws.actions.add(session_id, f"Action {number + 1} of session {index + 1}", "DCS")
        ws.exchanges.add(session_id, ExchangeKind.ASK, ids[index], f"Ask {index}", "Detail")
        ws.exchanges.add(
            session_id,
            ExchangeKind.OFFER,
            ids[index],
            f"Offer {index}",
            scope=ExchangeScope.BILATERAL,
            counterpart_id=ids[(index + 1) % 4],
        )
    for number in range(5):
        ws.plenary.add(day_id, PlenaryQuestion.PRIORITIES, f"Priority {number + 1}")
    return ws, day_id, sessions


def export_all(ws: Workspace, day_id: int, sessions: list[int], folder: Path) -> list[Path]:
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


def main() -> None:
    ws, day_id, sessions = full_quartet(FakeClock())
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        paths = export_all(ws, day_id, sessions, folder)  # warm-up: imports, caches
        texts = [paragraph_texts(path) for path in paths]
        raw_write(texts, folder)
        ours, raw = [], []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            export_all(ws, day_id, sessions, folder)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            raw_write(texts, folder)
            raw.append(time.perf_counter() - start)
    counts = ", ".join(str(len(t)) for t in texts)
    print(f"Quartet, {len(sessions)} sessions x {BULLETS_PER_SESSION} bullets; 5 files")
    print(f"paragraphs per file (notes..., summary): {counts}")
    print(f"{'':<34}{'median s':>10}{'min s':>10}")
    for label, times in (
        ("export (4 notes + day summary)", ours),
        ("raw python-docx, same paragraphs", raw),
    ):
        print(f"{label:<34}{statistics.median(times):>10.3f}{min(times):>10.3f}")
    ratio = statistics.median(ours) / statistics.median(raw)
    verdict = "within" if ratio <= TARGET else "OVER"
    print(f"ratio {ratio:.2f}x against the {TARGET}x target: {verdict}")
    ws.close()


if __name__ == "__main__":
    main()
