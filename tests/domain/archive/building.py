"""Days to archive, the database seen without its ids, and archives to spoil on purpose."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func
from sqlalchemy import select as sa_select
from sqlmodel import SQLModel, select

from facilitator.archive.format import MEMBER, table
from facilitator.archive.scope import CARRIED_TABLES
from facilitator.common.vocabulary import DayKind, DayMode, FollowUpKind, PlenaryQuestion
from facilitator.demo import create_demo_day
from facilitator.planning.planner import AuthorityEntry, NewDay, TeamMember
from facilitator.records.exporting import RecordExports
from facilitator.records.keys import RecordKey
from facilitator.storage.database import Database
from facilitator.storage.models import (
    Action,
    AskedQuestion,
    Attendee,
    Exchange,
    FollowUp,
    Introduction,
    Person,
    PlenaryItem,
    ScaleAnswer,
    Session,
)
from facilitator.storage.record_tables import RecordState, RecordVersion
from facilitator.workspace import Workspace

MOMENT = dt.datetime(2027, 1, 18, 11, 30, tzinfo=dt.UTC)


def rich_demo_day(workspace: Workspace, folder: Path) -> int:
    """The demo triad with focus risks, an action, an ask and an offer (routed), a question
    asked, a scale answer, an introduction, a plenary item, an attendee, follow-ups of the
    action and the ask, and its records exported (one state keeping a version)."""
    day_id = create_demo_day(workspace.planner, workspace.notebook, workspace.outcome_route)
    with workspace.db.session_scope() as s:
        session = s.exec(select(Session).where(Session.day_id == day_id)).first()
        person = s.exec(select(Person).where(Person.name == "Jo Whitlock")).first()
        visitor = next(
            sa.authority_id
            for sa in s.exec(select(Session).where(Session.day_id == day_id))
            if sa.id != session.id
        )
        s.add(
            AskedQuestion(
                session_id=session.id,
                question_id="q-stability",
                theme_id="leadership",
                theme_title="Leadership",
                text="How stable is the leadership team?",
                authority_id=visitor,
                person_id=person.id,
                asked_at=MOMENT,
            )
        )
        s.add(
            ScaleAnswer(
                session_id=session.id,
                question_id="scale-1",
                authority_id=session.authority_id,
                value=6,
                answered_at=MOMENT,
                asked_by_authority_id=visitor,
            )
        )
        s.add(Introduction(day_id=day_id, person_id=person.id, name=person.name, gives="Data"))
        s.add(Introduction(day_id=day_id, name="A guest observer", receives="Ideas"))
        s.add(
            PlenaryItem(
                day_id=day_id,
                question=next(iter(PlenaryQuestion)),
                text="A regional hub for fostering recruitment.",
                person_id=person.id,
                authority_id=session.authority_id,
            )
        )
        s.add(Attendee(day_id=day_id, person_id=person.id))
        action = s.exec(select(Action).where(Action.session_id == session.id)).first()
        ask = s.exec(select(Exchange).where(Exchange.session_id == session.id)).first()
        s.add(FollowUp(kind=FollowUpKind.ACTION, action_id=action.id, who="Marcus Thorne"))
        s.add(
            FollowUp(
                kind=FollowUpKind.SUPPORT,
                exchange_id=ask.id,
                support="slip-support",
                due_on=dt.date(2027, 3, 1),
            )
        )
    export_records(workspace, day_id, folder)
    with workspace.db.session_scope() as s:
        state = s.exec(select(RecordState)).first()
        version = s.exec(
            select(RecordVersion).where(RecordVersion.record_key == state.record_key)
        ).first()
        state.kept_version_id = version.id
        s.add(state)
    return day_id


def export_records(workspace: Workspace, day_id: int, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    exports = RecordExports(workspace)
    for record in exports.day_records(day_id):
        exports.export(record, folder / f"{day_id}-{record.file_stem}.docx")


def plain_day(
    workspace: Workspace, date: dt.date, names: tuple[str, ...], cycle: str = "2026–27"
) -> int:
    """A planned triad of `names` (their DCS invented from the name) in `cycle`."""
    return workspace.planner.create_day(
        NewDay(
            date=date,
            kind=DayKind.TRIAD,
            mode=DayMode.FACE_TO_FACE,
            authorities=tuple(
                AuthorityEntry(
                    name, name[:2].upper(), f"{name} DCS", (TeamMember(f"{name} AD", "AD"),)
                )
                for name in names
            ),
            venue="Civic Hall",
            cycle_name=cycle,
        )
    )


def counts(db: Database) -> dict[str, int]:
    """Rows in every table of the data file."""
    with db.session_scope() as s:
        conn = s.connection()
        return {
            t.name: conn.execute(sa_select(func.count()).select_from(t)).scalar_one()
            for t in SQLModel.metadata.sorted_tables
        }


def projection(db: Database) -> dict[str, Counter[str]]:
    """Every carried row of the data file with each id it holds replaced by what it names,
    down to natural keys: equal projections mean equal content, whatever the ids."""
    with db.session_scope() as s:
        conn = s.connection()
        rows = {name: {_row_id(name, r): r for r in _all(conn, name)} for name in CARRIED_TABLES}
    memo: dict[tuple[str, Any], Any] = {}

    def named(name: str, key: Any) -> Any:
        if (name, key) not in memo:
            row = rows[name][key]
            if name in ("cycle", "authority"):
                memo[name, key] = row["name"]
            else:
                memo[name, key] = tuple(
                    sorted((column, value(name, column, row)) for column in row if column != "id")
                )
        return memo[name, key]

    def value(name: str, column: str, row: dict[str, Any]) -> Any:
        target = _foreign_keys(name).get(column) or _RECORD_IDS.get(column)
        if target is not None and row[column] is not None:
            return named(target, row[column])
        if column == "record_key":
            key = RecordKey.from_identifier(row[column])
            return (
                key.kind,
                key.day_id and named("day", key.day_id),
                key.session_id and named("session", key.session_id),
                key.authority_id and named("authority", key.authority_id),
            )
        return repr(row[column])

    return {name: Counter(repr(named(name, key)) for key in rows[name]) for name in CARRIED_TABLES}


# Written out here rather than taken from the archive's code, so a mistake there shows.
_RECORD_IDS = {
    "day_id": "day",
    "session_id": "session",
    "authority_id": "authority",
    "kept_version_id": "recordversion",
}


def _foreign_keys(name: str) -> dict[str, str]:
    return {
        column.name: key.column.table.name
        for column in table(name).columns
        for key in column.foreign_keys
    }


def _all(conn: Connection, name: str) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sa_select(table(name))).mappings()]


def _row_id(name: str, row: dict[str, Any]) -> Any:
    return row["record_key"] if name == "recordstate" else row["id"]


def rewrite(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Changes the archive's JSON in place, as a damaged or hand-edited file would be."""
    with zipfile.ZipFile(path) as package:
        body = json.loads(package.read(MEMBER))
    change(body)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(MEMBER, json.dumps(body))
    path.write_bytes(buffer.getvalue())
