"""The `balcony` command: opens the app window, or does one windowless job without importing Qt."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from cli.frozen import CHART_WORKER
from cli.parser import build_parser
from facilitator.common.failure_log import command_line, record_failure, short_message
from facilitator.storage.location import (
    DATA_FOLDER_NAME,
    DataLocation,
    ServerAddressError,
    generic_data_folder,
    resolve_data_location,
)

EX_SOFTWARE = 70  # sysexits.h: an internal error, not the user's input


def log_folder() -> Path:
    """Balcony's own folder in the data folder: the log stays with the user, wherever --data
    points (a shared drive, a colleague's file)."""
    return generic_data_folder() / DATA_FOLDER_NAME


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments[:1] == [CHART_WORKER]:  # the bundle drawing a record's charts for itself
        from cli.window import draw_charts

        return draw_charts(arguments[1:])
    try:
        status = _dispatch(build_parser().parse_args(argv))
        sys.stdout.flush()  # here, so a reader that stopped early is met below
        return status
    except KeyboardInterrupt:
        print("balcony: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader stopped early (`balcony reviews | head`): not a failure of Balcony's.
        # Python would complain again while flushing stdout at exit, so stdout goes quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as exc:  # the one place every unexpected error ends up
        return _report_failure(exc, argv)


def _report_failure(error: Exception, argv: Sequence[str] | None) -> int:
    """One line on stderr, never a traceback; the details go to the log."""
    command = command_line(None if argv is None else list(argv))
    written = record_failure(log_folder(), error, command=command, where="the command line")
    where = (
        f"Details were written to {written}."
        if written
        else "The details could not be written down either."
    )
    print(
        f"balcony: something went wrong: {short_message(error)}. "
        f"Nothing you had saved is lost. {where}",
        file=sys.stderr,
    )
    return EX_SOFTWARE


def _dispatch(args: argparse.Namespace) -> int:
    try:
        path = resolve_data_location(args.data)
    except ServerAddressError as exc:
        print(f"balcony: {exc}", file=sys.stderr)
        return 2
    if args.command in (None, "open", "run"):
        # Only this branch may reach Qt: every other command starts without importing it.
        from cli.window import open_window

        return open_window(path, args.day_id if args.command == "run" else None)
    if args.command == "where":
        from cli.days import print_where

        return print_where(path)
    if args.command == "days":
        from cli.days import glance_and_list_days

        # A clean file of ours lists its days without loading the storage library.
        listed = glance_and_list_days(path)
        if listed is not None:
            return listed
    return _run_on_the_data_file(args, path)


def _only_reads(args: argparse.Namespace) -> bool:
    """Commands that write nothing to the data file, so may read it while the app has it."""
    bank_export = args.command == "bank" and getattr(args, "bank_command", "") == "export"
    returned = args.command == "returned" and not getattr(args, "take_in", False)
    pool_list = args.command == "pool" and getattr(args, "pool_command", None) in (
        None,
        "candidates",
    )
    review_list = args.command == "reviews" and getattr(args, "reviews_command", None) in (
        None,
        "team",
    )
    reads = args.command in ("days", "agenda", "check", "due") or (
        args.command == "follow-up"
        and getattr(args, "follow_up_command", None) in (None, "list", "offers", "invitations")
    )
    archive_export = args.command == "archive" and args.archive_command == "export"
    return reads or bank_export or returned or pool_list or review_list or archive_export


def _run_on_the_data_file(args: argparse.Namespace, path: DataLocation) -> int:
    from facilitator.storage.database import DataFileError, DataFileInUseError
    from facilitator.workspace import Workspace

    try:
        try:
            workspace = Workspace.open(path)
        except DataFileInUseError:
            if not _only_reads(args):
                raise
            workspace = Workspace.open(path, read_only=True)
    except DataFileError as exc:
        print(f"balcony: {exc}", file=sys.stderr)
        return 2
    try:
        if args.command == "days":
            from cli.days import list_days

            return list_days(workspace)
        if args.command == "demo":
            from cli.days import add_demo_day

            return add_demo_day(workspace)
        if args.command == "import-schedule":
            from cli.days import import_schedule

            return import_schedule(workspace, args.file, args.cycle, args.region)
        if args.command == "check":
            from cli.days import check_cycle

            return check_cycle(workspace, args.cycle, args.region)
        if args.command == "agenda":
            from cli.agenda import write_agenda

            return write_agenda(workspace, args.day_id, args.out, force=args.force)
        if args.command in ("export", "cycle-report"):
            from cli.records import run_records_command

            return run_records_command(workspace, args)
        if args.command in ("returned", "sent", "agree"):
            from cli.lifecycle import run_lifecycle_command

            return run_lifecycle_command(workspace, args)
        if args.command == "bank":
            from cli.bank import run_bank_command

            return run_bank_command(workspace, args)
        if args.command == "forward-plan" or (
            args.command == "reviews" and args.reviews_command in ("report", "finding")
        ):
            from cli.review_records import run_review_records_command

            return run_review_records_command(workspace, args)
        if args.command == "reviews":
            from cli.reviews import run_reviews_command

            return run_reviews_command(workspace, args)
        if args.command == "pool":
            from cli.pool import run_pool_command

            return run_pool_command(workspace, args)
        if args.command in ("due", "follow-up"):
            from cli.follow_up import run_follow_up_command

            return run_follow_up_command(workspace, args)
        if args.command == "archive":
            from cli.archive import run_archive_command

            return run_archive_command(workspace, args)
    finally:
        workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
