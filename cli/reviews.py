"""`balcony reviews [import FILE.csv]` and `balcony pool candidates REVIEW_ID --role ROLE`:
the regional plan's reviews, listed or filled from its schedule tables, and who in the pool
may join a review's team."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.reviews.service import ReviewView
    from facilitator.workspace import Workspace

EX_USAGE = 2


def run_reviews_command(workspace: Workspace, args: argparse.Namespace) -> int:
    if args.reviews_command == "import":
        return import_reviews(workspace, args.file)
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


def list_candidates(workspace: Workspace, review_id: int, role_words: str) -> int:
    """Everyone in the pool, tab-separated: name, authority, yes or no, and for no the
    reasons joined by "; ". An unknown review or role: one line naming the choices, status 2."""
    from facilitator.reviews.candidates import candidates
    from facilitator.reviews.team_rules import ROLES_BY_KIND

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
        return EX_USAGE
    roles = ROLES_BY_KIND[review.kind]
    role = next((r for r in roles if _key(r.value) == _key(role_words)), None)
    if role is None:
        named = " or ".join(f"“{r.value}”" for r in roles)
        print(
            f"balcony: “{role_words}” is not a role on a {review.kind}: choose {named}.",
            file=sys.stderr,
        )
        return EX_USAGE
    found = candidates(workspace.reviews, workspace.pool, review_id, role, today())
    for person, reasons in found:
        verdict = f"no\t{_joined(reasons)}" if reasons else "yes"
        print(f"{person.name}\t{person.authority}\t{verdict}")
    return 0


def _joined(reasons: list[str]) -> str:
    """The reasons one after another, each a sentence of its own: "A. B. C." """
    return " ".join(reasons)


def _key(words: str) -> str:
    """A role as typed, case and punctuation aside: `pcr-team-member` is "PCR team member"."""
    return re.sub(r"[^a-z0-9]", "", words.casefold())
