"""Fuzzing the data file's opening: a Balcony file with random bytes changed either opens or
is refused with a DataFileError, and a refused file is left byte for byte as it was, with
nothing new beside it. Never another exception, never a write to a file it refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.demo import create_demo_day
from facilitator.storage.database import DataFileError
from facilitator.workspace import Workspace


class Pristine(bytes):
    """A sound data file's bytes, shown briefly when hypothesis reports a failing case."""

    def __repr__(self) -> str:
        return f"<a sound data file of {len(self):,} bytes>"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("pristine") / "balcony.sqlite"
    workspace = Workspace.open(path)
    create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route)
    workspace.close()
    return Pristine(path.read_bytes())


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=30),
    cut=st.one_of(st.none(), st.floats(0.05, 1)),
)
def test_a_damaged_file_opens_or_is_refused_untouched(
    pristine: bytes, tmp_path: Path, flips: list[tuple[float, int]], cut: float | None
) -> None:
    folder = tmp_path / "case"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    damaged = bytearray(pristine)
    for where, value in flips:
        damaged[min(len(damaged) - 1, int(where * len(damaged)))] = value
    if cut is not None:
        damaged = damaged[: max(1, int(cut * len(damaged)))]
    path = folder / "balcony.sqlite"
    path.write_bytes(bytes(damaged))
    refused = ""
    try:
        workspace = Workspace.open(path)
    except DataFileError as exc:
        refused = str(exc)
    else:
        workspace.close()
    if refused:
        assert path.read_bytes() == bytes(damaged)
        assert sorted(p.name for p in folder.iterdir()) == ["balcony.sqlite"]


def test_a_flip_that_garbles_the_check_s_own_report_is_refused_as_damaged(
    pristine: bytes, tmp_path: Path
) -> None:
    """Found by the fuzzing above on a fresh clone: one byte made SQLite's report on the file
    invalid UTF-8, and the reader's UnicodeDecodeError escaped."""
    damaged = bytearray(pristine)
    damaged[int(0.46875 * len(damaged))] = 128
    path = tmp_path / "balcony.sqlite"
    path.write_bytes(bytes(damaged))
    try:
        Workspace.open(path).close()
    except DataFileError:
        assert path.read_bytes() == bytes(damaged)


def test_a_damaged_column_name_in_the_schema_is_refused_as_damaged(
    pristine: bytes, tmp_path: Path
) -> None:
    """Found by the fuzzing above on a fresh clone: one byte flipped in a column's name left a
    schema SQLite accepts, with a column Balcony never made; every query then failed, told
    as a failed save."""
    assert b"finish_limit" in pristine
    damaged = pristine.replace(b"finish_limit", b"finish_limiz", 1)
    path = tmp_path / "balcony.sqlite"
    path.write_bytes(damaged)

    with pytest.raises(DataFileError, match=r"damaged.*finish_limiz"):
        Workspace.open(path).close()
    assert path.read_bytes() == damaged
    assert sorted(p.name for p in tmp_path.iterdir()) == ["balcony.sqlite"]
