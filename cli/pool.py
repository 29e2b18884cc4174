"""`balcony pool [import FILE.csv]`: the pool of peer challengers, listed or filled from CSV;
`balcony pool candidates REVIEW_ID --role ROLE` is cli/reviews.py's."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.workspace import Workspace


def run_pool_command(workspace: Workspace, args: argparse.Namespace) -> int:
    if args.pool_command == "import":
        return import_pool(workspace, args.file)
    if args.pool_command == "candidates":
        from cli.reviews import list_candidates

        return list_candidates(workspace, args.review_id, args.role, args.on)
    return list_pool(workspace)


def list_pool(workspace: Workspace) -> int:
    """One person a line, tab-separated: id, name, authority, roles approved."""
    for person in workspace.pool.people():
        roles = "; ".join(role.value for role in person.details.roles_approved)
        print(f"{person.id}\t{person.name}\t{person.authority}\t{roles}")
    return 0


def import_pool(workspace: Workspace, file: str) -> int:
    """Adds every row or none; each problem on stderr as "Row N, Column: …", status 1."""
    from facilitator.pool.importing import import_pool_file

    result = import_pool_file(workspace.pool, file)
    for error in result.errors:
        print(f"{result.source}: {error}", file=sys.stderr)
    print(result.summary, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1
