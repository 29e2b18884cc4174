"""`balcony reviews [import FILE.csv | team | join | leave]` and `balcony pool candidates
REVIEW_ID --role ROLE`: the regional plan's reviews, listed or filled from its schedule
tables, who in the pool may join a review's team, and the team itself."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.reviews.service import ReviewView
    from facilitator.reviews.team_rules import Role
    from facilitator.workspace import Workspace

EX_USAGE = 2


def run_reviews_command(workspace: Workspace, args: argparse.Namespace) -> int:
    if args.reviews_command == "import":
        return import_reviews(workspace, args.file)
    if args.reviews_command == "team":
        return show_team(workspace, args.review_id)
    if args.reviews_command == "join":
        return join_team(workspace, args)
    if args.reviews_command == "leave":
        return leave_team(workspace, args.member_id)
    if args.reviews_command == "change":
        return change_review(workspace, args)
    return list_reviews(workspace)


def list_reviews(workspace: Workspace) -> int:
    """One review a line, tab-separated: id, kind, authority, dates as written, lead(s)."""
    for review in workspace.reviews.list():
        print("\t".join((str(review.id), *_cells(review))))
    return 0


def _cells(review: ReviewView) -> tuple[str, str, str, str]:
    draft = review.draft
    return short_kind(review), draft.host, draft.dates.words, draft.lead_words


def short_kind(review: ReviewView) -> str:
    return review.kind.name.replace("_", " ")


def import_reviews(workspace: Workspace, file: str) -> int:
    """Stores every row or none; each problem on stderr as "FILE: Row N, Column: …", status 1."""
    from facilitator.reviews.importing import import_review_file

    result = import_review_file(workspace.reviews, file)
    for error in result.errors:
        print(f"{result.source}: {error}", file=sys.stderr)
    print(result.summary, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


def today() -> dt.date:
    """The day notice is counted from (tests put another in its place)."""
    return dt.date.today()


def list_candidates(
    workspace: Workspace, review_id: int, role_words: str, on: dt.date | None = None
) -> int:
    """Everyone in the pool, tab-separated: name, authority, yes or no, and for no the
    reasons one after another. Notice is counted from `on` (default today). An unknown
    review or role: one line naming the choices, status 2."""
    from facilitator.reviews.candidates import candidates

    found_role = _review_and_role(workspace, review_id, role_words)
    if found_role is None:
        return EX_USAGE
    found = candidates(workspace.reviews, workspace.pool, review_id, found_role, on or today())
    for person, reasons in found:
        verdict = f"no\t{_joined(reasons)}" if reasons else "yes"
        print(f"{person.name}\t{person.authority}\t{verdict}")
    return 0


def show_team(workspace: Workspace, review_id: int) -> int:
    """The team, one member a line (member id, name, authority, role), then what the scheme's
    rules find wrong with it, each line "check" and the finding; none when it is sound."""
    from facilitator.reviews.candidates import team_findings

    if _review(workspace, review_id) is None:
        return EX_USAGE
    for member in workspace.reviews.members(review_id):
        person = workspace.pool.get(member.person_id)
        print(f"{member.id}\t{person.name}\t{person.authority}\t{member.role}")
    for finding in team_findings(workspace.reviews, workspace.pool, review_id):
        print(f"check\t{finding}")
    return 0


def join_team(workspace: Workspace, args: argparse.Namespace) -> int:
    """Puts someone from the pool on the team. Someone the rules leave out is refused, each
    reason on stderr, status 1, unless --anyway says the coordinator knows and decides so."""
    from facilitator.reviews.candidates import candidates
    from facilitator.reviews.service import ReviewInputError

    role = _review_and_role(workspace, args.review_id, args.role)
    if role is None:
        return EX_USAGE
    listed = candidates(workspace.reviews, workspace.pool, args.review_id, role, args.on or today())
    found = next((entry for entry in listed if entry[0].id == args.person_id), None)
    if found is None:
        print(
            f"balcony: there is nobody with id {args.person_id} in the pool "
            "(balcony pool lists them).",
            file=sys.stderr,
        )
        return EX_USAGE
    person, reasons = found
    if reasons and not args.anyway:
        for reason in reasons:
            print(f"balcony: {reason}", file=sys.stderr)
        print(
            f"balcony: {person.name} was not added. Choose someone else, or add --anyway "
            "to put them on the team knowing why the rules leave them out.",
            file=sys.stderr,
        )
        return 1
    try:
        member = workspace.reviews.add_member(args.review_id, person.id, role)
    except ReviewInputError as exc:
        print(f"balcony: {exc}", file=sys.stderr)
        return 1
    print(f"{member.id}\t{person.name}\t{person.authority}\t{member.role}")
    return 0


def leave_team(workspace: Workspace, member_id: int) -> int:
    """Takes a member off their review's team (and the review out of their history)."""
    members = {m.id: m for r in workspace.reviews.list() for m in workspace.reviews.members(r.id)}
    if member_id not in members:
        print(
            f"balcony: there is no team member with id {member_id} "
            "(balcony reviews team REVIEW_ID lists a team's).",
            file=sys.stderr,
        )
        return EX_USAGE
    removed = workspace.reviews.remove_member(member_id)
    person = workspace.pool.get(removed.person_id)
    print(f"Took {person.name} off the team of review {removed.review_id}.")
    return 0


def change_review(workspace: Workspace, args: argparse.Namespace) -> int:
    """Fixes a review's dates or lines of enquiry; prints it as `balcony reviews` does."""
    from facilitator.reviews.service import ReviewInputError

    if _review(workspace, args.review_id) is None:
        return EX_USAGE
    if args.dates is None and args.kloe is None:
        print("balcony: say what to change: --dates WORDS, --kloe TEXT, or both.", file=sys.stderr)
        return EX_USAGE
    try:
        review = workspace.reviews.change(args.review_id, dates=args.dates, kloe=args.kloe)
    except ReviewInputError as exc:
        print(f"balcony: {exc}", file=sys.stderr)
        return 1
    print("\t".join((str(review.id), *_cells(review))))
    return 0


def _review(workspace: Workspace, review_id: int) -> ReviewView | None:
    reviews = workspace.reviews.list()
    review = next((r for r in reviews if r.id == review_id), None)
    if review is None:
        ids = ", ".join(str(r.id) for r in reviews)
        choices = (
            f"choose one of {ids} (balcony reviews lists them)"
            if ids
            else "there are none yet: import them with balcony reviews import FILE.csv"
        )
        print(f"balcony: there is no review with id {review_id}: {choices}.", file=sys.stderr)
    return review


def _review_and_role(workspace: Workspace, review_id: int, role_words: str) -> Role | None:
    """The role named on the review; None once the problem is told on stderr."""
    from facilitator.reviews.team_rules import ROLES_BY_KIND

    review = _review(workspace, review_id)
    if review is None:
        return None
    roles = ROLES_BY_KIND[review.kind]
    role = next((r for r in roles if _key(r.value) == _key(role_words)), None)
    if role is None:
        named = " or ".join(f"“{r.value}”" for r in roles)
        print(
            f"balcony: “{role_words}” is not a role on a {review.kind}: choose {named}.",
            file=sys.stderr,
        )
    return role


def _joined(reasons: list[str]) -> str:
    """The reasons one after another, each a sentence of its own: "A. B. C." """
    return " ".join(reasons)


def _key(words: str) -> str:
    """A role as typed, case and punctuation aside: `pcr-team-member` is "PCR team member"."""
    return re.sub(r"[^a-z0-9]", "", words.casefold())
