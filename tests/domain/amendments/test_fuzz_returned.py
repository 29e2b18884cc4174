"""Fuzzing the returned-copy reader: a sent note, damaged in every way hypothesis finds, is
either read or refused with AmendedFileError's plain message, never anything else."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.amendments.round_trip import AmendedFileError
from facilitator.workspace import Workspace
from tests.support.real_session_note import Session, demo_sessions

FUZZ = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Sent:
    """Ashvale's note exported and marked sent, once per test (hypothesis reuses fixtures)."""

    def __init__(self, workspace: Workspace, folder: Path) -> None:
        self.session: Session = demo_sessions(workspace)[0]
        self.folder = folder
        path = folder / "sent.docx"
        self.session.book.export(self.session.key, self.session.builder, path)
        self.session.book.mark_sent(self.session.key)
        self.data = path.read_bytes()

    def read_or_refuse(self, data: bytes) -> None:
        path = self.folder / "returned.docx"
        path.write_bytes(data)
        message = "read"
        try:
            self.session.trip.read_amended(path, self.session.key)
        except AmendedFileError as exc:
            message = str(exc)
        assert message.strip()
        assert "Traceback" not in message


@pytest.fixture
def sent(workspace: Workspace, tmp_path: Path) -> Sent:
    return Sent(workspace, tmp_path)


@FUZZ
@given(flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=40))
def test_flipped_bytes_are_read_or_refused_plainly(
    sent: Sent, flips: list[tuple[float, int]]
) -> None:
    damaged = bytearray(sent.data)
    for where, value in flips:
        damaged[min(len(damaged) - 1, int(where * len(damaged)))] = value
    sent.read_or_refuse(bytes(damaged))


@FUZZ
@given(cut=st.floats(0, 1))
def test_a_truncated_copy_is_refused_plainly(sent: Sent, cut: float) -> None:
    sent.read_or_refuse(sent.data[: int(cut * len(sent.data))])


@FUZZ
@given(
    part=st.sampled_from(
        ["word/document.xml", "docProps/core.xml", "docProps/custom.xml", "[Content_Types].xml"]
    ),
    junk=st.one_of(st.binary(max_size=400), st.text(max_size=400).map(str.encode)),
)
def test_a_part_replaced_by_junk_is_refused_plainly(sent: Sent, part: str, junk: bytes) -> None:
    source = zipfile.ZipFile(io.BytesIO(sent.data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, junk if item.filename == part else source.read(item))
    sent.read_or_refuse(out.getvalue())
