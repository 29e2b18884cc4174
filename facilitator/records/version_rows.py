"""A record's versions and state as stored, and as the UI reads them.

The RecordBook (versions.py) changes them inside its units of work; these read and shape them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypedDict

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.records.keys import RecordKey, long_date
from facilitator.records.version_rules import RecordError, the_record
from facilitator.storage.record_tables import (
    RecordKind,
    RecordState,
    RecordStatus,
    RecordVersion,
    VersionOrigin,
)
from facilitator.storage.rows import get_stored, stored_id


@dataclass(frozen=True)
class RecordStateView:
    key: RecordKey
    status: RecordStatus
    version: int  # the latest version exported; 0 before the first export
    locked: bool
    sent_version: int | None
    sent_at: dt.datetime | None
    agreed_on: dt.date | None
    agreed_version: int | None
    kept_amended: bool  # a returned file is kept as the amended text, not in the notes
    reopened_at: dt.datetime | None
    reopen_reason: str

    @property
    def exported(self) -> bool:
        return self.version > 0

    @property
    def sent_on(self) -> dt.date | None:
        """The day the latest sent version went out, in the machine's time zone."""
        return self.sent_at.astimezone().date() if self.sent_at else None


@dataclass(frozen=True)
class VersionView:
    id: int
    version: int
    status: RecordStatus
    origin: VersionOrigin
    created_at: dt.datetime
    file_name: str
    sent_at: dt.datetime | None
    agreed_on: dt.date | None
    taken_in: bool

    @property
    def label(self) -> str:
        """ "Version 2, draft, exported 3 February 2027"."""
        when = long_date(self.created_at.astimezone().date())
        if self.origin is VersionOrigin.RETURNED:
            what = "changes taken into the notes" if self.taken_in else "kept as amended text"
            return f"Version {self.version} returned amended {when} ({what})"
        status = self.status.value
        if self.agreed_on:
            status = f"agreed on {long_date(self.agreed_on)}"
        sent = f", sent {long_date(self.sent_at.astimezone().date())}" if self.sent_at else ""
        return f"Version {self.version}, {status}, exported {when}{sent}"


class KeyColumns(TypedDict):
    record_key: str
    kind: RecordKind
    day_id: int | None
    session_id: int | None
    authority_id: int | None
    cycle_name: str
    review_id: int | None


def key_columns(key: RecordKey) -> KeyColumns:
    return {
        "record_key": key.identifier,
        "kind": key.kind,
        "day_id": key.day_id,
        "session_id": key.session_id,
        "authority_id": key.authority_id,
        "cycle_name": key.cycle_name,
        "review_id": key.review_id,
    }


def new_state(key: RecordKey) -> RecordState:
    return RecordState(**key_columns(key))


def exported_state(s: DbSession, key: RecordKey, fix: str) -> RecordState:
    state = s.get(RecordState, key.identifier)
    if state is None or state.version < 1:
        raise RecordError(f"{the_record(key)} has not been exported yet. {fix}")
    return state


def all_versions(s: DbSession, key: RecordKey) -> list[RecordVersion]:
    return list(
        s.exec(
            select(RecordVersion)
            .where(RecordVersion.record_key == key.identifier)
            .order_by(col(RecordVersion.created_at), col(RecordVersion.id))
        ).all()
    )


def latest_exported(
    s: DbSession, key: RecordKey, number: int | None = None
) -> RecordVersion | None:
    query = select(RecordVersion).where(
        RecordVersion.record_key == key.identifier,
        RecordVersion.origin == VersionOrigin.EXPORTED,
    )
    if number is not None:
        query = query.where(RecordVersion.version == number)
    return s.exec(query.order_by(col(RecordVersion.id).desc())).first()


def get_version(s: DbSession, version_id: int) -> RecordVersion:
    return get_stored(s, RecordVersion, version_id, "stored version")


def state_view(key: RecordKey, state: RecordState | None) -> RecordStateView:
    if state is None:
        state = new_state(key)
    return RecordStateView(
        key=key,
        status=state.status,
        version=state.version,
        locked=state.locked,
        sent_version=state.sent_version,
        sent_at=state.sent_at,
        agreed_on=state.agreed_on,
        agreed_version=state.agreed_version,
        kept_amended=state.kept_version_id is not None,
        reopened_at=state.reopened_at,
        reopen_reason=state.reopen_reason,
    )


def version_view(row: RecordVersion) -> VersionView:
    return VersionView(
        id=stored_id(row.id),
        version=row.version,
        status=row.status,
        origin=row.origin,
        created_at=row.created_at,
        file_name=row.file_name,
        sent_at=row.sent_at,
        agreed_on=row.agreed_on,
        taken_in=row.taken_in,
    )
