"""--marking is cleaned like every name: a pasted control character must not break the export."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from cli.main import main
from cli.parser import build_parser


def test_a_control_character_in_the_marking_is_dropped_and_the_export_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cli.main.generic_data_folder", lambda: tmp_path / "share")
    data = str(tmp_path / "d.sqlite")
    main(["--data", data, "demo"])
    day_id = capsys.readouterr().out.strip()
    out = tmp_path / "out"
    out.mkdir()

    marking = "OFFICIAL\x07-SENSITIVE\x00 PERSONAL"
    main(["--data", data, "export", day_id, "--out", str(out), "--marking", marking])

    # Word cannot hold a bell or a NUL: uncleaned, the very first document fails to write.
    assert "XML" not in capsys.readouterr().err
    note = Document(str(out / "2027-01-18 Ashvale session note.docx"))
    header = " ".join(p.text for p in note.sections[0].header.paragraphs)
    assert "OFFICIAL-SENSITIVE PERSONAL" in header


def test_the_parsed_marking_is_one_clean_line() -> None:
    args = build_parser().parse_args(
        ["export", "1", "--out", "d", "--marking", " OFFICIAL\x1b-SENSITIVE\r\nNOT\tPUBLIC "]
    )
    assert args.marking == "OFFICIAL-SENSITIVE NOT PUBLIC"
    assert build_parser().parse_args(["export", "1", "--out", "d"]).marking == "OFFICIAL-SENSITIVE"


def test_too_long_a_marking_is_a_usage_error_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args(
            ["cycle-report", "2026", "--out", "r.docx", "--marking", "M" * 201]
        )
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "--marking" in err
    assert "The marking is 201 characters long" in err
    assert "Traceback" not in err
