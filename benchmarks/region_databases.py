"""Databases for the region benchmark (bench_region.py): made and dropped on the server,
and how big a database is, on the server or as a data file."""

from __future__ import annotations

from pathlib import Path

from facilitator.storage.location import ServerAddress
from facilitator.workspace import Workspace


def admin_connection(url: str):  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(url, autocommit=True)


def server_address(admin: str, name: str) -> ServerAddress:
    return ServerAddress.parse(f"{admin.rsplit('/', 1)[0]}/{name}")


def fresh_database(admin: str, name: str) -> ServerAddress:
    with admin_connection(admin) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_address(admin, name)


def drop_database(admin: str, name: str) -> None:
    with admin_connection(admin) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_size(address: ServerAddress) -> tuple[int, dict[str, int], dict[str, int]]:
    """The database's bytes after VACUUM ANALYZE (as autovacuum would leave it), and each
    table's rows and bytes (with its indexes and TOAST)."""
    with admin_connection(address.url) as conn:
        conn.execute("VACUUM ANALYZE")
        total = conn.execute("SELECT pg_database_size(current_database())").fetchone()
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
        ]
        rows: dict[str, int] = {}
        sizes: dict[str, int] = {}
        for table in tables:
            rows[table] = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            sizes[table] = conn.execute(
                "SELECT pg_total_relation_size(%s::regclass)", (f'"{table}"',)
            ).fetchone()[0]
    return int(total[0]) if total else 0, rows, sizes


def file_size(path: Path) -> int:
    return sum(
        p.stat().st_size for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()
    )


def blob_bytes(workspace: Workspace) -> tuple[int, int]:
    from sqlalchemy import func
    from sqlmodel import select

    from facilitator.storage.record_tables import RecordVersion

    with workspace.db.session_scope() as s:
        count, total = s.exec(
            select(func.count(), func.coalesce(func.sum(func.length(RecordVersion.document)), 0))
        ).one()
    return int(count), int(total)
