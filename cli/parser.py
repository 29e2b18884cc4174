"""The `balcony` command's arguments: every command, its options and its help text."""

from __future__ import annotations

import argparse
import datetime as dt

import facilitator
from facilitator.common.clean_text import TITLE_LIMIT, TextFieldError, field_text


class _PrintVersion(argparse.Action):
    """--version, which reads the version only when asked for (it costs every other command
    time to read)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"Balcony {facilitator.__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="balcony",
        description="Balcony: run a children’s services peer challenge day.",
    )
    parser.add_argument(
        "--version", action=_PrintVersion, nargs=0, help="show Balcony's version and exit"
    )
    parser.add_argument(
        "--data",
        metavar="PATH",
        help="the data file to use (default: $BALCONY_DATA, else the platform’s data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("open", help="open the app window (the default)")
    run = commands.add_parser("run", help="open the app with a day's console, ready to run it")
    run.add_argument("day_id", type=int)
    commands.add_parser("days", help="list the days: id, date, kind, authorities")
    commands.add_parser("demo", help="add the fictional demo triad and print its id")
    commands.add_parser("where", help="print the data file’s path")
    schedule = commands.add_parser(
        "import-schedule", help="create a cycle’s days from a CSV schedule (all or nothing)"
    )
    schedule.add_argument("file")
    schedule.add_argument("--cycle", metavar="NAME", help="the cycle, e.g. 2022-2023")
    _region_option(schedule)
    check = commands.add_parser(
        "check",
        help="list a cycle's problems from its stored days (exit 0: none, 1: notices, 2: errors)",
    )
    check.add_argument("cycle", help="the cycle's name, e.g. 2022-2023")
    _region_option(check)
    agenda = commands.add_parser("agenda", help="write a day’s agenda as a Word document")
    agenda.add_argument("day_id", type=int)
    agenda.add_argument("--out", required=True, metavar="FILE.docx")
    agenda.add_argument("--force", action="store_true", help="replace the file if it exists")
    export = commands.add_parser(
        "export", help="write every record of a day (session notes, day summary) as Word"
    )
    export.add_argument("day_id", type=int)
    export.add_argument("--out", required=True, metavar="DIR")
    export.add_argument("--force", action="store_true", help="replace files that exist")
    export.add_argument(
        "--replace-amended",
        action="store_true",
        help="export from the notes even a note whose returned copy was kept as the amended "
        "text (the director’s changes in it are left out)",
    )
    _record_options(export)
    report = commands.add_parser("cycle-report", help="write the report across a cycle’s days")
    report.add_argument("cycle")
    report.add_argument("--out", required=True, metavar="FILE.docx")
    report.add_argument("--force", action="store_true", help="replace the file if it exists")
    _record_options(report)
    plan = commands.add_parser(
        "forward-plan",
        help="write a cycle’s forward plan: asks, offers, agreed support, actions, invitations",
    )
    plan.add_argument("cycle")
    _record_file_options(plan)
    _lifecycle_commands(commands)
    bank = commands.add_parser("bank", help="export or import the question bank")
    bank_commands = bank.add_subparsers(dest="bank_command", metavar="ACTION", required=True)
    export = bank_commands.add_parser("export", help="write the bank to a TOML file")
    export.add_argument("file")
    export.add_argument("--force", action="store_true", help="replace the file if it exists")
    imported = bank_commands.add_parser("import", help="merge a TOML or CSV bank file")
    imported.add_argument("file")
    imported.add_argument(
        "--conflicts",
        choices=("mine", "theirs"),
        help="for questions that exist with other words: keep mine, or take theirs",
    )
    pool = commands.add_parser(
        "pool", help="list the pool of peer challengers: id, name, authority, roles approved"
    )
    pool_commands = pool.add_subparsers(dest="pool_command", metavar="ACTION")
    pool_import = pool_commands.add_parser(
        "import", help="add people to the pool from a CSV file (all rows or none)"
    )
    pool_import.add_argument("file", metavar="FILE.csv")
    pool_candidates = pool_commands.add_parser(
        "candidates",
        help="everyone in the pool for a role on a review: name, authority, yes or no, reasons",
    )
    pool_candidates.add_argument("review_id", type=int, metavar="REVIEW_ID")
    pool_candidates.add_argument(
        "--role",
        required=True,
        metavar="ROLE",
        help="PCR team member or data specialist (PCTR); SAV lead AD or SAV team member (SAV)",
    )
    _on_option(pool_candidates)
    reviews = commands.add_parser(
        "reviews", help="list the reviews (PCTR, SAV): id, kind, authority, dates, lead"
    )
    review_commands = reviews.add_subparsers(dest="reviews_command", metavar="ACTION")
    review_import = review_commands.add_parser(
        "import", help="store the reviews of a PCTR or SAV schedule table (all rows or none)"
    )
    review_import.add_argument("file", metavar="FILE.csv")
    _team_commands(review_commands)
    _review_record_commands(review_commands)
    _follow_up_commands(commands)
    _archive_commands(commands)
    return parser


def _archive_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`balcony archive export|import` (cli/archive.py)."""
    archive = commands.add_parser(
        "archive", help="move days (or everything) whole between databases through one file"
    )
    actions = archive.add_subparsers(dest="archive_command", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help="write a day or a cycle's days (days only), or by default everything: every day, "
        "the pool and the reviews",
    )
    export.add_argument("file", metavar="FILE")
    which = export.add_mutually_exclusive_group()
    which.add_argument("--day", type=int, metavar="ID", help="only this day (balcony days)")
    which.add_argument("--cycle", metavar="NAME", help="only this cycle's days")
    export.add_argument("--force", action="store_true", help="replace the file if it exists")
    imported = actions.add_parser(
        "import", help="add an archive's days (and pool and reviews) here, all or nothing"
    )
    imported.add_argument("file", metavar="FILE")
    imported.add_argument(
        "--keep",
        choices=("mine", "theirs", "both"),
        help="for a day or review already here: keep mine, take theirs, or keep both side by side",
    )


