"""`balcony returned`, `sent` and `agree`, and `export --replace-amended`: a session note's
whole life on the command line, on a real data file and a real exported note."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from cli.main import main
from facilitator.common.vocabulary import StageKind
from facilitator.demo import create_demo_day
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.records.keys import RecordKey
from facilitator.storage.record_tables import RecordStatus
from facilitator.workspace import Workspace
from tests.cli.test_startup import run_in_a_fresh_process
from tests.support.word_edits import add_after, delete, retype, save

BUDGET = "The story assumes the budget is fixed; the corporate centre may see it otherwise."
BUDGET_NEW = "The story assumes the budget is fixed; the council’s finance team may not."
VOICE = "Strong voice of children in the corporate parenting board."
PRACTICE = "Practice weeks where senior leaders shadow front-line teams."
ADDED = "Visitors were struck by how openly the team talked about drift."
NOWHERE = "A paragraph under a heading Balcony cannot place."
NOTE = "2027-01-18 Ashvale session note.docx"


@dataclass
class Day:
    data: str
    day_id: int
    out: Path

    def run(self, *args: object) -> int:
        return main(["--data", self.data, *(str(a) for a in args)])

    def open(self) -> Workspace:
        return Workspace.open(Path(self.data))

    def ashvale_key(self, workspace: Workspace) -> RecordKey:
        session = presenting_sessions(workspace.db, self.day_id)[0]
        assert session.authority_name == "Ashvale"
        return RecordKey.session_note(self.day_id, session.session_id, session.authority_id)


@pytest.fixture
def day(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Day:
    """The demo day on a data file, every record exported and Ashvale's note marked sent."""
    data = tmp_path / "b.sqlite"
    workspace = Workspace.open(data)
    try:
        day_id = create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route)
    finally:
        workspace.close()
    out = tmp_path / "out"
    out.mkdir()
    made = Day(str(data), day_id, out)
    assert made.run("export", day_id, "--out", out) == 0
    assert made.run("sent", day_id, "ashvale") == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Version 1 of the session note for Ashvale marked as sent."
    )
    return made


def director_amends(day: Day, *more: str) -> Path:
    """One bullet reworded inside its bookmark, one deleted, one added after a bullet; and
    `more` paragraphs added where Balcony has no place for them."""
    doc = docx.Document(str(day.out / NOTE))
    retype(doc, BUDGET, BUDGET_NEW)
    delete(doc, VOICE)
    add_after(doc, PRACTICE, ADDED)
    for words in more:
        add_after(doc, "Not discussed.", words)
    return save(doc, day.out.parent / "Ashvale - DCS comments.docx")


def insights(day: Day) -> tuple[list[str], list[str], RecordStatus]:
    workspace = day.open()
    try:
        plan = workspace.planner.day_plan(day.day_id)
        key = day.ashvale_key(workspace)
        stages = {s.kind: s.id for s in plan.stages if s.session_id == key.session_id}
        texts = {
            kind: [n.text for n in workspace.notebook.for_stage(stages[kind])]
            for kind in (StageKind.INSIGHTS, StageKind.AFFIRMATION)
        }
        status = workspace.records.status(key).status
    finally:
        workspace.close()
    return texts[StageKind.INSIGHTS], texts[StageKind.AFFIRMATION], status


def test_returned_lists_each_change_and_changes_nothing(
    day: Day, capsys: pytest.CaptureFixture[str]
) -> None:
    returned = director_amends(day)
    before = insights(day)

    assert day.run("returned", returned) == 0

    assert capsys.readouterr().out.splitlines() == [
        f"deleted\tStrengths affirmed\t{VOICE} (named by Corriford)",
        f"changed\tInsights from the balcony\t{BUDGET_NEW}",
        f"added\tInsights from the balcony\t{ADDED}",
    ]
    assert insights(day) == before
    assert before[2] is RecordStatus.SENT


