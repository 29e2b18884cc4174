from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from cli.main import main


def test_export_writes_a_note_per_authority_and_the_summary_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "d.sqlite")
    main(["--data", data, "demo"])
    day_id = capsys.readouterr().out.strip()
    out = tmp_path / "out"
    out.mkdir()

    assert main(["--data", data, "export", day_id, "--out", str(out)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 4
    assert all(line.endswith("Draft, version 1") for line in lines)
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "2027-01-18 Ashvale session note.docx",
        "2027-01-18 Brackenmoor session note.docx",
        "2027-01-18 Corriford session note.docx",
        "2027-01-18 day summary.docx",
    ]
    note = Document(str(out / names[0]))
    assert note.core_properties.identifier.startswith("balcony:session-note:")
    header = " ".join(p.text for p in note.sections[0].header.paragraphs)
    assert "DRAFT for amendment — version 1" in header

    before = (out / names[0]).read_bytes()
    assert main(["--data", data, "export", day_id, "--out", str(out)]) == 1
    assert "--force" in capsys.readouterr().err
    assert (out / names[0]).read_bytes() == before


def test_cycle_report_and_its_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d.sqlite")
    main(["--data", data, "demo"])
    capsys.readouterr()
    target = tmp_path / "cycle.docx"
    assert main(["--data", data, "cycle-report", "Demo cycle 2026–2027", "--out", str(target)]) == 0
    assert "cycle report" in capsys.readouterr().out
    assert Document(str(target)).core_properties.identifier == (
        "balcony:cycle-report:Demo cycle 2026–2027"
    )
    assert main(["--data", data, "cycle-report", "2099-2100", "--out", str(tmp_path / "x")]) == 1
    assert "no days in the cycle" in capsys.readouterr().err
    assert main(["--data", data, "export", "42", "--out", str(tmp_path)]) == 1
    assert "no day 42" in capsys.readouterr().err


def test_the_marking_and_a_template_can_be_chosen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "d.sqlite")
    main(["--data", data, "demo"])
    day_id = capsys.readouterr().out.strip()
    letterhead = Document()
    letterhead.sections[0].header.paragraphs[0].text = "Ashvale Council letterhead"
    template = tmp_path / "letterhead.docx"
    letterhead.save(str(template))
    out = tmp_path / "out"
    out.mkdir()

    code = main(
        ["--data", data, "export", day_id, "--out", str(out), "--marking", "OFFICIAL",
         "--template", str(template)]
    )  # fmt: skip

    assert code == 0
    note = Document(str(out / "2027-01-18 Ashvale session note.docx"))
    header = " ".join(p.text for p in note.sections[0].header.paragraphs)
    assert "OFFICIAL" in header
    assert "OFFICIAL-SENSITIVE" not in header
    assert "Ashvale Council letterhead" in header