def _review_record_commands(
    review_commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    report = review_commands.add_parser("report", help="write a review’s report as Word")
    report.add_argument("review_id", type=int, metavar="REVIEW_ID")
    _record_file_options(report)
    finding = review_commands.add_parser(
        "finding", help="add a line to a review’s report, at the end of its section"
    )
    finding.add_argument("review_id", type=int, metavar="REVIEW_ID")
    finding.add_argument(
        "--section",
        required=True,
        metavar="SECTION",
        help="finding, strength, development (an area for development) or recommendation",
    )
    finding.add_argument("text", metavar="TEXT")


def _record_file_options(parser: argparse.ArgumentParser) -> None:
    """--out FILE.docx, --force, --marking and --template, as `cycle-report` has them."""
    parser.add_argument("--out", required=True, metavar="FILE.docx")
    parser.add_argument("--force", action="store_true", help="replace the file if it exists")
    _record_options(parser)


def _lifecycle_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    returned = commands.add_parser(
        "returned",
        help="list what a director’s returned copy changes: KIND, SECTION, TEXT (tab-separated)",
    )
    returned.add_argument("file", metavar="FILE.docx")
    returned.add_argument(
        "--take-in",
        action="store_true",
        help="take every change that can be placed into the notes; list any that cannot",
    )
    for name, what in (
        ("sent", "mark an authority’s session note as sent for amendment"),
        ("agree", "record that an authority’s session note is agreed today, and lock it"),
    ):
        command = commands.add_parser(name, help=what)
        command.add_argument("day_id", type=int)
        command.add_argument("authority", help="its name or short name (any case)")
        if name == "agree":
            command.add_argument(
                "--on", type=a_date, metavar="YYYY-MM-DD", help="the date agreed (default today)"
            )


def _region_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--region",
        metavar="FILE",
        help="the region's authorities, one a line (default: the South East's 19)",
    )


def _record_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--marking",
        default="OFFICIAL-SENSITIVE",
        type=marking,
        help="protective marking on every page (default OFFICIAL-SENSITIVE; '' for none)",
    )
    parser.add_argument("--template", metavar="FILE", help="your organisation's Word template")


def marking(text: str) -> str:
    """The --marking as it may stand on every page: one line, nothing Word cannot hold (a
    control character would make every document fail to write), at most TITLE_LIMIT long."""
    try:
        return field_text(text, "The marking", TITLE_LIMIT)
    except TextFieldError as exc:
        # argparse reports this as a usage error (status 2) naming the option.
        raise argparse.ArgumentTypeError(str(exc)) from exc


