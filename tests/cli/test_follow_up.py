"""`balcony due` and `balcony follow-up …`: tab-separated lines, an id first; bad input is one
line on stderr, status 2, nothing changed. Every name is invented."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from cli.main import main
from facilitator.common.vocabulary import DayKind, DayMode, ExchangeKind
from facilitator.demo import DEMO_AUTHORITIES
from facilitator.planning.planner import NewDay
from facilitator.pool.people import ChallengerDetails
from facilitator.reviews.kinds import ReviewDraft, ReviewKind
from facilitator.reviews.team_rules import Role
from facilitator.reviews.vague_dates import parse_vague_date
from facilitator.workspace import Workspace

CYCLE = "2025-2026"


@dataclass(frozen=True)
class Ids:
    data: str
    action: int
    ask: int
    offer: int
    pctr: int
    sav: int


@pytest.fixture
def ids(tmp_path: Path) -> Ids:
    """Day 3 of the cycle on Monday 12 January 2026 with an action, an ask and an offer; a PCTR
    of Northshire from 10 to 12 March 2026 with two on its team, and a SAV."""
    path = tmp_path / "balcony.sqlite"
    ws = Workspace.open(path)
    try:
        day_id = ws.planner.create_day(
            NewDay(
                date=dt.date(2026, 1, 12),
                kind=DayKind.TRIAD,
                mode=DayMode.VIRTUAL,
                authorities=DEMO_AUTHORITIES,
                cycle_name=CYCLE,
                number=3,
            )
        )
        ashvale, brackenmoor, _ = ws.planner.presenting_sessions(day_id)
        action = ws.actions.add(ashvale.session_id, "Test the sufficiency plan", "Priya Ellwood")
        ask = ws.exchanges.add(
            ashvale.session_id, ExchangeKind.ASK, ashvale.authority_id, "Edge of care support"
        )
        offer = ws.exchanges.add(
            brackenmoor.session_id,
            ExchangeKind.OFFER,
            brackenmoor.authority_id,
            "Our edge of care team",
        )
        pctr, sav = ws.reviews.add_all(
            [
                ReviewDraft(
                    ReviewKind.PCTR,
                    "Northshire",
                    parse_vague_date("10-12 Mar 2026"),
                    days=(dt.date(2026, 3, 10), dt.date(2026, 3, 11), dt.date(2026, 3, 12)),
                ),
                ReviewDraft(ReviewKind.SAV, "Eastshire", parse_vague_date("June 2026")),
            ]
        )
        for name in ("Alex Tester", "Bo Sample"):
            person = ws.pool.add(ChallengerDetails(name, "Southshire"))
            ws.reviews.add_member(pctr.id, person.id, Role.PCR_MEMBER)
        return Ids(str(path), action.id, ask.id, offer.id, pctr.id, sav.id)
    finally:
        ws.close()


def run(ids: Ids, *args: str) -> int:
    return main(["--data", ids.data, *args])


def cells(out: str) -> list[list[str]]:
    return [line.split("\t") for line in out.splitlines()]


def test_nothing_is_due_in_a_new_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data", str(tmp_path / "a.sqlite"), "due"]) == 0
    assert capsys.readouterr().out == "Nothing is due.\n"


def test_an_action_tracked_is_due_then_done_then_reopened(
    ids: Ids, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(ids, "follow-up", "action", str(ids.action), "--due", "2026-01-26") == 0
    ((follow_up, status, due_on, line),) = cells(capsys.readouterr().out)
    assert (status, due_on) == ("open", "2026-01-26")
    assert line.startswith(
        "Action: Test the sufficiency plan — Priya Ellwood — Ashvale, Day 3 (12 January 2026)"
    )

    assert run(ids, "due", "--on", "2026-01-30") == 0
    assert capsys.readouterr().out == (
        f"{follow_up}\t2026-01-26\tAction: Test the sufficiency plan — Priya Ellwood — Ashvale,"
        " Day 3 (12 January 2026) — by 26 January 2026, overdue by 4 days\n"
    )
    assert run(ids, "due", "--on", "2026-01-10") == 0
    assert capsys.readouterr().out == "Nothing is due.\n"
    assert run(ids, "due", "--on", "2026-01-10", "--within", "16") == 0
    assert "due in 16 days" in capsys.readouterr().out

    assert run(ids, "follow-up", "done", follow_up, "--on", "2026-01-20") == 0
    assert cells(capsys.readouterr().out)[0][1] == "done"
    assert run(ids, "follow-up", "list") == 0
    assert capsys.readouterr().out == ""
    assert run(ids, "follow-up", "list", "--all") == 0
    assert "— done on 20 January 2026" in capsys.readouterr().out
    assert run(ids, "follow-up", "reopen", follow_up) == 0
    assert cells(capsys.readouterr().out)[0][1] == "open"
    assert run(ids, "follow-up", "drop", follow_up) == 0
    assert cells(capsys.readouterr().out)[0][1] == "dropped"
    assert run(ids, "follow-up", "done", follow_up) == 0  # today, after the day
    assert cells(capsys.readouterr().out)[0][1] == "done"


def test_an_owner_given_is_the_action_s(ids: Ids, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("follow-up", "action", str(ids.action), "--due", "2026-02-01", "--owner", "Jo Whitlock")
    assert run(ids, *args) == 0
    assert " — Jo Whitlock — " in capsys.readouterr().out
    ws = Workspace.open(Path(ids.data), read_only=True)
    try:
        (tracked,) = ws.follow_ups.list()  # its `who` is the action's owner
        assert (tracked.action_id, tracked.who) == (ids.action, "Jo Whitlock")
    finally:
        ws.close()


def test_an_ask_is_tracked_to_the_support_agreed_and_the_offer_that_meets_it(
    ids: Ids, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(ids, "follow-up", "offers", str(ids.ask)) == 0
    assert cells(capsys.readouterr().out) == [
        [
            str(ids.offer),
            "Brackenmoor",
            "Brackenmoor, Day 3 (12 January 2026)",
            "Our edge of care team",
            "edge, care",
        ]
    ]
    args = ["--option", "Peer-Authority", "--owner", "Tom Hallworth", "--due", "2026-03-01"]
    assert run(ids, "follow-up", "support", str(ids.ask), *args, "--offer", str(ids.offer)) == 0
    ((_, status, due_on, line),) = cells(capsys.readouterr().out)
    assert (status, due_on) == ("open", "2026-03-01")
    assert line.startswith(
        "Agreed support: ask “Edge of care support” → Support from a peer authority in the "
        "region — Tom Hallworth — Ashvale, Day 3 (12 January 2026) — by 1 March 2026"
    )


def test_a_pctr_s_follow_up_is_planned_once(ids: Ids, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(ids, "follow-up", "review", str(ids.pctr)) == 0
    said = capsys.readouterr()
    assert said.err == "Added 4 follow-ups, removed 0.\n"
    rows = cells(said.out)
    assert [(row[1], row[2]) for row in rows] == [
        ("open", "2026-04-09"),
        ("open", "2026-04-09"),
        ("open", "2026-04-09"),
        ("open", "2026-09-12"),
    ]
    assert rows[3][3].startswith("Follow-up report: ")
    assert "between 12 June 2026 and 12 September 2026" in rows[3][3]
    assert [row[3].split(" — ")[1] for row in rows[:3]] == [
        "Alex Tester",
        "Bo Sample",
        "Host DCS of Northshire",
    ]

    assert run(ids, "follow-up", "review", str(ids.pctr)) == 0
    said = capsys.readouterr()
    assert said.err == "Added 0 follow-ups, removed 0.\n"
    assert cells(said.out) == rows


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ("follow-up", "done", "99"),
            "balcony: There is no follow-up with id 99: check the id against the list of "
            "follow-ups.",
        ),
        (
            ("follow-up", "action", "{action}", "--due", "2026-01-11"),
            "balcony: The due date, 11 January 2026, is before the day it comes from "
            "(12 January 2026): give a date on or after it.",
        ),
        (
            (
                "follow-up",
                "support",
                "{ask}",
                "--option",
                "cake",
                "--owner",
                "X",
                "--due",
                "2026-02-01",
            ),
            "balcony: “cake” is not on the menu of support: choose one of topical-peer-challenge, "
            "leadership-peer-challenge, slip-support, peer-authority, regional-project, "
            "leadership-development, benchmarking, lga-support.",
        ),
        (
            (
                "follow-up",
                "support",
                "{ask}",
                "--option",
                "lga-support",
                "--owner",
                " ",
                "--due",
                "2026-02-01",
            ),
            "balcony: The owner is empty. Type it in.",
        ),
        (
            ("follow-up", "review", "{sav}"),
            "balcony: The SAV of Eastshire (June 2026) is a Safeguarding Assurance Visit: the "
            "memorandum asks for a follow-up report and reflective process only after a Peer "
            "Challenge Team Review. Track the visit's recommendations one by one instead.",
        ),
        (
            ("follow-up", "action", "77", "--due", "2026-02-01"),
            "balcony: There is no action with id 77: see the day's actions.",
        ),
    ],
)
def test_bad_input_is_one_line_naming_the_fix_and_changes_nothing(
    ids: Ids, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], error: str
) -> None:
    filled = [a.format(action=ids.action, ask=ids.ask, sav=ids.sav) for a in args]
    assert run(ids, *filled) == 2
    said = capsys.readouterr()
    assert (said.out, said.err) == ("", error + "\n")
    assert run(ids, "follow-up", "list", "--all") == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    "args",
    [
        ("due", "--within", "-3"),
        ("due", "--on", "1 May"),
        ("follow-up", "action", "1", "--due", "2026-02-30"),
        ("follow-up", "done", "one"),
    ],
)
def test_a_malformed_option_is_a_usage_error(
    ids: Ids, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(ids, *args)
    assert stopped.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_the_cycle_s_topical_invitations(ids: Ids, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(ids, "follow-up", "invitations", CYCLE) == 0
    assert cells(capsys.readouterr().out) == [
        ["Day 3", name, "Not discussed", ""] for name in ("Ashvale", "Brackenmoor", "Corriford")
    ]
    assert run(ids, "follow-up", "invitations", "1999") == 2
    assert "There are no days in the cycle “1999”." in capsys.readouterr().err


def test_reading_works_beside_the_open_app_and_writing_is_refused(
    other_balcony: tuple[Path, subprocess.Popen[str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, holder = other_balcony
    data = ["--data", str(path)]

    assert main([*data, "due"]) == 0
    assert capsys.readouterr().out == "Nothing is due.\n"
    assert main([*data, "follow-up", "list"]) == 0
    assert main([*data, "follow-up", "action", "1", "--due", "2027-02-01"]) == 2
    said = capsys.readouterr().err
    assert f"open in another Balcony window (process {holder.pid})" in said
    assert "Traceback" not in said


def test_the_commands_start_without_qt(ids: Ids) -> None:
    """As tests/cli/test_startup.py proves for the other windowless commands."""
    driver = (
        "import sys\n"
        "from cli.main import main\n"
        "codes = [main(['--data', sys.argv[1], *args]) for args in "
        "(['due'], ['follow-up', 'list'], ['follow-up', 'review', sys.argv[2]])]\n"
        "qt = sorted({m.partition('.')[0] for m in sys.modules} & {'PySide6', 'pyqtgraph', 'ui'})\n"
        "print(codes, qt)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", driver, ids.data, str(ids.pctr)],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines()[-1] == "[0, 0, 0] []"
