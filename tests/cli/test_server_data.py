"""The command line on a shared PostgreSQL database: `--data postgresql://…` for every command."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from cli.main import main
from facilitator.storage.location import ServerAddress
from tests.support.backends import empty_server_database


@pytest.fixture
def server() -> ServerAddress:
    return empty_server_database()


def test_every_command_takes_a_server_address(
    server: ServerAddress, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data", server.url, "where"]) == 0
    assert capsys.readouterr().out.strip() == server.url
    assert main(["--data", server.url, "demo"]) == 0
    day_id = capsys.readouterr().out.strip()
    assert main(["--data", server.url, "days"]) == 0
    assert capsys.readouterr().out.startswith(f"{day_id}\t2027-01-18\ttriad\tAshvale")


def test_the_address_may_come_from_balcony_data(
    server: ServerAddress, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BALCONY_DATA", server.url)
    assert main(["demo"]) == 0
    capsys.readouterr()
    assert main(["days"]) == 0
    assert "Ashvale" in capsys.readouterr().out


def test_a_password_in_the_address_is_refused_with_the_way_to_give_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--data", "postgresql://ana:secret@127.0.0.1:1/balcony", "days"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("balcony: The server address holds a password")
    assert "~/.pgpass" in err
    assert "secret" not in err


def test_a_server_that_cannot_be_reached_is_one_line_with_its_fix(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--data", "postgresql://nobody@127.0.0.1:1/balcony", "days"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "could not reach the database server at 127.0.0.1:1 (Connection refused)" in err
    assert "server is running" in err


def test_two_laptops_days_meet_in_the_regions_database_and_its_cycle_report(
    server: ServerAddress, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue #18's done-when, by the commands a coordinator types."""
    archives = []
    for laptop in ("north", "south"):
        data = tmp_path / f"{laptop}.sqlite"
        schedule = tmp_path / f"{laptop}.csv"
        schedule.write_text(
            "Date,LA1,LA2,LA3,Mode\n"
            + (
                "07/03/2028,Northshire,Westvale,Eastborough,F to F Leeds\n"
                if laptop == "north"
                else "16/05/2028,Southmere,Highcombe,Northshire,Virtual\n"
            ),
            encoding="utf-8",
        )
        command = ["--data", str(data), "import-schedule", str(schedule), "--cycle", "2027–28"]
        assert main(command) == 0, capsys.readouterr().err
        archive = tmp_path / f"{laptop}.balcony"
        assert main(["--data", str(data), "archive", "export", str(archive)]) == 0
        archives.append(archive)
    capsys.readouterr()

    for archive in archives:
        assert main(["--data", server.url, "archive", "import", str(archive)]) == 0
    report = tmp_path / "cycle.docx"
    assert main(["--data", server.url, "cycle-report", "2027–28", "--out", str(report)]) == 0
    words = "\n".join(p.text for p in docx.Document(str(report)).paragraphs)
    for table in docx.Document(str(report)).tables:
        words += "\n".join(cell.text for row in table.rows for cell in row.cells)
    for name in ("Westvale", "Eastborough", "Southmere", "Highcombe"):
        assert name in words
    days = docx.Document(str(report)).tables[0]
    # Days without a number: the Day column does not repeat the date.
    assert [[cell.text for cell in row.cells] for row in days.rows][1:] == [
        ["–", "7 March 2028", "Triad", "Northshire, Westvale and Eastborough", "Leeds"],
        ["–", "16 May 2028", "Triad", "Southmere, Highcombe and Northshire", "Virtual"],
    ]
    capsys.readouterr()

    assert main(["--data", server.url, "archive", "import", str(archives[0])]) == 2
    err = capsys.readouterr().err
    assert "7 March 2028" in err
    assert "--keep mine" in err
