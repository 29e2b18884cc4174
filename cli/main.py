"""The `balcony` command: opens the app, or does one job for scripts and backups."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from facilitator import __version__
from ui.common.paths import resolve_data_path, set_identity


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="balcony",
        description="Balcony: run a children’s services peer challenge day.",
    )
    parser.add_argument("--version", action="version", version=f"Balcony {__version__}")
    parser.add_argument(
        "--data",
        metavar="PATH",
        help="the data file to use (default: $BALCONY_DATA, else the platform’s data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("open", help="open the app window (the default)")
    commands.add_parser("days", help="list the days: id, date, kind, authorities")
    commands.add_parser("demo", help="add the fictional demo triad and print its id")
    commands.add_parser("where", help="print the data file’s path")
    schedule = commands.add_parser(
        "import-schedule", help="create a cycle’s days from a CSV schedule (all or nothing)"
    )
    schedule.add_argument("file")
    schedule.add_argument("--cycle", metavar="NAME", help="the cycle, e.g. 2022-2023")
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
    _record_options(export)
    report = commands.add_parser("cycle-report", help="write the report across a cycle’s days")
    report.add_argument("cycle")
    report.add_argument("--out", required=True, metavar="FILE.docx")
    report.add_argument("--force", action="store_true", help="replace the file if it exists")
    _record_options(report)
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
    return parser


def _record_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--marking",
        default="OFFICIAL-SENSITIVE",
        help="protective marking on every page (default OFFICIAL-SENSITIVE; '' for none)",
    )
    parser.add_argument("--template", metavar="FILE", help="your organisation's Word template")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    set_identity()
    path = resolve_data_path(args.data)
    if args.command in (None, "open"):
        from ui.app import run_app

        return run_app(path)
    if args.command == "where":
        print(path)
        return 0
    from facilitator.storage.database import DataFileError
    from facilitator.workspace import Workspace

    try:
        workspace = Workspace.open(path)
    except DataFileError as exc:
        print(f"balcony: {exc}", file=sys.stderr)
        return 2
    try:
        if args.command == "days":
            for day in workspace.planner.list_days():
                print(
                    f"{day.id}\t{day.date.isoformat()}\t{day.kind.value}\t"
                    f"{', '.join(day.authorities)}"
                )
        elif args.command == "demo":
            from facilitator.demo import create_demo_day

            print(create_demo_day(workspace.planner, workspace.notebook))
        elif args.command == "import-schedule":
            from facilitator.schedule.importing import import_schedule_file

            result = import_schedule_file(workspace.planner, args.file, args.cycle)
            for line in result.lines():
                print(line, file=sys.stdout if result.ok else sys.stderr)
            for notice in result.notices:
                print(notice)
            print(result.summary, file=sys.stdout if result.ok else sys.stderr)
            return 0 if result.ok else 1
        elif args.command == "agenda":
            from cli.agenda import write_agenda

            return write_agenda(workspace, args.day_id, args.out, force=args.force)
        elif args.command in ("export", "cycle-report"):
            from cli.records import run_records_command

            return run_records_command(workspace, args)
        elif args.command == "bank":
            from cli.bank import run_bank_command

            return run_bank_command(workspace, args)
    finally:
        workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