def test_returned_lists_a_comment_and_names_a_restyled_heading(
    day: Day, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = docx.Document(str(day.out / NOTE))
    bullet = next(p for p in doc.paragraphs if p.text.startswith(PRACTICE))
    doc.add_comment(bullet.runs, text="Which teams hosted these?", author="Priya Ellwood")
    heading = next(p for p in doc.paragraphs if p.text == "Actions")
    heading.style = doc.styles["List Bullet"]  # as Writer leaves it after a tracked deletion
    returned = save(doc, day.out.parent / "Ashvale - commented.docx")

    assert day.run("returned", returned) == 0

    said = capsys.readouterr()
    assert said.out.splitlines() == [
        "comment\tInsights from the balcony\tWhich teams hosted these?"
    ]
    assert "balcony: note: The heading “Actions” is no longer styled as a heading" in said.err


def test_take_in_stores_every_change_then_agree_locks_the_note(
    day: Day, capsys: pytest.CaptureFixture[str]
) -> None:
    returned = director_amends(day)

    assert day.run("returned", returned, "--take-in") == 0

    assert capsys.readouterr().out.strip() == (
        "Returned copy of version 1 of the session note for Ashvale: 3 changes taken into "
        "the notes."
    )
    found, strengths, status = insights(day)
    assert found == [BUDGET_NEW, PRACTICE, ADDED]
    assert VOICE not in strengths
    assert status is RecordStatus.AMENDED

    assert day.run("agree", day.day_id, "AV", "--on", "2027-02-03") == 0
    assert capsys.readouterr().out.strip() == (
        "The session note for Ashvale is agreed on 3 February 2027 and locked."
    )
    workspace = day.open()
    try:
        state = workspace.records.status(day.ashvale_key(workspace))
    finally:
        workspace.close()
    assert (state.status, state.locked, str(state.agreed_on)) == (
        RecordStatus.AGREED,
        True,
        "2027-02-03",
    )


def test_take_in_places_what_it_can_and_lists_the_rest(
    day: Day, capsys: pytest.CaptureFixture[str]
) -> None:
    returned = director_amends(day, NOWHERE)

    assert day.run("returned", returned, "--take-in") == 1

    out, err = capsys.readouterr()
    left, summary = out.strip().splitlines()
    assert left.startswith(f"not placed\tadded\tTopical peer challenge next year\t{NOWHERE}\t")
    assert summary.endswith("3 changes taken into the notes.")
    assert "1 of 4 changes could not be placed" in err
    assert insights(day)[0] == [BUDGET_NEW, PRACTICE, ADDED]


def test_a_note_kept_as_amended_text_exports_only_when_confirmed(
    tmp_path: Path, day: Day, capsys: pytest.CaptureFixture[str]
) -> None:
    # Only an unplaceable change: nothing is taken in and the copy is kept as amended text.
    doc = docx.Document(str(day.out / NOTE))
    add_after(doc, "Not discussed.", NOWHERE)
    returned = save(doc, tmp_path / "kept.docx")
    assert day.run("returned", returned, "--take-in") == 1
    assert "kept as the amended text" in capsys.readouterr().out

    assert day.run("export", day.day_id, "--out", day.out, "--force") == 1
    out, err = capsys.readouterr()
    assert NOTE not in out
    assert len(out.strip().splitlines()) == 3  # the other records are still exported
    assert "Ashvale’s session note was not exported" in err
    assert "--replace-amended" in err

    assert day.run("export", day.day_id, "--out", day.out, "--force", "--replace-amended") == 0
    # The notes are unchanged, so it is a re-print of version 1, now from the notes.
    assert f"{NOTE}\tAmended, version 1" in capsys.readouterr().out


def test_refusals_are_one_line_with_status_2(
    tmp_path: Path, day: Day, capsys: pytest.CaptureFixture[str]
) -> None:
    not_word = tmp_path / "notes.txt"
    not_word.write_text("Not a Word file.", encoding="utf-8")
    cases = [
        (["returned", not_word], "notes.txt cannot be read"),
        (["returned", tmp_path / "missing.docx"], "missing.docx"),
        (["sent", day.day_id, "Nowhere"], "Its authorities: Ashvale (AV), Brackenmoor (BM), "),
        (["agree", day.day_id, "bm"], "has not been sent for amendment"),
        (["sent", 999, "Ashvale"], "there is no day 999"),
    ]
    for args, words in cases:
        assert day.run(*args) == 2, args
        out, err = capsys.readouterr()
        assert out == ""
        assert err.startswith("balcony: "), err
        assert err.count("\n") == 1, err
        assert words in err
        assert "Traceback" not in err


def test_returned_reads_a_data_file_another_balcony_has_open(
    day: Day, capsys: pytest.CaptureFixture[str]
) -> None:
    returned = director_amends(day)
    holder = day.open()  # the app, say: it holds the data file's writer lock
    try:
        assert day.run("returned", returned) == 0
        assert len(capsys.readouterr().out.splitlines()) == 3
        assert day.run("returned", returned, "--take-in") == 2
        assert "balcony:" in capsys.readouterr().err
    finally:
        holder.close()


@pytest.mark.slow
def test_the_lifecycle_commands_never_import_qt(day: Day) -> None:
    returned = director_amends(day)
    data = ["--data", day.data]
    for args in (
        ["returned", str(returned)],
        ["returned", str(returned), "--take-in"],
        ["agree", str(day.day_id), "Ashvale"],
        ["sent", str(day.day_id), "Corriford"],
    ):
        code, qt, _ = run_in_a_fresh_process(*data, *args)
        assert (code, qt) == (0, []), args
