"""`balcony forward-plan`, `balcony reviews report` and `balcony reviews finding`, and a
returned copy of either record taken back with `balcony returned --take-in`."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from cli.main import main
from facilitator.demo import DEMO_CYCLE
from facilitator.records.keys import RecordKey
from facilitator.workspace import Workspace
from tests.support.word_edits import retype, save

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A data file with the demo day and seed 001's PCTRs (Nottingham is review 1)."""
    path = str(tmp_path / "d.sqlite")
    assert main(["--data", path, "demo"]) == 0
    assert main(["--data", path, "reviews", "import", str(DATA / "seed-001-pctr.csv")]) == 0
    capsys.readouterr()
    return path


def test_findings_are_added_and_the_report_written(
    data: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ["--data", data, "reviews", "finding", "1", "--section"]
    assert main([*add, "strength", "Good partnership working"]) == 0
    assert capsys.readouterr().out == "1\tstrength\tGood partnership working\n"
    assert main([*add, "Recommendations", "Refresh the early help strategy"]) == 0
    assert capsys.readouterr().out == "2\trecommendation\tRefresh the early help strategy\n"
    target = tmp_path / "Nottingham.docx"

    code = main(
        ["--data", data, "reviews", "report", "1", "--out", str(target), "--marking", "OFFICIAL"]
    )

    assert code == 0
    out = capsys.readouterr().out
    assert out.startswith("Wrote the report of the Peer Challenge Team Review of Nottingham")
    assert out.endswith("(draft, version 1)\n")
    doc = docx.Document(str(target))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "Peer Challenge Team Review: Nottingham"
    assert texts[texts.index("Strengths") + 1] == "Good partnership working"
    assert texts[texts.index("Findings") + 1] == "None recorded."
    assert texts[texts.index("Recommendations") + 1] == "Refresh the early help strategy"
    assert doc.sections[0].header.paragraphs[0].text == "OFFICIAL"
    assert doc.core_properties.identifier == "balcony:review-report:1"


def test_review_commands_refuse_in_one_line(
    data: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ["--data", data, "reviews", "finding"]
    assert main([*add, "1", "--section", "weakness", "Words"]) == 2
    assert capsys.readouterr().err == (
        "balcony: “weakness” is not a section of a review’s report: choose finding, "
        "strength, development, recommendation.\n"
    )
    assert main([*add, "42", "--section", "strength", "Words"]) == 2
    assert "there is no review with id 42: choose one of 1, 2" in capsys.readouterr().err
    assert main([*add, "1", "--section", "strength", "   "]) == 2
    assert capsys.readouterr().err == "balcony: A strength is empty. Type it in.\n"
    target = str(tmp_path / "report.docx")
    assert main(["--data", data, "reviews", "report", "42", "--out", target]) == 2
    assert "no review with id 42" in capsys.readouterr().err
    assert main(["--data", data, "reviews", "report", "1", "--out", target]) == 0
    capsys.readouterr()
    assert main(["--data", data, "reviews", "report", "1", "--out", target]) == 1
    err = capsys.readouterr().err
    assert err.endswith("(add --force to replace it)\n")
    assert err.count("\n") == 1


def test_the_forward_plan_is_written_and_its_errors_said(
    data: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.docx"
    assert main(["--data", data, "forward-plan", DEMO_CYCLE, "--out", str(target)]) == 0
    assert capsys.readouterr().out == (
        f"Wrote the {DEMO_CYCLE} forward plan to {target} (draft, version 1)\n"
    )
    doc = docx.Document(str(target))
    assert doc.paragraphs[0].text == f"Forward plan: {DEMO_CYCLE}"
    assert doc.core_properties.identifier == f"balcony:forward-plan:{DEMO_CYCLE}"
    assert "OFFICIAL-SENSITIVE" in [p.text for p in doc.sections[0].header.paragraphs]

    assert main(["--data", data, "forward-plan", "2099", "--out", str(tmp_path / "x")]) == 1
    assert capsys.readouterr().err == (
        "balcony: There are no days in the cycle “2099”: the cycles are "
        "“Demo cycle 2026–2027” (balcony days lists each day's cycle).\n"
    )


def test_a_returned_plan_or_report_is_kept_as_the_amended_text(
    data: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--data", data, "reviews", "finding", "1", "--section", "strength", "Stable leaders"])
    plan, report = tmp_path / "plan.docx", tmp_path / "report.docx"
    assert main(["--data", data, "forward-plan", DEMO_CYCLE, "--out", str(plan)]) == 0
    assert main(["--data", data, "reviews", "report", "1", "--out", str(report)]) == 0
    workspace = Workspace.open(Path(data))
    workspace.records.mark_sent(RecordKey.forward_plan(DEMO_CYCLE))
    workspace.records.mark_sent(RecordKey.review_report(1))
    workspace.close()
    capsys.readouterr()

    for sent, starting, words in (
        (report, "Stable leaders", "Stable and visible leaders"),
        (plan, "What follows", "What follows, as the region agreed it."),
    ):
        doc = docx.Document(str(sent))
        retype(doc, starting, words)
        returned = save(doc, tmp_path / f"returned {sent.name}")
        assert main(["--data", data, "returned", str(returned), "--take-in"]) == 1
        out = capsys.readouterr().out
        assert "is kept as the amended text" in out

    workspace = Workspace.open(Path(data))
    try:
        for key in (RecordKey.forward_plan(DEMO_CYCLE), RecordKey.review_report(1)):
            assert workspace.records.status(key).kept_amended
    finally:
        workspace.close()