def a_date(text: str) -> dt.date:
    """--on: a date as YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date as YYYY-MM-DD") from exc


def _follow_up_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`balcony due` and `balcony follow-up …` (cli/follow_up.py)."""
    due = commands.add_parser(
        "due", help="list the follow-ups, actions and reports due or overdue: id, date, what"
    )
    due.add_argument(
        "--within",
        type=_days,
        default=14,
        metavar="DAYS",
        help="also list what falls due within this many days (default 14)",
    )
    due.add_argument(
        "--on", type=a_date, metavar="YYYY-MM-DD", help="count from this date (default today)"
    )
    follow_up = commands.add_parser(
        "follow-up", help="track actions, agreed support and a review's follow-up"
    )
    actions = follow_up.add_subparsers(dest="follow_up_command", metavar="ACTION")
    listed = actions.add_parser(
        "list", help="the open follow-ups: id, status, due date, what (the default)"
    )
    listed.add_argument("--all", action="store_true", help="done and dropped ones as well")
    done = actions.add_parser("done", help="mark a follow-up done")
    done.add_argument("id", type=int, metavar="ID")
    done.add_argument(
        "--on", type=a_date, metavar="YYYY-MM-DD", help="the date it was done (default today)"
    )
    for name, what in (("drop", "drop a follow-up no longer needed"), ("reopen", "open it again")):
        actions.add_parser(name, help=what).add_argument("id", type=int, metavar="ID")
    action = actions.add_parser("action", help="give a session's action a due date")
    action.add_argument("action_id", type=int, metavar="ACTION_ID")
    action.add_argument("--due", type=a_date, required=True, metavar="YYYY-MM-DD")
    action.add_argument("--owner", metavar="NAME", help="who owns it (default: as it is)")
    support = actions.add_parser(
        "support", help="track an ask or offer to the support agreed (Annex 1's menu)"
    )
    support.add_argument("exchange_id", type=int, metavar="EXCHANGE_ID")
    support.add_argument(
        "--option",
        required=True,
        metavar="NAME",
        help="topical-peer-challenge, leadership-peer-challenge, slip-support, peer-authority, "
        "regional-project, leadership-development, benchmarking or lga-support",
    )
    support.add_argument("--owner", required=True, metavar="NAME")
    support.add_argument("--due", type=a_date, required=True, metavar="YYYY-MM-DD")
    support.add_argument("--note", default="", metavar="TEXT")
    support.add_argument(
        "--offer", type=int, metavar="OFFER_ID", help="the offer that meets this ask"
    )
    review = actions.add_parser(
        "review", help="plan a PCTR's follow-up report and each reflective process"
    )
    review.add_argument("review_id", type=int, metavar="REVIEW_ID")
    offers = actions.add_parser(
        "offers", help="offers across the cycle that could meet an ask: id, authority, day, topic"
    )
    offers.add_argument("ask_id", type=int, metavar="ASK_ID")
    invitations = actions.add_parser(
        "invitations", help="each authority's answer on a topical peer challenge, by day"
    )
    invitations.add_argument("cycle", help="the cycle's name, e.g. 2022-2023")


def _days(text: str) -> int:
    """--within: a whole number of days, 0 or more."""
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"“{text}” is not a number of days, such as 14")
    return int(text)


def _team_commands(review_commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    team = review_commands.add_parser(
        "team", help="a review's team (member id, name, authority, role) and what the rules find"
    )
    team.add_argument("review_id", type=int, metavar="REVIEW_ID")
    join = review_commands.add_parser(
        "join", help="put someone from the pool on a review's team, in a role"
    )
    join.add_argument("review_id", type=int, metavar="REVIEW_ID")
    join.add_argument("person_id", type=int, metavar="PERSON_ID")
    join.add_argument("--role", required=True, metavar="ROLE", help="as for pool candidates")
    join.add_argument(
        "--anyway",
        action="store_true",
        help="add them although the rules leave them out (each reason is still printed)",
    )
    _on_option(join)
    leave = review_commands.add_parser("leave", help="take a member off their review's team")
    leave.add_argument("member_id", type=int, metavar="MEMBER_ID")
    change = review_commands.add_parser(
        "change", help="fix a review's dates, or its key lines of enquiry (a SAV's focus)"
    )
    change.add_argument("review_id", type=int, metavar="REVIEW_ID")
    change.add_argument("--dates", metavar="WORDS", help="as the plan writes them: 7-9 Sep 2015")
    change.add_argument("--kloe", metavar="TEXT", help="the key lines of enquiry, or focus")


def _on_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--on",
        type=a_date,
        metavar="YYYY-MM-DD",
        help="count the notice from this day (default today)",
    )
