"""Charts in the records (issue #15): a day summary and a cycle report carry their charts as
pictures with alt text when a renderer draws them, and always in words; a session note has
the day's timing in an appendix."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from pathlib import Path

import docx
import pytest

from facilitator.charts.figures import Figure
from facilitator.demo import DEMO_CYCLE, create_demo_day
from facilitator.records.exporting import RecordExports
from facilitator.records.keys import RecordKey
from facilitator.word.figures import CYCLE_FIGURES_TITLE, DAY_FIGURES_TITLE
from facilitator.workspace import Workspace

_DESCR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def tiny_png() -> bytes:
    """A 1×1 white PNG, made by hand: what a renderer returns, without Qt."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


class Renderer:
    def __init__(self, fail: bool = False) -> None:
        self.drawn: list[Figure] = []
        self.fail = fail

    def __call__(self, figures: Sequence[Figure]) -> list[bytes | None]:
        if self.fail:
            raise RuntimeError("no display")
        self.drawn += figures
        return [tiny_png() for _ in figures]


@pytest.fixture
def day_id(workspace: Workspace) -> int:
    return create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route)


def read(path: Path) -> tuple[list[str], list[str]]:
    """The document's paragraphs, and its pictures' alt texts."""
    doc = docx.Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    alts = [e.get("descr", "") for e in doc.element.body.iter(_DESCR)]
    return texts, alts


def test_a_day_summary_carries_its_charts_with_alt_text(
    workspace: Workspace, day_id: int, tmp_path: Path
) -> None:
    renderer = Renderer()
    exports = RecordExports(workspace, figures=renderer)
    summary = next(r for r in exports.day_records(day_id) if r.key == RecordKey.day_summary(day_id))

    exports.export(summary, tmp_path / "summary.docx")

    texts, alts = read(tmp_path / "summary.docx")
    assert DAY_FIGURES_TITLE in texts
    assert len(alts) == len(renderer.drawn) >= 2  # timing and the heat map, at least
    for figure, alt in zip(renderer.drawn, alts, strict=True):
        assert alt == figure.alt_text
        assert figure.alt_text in texts  # said in words as well
    # Built twice (a probe for the fingerprint, then the file), drawn once.
    assert len(renderer.drawn) == len(set(renderer.drawn))


def test_without_pictures_the_charts_are_still_said_in_words(
    workspace: Workspace, day_id: int, tmp_path: Path
) -> None:
    for renderer in (None, Renderer(fail=True)):
        exports = RecordExports(workspace, figures=renderer)
        summary = exports.day_records(day_id)[-1]
        target = tmp_path / f"{renderer is None}.docx"

        exports.export(summary, target, overwrite=True)

        texts, alts = read(target)
        assert alts == []
        assert DAY_FIGURES_TITLE in texts
        heading = texts.index(DAY_FIGURES_TITLE)
        assert any("Planned to finish" in t or "not started" in t for t in texts[heading:])


def test_a_session_note_has_the_day_s_timing_in_an_appendix(
    workspace: Workspace, day_id: int, tmp_path: Path
) -> None:
    exports = RecordExports(workspace, figures=Renderer())
    note = exports.day_records(day_id)[0]

    exports.export(note, tmp_path / "note.docx")

    texts, alts = read(tmp_path / "note.docx")
    appendix = texts.index("Appendix: planned and actual times")
    assert len(alts) == 1
    assert alts[0] in texts[appendix:]  # the picture's words, in the appendix


def test_a_cycle_report_carries_the_cycle_s_charts(
    workspace: Workspace, day_id: int, tmp_path: Path
) -> None:
    renderer = Renderer()
    exports = RecordExports(workspace, figures=renderer)

    exports.export_cycle_report(DEMO_CYCLE, tmp_path / "cycle.docx")

    texts, alts = read(tmp_path / "cycle.docx")
    assert CYCLE_FIGURES_TITLE in texts
    assert alts == [figure.alt_text for figure in renderer.drawn]
    assert renderer.drawn  # the heat map at least
