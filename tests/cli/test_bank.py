from __future__ import annotations

from pathlib import Path

import pytest

from cli.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_then_import_into_a_fresh_file_gives_the_same_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "one.toml", tmp_path / "two.toml"
    code, out, _ = run(capsys, "--data", str(tmp_path / "a.sqlite"), "bank", "export", str(first))
    assert code == 0
    assert "Exported 56 questions" in out

    fresh = str(tmp_path / "b.sqlite")
    assert run(capsys, "--data", fresh, "bank", "import", str(first))[0] == 0
    assert run(capsys, "--data", fresh, "bank", "export", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_export_refuses_to_replace_a_file_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "bank.toml"
    target.write_text("keep me")
    code, _, err = run(capsys, "--data", str(tmp_path / "a.sqlite"), "bank", "export", str(target))
    assert code == 1
    assert "--force" in err
    assert target.read_text() == "keep me"
    data = str(tmp_path / "a.sqlite")
    assert run(capsys, "--data", data, "bank", "export", str(target), "--force")[0] == 0
    assert target.read_text().startswith("format")


def test_a_bad_file_is_refused_precisely_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "a.sqlite")
    before = tmp_path / "before.toml"
    run(capsys, "--data", data, "bank", "export", str(before))
    bad = tmp_path / "bad.csv"
    bad.write_text("theme,words\nBudget,What?\n", encoding="utf-8")

    code, _, err = run(capsys, "--data", data, "bank", "import", str(bad))

    assert code == 1
    assert "bad.csv" in err
    assert "question" in err
    assert "nothing was imported" in err
    after = tmp_path / "after.toml"
    run(capsys, "--data", data, "bank", "export", str(after))
    assert after.read_bytes() == before.read_bytes()


def test_conflicts_need_a_choice_and_then_follow_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "a.sqlite")
    shared = tmp_path / "shared.toml"
    run(capsys, "--data", data, "bank", "export", str(shared))
    shared.write_text(
        shared.read_text(encoding="utf-8").replace("What sustains these?", "What keeps them?"),
        encoding="utf-8",
    )

    code, _, err = run(capsys, "--data", data, "bank", "import", str(shared))
    assert code == 1
    assert "strengths-01" in err
    assert "What keeps them?" in err

    code, out, _ = run(
        capsys, "--data", data, "bank", "import", str(shared), "--conflicts", "theirs"
    )
    assert code == 0
    assert "1 replaced with theirs" in out
    mine = tmp_path / "mine.toml"
    run(capsys, "--data", data, "bank", "export", str(mine))
    assert "What keeps them?" in mine.read_text(encoding="utf-8")


def test_a_csv_adds_a_theme_and_its_questions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text(
        "theme,question,follow-ups,scale\n"
        "Care leavers,What would your care leavers say about you?,How do you know?,\n",
        encoding="utf-8-sig",
    )
    code, out, _ = run(
        capsys, "--data", str(tmp_path / "a.sqlite"), "bank", "import", str(csv_file)
    )
    assert code == 0
    assert "1 new theme(s) and 1 new question(s)" in out
