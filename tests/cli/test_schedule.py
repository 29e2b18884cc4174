from __future__ import annotations

from pathlib import Path

import pytest

from cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def test_a_schedule_with_a_bad_row_imports_nothing_and_names_the_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "a.sqlite")
    verbatim = ROOT / "tests" / "data" / "handbook-schedule-verbatim.csv"
    assert main(["--data", data, "import-schedule", str(verbatim), "--cycle", "2022-2023"]) == 1
    err = capsys.readouterr().err
    assert "Row 6, Date: 31/01/2022 is outside the 2022-2023 cycle" in err
    assert "Nothing was imported" in err
    assert main(["--data", data, "days"]) == 0
    assert capsys.readouterr().out == ""


def test_the_sample_schedule_creates_six_days(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "a.sqlite")
    sample = ROOT / "docs" / "sample-schedule-2022-2023.csv"
    assert main(["--data", data, "import-schedule", str(sample)]) == 0
    out = capsys.readouterr().out
    assert out.count("day id") == 6
    assert "Imported 6 days into the 2022-2023 cycle, with 1 notice to check." in out
    assert "Notice: Row 6: row 5 is on the same date (31/01/2023)" in out
    main(["--data", data, "days"])
    days = capsys.readouterr().out.strip().splitlines()
    assert len(days) == 6
    assert any("quartet\tOxfordshire, Hampshire, Isle of Wight, Reading" in d for d in days)


def test_the_agenda_command_writes_a_word_file_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from docx import Document

    data = str(tmp_path / "a.sqlite")
    main(["--data", data, "demo"])
    day_id = capsys.readouterr().out.strip()
    out = tmp_path / "agenda.docx"
    assert main(["--data", data, "agenda", day_id, "--out", str(out)]) == 0
    assert "Peer challenge day: agenda" in Document(str(out)).paragraphs[0].text
    assert main(["--data", data, "agenda", day_id, "--out", str(out)]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["--data", data, "agenda", "999", "--out", str(tmp_path / "x.docx")]) == 1
    assert "no day 999" in capsys.readouterr().err
